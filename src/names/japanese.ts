/** Kana in Hepburn (wanakana); kanji fall back to their readings via any-ascii in romanize.ts. */
import { toRomaji } from "wanakana";

/**
 * The Hepburn reading with long vowels written short, as passports and lists spell names
 * (しんぞう shinzou → Shinzo, ジョー joo → Jo), then the reading as wanakana gives it.
 */
export function romanizeJapanese(name: string): string[] {
  // The middle dot separates family and given names in katakana.
  const read = toRomaji(name.replace(/[・･·]/g, " ")).replace(/'/g, "");
  const short = read.replace(/([aeiou])\1/g, "$1").replace(/ou/g, "o");
  return short === read ? [read] : [short, read];
}
