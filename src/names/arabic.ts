/**
 * Arabic-script names (Arabic, Persian, Urdu letters) in Latin letters the way lists spell them:
 * consonants as the usual English transcription (ث th, خ kh, ش sh, ق q), the letters that carry
 * long vowels as vowels (ا a, و u, ي i), tā' marbūṭa as a (أسامة → asama, not any-ascii's "'smh"),
 * hamza and ʿayn left out as most Latin spellings leave them. Short vowels are unwritten: the
 * comparison of consonants (align.ts, consonantSkeleton) and of sounds (transcription.ts) allows
 * for them.
 */
import anyAscii from "any-ascii";

const LETTERS: Record<string, string> = {
  ا: "a",
  أ: "a",
  إ: "i",
  آ: "a",
  ٱ: "a",
  ء: "",
  ؤ: "u",
  ئ: "i",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ک: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  ة: "a",
  ى: "a",
  پ: "p",
  چ: "ch",
  ژ: "zh",
  گ: "g",
  ڤ: "v",
  ٹ: "t",
  ڈ: "d",
  ڑ: "r",
  ں: "n",
  ہ: "h",
  ھ: "h",
  ۃ: "a",
  ے: "e",
};

/**
 * The letters Persian and Urdu pronounce otherwise than Arabic, as their names are spelt in Latin:
 * ث s, ذ ض ظ z (مرتضوی Mortazavi, ذکی Zaki), و before a vowel v (Vahid).
 */
const PERSIAN_LETTERS: Record<string, string> = { ...LETTERS, ث: "s", ذ: "z", ض: "z", ظ: "z" };

/** Letters only Persian and Urdu write: a name with one is read the Persian way too. */
const PERSIAN_ONLY = /[پچژگیکھہےٹڈڑں]/u;

/** Short-vowel signs, when a name is vowelled: fatḥa, kasra, ḍamma; others (sukūn, tanwīn) vanish. */
const MARKS: Record<string, string> = { "\u064e": "a", "\u0650": "i", "\u064f": "u" };

const isArabicLetter = (c: string | undefined) => c !== undefined && /\p{Script=Arabic}/u.test(c);

/** One word: و and ي are consonants (w, y) at the start of a word or before a vowel letter. */
function romanizeWord(word: string, letters = LETTERS): string {
  const chars = [...word.replace(/\u0640/g, "")];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (c === "\u0651") {
      // shadda doubles the consonant before it
      const last = out[out.length - 1];
      if (last && !"aiu".includes(last)) out += last;
      continue;
    }
    // ʿayn starting a word or a part of one is heard as its vowel (ʿAli, Amir-ʿAbdollahian).
    if (c === "ع" && (i === 0 || !"اوييى".includes(chars[i - 1]!))) {
      out += "a";
      continue;
    }
    if (c in MARKS) {
      out += MARKS[c];
      continue;
    }
    if (/[\u064b-\u065f\u0670]/u.test(c)) continue;
    if (c === "و" || c === "ي" || c === "ی" || c === "ې") {
      const consonant = i === 0 || next === "ا" || next === "و" || next === "ي" || next === "ی";
      const w = letters === PERSIAN_LETTERS ? "v" : "w";
      out += c === "و" ? (consonant ? w : "u") : consonant ? "y" : "i";
      continue;
    }
    const letter = letters[c];
    out += letter ?? (isArabicLetter(c) ? anyAscii(c) : c);
  }
  return out;
}

/** Words that lists spell one way whatever their letters: particles and the name of God. */
const WORDS: Record<string, string> = {
  بن: "bin",
  ابن: "ibn",
  بنت: "bint",
  عبد: "abd",
  الله: "allah",
  آل: "al",
  // Names that begin with the letters of the article without being one (Ilyas, Elham).
  الیاس: "ilyas",
  الياس: "ilyas",
  الهام: "elham",
};

/**
 * The name in Latin letters; a closing tā' marbūṭa read a (أسامة Osama) and, as a second reading,
 * ah (هنية Haniyeh, حمزة Hamzah). The article al- is written apart (البغدادي → al-bghdadi), as
 * Latin lists mostly print it.
 */
export function romanizeArabic(name: string): string[] {
  const read = romanizeName(name);
  const readings = /ة(?=\s|$)/u.test(name)
    ? [read, romanizeName(name.replace(/ة(?=\s|$)/gu, "ةه"))]
    : [read];
  if (PERSIAN_ONLY.test(name)) readings.push(romanizeName(name, PERSIAN_LETTERS));
  return [...new Set(readings)];
}

/**
 * An ʿAbd- compound written onto the name before it, as Persian writes compound family names
 * (امیرعبداللهیان Amir-Abdollahian): split there, as Latin spellings split it.
 */
const JOINED_ABD = /(?<=\p{Script=Arabic}{3})(?=عبد\p{Script=Arabic}{3})/gu;

function romanizeName(name: string, letters = LETTERS): string {
  return name
    .replace(/\u200c/g, "")
    .replace(JOINED_ABD, " ")
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s*$/.test(word)) return word;
      const known = WORDS[word];
      if (known) return known;
      // عبدالله written as one word: Abdallah, Abdullah.
      if (word.length > 4 && word.endsWith("الله"))
        return romanizeWord(word.slice(0, -4), letters) + "allah";
      const article = /^[اٱ]ل(?=\p{Script=Arabic}{2,})/u.exec(word);
      return article ? "al-" + romanizeWord(word.slice(2), letters) : romanizeWord(word, letters);
    })
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
