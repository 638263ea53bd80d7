/**
 * Burmese names in Latin letters have no family name: every part belongs to the one name, so a
 * name with a part more is another person's (Zaw Zaw and Zaw Zaw Aung), not the same person's
 * fuller name as for most naming systems. Told by their syllables: every part a common Burmese
 * name syllable, and at least one that no Chinese, Korean or Vietnamese name shares.
 */

/** Syllables that mark a name as Burmese. */
const TELLING = new Set(
  `aung kyaw htun thein myint hla maung khin thant naing nyunt htet thura myo kyi nyein thet pyae
  hlaing phyo lwin paing htay swe shwe mya aye sein sithu khaing wint hnin zaw soe thiri sone htoo
  kaung khant zeya thuzar yadanar thida nilar hein sett myat ohn ngwe pwint zarni htike`
    .split(/\s+/)
    .filter(Boolean),
);

/** Syllables of Burmese names that other languages' names have too. */
const SHARED = new Set(
  `min tun win tin oo san su nu thu moe wai lin nay ye zin yan than cho ei ko ni mon kyu lay yu
  kha tha bo hlwan chit phyu mar wah nanda sandar hman thaw khun sai saw nang naw daw u mg ma`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics before Burmese names (U, Daw, Ko, Ma, Maung, Saw): not parts that make another name. */
export const BURMESE_HONORIFICS = new Set([
  "u",
  "daw",
  "ko",
  "ma",
  "mg",
  "maung",
  "saw",
  "naw",
  "sai",
  "nang",
]);

export function isBurmeseName(tokens: string[]): boolean {
  let telling = false;
  for (const token of tokens) {
    if (TELLING.has(token)) telling = true;
    else if (!SHARED.has(token)) return false;
  }
  return telling;
}
