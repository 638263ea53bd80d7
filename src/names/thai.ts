/**
 * Thai names in Latin letters. No maintained npm package romanises Thai, so this is a compact
 * reading of the Royal Thai General System (RTGS): syllables are read as leading vowel, initial
 * consonant or cluster, vowel signs and final consonant, with the inherent vowel (o in a closed
 * syllable, a in an open one) where none is written, and letters under the thanthakhat (์)
 * silent: ประยุทธ์ จันทร์โอชา → "prayut chanocha". A second reading keeps final and silent letters
 * as spelt, as Thai spell their names for foreigners (ชินวัตร Shinawatra) and as foreign names
 * come through (ดอนัลด์ → "donald").
 */
import { readWordsOf } from "./script.ts";

const INITIAL: Record<string, string> = {
  ก: "k",
  ข: "kh",
  ฃ: "kh",
  ค: "kh",
  ฅ: "kh",
  ฆ: "kh",
  ง: "ng",
  จ: "ch",
  ฉ: "ch",
  ช: "ch",
  ซ: "s",
  ฌ: "ch",
  ญ: "y",
  ฎ: "d",
  ฏ: "t",
  ฐ: "th",
  ฑ: "th",
  ฒ: "th",
  ณ: "n",
  ด: "d",
  ต: "t",
  ถ: "th",
  ท: "th",
  ธ: "th",
  น: "n",
  บ: "b",
  ป: "p",
  ผ: "ph",
  ฝ: "f",
  พ: "ph",
  ฟ: "f",
  ภ: "ph",
  ม: "m",
  ย: "y",
  ร: "r",
  ฤ: "rue",
  ล: "l",
  ฦ: "lue",
  ว: "w",
  ศ: "s",
  ษ: "s",
  ส: "s",
  ห: "h",
  ฬ: "l",
  อ: "",
  ฮ: "h",
};

/** RTGS values of consonants closing a syllable. */
const FINAL: Record<string, string> = {
  ก: "k",
  ข: "k",
  ค: "k",
  ฆ: "k",
  ง: "ng",
  จ: "t",
  ช: "t",
  ซ: "t",
  ฌ: "t",
  ญ: "n",
  ฎ: "t",
  ฏ: "t",
  ฐ: "t",
  ฑ: "t",
  ฒ: "t",
  ณ: "n",
  ด: "t",
  ต: "t",
  ถ: "t",
  ท: "t",
  ธ: "t",
  น: "n",
  บ: "p",
  ป: "p",
  พ: "p",
  ฟ: "p",
  ภ: "p",
  ม: "m",
  ย: "i",
  ร: "n",
  ล: "n",
  ว: "o",
  ศ: "t",
  ษ: "t",
  ส: "t",
  ฬ: "n",
};

const VOWEL_SIGN: Record<string, string> = {
  "\u0e30": "a",
  "\u0e31": "a",
  "\u0e32": "a",
  "\u0e33": "am",
  "\u0e34": "i",
  "\u0e35": "i",
  "\u0e36": "ue",
  "\u0e37": "ue",
  "\u0e38": "u",
  "\u0e39": "u",
  "\u0e45": "",
};

const isConsonant = (c: string | undefined) => c !== undefined && c >= "\u0e01" && c <= "\u0e2e";
const isLeading = (c: string | undefined) => c !== undefined && c >= "\u0e40" && c <= "\u0e44";
const isSign = (c: string | undefined) => c !== undefined && c in VOWEL_SIGN;

/** Second letters of initial clusters (pr, khl, kw) after the stops that take them. */
function isCluster(first: string, second: string | undefined): boolean {
  if (second === undefined) return false;
  if (first === "ห") return "งญนมยรลว".includes(second);
  if (first === "อ") return second === "ย";
  // ทร, ดร, บร, ฟร … begin foreign names (ทรัมป์ Trump).
  if ("ทดบฟ".includes(first)) return "รล".includes(second);
  return "กขคตปพผ".includes(first) && "รลว".includes(second);
}

/** Tone marks and the shortener dropped; a letter under the thanthakhat and what it silences. */
function clean(word: string, keepSilent: boolean): string[] {
  const chars = [...word.replace(/[\u0e47-\u0e4b\u0e4d\u0e4e]/g, "")];
  const out: string[] = [];
  for (const c of chars) {
    if (c !== "\u0e4c") {
      out.push(c);
      continue;
    }
    if (keepSilent) continue;
    const silenced = out.pop();
    if (isSign(silenced)) out.pop();
    // จันทร์, อินทร์: ทร after a closed syllable is silent as a whole. Another silenced letter
    // leaves the one before it (อนุพงษ์ anuphong: ง closes พ's syllable).
    const n = out.length;
    if (
      silenced === "ร" &&
      isConsonant(out[n - 1]) &&
      isConsonant(out[n - 2]) &&
      isSign(out[n - 3])
    )
      out.pop();
  }
  return out.filter((c) => c !== "\u0e46" && c !== "\u0e2f");
}

