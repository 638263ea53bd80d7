/**
 * Cyrillic names in the Latin spellings that lists and passports use: each transliteration
 * scheme gives another (Wikipedia/BGN "Vladimir Putin", ICAO passports, scientific ISO 9 …).
 */
import iuliia from "iuliia";
import { eastSlavicLanguage, nationalRomanization } from "./east-slavic.ts";
import { southSlavicReading } from "./south-slavic.ts";

const SCHEMES = [
  iuliia.WIKIPEDIA,
  iuliia.ICAO_DOC_9303,
  iuliia.BGN_PCGN,
  iuliia.ALA_LC,
  iuliia.GOST_52535,
  iuliia.MOSMETRO,
];

/** A Cyrillic letter standing alone or before a dot: an initial (Ц. Элбэгдорж, В. В. Путин). */
const INITIAL = /(?<!\p{L})(\p{Script=Cyrillic})(?=\.|\s|$)/gu;

/**
 * The name with each initial as one Latin letter, the first of its transliteration: Ц. is T.,
 * not Ts., and Ж. is Z., so that an initial still reads as one (the aligner matches single
 * letters against whole parts).
 */
function withLatinInitials(name: string): string {
  return name.replace(INITIAL, (letter) => iuliia.translate(letter, iuliia.WIKIPEDIA).slice(0, 1));
}

/**
 * Foreign and Mongolian names read back from Cyrillic: Russian writes English j as дж and h as х
 * (Джо Байден is Joe Biden, Харрис is Harris), and Mongolian ж is j in its own romanisation
 * (Элбэгдорж, Elbegdorj). The Wikipedia reading with those letters put back.
 */
function foreignReading(latin: string): string {
  return latin
    .replace(/D[zZ][hH]/g, "J")
    .replace(/dzh/g, "j")
    .replace(/Z[hH]/g, "J")
    .replace(/zh/g, "j")
    .replace(/K[hH]/g, "H")
    .replace(/kh/g, "h");
}

export function romanizeCyrillic(name: string): string[] {
  const text = withLatinInitials(name);
  const variants = SCHEMES.map((scheme) => iuliia.translate(text, scheme));
  variants.push(foreignReading(variants[0]!));
  const language = eastSlavicLanguage(name);
  if (language) variants.push(nationalRomanization(text, language));
  const southSlavic = southSlavicReading(text);
  // Listed in their own alphabet first: Cvijanović, not Tsviјanoviћ.
  if (southSlavic) variants.unshift(southSlavic);
  return [...new Set(variants)];
}
