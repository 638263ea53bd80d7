/**
 * Burmese (Myanmar script) names in Latin letters. No npm package romanises Burmese (any-ascii
 * reads ထင်ကျော် as "thnkyea"), so this is a compact syllable reader after the MLC and BGN/PCGN
 * tables with the spellings Burmese names take in Latin letters, one word a syllable:
 * ထင်ကျော် → "htin kyaw", မြထွန်းဦး → "mya htun oo". A syllable is a consonant (with medials
 * ျ ြ ွ ှ), its vowel signs, and a final consonant silenced by the asat (်); the rhyme is read as
 * a whole, as the final changes the vowel (ိန် ein, ောင် aung, ွန် un).
 */

const CONSONANTS: Record<string, string> = {
  က: "k",
  ခ: "kh",
  ဂ: "g",
  ဃ: "g",
  င: "ng",
  စ: "s",
  // MLC hs; names write s (Aung San, Myint Swe).
  ဆ: "s",
  ဇ: "z",
  ဈ: "z",
  ည: "ny",
  ဉ: "ny",
  ဋ: "t",
  ဌ: "ht",
  ဍ: "d",
  ဎ: "d",
  ဏ: "n",
  တ: "t",
  ထ: "ht",
  ဒ: "d",
  ဓ: "d",
  န: "n",
  ပ: "p",
  ဖ: "ph",
  ဗ: "b",
  ဘ: "b",
  မ: "m",
  ယ: "y",
  ရ: "y",
  လ: "l",
  ဝ: "w",
  သ: "th",
  ဟ: "h",
  ဠ: "l",
  အ: "",
};

/** Vowels written as letters of their own. */
const INDEPENDENT: Record<string, string> = {
  ဣ: "i",
  ဤ: "i",
  ဥ: "u",
  ဦ: "oo",
  ဧ: "e",
  ဩ: "aw",
  ဪ: "aw",
};

const ASAT = "\u103a";
const VIRAMA = "\u1039";
/** Medials ျ ြ (y), ွ (w), ှ (h, said before the consonant). */
const MEDIAL_Y = /[\u103b\u103c]/u;
const MEDIAL_W = "\u103d";
const MEDIAL_H = "\u103e";
/** Vowel signs: ါ ာ ိ ီ ု ူ ေ ဲ ံ. */
const VOWEL_SIGN = /[\u102b-\u1032\u1036]/u;
/** Tone marks: ့ း, dropped. */
const TONE = /[\u1037\u1038]/u;

/** Rhymes of open syllables, by their vowel signs in storage order (ေ comes first). */
const OPEN: Record<string, string> = {
  "": "a",
  "\u102b": "a",
  "\u102c": "a",
  "\u102d": "i",
  "\u102e": "i",
  "\u102f": "u",
  "\u1030": "u",
  // ေ is spelt ay in names (Tay Za, Htay), e after a w (Swe, Nwe: see below).
  "\u1031": "ay",
  "\u1032": "e",
  "\u1036": "an",
  "\u102d\u102f": "o",
  "\u1031\u102b": "aw",
  "\u1031\u102c": "aw",
  "\u102f\u1036": "on",
  "\u102d\u1036": "ein",
};

/** Finals by kind: velar (က င), palatal (စ ည ဉ), dental and labial stops, nasals, ယ. */
function closedRhyme(vowel: string, final: string, w: boolean): string {
  const stop = "ကစတပဋ".includes(final);
  if (final === "ယ") return "e";
  if (final === "ည" || final === "ဉ") return final === "ဉ" ? "in" : "i";
  if (final === "စ") return "it";
  if (final === "က" || final === "င") {
    const coda = final === "က" ? "k" : "ng";
    if (vowel === "\u102d\u102f") return "ai" + coda;
    if (vowel === "\u1031\u102c" || vowel === "\u1031\u102b") return "au" + coda;
    return final === "က" ? "et" : "in";
  }
  const coda = stop ? "t" : "n";
  if (w) return "u" + coda;
  if (vowel === "\u102d") return stop ? "eik" : "ein";
  if (vowel === "\u102f") return stop ? "ok" : "on";
  return "a" + coda;
}

