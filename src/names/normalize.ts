/**
 * Names to comparable tokens: folded to lower-case ASCII, apostrophes and breves dropped
 * (Ch'oe Sŏk → choe sok), split at spaces, hyphens and punctuation, titles and honorifics removed
 * from persons, legal forms set aside and abbreviations and numerals spelt one way for
 * organisations (Co., Ltd. / SHPG / Second → 2).
 */
import anyAscii from "any-ascii";
import { spellNumbers } from "./numbers.ts";
import { orgSymbolWords } from "./org-symbols.ts";
import { ORG_VOCABULARY } from "./org-vocabulary.ts";
import { legalFormOf, splitLegalForms, type LegalForm } from "./org-types.ts";
import {
  DEMONYMS,
  ORG_WORD_EQUIVALENTS,
  PERSON_TITLES,
  collapseCountryPhrases,
  collapseKoreanPhrases,
} from "./words.ts";

export type NameKind = "person" | "organization" | "any";

export interface NameTokens {
  tokens: string[];
  /** Legal forms found in an organisation's name (ltd, corp, jsc …), kept apart. */
  legalForms: LegalForm[];
  /** The folded words as written, for acronyms and for names written joined (MacDonald). */
  words: string[];
}

/** Titles and honorifics that precede names (shared with document name extraction). */
export const TITLES = new Set(
  "mr mrs ms miss dr prof sir gen general col colonel lt ltcol capt captain maj major brig admiral adm cmdr haji hajji hadji mullah mulla sheikh shaykh sheik sayyid sayed maulana maulvi mawlawi qari hafiz eng engr ambassador amb president minister comrade prasident presidente presiden predsjednik presedintele elnok prezident prezydent presidentti".split(
    " ",
  ),
);

/** Company legal forms, lower case without dots. */
export const LEGAL_FORMS = new Set(
  "co company corp corporation corporacion compania cia compagnie cie inc incorporated ltd limited llc plc jsc ojsc cjsc pjsc ooo zao oao pao gmbh ag sa sarl srl spa bv nv jv pte pvt fze fzco fzc fzllc llp lp kk kabushiki kaisha gk sas sl ab oy bhd sdn tov pt cv sac saic ltda eirl".split(
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
  // "and" in Turkish, Persian, Arabic and Swedish names (Sanayi ve Ticaret).
  "ve",
  "va",
  "wa",
  "och",
]);

/** Abbreviations lists print for the same word. */
// Maps, not object literals: a name part may be "constructor" or "toString".
const ORG_SYNONYMS = new Map<string, string>(
  Object.entries({
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
    // Russian research and design bodies by their initials (OKB Sukhoi, TsNII Burevestnik).
    okb: "experimental design bureau",
    skb: "special design bureau",
    nii: "research institute",
    tsnii: "central research institute",
    tr: "trading",
    gen: "general",
    ...ORG_VOCABULARY,
    ...ORG_WORD_EQUIVALENTS,
    ...DEMONYMS,
  }).map(([word, english]) => [
    word,
    english
      .split(" ")
      .map((w) => DEMONYMS[w] ?? w)
      .join(" "),
  ]),
);

/**
 * Words of rigour's table (org-symbols.ts) that the words above lack, read in English. They make
 * a second reading of a name rather than replace its words: a word of one language may be
 * another's (German Labor is a laboratory), and Nordsee Werke must still meet Nordseewerke.
 */
const SYMBOL_WORDS = (() => {
  const targets = new Set([...ORG_SYNONYMS.values()].flatMap((english) => english.split(" ")));
  const words = new Map<string, string>();
  for (const [word, english] of orgSymbolWords())
    if (!ORG_SYNONYMS.has(word) && !targets.has(word))
      words.set(word, ORG_SYNONYMS.get(english) ?? english);
  return words;
})();

/**
 * Case and number endings of Russian and other Slavic words in Latin letters (issledovaniy,
 * issledovanie; respubliki, respublika): the table lists a word in one or two of its forms.
 */
const SLAVIC_ENDING =
  /(?:iyami|iyakh|iyam|ogo|ego|omu|emu|ykh|ikh|ymi|imi|ami|yami|akh|yakh|iye|iya|iyu|iy|ii|ie|yy|yi|oy|ey|aya|yaya|uyu|om|em|ov|ev|ya|yu|a|e|i|o|u|y)$/;
const MIN_STEM = 5;

function slavicStem(word: string): string {
  const stem = word.replace(SLAVIC_ENDING, "");
  return stem.length >= MIN_STEM ? stem : word;
}

/** Stems of the table's words, each with its English word; a stem two words share is dropped. */
const SYMBOL_STEMS = (() => {
  const stems = new Map<string, string | null>();
  for (const [word, english] of SYMBOL_WORDS) {
    const stem = slavicStem(word);
    if (stem === word) continue;
    const known = stems.get(stem);
    stems.set(stem, known === undefined || known === english ? english : null);
  }
  return stems;
})();

