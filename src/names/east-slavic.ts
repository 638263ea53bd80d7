/**
 * Belarusian and Ukrainian names in their own national romanisations, the ones passports and the
 * EU and UK lists use: г is h, not the g of Russian schemes (Гайдукевіч Haidukevich, Гончаренко
 * Honcharenko), ў is u (Галоўчанка Halouchanka), я after a consonant is ia (Сяргей Siarhei).
 * Written here because iuliia has only Russian schemes and no maintained package has the
 * Belarusian passport table; both tables are short and fixed by law (Ukraine 2010, Belarus 2007).
 */

type Language = "belarusian" | "ukrainian";

/** Letters each language spells one way everywhere in a word. */
const COMMON: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  і: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  ь: "",
  "'": "",
  "’": "",
  ʼ: "",
};

const BELARUSIAN: Record<string, string> = { ...COMMON, ў: "u", ы: "y", э: "e", й: "i" };
// Ukrainian й, ї and є are read in IOTATED below, wherever they stand.
const UKRAINIAN: Record<string, string> = { ...COMMON, и: "y", щ: "shch" };

/** Iotated letters: y-forms at the start of a word (and in Belarusian after a vowel), i-forms after a consonant. */
const IOTATED: Record<string, [string, string]> = {
  я: ["ya", "ia"],
  ю: ["yu", "iu"],
  ё: ["yo", "io"],
  є: ["ye", "ie"],
  ї: ["yi", "i"],
  й: ["y", "i"],
};

const VOWEL_LETTERS = "аеёіоуўыэюяиїє";

/** Which of the two a Cyrillic name is written in, by the letters only it has; undefined for neither. */
export function eastSlavicLanguage(text: string): Language | undefined {
  const lower = text.toLowerCase();
  if (/[ґєї]/.test(lower) || (/і/.test(lower) && /[ищ]/.test(lower))) return "ukrainian";
  if (/ў/.test(lower) || (/і/.test(lower) && !/[ищъ]/.test(lower))) return "belarusian";
  return undefined;
}

/** The name in its language's national romanisation (case kept on each letter's first Latin letter). */
export function nationalRomanization(text: string, language: Language): string {
  const table = language === "belarusian" ? BELARUSIAN : UKRAINIAN;
  let out = "";
  let previous = "";
  for (const char of text) {
    const lower = char.toLowerCase();
    let latin: string | undefined;
    const iotated = IOTATED[lower];
    if (iotated && !(lower === "й" && language === "belarusian" && previous)) {
      const wordStart = !/\p{L}/u.test(previous) || previous === "'" || previous === "ь";
      const afterVowel = language === "belarusian" && VOWEL_LETTERS.includes(previous);
      latin = wordStart || afterVowel ? iotated[0] : iotated[1];
    } else latin = table[lower];
    if (lower === "г" && previous === "з" && language === "ukrainian") latin = "gh";
    previous = lower === "’" || lower === "ʼ" ? "'" : lower;
    if (latin === undefined) {
      out += char;
      continue;
    }
    out += char !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/**
 * The consonants of a Latin name part with Russian spellings put for Belarusian and Ukrainian ones:
 * h read as the g Russian writes for г, and u after a vowel before a consonant as the v of в/ў.
 * Halouchanka and Golovchenko, Haidukevich and Gaidukevich, Auramenka and Avramenko all give one.
 */
function russianConsonants(part: string): string {
  return part
    .replace(/kh/g, "x")
    .replace(/zh/g, "ž")
    .replace(/sh/g, "š")
    .replace(/ch/g, "č")
    .replace(/h/g, "g")
    .replace(/(^|[aeio])u(?=[^aeiouy]|$)/g, "$1v")
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
}

/**
 * Whether two Latin name parts are one East Slavic name in a Belarusian or Ukrainian spelling and
 * a Russian one: the same consonants once h is read g and a u before a consonant v, at least four
 * of them, and the two told apart only by those letters (Kaldani, Kildani differ in a vowel and stay
 * two names).
 */
export function russianAndNationalSpellings(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 3) return false;
  const either = (x: string, y: string) =>
    (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x));
  if (!either("h", "g") && !either("u", "v")) return false;
  const plain = (part: string) => part.replace(/[aeiouy]/g, "").replace(/(.)\1+/g, "$1");
  if (plain(a) === plain(b)) return false;
  const ra = russianConsonants(a);
  return ra.length >= 4 && ra === russianConsonants(b);
}
