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
 * Whether two sets of legal forms say the companies differ. Lists translate a local form into
 * the English one of its kind (Aktsionernoe Obshchestvo, AO → JSC; OOO → LLC), so a local form
 * against an English form of the same generic kind is one company. Otherwise two forms that
 * differ are two companies (AG and GmbH; SAS and SARL; FZE and FZCO; LLC and Inc.), as analysts
 * judge them; only Co., Ltd., Corp. and the like tell nothing.
 */
export function legalFormsDiffer(a: LegalForm[], b: LegalForm[]): boolean {
  a = a.filter(specific);
  b = b.filter(specific);
  if (a.length === 0 || b.length === 0) return false;
  if (a.some((x) => b.some((y) => x.compare === y.compare))) return false;
  return !a.some((x) =>
    b.some(
      (y) => translates(x, y) || translates(y, x) || EQUIVALENT.has(`${x.compare}|${y.compare}`),
    ),
  );
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

function translates(english: LegalForm, local: LegalForm): boolean {
  return (
    ENGLISH_FORMS.has(english.compare) &&
    !ENGLISH_FORMS.has(local.compare) &&
    english.generic !== "" &&
    english.generic === local.generic
  );
}

/**
 * Company, Corporation, Co., Ltd, Inc. and the like: lists print one body's name with any of them
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
  "ltd",
  "coltd",
]);

function specific(form: LegalForm): boolean {
  return !LOOSE_FORMS.has(form.compare);
}
