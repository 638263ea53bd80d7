/**
 * Khmer names in Latin letters. No maintained npm package romanises Khmer, so this is a compact
 * reading after UNGEGN with the spellings Cambodian names take in Latin letters (ែ e as in Sen
 * and Manet, ី i as in Sihanouk): each consonant belongs to the a-series or the o-series, which
 * decides how its vowel reads (ស៊ី si, ជា chea); the register marks ៊ and ៉ move it to the other
 * series; a consonant under the coeng (្) joins the one before it (ត្រ tr); a consonant with no
 * vowel after a vowel closes the syllable. ហ៊ុន សែន → "hun sen".
 */
import { readWordsOf } from "./script.ts";

/** Consonants: Latin value, and 2 for the o-series. */
const CONSONANTS: Record<string, [string, 1 | 2]> = {
  "\u1780": ["k", 1],
  "\u1781": ["kh", 1],
  "\u1782": ["k", 2],
  "\u1783": ["kh", 2],
  "\u1784": ["ng", 2],
  "\u1785": ["ch", 1],
  "\u1786": ["chh", 1],
  "\u1787": ["ch", 2],
  "\u1788": ["chh", 2],
  "\u1789": ["nh", 2],
  "\u178a": ["d", 1],
  "\u178b": ["th", 1],
  "\u178c": ["d", 2],
  "\u178d": ["th", 2],
  "\u178e": ["n", 1],
  "\u178f": ["t", 1],
  "\u1790": ["th", 1],
  "\u1791": ["t", 2],
  "\u1792": ["th", 2],
  "\u1793": ["n", 2],
  "\u1794": ["b", 1],
  "\u1795": ["ph", 1],
  "\u1796": ["p", 2],
  "\u1797": ["ph", 2],
  "\u1798": ["m", 2],
  "\u1799": ["y", 2],
  "\u179a": ["r", 2],
  "\u179b": ["l", 2],
  "\u179c": ["v", 2],
  "\u179d": ["s", 1],
  "\u179e": ["s", 1],
  "\u179f": ["s", 1],
  "\u17a0": ["h", 1],
  "\u17a1": ["l", 1],
  "\u17a2": ["", 1],
};

const INDEPENDENT: Record<string, string> = {
  "\u17a5": "e",
  "\u17a6": "ei",
  "\u17a7": "u",
  "\u17a9": "u",
  "\u17aa": "ov",
  "\u17ab": "rue",
  "\u17ac": "ru",
  "\u17ad": "lue",
  "\u17ae": "lu",
  "\u17af": "ae",
  "\u17b0": "ai",
  "\u17b1": "ao",
  "\u17b2": "ao",
  "\u17b3": "au",
};

/** Dependent vowels (and vowel + final sign) by series: a-series, o-series. */
const VOWELS: Record<string, [string, string]> = {
  "\u17b6": ["a", "ea"],
  "\u17b7": ["e", "i"],
  "\u17b8": ["i", "i"],
  "\u17b9": ["oe", "ue"],
  "\u17ba": ["eu", "eu"],
  "\u17bb": ["o", "u"],
  "\u17bc": ["ou", "u"],
  "\u17bd": ["uo", "uo"],
  "\u17be": ["aeu", "eu"],
  "\u17bf": ["oea", "oea"],
  "\u17c0": ["ie", "ie"],
  "\u17c1": ["e", "e"],
  "\u17c2": ["e", "e"],
  "\u17c3": ["ai", "ey"],
  "\u17c4": ["ao", "o"],
  "\u17c5": ["au", "ov"],
  "\u17bb\u17c6": ["om", "um"],
  "\u17b6\u17c6": ["am", "oam"],
  "\u17c6": ["am", "um"],
  "\u17c7": ["ah", "eah"],
  "\u17b6\u17c7": ["ah", "eah"],
};

const COENG = "\u17d2";
const TO_A_SERIES = "\u17c9";
const TO_O_SERIES = "\u17ca";
/** Signs that change no sound written here: robat, kakabat … */
const SIGNS = /[\u17cc\u17ce-\u17d1\u17d3\u17dd]/u;
/** The bantoc (់) on a final: the vowel before it is short (គន់ kun, កាត់ kat). */
const BANTOC = "\u17cb";
/** ហ over a subscript writes a sound Khmer lacks: ហ្គ g, ហ្វ f (ហ្គិច Guek). */
const BORROWED: Record<string, string> = { "\u1782": "g", "\u179c": "f" };
const SILENCER = "\u17cd";

const isVowel = (c: string | undefined) => c !== undefined && c >= "\u17b6" && c <= "\u17c8";

