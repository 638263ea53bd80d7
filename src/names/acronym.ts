/**
 * Acronyms against the names they stand for, both ways: KOMID ~ Korea Mining Development
 * Trading Corporation, FTB ~ Foreign Trade Bank. An acronym is read off the name's words in
 * order, each word giving its first letter or first few letters (KO-MI-D); words may be left out
 * only at the end (Trading Corporation) or when they are small words (of, the, and). Letters in
 * another order are another body's acronym.
 */

import { isOptionalWord } from "./countries.ts";
import { LEGAL_FORMS } from "./normalize.ts";
import { legalFormOf, splitLegalForms } from "./org-types.ts";

/** Articles, prepositions and conjunctions, in the languages lists are written in. */
export const SMALL_WORDS = new Set(
  "of the and for in on at to a an de des du d la le les l el y e et und der die das von van den di da do dos del della per pour para och og en i".split(
    " ",
  ),
);
const MIN_LETTERS = 2;
const MAX_LETTERS = 10;
/** Words a name may go on with after its acronym ends. */
const MAX_TRAILING_WORDS = 2;

function generic(word: string): boolean {
  return SMALL_WORDS.has(word) || LEGAL_FORMS.has(word) || legalFormOf(word) !== undefined;
}

/** Whether a folded token could be an acronym: letters only, short. */
export function acronymShaped(token: string): boolean {
  return token.length >= MIN_LETTERS && token.length <= MAX_LETTERS && /^[a-z]+$/.test(token);
}

/**
 * How well `acronym` abbreviates `words` (folded, in order), in [0, 1]: 1 for one initial per
 * word, less when words give several letters or trail off unused; 0 when it cannot be read off.
 */
export function acronymFit(acronym: string, words: string[]): number {
  if (!acronymShaped(acronym) || words.length < 2) return 0;
  let best = 0;
  // Depth-first over how many letters each word gives; names are short, so the search is too.
  const search = (at: number, word: number, used: number, extra: number): void => {
    if (at === acronym.length) {
      // Legal forms (of one word or several) and small words after the acronym's last word are
      // not counted as left out.
      const rest = words.slice(word).filter((w) => !SMALL_WORDS.has(w));
      const { name } = splitLegalForms(["", ...rest]);
      let trailing = 0;
      for (const w of name.slice(1)) if (!generic(w) && !isOptionalWord(w)) trailing++;
      if (used < 2 || trailing > MAX_TRAILING_WORDS) return;
      const fit = 1 - 0.03 * extra - 0.05 * trailing;
      if (fit > best) best = fit;
      return;
    }
    if (word >= words.length) return;
    const w = words[word]!;
    // Small words and countries may be left out anywhere (NORINCO: China North Industries
    // Corporation).
    if (SMALL_WORDS.has(w) || isOptionalWord(w)) search(at, word + 1, used, extra);
    for (let take = 1; take <= Math.min(w.length, acronym.length - at); take++) {
      if (w[take - 1] !== acronym[at + take - 1]) break;
      search(at + take, word + 1, used + 1, extra + take - 1);
    }
  };
  search(0, 0, 0, 0);
  return Math.max(0, best);
}
