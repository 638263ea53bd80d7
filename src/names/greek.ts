/**
 * Greek names in Latin letters as passports and lists spell them (ELOT 743: ου ou, αυ av/af):
 * any-ascii reads letter by letter (Πούτιν Poytin). Foreign names written in Greek put ντ for d
 * and μπ for b (Ντόναλντ Donald), read so in a second reading. The digraphs are few, so they
 * are written here and the letters left to any-ascii.
 */
import { readWordsOf } from "./script.ts";
import anyAscii from "any-ascii";

/** Before a voiced sound or a vowel, υ after α or ε is v; before a voiceless one, f. */
const VOICELESS = "θκξπστφχψ";

function digraphs(word: string, foreign: boolean): string {
  let out = "";
  // Accents go; the diaeresis stays, for it parts a digraph (Ταΰγετος taygetos).
  const letters = [
    ...word
      .normalize("NFD")
      .replace(/[\u0300-\u0302\u0313\u0314\u0342\u0345]/gu, "")
      .normalize("NFC")
      .toLowerCase(),
  ];
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!;
    const next = letters[i + 1] ?? "";
    const pair = c + next;
    if (pair === "ου") {
      out += foreign ? "u" : "ou";
      i++;
    } else if (pair === "αυ" || pair === "ευ") {
      out += (c === "α" ? "a" : "e") + (VOICELESS.includes(letters[i + 2] ?? "θ") ? "f" : "v");
      i++;
    } else if (foreign && pair === "ντ") {
      // Ντόναλντ Donald, Βλαντιμίρ Vladimir: the d of the name written in Greek.
      out += "d";
      i++;
    } else if (foreign && pair === "μπ") {
      // Τραμπ Tramp, Μπους Bush.
      out += i === 0 ? "b" : i + 2 === letters.length ? "mp" : "mb";
      i++;
    } else if (pair === "γκ" || pair === "γγ") {
      out += i === 0 ? "g" : "ng";
      i++;
    } else out += anyAscii(c);
  }
  return out;
}

/** The name as Greek names are spelt, then as a foreign name written in Greek is read back. */
export function romanizeGreek(name: string): string[] {
  const read = (foreign: boolean) =>
    readWordsOf(name, /\p{Script=Greek}/u, (word) => digraphs(word, foreign));
  return [...new Set([read(false), read(true)])];
}