function symbolWord(token: string): string | undefined {
  const word = SYMBOL_WORDS.get(token);
  if (word !== undefined || token.length <= MIN_STEM) return word;
  return SYMBOL_STEMS.get(slavicStem(token)) ?? undefined;
}

/** An organisation's tokens with the words of other languages read in English, if any are. */
export function symbolReading(tokens: string[]): string[] | undefined {
  const english = tokens.map(symbolWord);
  if (english.every((word) => word === undefined)) return undefined;
  return tokens.flatMap((token, i) => english[i]?.split(" ") ?? token);
}

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

/**
 * Digits written for letters inside a word (Vlad1mir Put1n, 0MAR): read as the letters they
 * stand for. Words mostly of digits (A320, Tu154, 2nd) are left alone.
 */
const DIGIT_LETTERS = new Map<string, string>(
  Object.entries({
    "0": "o",
    "1": "i",
    "3": "e",
    "4": "a",
    "5": "s",
    "7": "t",
    "8": "b",
  }),
);

function lettersForDigits(token: string, minLetters: number): string {
  let digits = 0;
  for (let i = 0; i < token.length; i++) if (isDigitCode(token.charCodeAt(i))) digits++;
  const letters = token.length - digits;
  if (digits === 0 || letters < minLetters || digits * 2 > letters) return token;
  if (/^\d+(st|nd|rd|th)$/.test(token)) return token;
  return token.replace(/[0-9]/g, (d) => DIGIT_LETTERS.get(d) ?? d);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Folded words of a name, an "@" inside a word read as "a" (Moh@mmed), a "$" before letters as "s" ($echin). A person's two-letter
 * word with a digit is a name (K1m); a company's is often a brand (G4S, 3M).
 */
function rawTokens(latin: string, kind: NameKind): string[] {
  const minLetters = kind === "person" ? 2 : 3;
  return foldName(latin.replace(/(?<=\p{L})@(?=\p{L})/gu, "a").replace(/\$(?=\p{L})/gu, "s"))
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((token) => lettersForDigits(token, minLetters));
}

/** The Persian ezafe written onto a word of a body's name (Bonyad-e Mostazafan, Sepah-e Pasdaran). */
const EZAFE = /(?<=\p{L}{3})-y?e(?=\s)/gu;

export function tokenizeName(given: string, kind: NameKind = "any"): NameTokens {
  const latin = kind === "person" ? given : given.replace(EZAFE, "");
  const raw = rawTokens(latin, kind);
  if (kind === "person") return { tokens: personTokens(raw), legalForms: [], words: raw };
  // Elided articles are words of their own for acronyms: Centre d'Etudes … = CERS.
  const elided = /\b[dl]['’](?=\p{L})/giu;
  const words = joinLetters(
    elided.test(latin) ? rawTokens(latin.replace(elided, "$& "), kind) : raw,
  );
  return { ...organisationTokens(raw, kind), words };
}

/** Single letters in a row in an organisation's name are one acronym: K.O.M.I.D. = KOMID. */
function joinLetters(tokens: string[]): string[] {
  const out: string[] = [];
  let run = "";
  for (const token of tokens) {
    if (token.length === 1 && /[a-z]/.test(token)) {
      run += token;
      continue;
    }
    if (run) out.push(run);
    run = "";
    out.push(token);
  }
  if (run) out.push(run);
  return out;
}

/** Arabic name particles spelt one way: ibn/ben → bin, abou → abu; al-/el- before a name dropped. */
const PARTICLES = new Map([
  ["ibn", "bin"],
  ["ben", "bin"],
  ["abou", "abu"],
  ["abo", "abu"],
]);
/**
 * Abdul, Abdel, Abd al, Abdur, Abdu … + name: "Abd" and the name, however they are joined and
 * whatever the article assimilated to (Abdurrahman, Abdurahman, Abdul Rahman: Abd + Rahman).
 */
function abdJoined(token: string): [string, string] | undefined {
  if (!token.startsWith("abd") || token.length < 7) return undefined;
  const rest = token
    .slice(3)
    .replace(/^(?:[aeiou]l|[aeiou]([rsdtnz])(?=\1)|[aeiou])/, "")
    .replace(/^([a-z])\1/, "$1");
  if (rest.length < 3 && !/^l+ah?$/.test(rest)) return undefined;
  // Abdullah, Abdallah, Abdollah: Abd Allah.
  return ["abd", /^[aeiou]?l+ah?$/.test(rest) ? "allah" : rest];
}

/** The Shia clerical rank in words (Hojjat al-Eslam, Hujjat ul-Islam): Islam alone is a name part. */
const HOJJAT = new Set(["hojjat", "hojat", "hujjat", "hojjatul", "hujjatul"]);

function withoutClericalRank(raw: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!HOJJAT.has(raw[i]!)) {
      out.push(raw[i]!);
      continue;
    }
    let j = i + 1;
    if (/^(?:al|ol|ul|el)$/.test(raw[j] ?? "")) j++;
    if (/^(?:eslam|islam)$/.test(raw[j] ?? "")) i = j;
  }
  return out;
}

