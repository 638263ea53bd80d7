/** Kana in Hepburn (wanakana); kanji fall back to their readings via any-ascii in romanize.ts. */
import { toRomaji } from "wanakana";

export function romanizeJapanese(name: string): string[] {
  // The middle dot separates family and given names in katakana.
  return [toRomaji(name.replace(/[・･·]/g, " ")).replace(/'/g, "")];
}
