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
 * Whether two sets of legal forms say the companies differ: both name a form, none is shared,
 * and no generic kind is shared (AG, a JSC, against GmbH, an LLC). Forms of one kind are not a
 * difference: lists translate them (Aktsionernoe Obshchestvo, Joint Stock Company, AO).
 */
export function legalFormsDiffer(a: LegalForm[], b: LegalForm[]): boolean {
  a = a.filter(specific);
  b = b.filter(specific);
  if (a.length === 0 || b.length === 0) return false;
  if (a.some((x) => b.some((y) => x.compare === y.compare))) return false;
  const kinds = (forms: LegalForm[]) => forms.map((f) => f.generic).filter(Boolean);
  const ka = kinds(a);
  const kb = kinds(b);
  return ka.length > 0 && kb.length > 0 && !ka.some((k) => kb.includes(k));
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
  "compania",
  "cia",
  "compagnie",
  "cie",
  "inc",
  "ltd",
  "coltd",
]);

function specific(form: LegalForm): boolean {
  return !LOOSE_FORMS.has(form.compare);
}
