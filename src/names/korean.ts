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
  // North Korean spelling (official and McCune–Reischauer without breves): 리성혁 → ri song hyok.
  if (words.length === 1 && [...words[0]!].length >= 2) {
    const [family, ...given] = syllables(words[0]!).map(northSpelling);
    variants.push(`${family} ${given.join(" ")}`);
  }
  // Foreign names in Hangul carry an "eu" after consonants that the original lacks
  // (블라디미르 beul-ra-di-mi-reu for Vladimir): a variant without it.
  const bare = words.map((w) => syllables(w).map(dropEpenthetic).join("")).join(" ");
  if (!variants.includes(bare)) variants.push(bare);
  return [...new Set(variants)];
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
