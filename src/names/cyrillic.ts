/**
 * Cyrillic names in the Latin spellings that lists and passports use: each transliteration
 * scheme gives another (Wikipedia/BGN "Vladimir Putin", ICAO passports, scientific ISO 9 …).
 */
import iuliia from "iuliia";

const SCHEMES = [
  iuliia.WIKIPEDIA,
  iuliia.ICAO_DOC_9303,
  iuliia.BGN_PCGN,
  iuliia.ALA_LC,
  iuliia.GOST_52535,
  iuliia.MOSMETRO,
];

export function romanizeCyrillic(name: string): string[] {
  return [...new Set(SCHEMES.map((scheme) => iuliia.translate(name, scheme)))];
}
