/**
 * Latin letters spelt out in Hangul, as Korean companies with Latin initials write their names
 * (에스케이 SK, 에이치엠엠 HMM, 엘지 LG): read back as the letters, which is how lists print them.
 * The letter names follow the standard loanword spelling; written here, the table being fixed.
 */
const LETTER_NAMES: Array<[string, string]> = [
  ["더블유", "w"],
  ["에이치", "h"],
  ["에이", "a"],
  ["에프", "f"],
  ["에스", "s"],
  ["엑스", "x"],
  ["브이", "v"],
  ["아이", "i"],
  ["와이", "y"],
  ["제이", "j"],
  ["케이", "k"],
  ["제트", "z"],
  ["비", "b"],
  ["씨", "c"],
  ["디", "d"],
  ["이", "e"],
  ["지", "g"],
  ["엘", "l"],
  ["엠", "m"],
  ["엔", "n"],
  ["오", "o"],
  ["피", "p"],
  ["큐", "q"],
  ["알", "r"],
  ["티", "t"],
  ["유", "u"],
];

/**
 * Letter names no Korean word is likely made of: those of two syllables and a few with a final
 * consonant; a run of other one-syllable ones could be a Korean word (이지, 오지).
 */
const FOREIGN = new Set([
  ...LETTER_NAMES.filter(([name]) => name.length > 1).map(([name]) => name),
  "엘",
  "엠",
  "엔",
  "큐",
]);

/** A reading of a run's beginning as letters: the letters and where in the run they end. */
interface Letters {
  letters: string;
  end: number;
}

/** Every reading of `run` from `at` as letter names, each split tried once (memo by position). */
function lettersFrom(run: string, at: number, memo: Map<number, Letters[]>): Letters[] {
  const known = memo.get(at);
  if (known) return known;
  const found: Letters[] = [];
  for (const [name, letter] of LETTER_NAMES) {
    if (!run.startsWith(name, at)) continue;
    const end = at + name.length;
    found.push({ letters: letter, end });
    for (const rest of lettersFrom(run, end, memo))
      found.push({ letters: letter + rest.letters, end: rest.end });
  }
  memo.set(at, found);
  return found;
}

/**
 * The Latin letters a Hangul run begins with and where they end, when it begins with two or more
 * letter names, one of them foreign to Korean words (에스케이하이닉스 → sk, at 4); undefined otherwise.
 */
export function leadingLatinLetters(run: string): Letters | undefined {
  if (run.length > 24) return undefined;
  let best: Letters | undefined;
  for (const reading of lettersFrom(run, 0, new Map())) {
    if (reading.letters.length < 2) continue;
    const spelt = run.slice(0, reading.end);
    if (![...FOREIGN].some((name) => spelt.includes(name))) continue;
    if (!best || reading.end > best.end) best = reading;
  }
  return best;
}
