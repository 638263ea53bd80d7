/**
 * Names to comparable tokens: folded to lower-case ASCII, apostrophes and breves dropped
 * (Ch'oe Sŏk → choe sok), split at spaces, hyphens and punctuation, titles and honorifics removed
 * from persons, legal forms set aside and abbreviations and numerals spelt one way for
 * organisations (Co., Ltd. / SHPG / Second → 2).
 */
import anyAscii from "any-ascii";

export type NameKind = "person" | "organization" | "any";

export interface NameTokens {
  tokens: string[];
  /** Legal forms found in an organisation's name (ltd, corp, jsc …), kept apart. */
  legalForms: string[];
}

/** Titles and honorifics that precede names (shared with document name extraction). */
export const TITLES = new Set(
  "mr mrs ms miss dr prof sir gen general col colonel lt ltcol capt captain maj major brig admiral adm cmdr haji hajji hadji mullah mulla sheikh shaykh sheik sayyid sayed maulana maulvi mawlawi qari hafiz eng engr ambassador amb president minister comrade prasident presidente presiden predsjednik presedintele elnok prezident prezydent presidentti".split(
    " ",
  ),
);

/** Company legal forms, lower case without dots. */
export const LEGAL_FORMS = new Set(
  "co company corp corporation inc incorporated ltd limited llc plc jsc ojsc cjsc pjsc ooo zao oao pao gmbh ag sa sarl srl spa bv nv jv pte pvt fze fzco fzc fzllc llp lp kk kabushiki kaisha gk sas sl ab oy bhd sdn tov pt cv sac saic ltda eirl".split(
    " ",
  ),
);

const OFFICE_WORDS = new Set(["office", "bureau", "room", "division"]);

const ORG_STOPWORDS = new Set([
  "the",
  "of",
  "and",
  "for",
  "de",
  "del",
  "la",
  "el",
  "und",
  "et",
  "y",
]);

/** Abbreviations lists print for the same word. */
const ORG_SYNONYMS: Record<string, string> = {
  shpg: "shipping",
  shipg: "shipping",
  intl: "international",
  int: "international",
  trdg: "trading",
  mfg: "manufacturing",
  dev: "development",
  devt: "development",
  bk: "bank",
  natl: "national",
  assn: "association",
  assoc: "association",
  ind: "industrial",
  indus: "industrial",
  tech: "technology",
  svcs: "services",
  svc: "services",
  mgmt: "management",
  grp: "group",
  hldg: "holding",
  hldgs: "holding",
  holdings: "holding",
  ent: "enterprise",
  enterprises: "enterprise",
  bros: "brothers",
  dept: "department",
  tr: "trading",
  gen: "general",
};

const NUMERALS: Record<string, string> = {
  first: "1",
  "1st": "1",
  second: "2",
  "2nd": "2",
  third: "3",
  "3rd": "3",
  fourth: "4",
  "4th": "4",
  fifth: "5",
  "5th": "5",
  sixth: "6",
  "6th": "6",
  seventh: "7",
  "7th": "7",
  eighth: "8",
  "8th": "8",
  ninth: "9",
  "9th": "9",
  tenth: "10",
  "10th": "10",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  ii: "2",
  iii: "3",
  iv: "4",
};

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower-case ASCII, marks removed, apostrophes gone (they split no syllables in lists). */
export function foldName(text: string): string {
  const decomposed = text.normalize("NFKD").replace(/\p{M}/gu, "");
  const ascii = isAscii(decomposed) ? decomposed : anyAscii(decomposed);
  return ascii.toLowerCase().replace(/['`’‘ʼʻ"]/g, "");
}

export function tokenizeName(latin: string, kind: NameKind = "any"): NameTokens {
  const raw = foldName(latin)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const tokens: string[] = [];
  const legalForms: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let token = raw[i]!;
    if (kind === "person") {
      if (TITLES.has(token) && raw.length > 2) continue;
      tokens.push(token);
      continue;
    }
    if (LEGAL_FORMS.has(token) && (kind === "organization" || raw.length > 1)) {
      legalForms.push(token);
      continue;
    }
    if (kind === "organization" && ORG_STOPWORDS.has(token) && raw.length > 1) continue;
    // Korean "Che 2" is "No. 2": the numeral carries the meaning.
    if (token === "che" && /^\d+$/.test(raw[i + 1] ?? "")) continue;
    // DPRK party offices go by Office, Bureau, Room or Division with their number (Office 39).
    if (OFFICE_WORDS.has(token) && /^\d+$/.test(raw[i + 1] ?? "")) token = "office";
    token = ORG_SYNONYMS[token] ?? NUMERALS[token] ?? token;
    tokens.push(token);
  }
  // A name made only of legal forms ("Co Ltd") keeps them as its tokens.
  if (tokens.length === 0 && legalForms.length > 0) return { tokens: legalForms, legalForms: [] };
  return { tokens, legalForms };
}
