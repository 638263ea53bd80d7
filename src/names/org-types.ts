/**
 * Legal forms written out, abbreviated or translated (Aktiengesellschaft = AG, Open Joint Stock
 * Company = OAO, Sp. z o.o., ООО, 有限公司), from the generated table in data/org-types.ts. They
 * are taken off the edges of an organisation's name, where names carry them, and kept by the
 * short form they compare as and their generic kind (LLC, JSC …): a brand with two different
 * legal forms is weak evidence of two companies (X AG, X GmbH).
 */
import { ORG_TYPE_TABLE } from "./data/org-types.ts";

export interface LegalForm {
  /** The form it is compared as: "ag" for Aktiengesellschaft, A.G. and AG. */
  compare: string;
  /** LLC, JSC, LP … or "" when the table gives none. */
  generic: string;
}

/** The longest phrase in the table, in tokens. */
const MAX_PHRASE = 8;

let table: Map<string, LegalForm> | undefined;

function phrases(): Map<string, LegalForm> {
  if (table) return table;
  table = new Map();
  for (const line of ORG_TYPE_TABLE.split("\n")) {
    const [phrase, compare, generic] = line.split("|");
    if (phrase && compare) table.set(phrase, { compare, generic: generic ?? "" });
  }
  return table;
}

/** The legal form a whole phrase of folded tokens names, if any. */
export function legalFormOf(phrase: string): LegalForm | undefined {
  return phrases().get(phrase);
}

/**
 * Splits legal forms off both ends of a name's tokens ("open joint stock company rosneft" →
 * rosneft + oao-like form; "volkswagen aktiengesellschaft" → volkswagen + ag), longest phrase
 * first, keeping at least one token of the name itself.
 */
export function splitLegalForms(tokens: string[]): { name: string[]; forms: LegalForm[] } {
  const forms: LegalForm[] = [];
  let start = 0;
  let end = tokens.length;
  let found = true;
  while (found && end - start > 1) {
    found = false;
    for (let length = Math.min(MAX_PHRASE, end - start - 1); length >= 1; length--) {
      const tail = legalFormOf(tokens.slice(end - length, end).join(" "));
      if (tail) {
        forms.push(tail);
        end -= length;
        found = true;
        break;
      }
      const head = legalFormOf(tokens.slice(start, start + length).join(" "));
      if (head) {
        forms.push(head);
        start += length;
        found = true;
        break;
      }
    }
  }
  return { name: tokens.slice(start, end), forms };
}

/**
 * Whether two sets of legal forms say the companies differ. Lists translate the forms of some
 * countries into the English one of its kind (Russian OOO → LLC, AO → JSC; Japanese KK, Chinese
 * youxian gongsi, Vietnamese TNHH → Co., Ltd.), so such a local form against its English
 * translation is one company. Forms that lists keep as they are (AG, GmbH, SA, BV, FZE, W.L.L.)
 * differ from any other form, as analysts judge them: X AG and X GmbH, X FZE and X LLC, X Ltd and
 * X LLC are two companies. Only Co., Corp., Company and the like tell nothing.
 */
export function legalFormsDiffer(a: LegalForm[], b: LegalForm[]): boolean {
  a = a.filter(specific);
  b = b.filter(specific);
  if (a.length === 0 || b.length === 0) return false;
  if (kindOnOneSide(a, b) || kindOnOneSide(b, a)) return true;
  if (a.some((x) => b.some((y) => sameForm(x, y)))) return false;
  return !a.some((x) =>
    b.some(
      (y) => translates(x, y) || translates(y, x) || EQUIVALENT.has(`${x.compare}|${y.compare}`),
    ),
  );
}

/** Limited with its local prefixes: X Co., Ltd., X Pte. Ltd. and X Ltd. are written for one company. */
const LIMITED = new Set(["ltd", "coltd", "pteltd", "pvtltd", "disticltd"]);

