/**
 * Chinese names in Wade–Giles (Taiwan, older lists and Hong Kong papers: Chiang Ching-kuo, Mao
 * Tse-tung, Hsu) read as pinyin (Jiang Jingguo, Mao Zedong, Xu), so that both spellings meet.
 * The conversion is by syllable: an initial with its aspiration mark (ch', k', t', ts') and a
 * final; a name is read so only when every syllable is a Wade–Giles one. No maintained npm
 * package converts Wade–Giles, and the table is small.
 */

/** Wade–Giles initials, longest first: [written, pinyin unaspirated, pinyin aspirated]. */
const INITIALS: Array<[string, string, string]> = [
  ["ch", "zh", "ch"],
  ["hs", "x", "x"],
  ["sh", "sh", "sh"],
  ["ts", "z", "c"],
  ["tz", "z", "c"],
  ["ss", "s", "s"],
  ["sz", "s", "s"],
  ["k", "g", "k"],
  ["p", "b", "p"],
  ["t", "d", "t"],
  ["j", "r", "r"],
  ["b", "b", "b"],
  ["d", "d", "d"],
  ["g", "g", "g"],
  ["f", "f", "f"],
  ["h", "h", "h"],
  ["l", "l", "l"],
  ["m", "m", "m"],
  ["n", "n", "n"],
  ["s", "s", "s"],
  ["w", "w", "w"],
  ["y", "y", "y"],
  ["", "", ""],
];

/** Wade–Giles finals and their pinyin. */
const FINALS: Record<string, string> = {
  a: "a",
  ai: "ai",
  an: "an",
  ang: "ang",
  ao: "ao",
  e: "e",
  ei: "ei",
  en: "en",
  eng: "eng",
  erh: "er",
  i: "i",
  ia: "ia",
  iang: "iang",
  iao: "iao",
  ieh: "ie",
  ien: "ian",
  ih: "i",
  in: "in",
  ing: "ing",
  iu: "iu",
  iung: "iong",
  o: "o",
  ou: "ou",
  u: "u",
  ua: "ua",
  uai: "uai",
  uan: "uan",
  uang: "uang",
  uei: "ui",
  ui: "ui",
  un: "un",
  ung: "ong",
  uo: "uo",
  ueh: "ue",
  wa: "ua",
  ü: "u",
  üan: "uan",
  üeh: "ue",
  ün: "un",
};

const WADE_GILES_SIGNS =
  /\p{L}['’‘ʻ]\p{L}|\p{L}-\p{L}|(?:^|[\s-])(?:hs|tz|ts|ss|sz)|(?:ih|ieh|ien|ueh|erh)(?=$|[\s,-])/iu;

/** Any initial, an aspiration mark, any final: what a Wade–Giles syllable can look like. */
const SYLLABLE_SHAPE = new RegExp(
  `^(?:${INITIALS.map(([initial]) => initial)
    .filter(Boolean)
    .join("|")})?['’‘ʻ]?(?:${Object.keys(FINALS)
    .sort((a, b) => b.length - a.length)
    .join("|")})$`,
  "iu",
);

/**
 * One syllable in pinyin. Lists often leave the aspiration mark out (Tsai for Ts'ai, Cai):
 * `breathy` reads an unmarked syllable as aspirated.
 */
function syllable(written: string, breathy: boolean): string | undefined {
  const aspirated = breathy || /['’‘ʻ]/u.test(written);
  const s = written.toLowerCase().replace(/['’‘ʻ]/gu, "");
  for (const [initial, plain, marked] of INITIALS) {
    if (!s.startsWith(initial)) continue;
    const rest = s.slice(initial.length);
    let onset = aspirated ? marked : plain;
    // Before i and ü, ch is j or q (chi, ch'i: ji, qi); chih is zhi.
    if (/^(?:i|ü|yu)/u.test(rest) && rest !== "ih" && initial === "ch")
      onset = aspirated ? "q" : "j";
    // tzu, tz'u, ssu, szu: zi, ci, si.
    if (rest === "u" && ["tz", "ts", "ss", "sz"].includes(initial)) return `${onset}i`;
    // After k, k', h the vowel o is pinyin e (ko ge, k'o ke, ho he).
    if (rest === "o" && ["k", "h"].includes(initial)) return `${onset}e`;
    if (initial === "y" && rest === "u") return "you";
    const final = FINALS[rest];
    if (final === undefined || (initial === "" && rest === "ih")) continue;
    return onset + final;
  }
  return undefined;
}

/**
 * The name in pinyin, read with unmarked syllables plain and then aspirated (Chiang Ching-kuo:
 * Jiang Jingguo; Tsai: Zai, Cai); none when a word is no Wade–Giles syllable or the name has
 * only one, or when pinyin spells it the same.
 */
export function wadeGilesToPinyin(name: string): string[] {
  // Pinyin names parse as Wade–Giles too (Wang Tao, Li Ping): only a name that shows the
  // system (an aspiration mark, a hyphenated given name, hs, tz, ts, ssu, -ih, -ieh, -ien) is read.
  if (!WADE_GILES_SIGNS.test(name)) return [];
  const words = name.match(/[\p{L}'’‘ʻ]+/gu) ?? [];
  // Most names screened are not Chinese: one word that is no syllable ends it before any reading.
  if (words.length < 2 || !words.every((word) => SYLLABLE_SHAPE.test(word))) return [];
  const readings = new Set<string>();
  for (const breathy of [false, true]) {
    let failed = false;
    const read = name.replace(/[\p{L}'’‘ʻ]+/gu, (word) => {
      const converted = syllable(word, breathy);
      if (converted === undefined) failed = true;
      return converted ?? word;
    });
    if (failed) return [];
    if (read.toLowerCase() !== name.toLowerCase()) readings.add(read);
  }
  return [...readings];
}
