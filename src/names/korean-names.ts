/**
 * Korean names in Latin letters: a family name of one syllable and a given name of one or two,
 * none of them left out when the name is written. A syllable less (Han Kwon, HAN Kwon U) is
 * another person's name, not the same person's shorter one as a middle name would be elsewhere.
 */

/** Korean family names in the DPRK, McCune–Reischauer, Revised and South Korean spellings. */
const FAMILY_NAMES = new Set(
  `kim gim ri li lee yi i pak park bak choe choi chwe jang chang han kang gang jong jeong chong
  chung o oh yun yoon ryu yu yoo so seo suh kwon gwon hwang an ahn song hong jon jeon chon chun
  ko go mun moon yang son sohn pae bae paek baek ho heo hur sin shin nam no noh roh ha kye gye
  ju joo chu cha rim im lim sim shim won chae hyon hyun pang bang ku koo gu yom yeom myong
  myeong kil gil pyon byun byeon ma kong gong cho jo tak sok seok ok wang ryang yang`
    .split(/\s+/)
    .filter(Boolean),
);

/** A Korean syllable in Latin letters: short, with one vowel group. */
const SYLLABLE = /^[^aeiouwy]{0,3}[wy]?[aeiou]{1,3}(?:ng|n|m|l|k|p|t|r|kk)?$/;

/** Whether the tokens read as a Korean name: a family name first, then one or two syllables. */
export function isKoreanName(tokens: string[]): boolean {
  return (
    tokens.length >= 2 &&
    tokens.length <= 3 &&
    FAMILY_NAMES.has(tokens[0]!) &&
    tokens.every((token) => SYLLABLE.test(token))
  );
}