function romanizeWord(word: string): string {
  const a = [...word].filter((c) => !SIGNS.test(c));
  let out = "";
  let i = 0;
  while (i < a.length) {
    const c = a[i]!;
    const consonant = CONSONANTS[c];
    if (!consonant) {
      out += INDEPENDENT[c] ?? (isVowel(c) || c === TO_A_SERIES || c === TO_O_SERIES ? "" : c);
      i++;
      continue;
    }
    i++;
    let onset = consonant[0];
    let series = consonant[1];
    const borrowed = c === "\u17a0" && a[i] === COENG ? BORROWED[a[i + 1] ?? ""] : undefined;
    if (borrowed) {
      onset = borrowed;
      i += 2;
    }
    // ប opening a cluster is spelt p (ប្រសិទ្ធ Prasidh), as it is sounded.
    if (onset === "b" && a[i] === COENG) onset = "p";
    while (a[i] === COENG && CONSONANTS[a[i + 1] ?? ""]) {
      onset += CONSONANTS[a[i + 1]!]![0];
      i += 2;
    }
    let vowel = "";
    let written = false;
    while (i < a.length) {
      if (a[i] === TO_A_SERIES) series = 1;
      else if (a[i] === TO_O_SERIES) series = 2;
      else if (isVowel(a[i])) {
        const pair = VOWELS[a[i]! + (a[i + 1] ?? "")] ?? VOWELS[a[i]!];
        if (VOWELS[a[i]! + (a[i + 1] ?? "")]) i++;
        vowel = pair ? pair[series - 1]! : "";
        written = true;
      } else break;
      i++;
    }
    if (a[i] === SILENCER) {
      i++;
      continue;
    }
    const next = a[i];
    const closes =
      CONSONANTS[next ?? ""] !== undefined &&
      a[i + 1] !== COENG &&
      !isVowel(a[i + 1]) &&
      a[i + 1] !== TO_A_SERIES &&
      a[i + 1] !== TO_O_SERIES &&
      a[i + 1] !== SILENCER;
    const short = closes && a[i + 1] === BANTOC;
    // A consonant cluster ending a word of more than one syllable, with no vowel written, is its
    // final (ប្រសិទ្ធ prasitth, Prasidh), not a syllable of its own.
    if (!written && i >= a.length && out !== "" && onset.length > 1) {
      out += onset.replace(/^(.)(\1h?)$/, "$2");
      continue;
    }
    // No vowel written: the inherent one, a or o by series; short before a bantoc, a or u.
    if (!written) vowel = series === 1 ? "a" : short ? "u" : "o";
    // ាំង is read and spelt ang, eang (កាំង Kaing, Kang), not am-ng.
    if (closes && next === "\u1784" && vowel.endsWith("am")) vowel = vowel.slice(0, -1);
    // A vowel u with no consonant sounded before it is spelt ou (អ៊ុក Ouk, អ៊ុំ Oum).
    if (onset === "" && vowel.startsWith("u")) vowel = `o${vowel}`;
    out += onset + vowel;
    if (closes) {
      out += CONSONANTS[next!]![0];
      i += short ? 2 : 1;
    }
  }
  return out;
}

/**
 * Titles of address written before Cambodian names, in the Latin words the titles list knows
 * (words.ts): a reading of the Khmer would not be recognised as one (ឯកឧត្តម reads aekauttam, not
 * Excellency). Longest first; Khmer often writes them joined to each other and to the name.
 */
const TITLES: Array<[string, string]> = [
  ["ឯកឧត្តមបណ្ឌិត", "excellency dr"],
  ["អ្នកឧកញ៉ា", "oknha"],
  ["លោកជំទាវ", "lok chumteav"],
  ["លោកស្រី", "madam"],
  ["សម្តេចតេជោ", "samdech"],
  ["សម្ដេចតេជោ", "samdech"],
  ["សម្តេច", "samdech"],
  ["សម្ដេច", "samdech"],
  ["ឯកឧត្តម", "excellency"],
  ["ឧកញ៉ា", "oknha"],
  ["ឧត្តមសេនីយ៍ឯក", "general"],
  ["ឧត្តមសេនីយ៍ទោ", "general"],
  ["ឧត្តមសេនីយ៍ត្រី", "general"],
  ["នាយឧត្តមសេនីយ៍", "general"],
  ["ឧត្តមសេនីយ៍", "general"],
  ["បណ្ឌិត", "dr"],
  ["ជំទាវ", "chumteav"],
];

/** The titles at the start of the name in Latin, and the rest of the name. */
function latinTitles(name: string): [string, string] {
  let rest = name.trimStart();
  let titles = "";
  for (let found = true; found;) {
    found = false;
    for (const [khmer, latin] of TITLES) {
      if (!rest.startsWith(khmer)) continue;
      titles += `${latin} `;
      rest = rest.slice(khmer.length).trimStart();
      found = true;
      break;
    }
  }
  return [titles, rest];
}

/**
 * The reading, and a second one as Cambodians spell names in Latin letters: a word ending in an
 * open a or o written with an r (ស Sar, ហោ Hor), as French spelling marks the long vowel.
 */
export function romanizeKhmer(name: string): string[] {
  const [titles, rest] = latinTitles(name);
  const read = readWordsOf(rest, /\p{Script=Khmer}/u, romanizeWord);
  const spelt = read.replace(/(?<![aeiou])(?:a|ao|o)(?=\s|$)/g, (v) => (v === "a" ? "ar" : "or"));
  return (spelt === read ? [read] : [read, spelt]).map((reading) => titles + reading);
}