/** Vowel patterns after a leading เ: the letters that follow the onset and their reading. */
const AFTER_E: Array<[string, string]> = [
  ["าะ", "o"],
  ["า", "ao"],
  ["ีย", "ia"],
  ["ือ", "uea"],
  ["อ", "oe"],
  ["ิ", "oe"],
];

/** The vowel of a syllable whose onset ends before `i`, and how many letters it takes. */
function readVowel(a: string[], i: number, lead: string, spelt: boolean): [string, number] {
  const at = (pattern: string) => [...pattern].every((c, k) => a[i + k] === c);
  if (lead === "เ") {
    const [pattern, vowel] = AFTER_E.find(([p]) => at(p)) ?? ["", "e"];
    const length = [...pattern].length;
    return [vowel, a[i + length] === "ะ" ? length + 1 : length];
  }
  if (lead === "แ") return ["ae", 0];
  if (lead === "โ") return ["o", 0];
  if (lead !== "") return ["ai", 0];
  if (at("ัว")) return ["ua", 2];
  if (at("ือ")) return ["ue", 2];
  if (isSign(a[i])) return [VOWEL_SIGN[a[i]!]!, 1];
  if (a[i] === "อ" && !isSign(a[i + 1])) return ["o", 1];
  // ร หัน: รร reads "an", or "a" before a final (สุวรรณ suwan).
  if (at("รร")) return [isConsonant(a[i + 2]) && !isSign(a[i + 3]) ? "a" : "an", 2];
  if (a[i] === "ว" && isConsonant(a[i + 1]) && !isSign(a[i + 2])) return ["ua", 1];
  if (spelt && i >= a.length) return ["", 0];
  // No vowel written: o in a closed syllable, a in an open one.
  return [isConsonant(a[i]) && !isSign(a[i + 1]) && !isLeading(a[i]) ? "o" : "a", 0];
}

function romanizeWord(word: string, spelt: boolean): string {
  const a = clean(word, spelt);
  const final = (c: string) => (spelt ? (INITIAL[c] ?? "") : (FINAL[c] ?? ""));
  let out = "";
  let i = 0;
  while (i < a.length) {
    const lead = isLeading(a[i]) ? a[i++]! : "";
    const first = a[i];
    if (!isConsonant(first)) {
      if (first !== undefined) out += VOWEL_SIGN[first] ?? "";
      i++;
      continue;
    }
    i++;
    let onset = INITIAL[first!]!;
    if (isCluster(first!, a[i]) && (lead !== "" || isSign(a[i + 1]) || a[i + 1] === "อ")) {
      const second = a[i++]!;
      onset = first === "ห" || first === "อ" ? INITIAL[second]! : onset + INITIAL[second]!;
    }
    // The vowel, and how many letters after the onset spell it.
    const [vowel, length] = readVowel(a, i, lead, spelt);
    i += length;
    if (lead === "" && vowel === "a" && a[i] === "ะ") i++;
    out += onset + vowel;
    // A final consonant: one not followed by a vowel sign of its own.
    const opensNext =
      isSign(a[i + 1]) ||
      (a[i + 1] === "อ" && !isConsonant(a[i + 2])) ||
      (a[i + 1] === "ร" && a[i + 2] === "ร") ||
      // Two consonants ending the word after an open vowel sign: an onset and its final
      // (อนุพงษ์ a-nu-phong), where mai han-akat (ั) would take the first as its own final.
      (!spelt &&
        isSign(a[i - 1]) &&
        a[i - 1] !== "\u0e31" &&
        isConsonant(a[i + 1]) &&
        a[i + 1] !== "ร" &&
        a[i + 2] === undefined);
    if (isConsonant(a[i]) && !opensNext) {
      out += final(a[i++]!);
      // A final ตร, ทร, สร: the ร is silent (ชินวัตร Chinnawat), unless spelt out (Shinawatra).
      if (a[i] === "ร" && !isSign(a[i + 1]) && !isLeading(a[i + 1]) && !spelt) i++;
    }
  }
  return out;
}

/** The RTGS reading, then the spelt one when it differs. */
export function romanizeThai(name: string): string[] {
  const read = (spelt: boolean) =>
    readWordsOf(name, /\p{Script=Thai}/u, (word) => romanizeWord(word, spelt));
  return [...new Set([read(false), read(true)])];
}