function personTokens(given: string[]): string[] {
  const raw = withoutClericalRank(given);
  // Titles go when two words of the name are left: "Sheikh Omar" may be the whole alias.
  // Lok (Khmer "Sir") only before the title it opens: Lok Chumteav, Lok Oknha; alone it is a surname.
  // Coronel is a family name (Emma Coronel Aispuro) and a rank only after Teniente.
  const named = raw.filter(
    (t, i) =>
      !PERSON_TITLES.has(t) &&
      !(t === "lok" && PERSON_TITLES.has(raw[i + 1] ?? "")) &&
      !(t === "coronel" && raw[i - 1] === "teniente"),
  );
  const words = named.length >= 2 ? named : raw;
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const token = PARTICLES.get(words[i]!) ?? words[i]!;
    const next = words[i + 1];
    if ((token === "al" || token === "el") && next && words.length > 2) continue;
    if (token === "abd" || token === "abdul" || token === "abdel") {
      tokens.push("abd");
      // Abd al-Rahman: the article between is part of the joined form.
      if (next === "al" || next === "el" || next === "ul") i++;
      continue;
    }
    const abd = abdJoined(token);
    if (abd) {
      tokens.push(...abd);
      continue;
    }
    tokens.push(token);
  }
  return tokens;
}

/** A few letters run into a number (OT2077, Brigade44) are a word and a number: OT-2077. */
function splitTrailingNumber(token: string): string[] {
  const match = /^([a-z]{2,8})(\d{2,})$/.exec(token);
  return match ? [match[1]!, match[2]!] : [token];
}

function organisationTokens(raw: string[], kind: NameKind): Omit<NameTokens, "words"> {
  // A name of single letters only (S.C.O.T.) is an acronym, not a legal form (S.C.) and letters.
  if (raw.length >= 2 && raw.every((t) => t.length === 1))
    return { tokens: [raw.join("")], legalForms: [] };
  // Turkish companies abbreviate "Sanayi ve Ticaret" as San. ve Tic.: San is Sanayi beside Tic.
  const turkish = raw.includes("tic") || raw.includes("ticaret");
  const expanded = collapseCountryPhrases(
    collapseKoreanPhrases(spellNumbers(raw.flatMap(splitTrailingNumber))),
  ).flatMap((token) =>
    (ORG_SYNONYMS.get(turkish && token === "san" ? "sanayi" : token) ?? token).split(" "),
  );
  const { name, forms } =
    kind === "organization" ? splitLegalForms(expanded) : { name: expanded, forms: [] };
  const legalForms = [...forms];
  const tokens: string[] = [];
  for (let i = 0; i < name.length; i++) {
    let token = name[i]!;
    if (LEGAL_FORMS.has(token) && (kind === "organization" || name.length > 1)) {
      legalForms.push(legalFormOf(token) ?? { compare: token, generic: "" });
      continue;
    }
    // "y" (Spanish "and") only between words: in Y.K. it is a letter of a legal form.
    const letterOfInitials =
      token.length === 1 && ((name[i - 1] ?? "").length === 1 || (name[i + 1] ?? "").length === 1);
    if (kind === "organization" && ORG_STOPWORDS.has(token) && name.length > 1 && !letterOfInitials)
      continue;
    // Korean "Che 2" is "No. 2": the numeral carries the meaning.
    if (token === "che" && /^\d+$/.test(name[i + 1] ?? "")) continue;
    // DPRK party offices go by Office, Bureau, Room or Division with their number (Office 39).
    if (OFFICE_WORDS.has(token) && /^\d+$/.test(name[i + 1] ?? "")) token = "office";
    tokens.push(token);
  }
  // A name made only of legal forms ("Co Ltd") keeps them as its tokens.
  if (tokens.length === 0 && legalForms.length > 0)
    return { tokens: legalForms.map((f) => f.compare), legalForms: [] };
  // Dotted forms joined up (K.K., Y.K.) are legal forms at the edges too.
  const joined = joinLetters(tokens);
  if (kind !== "organization" || joined.length === tokens.length)
    return { tokens: joined, legalForms };
  const edgeForm = (token: string) =>
    legalFormOf(token) ?? (LEGAL_FORMS.has(token) ? { compare: token, generic: "" } : undefined);
  while (joined.length > 1) {
    const form = edgeForm(joined[joined.length - 1]!) ?? edgeForm(joined[0]!);
    if (!form) break;
    if (edgeForm(joined[joined.length - 1]!)) joined.pop();
    else joined.shift();
    legalForms.push(form);
  }
  return { tokens: joined, legalForms };
}