/**
 * The joint-stock forms of the former Soviet Union are one company through its re-registrations
 * (OAO and ZAO became PAO and AO in 2014) and their English renderings.
 */
const SOVIET_JOINT_STOCK = new Set(["ao", "oao", "ojsc", "zao", "cjsc", "pao", "pjsc", "jsc"]);

function sameForm(x: LegalForm, y: LegalForm): boolean {
  if (x.compare === y.compare) return true;
  if (LIMITED.has(x.compare) && LIMITED.has(y.compare)) return true;
  return SOVIET_JOINT_STOCK.has(x.compare) && SOVIET_JOINT_STOCK.has(y.compare);
}

/** Kinds that are not companies: a foundation, a cooperative, a fund or a state body. */
const NON_COMPANY_KINDS = new Set(["NGO", "COOP", "FIN", "SOE"]);

/** A foundation or fund on one side that the other does not name is another body (X Stiftung GmbH, X GmbH). */
function kindOnOneSide(a: LegalForm[], b: LegalForm[]): boolean {
  return a.some((x) => NON_COMPANY_KINDS.has(x.generic) && !b.some((y) => y.generic === x.generic));
}

/**
 * One form in a country's languages: Swiss and Luxembourg AG = SA and GmbH = Sàrl, Belgian SPRL =
 * BVBA and SA = NV, Finnish Oy = Ab and Oyj = Abp.
 */
const EQUIVALENT = new Set(
  [
    ["ag", "sa"],
    ["gmbh", "sarl"],
    ["sprl", "bvba"],
    ["nv", "sa"],
    ["oy", "ab"],
    ["oyj", "abp"],
  ].flatMap(([x, y]) => [`${x}|${y}`, `${y}|${x}`]),
);

/** English forms lists translate local ones into, by generic kind. */
const ENGLISH_FORMS = new Set(["llc", "inc", "jsc", "ojsc", "cjsc", "pjsc", "plc", "llp", "lp"]);

/**
 * Local forms lists print in English: those of the former Soviet Union (written in Cyrillic at
 * home, so a list has to transliterate or translate them) and of East Asia (Co., Ltd. by custom).
 */
const SOVIET_FORMS = new Set(["ooo", "ao", "zao", "pao", "tov", "too", "aat", "zat", "vat", "oaj"]);
const SOVIET_MORE = [
  "mmc",
  "khk",
  "khkhk",
  "mchzh",
  "jscb",
  "aksiyadorlikjamiyati",
  "sharikatalmossahamah",
];
const EAST_ASIAN_FORMS = new Set([
  "kk",
  "yk",
  "jusikhoesa",
  "zhushihuishe",
  "yxgs",
  "gfyxgs",
  "tnhh",
  "ctytnhh",
  "ctytnhhmtv",
  "ctycp",
]);
for (const form of SOVIET_MORE) SOVIET_FORMS.add(form);

function translates(english: LegalForm, local: LegalForm): boolean {
  if (LIMITED.has(english.compare))
    return EAST_ASIAN_FORMS.has(local.compare) || SOVIET_FORMS.has(local.compare);
  return (
    ENGLISH_FORMS.has(english.compare) &&
    (SOVIET_FORMS.has(local.compare) || EAST_ASIAN_FORMS.has(local.compare)) &&
    english.generic !== "" &&
    english.generic === local.generic
  );
}

/**
 * Company, Corporation, Co., Corp. and the like: lists print one body's name with any of them
 * (a DPRK trading company is "Co." in one list and "Corporation" in another), so they tell nothing.
 */
const LOOSE_FORMS = new Set([
  "co",
  "company",
  "corp",
  "corporation",
  "corporacion",
  "concern",
  "kontsern",
  "konzern",
  "compania",
  "cia",
  "compagnie",
  "cie",
  // M/T, M/V, SS: a vessel's type (generate-name-tables.ts).
  "mv",
]);

function specific(form: LegalForm): boolean {
  return !LOOSE_FORMS.has(form.compare);
}
