/**
 * Hebrew names in Latin letters the way Israeli names are usually spelt: ב כ פ as b k p at the
 * start of a word and v kh f after a vowel (בנימין Binimin, יעקב Yaakov), ו as v at the start of a
 * word and as a vowel (o, u) inside it, י as y at the start and i inside, a closing ה as a vowel
 * (משה Mosha). Short vowels are unwritten: the comparisons of consonants and of sounds allow for
 * them. any-ascii, the fallback, reads every ב as v and every ו as v (בנימין → "vnymyn").
 */
const LETTERS: Record<string, string> = {
  א: "",
  ג: "g",
  ד: "d",
  ה: "h",
  ז: "z",
  ח: "h",
  ט: "t",
  ך: "kh",
  ל: "l",
  מ: "m",
  ם: "m",
  נ: "n",
  ן: "n",
  ס: "s",
  ע: "",
  ף: "f",
  צ: "ts",
  ץ: "ts",
  ק: "k",
  ר: "r",
  ש: "sh",
  ת: "t",
};

/** Letters with a geresh for sounds Hebrew lacks: ג׳ j, ז׳ zh, צ׳ ch (ג׳ורג׳ George). */
const GERESH: Record<string, string> = { ג: "j", ז: "zh", צ: "ch", ץ: "ch", ת: "th" };
/** Letters read hard at the start of a word and soft after a vowel. */
const HARD_SOFT: Record<string, [string, string]> = {
  ב: ["b", "v"],
  כ: ["k", "kh"],
  פ: ["p", "f"],
};

/** Particles spelt one way: בן ben (son of), בת bat (daughter of). */
const WORDS: Record<string, string> = { בן: "ben", בת: "bat" };

function romanizeWord(word: string): string {
  const known = WORDS[word];
  if (known) return known;
  const dagesh = new Set<number>();
  const letters: string[] = [];
  for (const c of word) {
    if (c === "\u05bc") dagesh.add(letters.length - 1);
    else if (/[\u0591-\u05c7]/u.test(c)) continue;
    else letters.push(c);
  }
  let out = "";
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!;
    const next = letters[i + 1];
    if (c === "׳" || c === "'" || c === "\u05f3") continue;
    if ((next === "׳" || next === "'" || next === "\u05f3") && GERESH[c]) {
      out += GERESH[c];
      continue;
    }
    const hardSoft = HARD_SOFT[c];
    if (hardSoft) {
      out += i === 0 || dagesh.has(i) ? hardSoft[0] : hardSoft[1];
      continue;
    }
    if (c === "ו") {
      // ו before a closing י is the v of -vi (לוי Levi), not a vowel.
      if (next === "י" && i + 1 === letters.length - 1 && i > 0) {
        out += "vi";
        i++;
      } else if (next === "ו") {
        out += "v";
        i++;
      } else out += i === 0 ? "v" : i === letters.length - 1 ? "u" : "o";
      continue;
    }
    if (c === "י") {
      if (i === 1 && (letters[0] === "א" || letters[0] === "ע")) {
        out += "i";
        continue;
      }
      if (next === "י") {
        out += "y";
        i++;
      } else out += i === 0 ? "y" : "i";
      continue;
    }
    // A word's first א or ע carries its opening vowel (אברהם Avraham, עמוס Amos), or the
    // letter after it does (איסמאעיל Ismail).
    if ((c === "א" || c === "ע") && i === 0) {
      if (next !== "י" && next !== "ו") out += "a";
      continue;
    }
    // A closing ה after a consonant is a vowel that Latin spellings end in -ah or -eh (Haniyeh).
    if (c === "ה" && i === letters.length - 1 && i > 0) {
      out += "ah";
      continue;
    }
    out += LETTERS[c] ?? c;
  }
  return out;
}

export function romanizeHebrew(name: string): string {
  return name
    .split(/(\s+|[-־])/)
    .map((part) => (/^\p{Script=Hebrew}/u.test(part) ? romanizeWord(part) : part))
    .join("")
    .replace(/־/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
