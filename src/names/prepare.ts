/**
 * A name ready for comparison: every Latin rendering of it, tokenised, with phonetic keys.
 * Prepared once per listed name when the index is built, and once per query name.
 */
import { phoneticKey } from "./phonetic.ts";
import { latinVariants } from "./romanize.ts";
import { tokenizeName, type NameKind } from "./normalize.ts";

/** A token, or two neighbouring syllable-sized tokens joined, with the tokens it covers as bits. */
export interface NameUnit {
  text: string;
  key: string;
  mask: number;
}

export interface PreparedForm {
  kind: NameKind;
  tokens: string[];
  units: NameUnit[];
  keys: string[];
  legalForms: string[];
  /** Characters in all tokens: the weight of the form in alignments. */
  length: number;
}

export interface PreparedName {
  original: string;
  forms: PreparedForm[];
}

export function prepareName(original: string, kind: NameKind): PreparedName {
  const forms: PreparedForm[] = [];
  const seen = new Set<string>();
  for (const latin of latinVariants(original)) {
    const { tokens, legalForms } = tokenizeName(latin, kind);
    if (tokens.length === 0) continue;
    const signature = tokens.join(" ");
    if (seen.has(signature)) continue;
    seen.add(signature);
    const keys = tokens.map(phoneticKey);
    forms.push({
      kind,
      tokens,
      units: nameUnits(tokens, keys),
      keys,
      legalForms,
      length: tokens.reduce((sum, t) => sum + t.length, 0),
    });
  }
  return { original, forms };
}

/** Joined pairs are only tried for syllable-sized parts. */
const MAX_SYLLABLE = 5;
/** Tokens beyond this many are not aligned (masks are 31-bit). */
const MAX_TOKENS = 30;

function nameUnits(tokens: string[], keys: string[]): NameUnit[] {
  const count = Math.min(tokens.length, MAX_TOKENS);
  const units: NameUnit[] = [];
  for (let i = 0; i < count; i++) units.push({ text: tokens[i]!, key: keys[i]!, mask: 1 << i });
  for (let i = 0; i + 1 < count; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.length <= MAX_SYLLABLE && b.length <= MAX_SYLLABLE) {
      units.push({ text: a + b, key: keys[i]! + keys[i + 1]!, mask: (1 << i) | (1 << (i + 1)) });
    }
  }
  return units;
}