function onsetOf(consonant: string, medials: string): string {
  let onset = CONSONANTS[consonant] ?? "";
  if (MEDIAL_Y.test(medials)) {
    // ချ ခြ are ch; ကျ ကြ ky; ဂျ gy; the rest take a y.
    if (consonant === "ခ") onset = "ch";
    else onset += "y";
  }
  if (medials.includes(MEDIAL_H)) {
    if (consonant === "ရ" || consonant === "ယ") onset = "sh";
    else onset = "h" + onset;
  }
  return onset;
}

/** One run of Burmese letters as syllables, each a word. */
function romanizeRun(run: string): string[] {
  const a = [...run];
  const syllables: string[] = [];
  let i = 0;
  while (i < a.length) {
    const c = a[i]!;
    if (INDEPENDENT[c] !== undefined) {
      i++;
      while (i < a.length && (TONE.test(a[i]!) || a[i] === ASAT)) i++;
      syllables.push(INDEPENDENT[c]!);
      continue;
    }
    if (CONSONANTS[c] === undefined) {
      i++;
      continue;
    }
    i++;
    let medials = "";
    while (i < a.length && (MEDIAL_Y.test(a[i]!) || a[i] === MEDIAL_W || a[i] === MEDIAL_H))
      medials += a[i++];
    let vowel = "";
    while (i < a.length && VOWEL_SIGN.test(a[i]!)) vowel += a[i++];
    // ော် ေါ်: the asat after the vowel is a tone, not a final.
    if (a[i] === ASAT) i++;
    let final: string | undefined;
    const next = a[i];
    if (next !== undefined && CONSONANTS[next] !== undefined) {
      const after = a[i + 1];
      if (after === ASAT || after === VIRAMA) {
        final = next;
        i += 2;
      } else if (after === "\u1037" && a[i + 2] === ASAT) {
        final = next;
        i += 1;
      }
    }
    let creaky = false;
    while (i < a.length && (TONE.test(a[i]!) || a[i] === ASAT)) {
      if (a[i] === "\u1037") creaky = true;
      i++;
    }
    const w = medials.includes(MEDIAL_W);
    let onset = onsetOf(c, medials);
    let rhyme: string;
    if (final !== undefined) {
      rhyme = closedRhyme(vowel, final, w);
      // A nasal final in the creaky tone is spelt with a t: မြင့် Myint, သန့် Thant.
      if (creaky && rhyme.endsWith("n")) rhyme += "t";
    } else {
      rhyme = OPEN[vowel] ?? "a";
      if (w) onset += "w";
      if (w && rhyme === "ay") rhyme = "e";
    }
    // An onset with no sound of its own before i (အိ) and a rhyme starting with a vowel.
    if (onset === "" && rhyme === "") rhyme = "a";
    syllables.push(onset + rhyme);
  }
  return syllables;
}

/** Honorifics before a name: ဦး U (Mr), ဒေါ် Daw (Mrs); ဦး ending a name is a name (Mya Tun Oo). */
const HONORIFIC =
  /^(?:\u1026\u1038|\u1025\u102e\u1038|\u1012\u1031\u102b\u103a)\s*(?=\p{Script=Myanmar})/u;

/**
 * The name in Latin letters, one word a syllable as Burmese names are spelt (Aung San Suu Kyi),
 * without a leading honorific; a second reading writes ထ as t, as many names do (Mya Tun Oo).
 */
export function romanizeBurmese(name: string): string[] {
  const read = readName(name.trim().replace(HONORIFIC, ""));
  const plain = read.replace(/\bht/g, "t");
  return plain === read ? [read] : [read, plain];
}

function readName(name: string): string {
  return name
    .split(/(\s+)/)
    .map((word) =>
      /\p{Script=Myanmar}/u.test(word)
        ? word
            .split(/([^\p{Script=Myanmar}]+)/u)
            .map((part) => (/\p{Script=Myanmar}/u.test(part) ? romanizeRun(part).join(" ") : part))
            .join("")
        : word,
    )
    .join("")
    .replace(/[\u104a\u104b]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
