/**
 * Serbian, Montenegrin and Macedonian Cyrillic in their own Latin alphabets (Жељка Цвијановић,
 * Željka Cvijanović), which is how these names are listed: the Russian schemes of iuliia leave
 * љ, њ, ј, ћ untouched and spell ц as ts. The letters map one to one, so the table is written here.
 */

/** Letters only these alphabets have: a name with one of them is read the South Slavic way. */
const OWN_LETTERS = /[ЈјЉљЊњЋћЂђЏџЃѓЌќЅѕ]/u;

const LETTERS: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  ђ: "đ",
  ѓ: "gj",
  е: "e",
  ж: "ž",
  з: "z",
  ѕ: "dz",
  и: "i",
  ј: "j",
  к: "k",
  ќ: "kj",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "ć",
  у: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "č",
  џ: "dž",
  ш: "š",
};

/** The name in Serbian or Macedonian Latin letters, or undefined when it has none of their own letters. */
export function southSlavicReading(name: string): string | undefined {
  if (!OWN_LETTERS.test(name)) return undefined;
  let out = "";
  for (const char of name) {
    const lower = char.toLowerCase();
    const latin = LETTERS[lower];
    if (latin === undefined) out += char;
    else if (lower === char) out += latin;
    else out += latin[0]!.toUpperCase() + latin.slice(1);
  }
  return out;
}
