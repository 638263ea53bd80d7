/**
 * Devanagari names (Hindi, Marathi, Nepali) in Latin letters. any-ascii gives each letter its
 * value but writes no inherent vowel (नीरव → "nirv", राहुल → "rhul"); names are spelt with it
 * where it is said: after every consonant that carries no vowel sign or virama, except at the
 * end of a word (Hindi drops it there: नीरव Nirav) unless the word ends in a cluster (नरेंद्र
 * Narendra, चन्द्र Chandra).
 */
import { readWordsOf } from "./script.ts";
import anyAscii from "any-ascii";

const CONSONANT = /[\u0915-\u0939\u0958-\u095f]/u;
/** Vowel signs, virama and nukta: a consonant followed by one carries no inherent a. */
const NO_INHERENT = /[\u093a-\u094f\u0962\u0963]/u;
const VIRAMA = "\u094d";
/** Letters names spell otherwise than any-ascii: श ष sh, च ch, छ chh. */
const SPELLING: Record<string, string> = { श: "sh", ष: "sh", च: "ch", छ: "chh" };
const ANUSVARA = "\u0902";
/** Before a labial the anusvara is m, elsewhere n (गांधी Gandhi, नरेंद्र Narendra). */
const LABIAL = /[पफबभम]/u;
const NUKTA = "\u093c";

function romanizeWord(word: string): string {
  const chars = [...word];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ANUSVARA) {
      const after = chars[i + 1];
      out += after !== undefined && LABIAL.test(after) ? "m" : "n";
      continue;
    }
    out += SPELLING[c] ?? anyAscii(c);
    if (!CONSONANT.test(c)) continue;
    let next = i + 1;
    if (chars[next] === NUKTA) {
      out += anyAscii(NUKTA);
      i++;
      next++;
    }
    const after = chars[next];
    if (after !== undefined && NO_INHERENT.test(after)) continue;
    const last = after === undefined || !/\p{Script=Devanagari}/u.test(after);
    if (last && chars[i - 1] !== VIRAMA) continue;
    out += "a";
  }
  return out;
}

export function romanizeDevanagari(name: string): string {
  return readWordsOf(name, /\p{Script=Devanagari}/u, romanizeWord);
}
