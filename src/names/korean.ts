/**
 * Hangul names in Latin letters. koroman gives Revised Romanization per syllable; North Korean
 * official and McCune–Reischauer spellings are reached through the phonetic keys in
 * phonetic.ts rather than generated, because lists print them in too many variants (breves,
 * apostrophes, hyphens) for any one generated form to match exactly.
 */
import { romanize } from "koroman";

const HANGUL_SYLLABLE = /[\uac00-\ud7af]/u;

/** Romanises each syllable on its own: names carry no sound changes across syllables. */
function syllables(word: string): string[] {
  return [...word]
    .map((char) => (HANGUL_SYLLABLE.test(char) ? romanize(char) : char))
    .filter(Boolean);
}

/**
 * Latin renderings of a Hangul name. A three-syllable name without spaces is read as family
 * name + given name (최룡해 → "choe ryong hae" and "choe ryonghae").
 */
export function romanizeKorean(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const spaced = words.map((w) => syllables(w).join(" ")).join(" ");
  const variants = [spaced];
  if (words.length === 1 && [...words[0]!].length >= 2) {
    const [family, ...given] = syllables(words[0]!);
    variants.push(`${family} ${given.join("")}`);
  } else {
    variants.push(words.map((w) => syllables(w).join("")).join(" "));
  }
  if (words.length === 1 && [...words[0]!].length >= 2) variants.push(...northReadings(words[0]!));
  // Foreign names in Hangul carry an "eu" after consonants that the original lacks
  // (블라디미르 beul-ra-di-mi-reu for Vladimir): a variant without it.
  const bare = words.map((w) => syllables(w).map(dropEpenthetic).join("")).join(" ");
  if (!variants.includes(bare)) variants.push(bare);
  return [...new Set(variants)];
}

/**
 * A Hangul personal name (family name first, no spaces) in North Korean spelling, syllables
 * apart as lists print DPRK names: 리성혁 → ri song hyok.
 */
export function northReadings(name: string): string[] {
  const [family, ...given] = syllables(name).map(northSpelling);
  return [`${family} ${given.join(" ")}`];
}

/**
 * A Revised Romanization syllable as North Korea and McCune–Reischauer write it: voiceless
 * initials (g, d, b → k, t, p) and ŏ, ŭ without their breves (eo → o, eu → u).
 */
function northSpelling(syllable: string): string {
  return syllable
    .replace(/^g(?!g)/, "k")
    .replace(/^d(?!d)/, "t")
    .replace(/^b(?!b)/, "p")
    .replace(/eo/g, "o")
    .replace(/eu/g, "u");
}

function dropEpenthetic(syllable: string): string {
  const match = /^([^aeiouwy]+)eu(l?)$/.exec(syllable);
  return match ? match[1]! + match[2]! : syllable;
}

/** Hangul syllable jamo in their Unicode order: 19 initials, 21 vowels, 28 finals (0 = none). */
const NORTH_INITIALS = "k kk n t tt r m p pp s ss - ch tch ch k t p h".split(" ");
const SOUTH_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split(" ");
/** ㄱ ㄷ ㅂ ㅈ are voiced (g d b j) between voiced sounds in North Korean and McCune–Reischauer. */
const VOICED_INITIALS: Record<number, string> = { 0: "g", 3: "d", 7: "b", 12: "j" };
const NORTH_VOWELS = "a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i".split(" ");
const SOUTH_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split(" ");
const FINALS = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split(" ");
/** Finals after which the next initial is voiced: none, ㄴ, ㄹ, ㅁ, ㅇ. */
const VOICING_FINALS = new Set([0, 4, 8, 16, 21]);

export type HangulStyle = "north" | "mixed" | "south";

/**
 * One Hangul word in Latin letters as a whole (not syllable by syllable): North Korean official
 * and McCune–Reischauer spelling without breves or apostrophes (련봉 → ryonbong, 대동 → taedong,
 * 무역 → muyok), Revised Romanization (ryeonbong, daedong, muyeok), or the mix lists print most
 * (voiced initials, plain vowels: DAEDONG, DAESONG, DONGBANG). Used for the proper part of
 * organisation names, which lists print as one word (KOREA RYONBONG, TAEDONG CREDIT BANK).
 */
export function romanizeHangulWord(word: string, style: HangulStyle): string {
  const initials = style === "north" ? NORTH_INITIALS : SOUTH_INITIALS;
  const vowels = style === "south" ? SOUTH_VOWELS : NORTH_VOWELS;
  let out = "";
  let previousFinal: number | undefined;
  for (const char of word) {
    const code = char.codePointAt(0)! - 0xac00;
    if (code < 0 || code > 11171) {
      out += char;
      previousFinal = undefined;
      continue;
    }
    const initial = Math.floor(code / 588);
    const vowel = Math.floor((code % 588) / 28);
    const final = code % 28;
    const voiced =
      style !== "south" && previousFinal !== undefined && VOICING_FINALS.has(previousFinal);
    let onset = (voiced ? VOICED_INITIALS[initial] : undefined) ?? initials[initial]!;
    if (onset === "-") onset = "";
    out += onset + vowels[vowel]! + (final === 0 ? "" : FINALS[final]!);
    previousFinal = final;
  }
  return out;
}
