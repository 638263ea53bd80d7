/**
 * A phonetic key per name part that lets the spellings of one name meet: Korean in DPRK
 * official, McCune–Reischauer, Revised Romanization and popular South Korean forms (Choe/Choi,
 * Ri/Lee/Yi, Jong/Jeong/Chung, Chol/Cheol/Chul), and common Latin variations elsewhere
 * (Mohammed/Muhammad, Wladimir/Vladimir). No library covers Korean romanisation variants, so the
 * rules are written here, from the romanisation tables.
 */

/** Whole-part equivalents: Korean family names and popular syllable spellings. */
const PART_EQUIVALENTS = new Map<string, string>(
  Object.entries({
    // 리/이
    lee: "ri",
    yi: "ri",
    i: "ri",
    rhee: "ri",
    rhie: "ri",
    ree: "ri",
    li: "ri",
    ni: "ri",
    // 박
    park: "pak",
    bak: "pak",
    pack: "pak",
    bahk: "pak",
    // 최
    choi: "choe",
    chey: "choe",
    choy: "choe",
    chwe: "choe",
    // 정 / 전 / 조 / 장
    jeong: "chong",
    jung: "chong",
    chung: "chong",
    cheong: "chong",
    jong: "chong",
    jeon: "chon",
    jun: "chon",
    chun: "chon",
    cheon: "chon",
    jo: "cho",
    joh: "cho",
    jang: "chang",
    // 김, 강, 권, 구
    gim: "kim",
    gang: "kang",
    gwon: "kwon",
    kweon: "kwon",
    goo: "ku",
    gu: "ku",
    // 류 / 로 / 노 / 오 / 윤 / 임
    yoo: "ryu",
    yu: "ryu",
    ryoo: "ryu",
    lyu: "ryu",
    roh: "ro",
    noh: "ro",
    no: "ro",
    oh: "o",
    yoon: "yun",
    lim: "rim",
    im: "rim",
    // popular given-name syllables
    chul: "chol",
    cheol: "chol",
    chu: "chol",
    young: "yong",
    yeong: "yong",
    kyung: "kyong",
    gyeong: "kyong",
    kyoung: "kyong",
    sung: "song",
    seong: "song",
    hyun: "hyon",
    hyeon: "hyon",
    hoon: "hun",
    suk: "sok",
    seok: "sok",
    duk: "tok",
    deok: "tok",
    myung: "myong",
    myeong: "myong",
    hyuk: "hyok",
    hyeok: "hyok",
    eun: "un",
    eung: "ung",
    // 우
    woo: "u",
    wu: "u",
    // 운, 욱, 웅 as South Korean spelling writes them (Woon, Wook, Woong)
    woon: "un",
    wook: "uk",
    woong: "ung",
    // frequent Arabic and Slavic variants
    mohammed: "muhamad",
    mohammad: "muhamad",
    muhammad: "muhamad",
    mohamed: "muhamad",
    mohamad: "muhamad",
    muhammed: "muhamad",
    // Abbreviations of Muhammad in South and South-East Asian names.
    mohd: "muhamad",
    muhd: "muhamad",
    md: "muhamad",
    ahmed: "ahmad",
    ahmet: "ahmad",
    wladimir: "vladimir",
    vladimer: "vladimir",
  }),
);

const REWRITES: Array<[RegExp, string]> = [
  // Passports' (ICAO) Russian and Ukrainian letters: ю, я as iu, ia and й as i (Iurii, Yury;
  // Iuliia, Yulia; Dmytrii, Dmitriy).
  [/^iu(?=[^aeiou].)/, "yu"],
  [/^ia(?=[^aeiou].)/, "ya"],
  [/(?<=[^aeiou])ii$/, "i"],
  [/(?<=[^aeiou])iia$/, "ia"],
  [/(?<=[^aeiou])iy$/, "i"],
  // Russian Дж written for English J (Dzhonson, Johnson).
  [/dzh/g, "j"],
  // Dutch and German "oe" before a consonant (Poetin); Korean "oe" ends a syllable (Choe).
  [/oe(?=[bcdfgjklmnpqrstvxz])/g, "u"],
  [/eo/g, "o"],
  [/eu/g, "u"],
  [/oo/g, "u"],
  [/ee/g, "i"],
  [/ou/g, "o"],
  [/ph/g, "f"],
  [/sh/g, "s"],
  // Greek and German ch before a consonant is k (Technopromexport, Tekhnopromeksport; Christos),
  // not after s (Schneider) nor before k (Chkalov).
  [/(?<!s)ch(?=[bcdfgjlmnpqrstvwxz])/g, "k"],
  [/tch|tsh|ch|j|zh/g, "C"],
  [/ck|kh|gh|q|c/g, "k"],
  [/th|dh/g, "t"],
  [/g/g, "k"],
  [/d/g, "t"],
  [/b/g, "p"],
  [/l/g, "r"],
  [/w(?=[aeiouy])/g, "v"],
  // Korean sound changes that some spellings write and others do not (압록 Amrok/Amnok, 천리 Chonri/Chollima).
  [/mr/g, "mn"],
  [/nr/g, "rr"],
  [/z/g, "s"],
  [/x/g, "ks"],
  [/y$/g, "i"],
  [/([a-zC])\1+/g, "$1"],
  [/(?<=[^aeiou])h/g, ""],
  [/h$/g, ""],
  // Korean initial ㄹ, which South Korean spelling drops or reads as n (Ryonbong/Yeonbong,
  // Rodong/Nodong).
  [/^ry(?=[aeiou])/, "y"],
  [/^r(?=[aeiou])/, "n"],
];

/** Letters that write vowels in romanised names (y as in Kyong). */
export const VOWELS = "aeiouy";

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The phonetic key of one folded name part (see normalize.ts). */
export function phoneticKey(part: string): string {
  const cached = cache.get(part);
  if (cached !== undefined) return cached;
  let key = PART_EQUIVALENTS.get(part) ?? part;
  if (!/^\d+$/.test(key))
    for (const [pattern, replacement] of REWRITES) key = key.replace(pattern, replacement);
  key = key.toLowerCase();
  if (cache.size < CACHE_LIMIT) cache.set(part, key);
  return key;
}

/**
 * The consonants of a name part, the way abjads (Arabic, Persian, Hebrew) write it: vowels and
 * the letters that stand for long vowels dropped, p/b and v/f merged (Arabic has neither p nor v).
 * محمد → "mhmd" meets Muhammad, Mohamed; فلاديمير → "fldymyr" meets Vladimir. With
 * `wIsConsonant`, a w is read as the v it is in Persian (فدوی fdwi, Fadavi) rather than as a long
 * vowel (محمود mhmwd, Mahmoud); dh and th are read d and t (الفياض, al-Fayyadh).
 */
export function consonantSkeleton(part: string, wIsConsonant = false): string {
  const plain = part.replace(/dh/g, "d").replace(/th/g, "t");
  const rest = plain.slice(1).replace(wIsConsonant ? /[aeiouy]/g : /[aeiouwy]/g, "");
  return (/[aeiou]/.test(plain[0] ?? "") ? rest : (plain[0] ?? "") + rest)
    .replace(/p/g, "b")
    .replace(/[vw]/g, "f")
    .replace(/([a-z])\1+/g, "$1");
}
