/**
 * The generic words of organisation names in Persian and Arabic with the English lists print for
 * them (بانک خاورمیانه = MIDDLE EAST BANK, صنایع هوایی قدس = QODS AVIATION INDUSTRIES, شركة …
 * العامة = … GENERAL COMPANY). Hand-written from the words' dictionary meanings, not copied
 * from any project. Words that lists keep romanised as part of a body's name (ملت Mellat, سپه
 * Sepah, القرض al-Qard, مستضعفان Mostazafan) are left out: their romanisation meets them.
 * Keys are written with Persian letters (ک, ی, ه for ة); Arabic spellings are folded to them.
 */
import { romanizeArabic } from "./arabic.ts";
import {
  hasHeadWord,
  orgVocabulary,
  translatedForms,
  type OrgPiece,
  type OrgWordTable,
} from "./org-word-segments.ts";

const WORDS: OrgWordTable = {
  // Kinds of body.
  بانک: ["bank"],
  بنک: ["bank"],
  مصرف: ["bank"],
  شرکت: ["company", "corporation"],
  شرکه: ["company", "corporation"],
  سازمان: ["organization"],
  منظمه: ["organization"],
  بنیاد: ["foundation"],
  موسسه: ["institute", "foundation"],
  گروه: ["group"],
  مجموعه: ["group"],
  مجمع: ["complex", "assembly"],
  جمعیه: ["association", "society"],
  جمعیت: ["society", "association"],
  انجمن: ["association", "society"],
  اتحادیه: ["union"],
  اتحاد: ["union"],
  تعاونی: ["cooperative"],
  حزب: ["party"],
  جبهه: ["front"],
  حرکه: ["movement"],
  جنبش: ["movement"],
  کمیته: ["committee"],
  لجنه: ["committee"],
  شورا: ["council"],
  مجلس: ["council", "assembly"],
  هیئه: ["authority", "commission"],
  هیئت: ["board", "commission"],
  وزارت: ["ministry"],
  وزاره: ["ministry"],
  اداره: ["department", "administration", "directorate"],
  دائره: ["department"],
  مدیریه: ["directorate"],
  مکتب: ["office"],
  دفتر: ["office"],
  مرکز: ["center"],
  ستاد: ["headquarters"],
  قرارگاه: ["headquarters", "base"],
  دانشگاه: ["university"],
  جامعه: ["university", "society"],
  پژوهشگاه: ["research institute"],
  پژوهشکده: ["research institute"],
  معهد: ["institute"],
  کارخانه: ["factory"],
  مصنع: ["factory"],
  // Armed bodies.
  سپاه: ["corps", "guard"],
  پاسداران: ["guards"],
  حرس: ["guard", "guards"],
  فیلق: ["corps", "force"],
  ارتش: ["army"],
  جیش: ["army"],
  نیرو: ["force", "power"],
  نیروی: ["force"],
  قوات: ["forces"],
  قوه: ["force"],
  کتائب: ["brigades"],
  کتیبه: ["battalion"],
  لواء: ["brigade"],
  لوا: ["brigade"],
  فرماندهی: ["command"],
  انتظامی: ["law enforcement"],
  مسلح: ["armed"],
  مسلحه: ["armed"],
  دفاع: ["defense"],
  دفاعی: ["defense"],
  امنیت: ["security"],
  امن: ["security"],
  اطلاعات: ["intelligence", "information"],
  مخابرات: ["intelligence"],
  استخبارات: ["intelligence"],
  جوی: ["air force", "air"],
  شعبه: ["branch", "division"],
  پلیس: ["police"],
  شرطه: ["police"],
  مقاومت: ["resistance"],
  مقاومه: ["resistance"],
  بسیج: ["basij", "mobilization"],
  حشد: ["mobilization"],
  عسکری: ["military"],
  نظامی: ["military"],
  موشکی: ["missile"],
  // What the body does.
  سیاحی: ["tourism", "tourist"],
  سیاحه: ["tourism"],
  اعمال: ["works", "business"],
  صنایع: ["industries"],
  صناعات: ["industries"],
  صنعت: ["industry"],
  صناعه: ["industry"],
  صنعتی: ["industrial"],
  صناعی: ["industrial"],
  صناعیه: ["industrial"],
  هوایی: ["aviation", "air"],
  هواپیمایی: ["airlines", "aviation"],
  طیران: ["aviation", "airlines"],
  هوافضا: ["aerospace"],
  فضایی: ["space", "aerospace"],
  دریایی: ["maritime", "marine"],
  بحری: ["maritime", "marine"],
  بحریه: ["maritime", "marine"],
  کشتیرانی: ["shipping"],
  شحن: ["shipping"],
  حمل: ["transport"],
  نقل: ["transport"],
  نفت: ["oil", "petroleum"],
  نفط: ["oil", "petroleum"],
  بترول: ["petroleum"],
  پتروشیمی: ["petrochemical"],
  گاز: ["gas"],
  غاز: ["gas"],
  انرژی: ["energy"],
  طاقه: ["energy"],
  برق: ["electricity", "power"],
  کهربا: ["electricity"],
  کهرباء: ["electricity"],
  هسته‌ای: ["nuclear"],
  هستهای: ["nuclear"],
  اتمی: ["atomic"],
  معدن: ["mining"],
  معدنی: ["mining"],
  معادن: ["mines", "mining"],
  فولاد: ["steel"],
  خودرو: ["automotive", "automobile"],
  خودروسازی: ["automotive", "automobile"],
  الکترونیک: ["electronics"],
  الکترونیکی: ["electronics"],
  مهندسی: ["engineering"],
  هندسه: ["engineering"],
  هندسیه: ["engineering"],
  ساختمان: ["construction"],
  سازندگی: ["construction"],
  ساخت: ["construction", "manufacturing"],
  بناء: ["construction"],
  مقاولات: ["contracting"],
  تجارت: ["trading", "trade"],
  تجاره: ["trading", "trade"],
  تجاری: ["commercial", "trading"],
  تجاریه: ["commercial", "trading"],
  بازرگانی: ["trading", "commercial"],
  سرمایه‌گذاری: ["investment"],
  سرمایهگذاری: ["investment"],
  استثمار: ["investment"],
  توسعه: ["development"],
  تنمیه: ["development"],
  صادرات: ["export"],
  واردات: ["import"],
  صرافی: ["exchange"],
  صرافه: ["exchange"],
  مالی: ["financial", "finance"],
  تامین: ["supply", "provision"],
  پشتیبانی: ["logistics", "support"],
  تحقیقات: ["research"],
  تحقیقاتی: ["research"],
  بحوث: ["research"],
  علوم: ["sciences", "science"],
  فناوری: ["technology"],
  تکنولوژی: ["technology"],
  تقنیه: ["technology"],
  خیریه: ["charity", "charitable"],
  تحریر: ["liberation"],
  آزادی: ["liberation", "freedom"],
  آزادیبخش: ["liberation"],
  اغاثه: ["relief"],
  انسانیه: ["humanitarian"],
  اجرایی: ["executive", "execution"],
  // "His Holiness", before a religious leader's title: English names leave it out.
  حضرت: [""],
  فرمان: ["order"],
  امام: ["imam"],
  خدمات: ["services"],
  // Qualities and places.
  عام: ["general"],
  عامه: ["general"],
  کل: ["general"],
  ملی: ["national"],
  وطنی: ["national"],
  وطنیه: ["national"],
  مرکزی: ["central"],
  مرکزیه: ["central"],
  بین‌المللی: ["international"],
  بینالمللی: ["international"],
  دولی: ["international"],
  دولیه: ["international"],
  دولت: ["government", "state"],
  دولتی: ["state", "government"],
  دوله: ["state"],
  عالی: ["supreme", "high"],
  اعلی: ["supreme"],
  جمهوری: ["republic"],
  جمهوریه: ["republic"],
  اسلامی: ["islamic"],
  اسلامیه: ["islamic"],
  انقلاب: ["revolution"],
  انقلابی: ["revolutionary"],
  ثوره: ["revolution"],
  ثوری: ["revolutionary"],
  متحده: ["united"],
  عربی: ["arab"],
  عربیه: ["arab"],
  شعبی: ["popular", "peoples"],
  شعبیه: ["popular", "peoples"],
  مردمی: ["popular", "peoples"],
  خاورمیانه: ["middle east"],
  "خاور میانه": ["middle east"],
  "شرق اوسط": ["middle east"],
  شرق: ["east"],
  غرب: ["west"],
  شمال: ["north"],
  جنوب: ["south"],
  خلیج: ["gulf"],
  "خلیج فارس": ["persian gulf"],
  "نیرو مسلح": ["armed forces"],
  "قوات مسلحه": ["armed forces"],
  ایران: ["iran"],
  عراق: ["iraq"],
  سوریه: ["syria"],
  سوریا: ["syria"],
  لبنان: ["lebanon"],
  یمن: ["yemen"],
  شام: ["levant", "sham"],
  فلسطین: ["palestine"],
};

/** Words only organisations' names have: with one, a name of unknown kind is read as one. */
const HEADS = [
  "بانک",
  "بنک",
  "مصرف",
  "شرکت",
  "شرکه",
  "سازمان",
  "منظمه",
  "بنیاد",
  "موسسه",
  "گروه",
  "جمعیه",
  "انجمن",
  "اتحادیه",
  "حزب",
  "جبهه",
  "حرکه",
  "کمیته",
  "لجنه",
  "وزارت",
  "وزاره",
  "ستاد",
  "قرارگاه",
  "دانشگاه",
  "سپاه",
  "ارتش",
  "جیش",
  "قوات",
  "کتائب",
  "صنایع",
  "صناعات",
];

/** Arabic letters as Persian writes them, without vowel signs or tatweel; ZWNJ kept for suffixes. */
export function foldArabicLetters(word: string): string {
  return word
    .normalize("NFC")
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, "")
    .replace(/[كڪ]/gu, "ک")
    .replace(/[يى]/gu, "ی")
    .replace(/[ةۀ]/gu, "ه")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ؤ/gu, "و")
    .replace(/ئ/gu, "ی");
}

const VOCABULARY = orgVocabulary(WORDS, HEADS, foldArabicLetters);

/** Arabic prefixes: the article, with and, by, for before it (والبنك, للتجارة). */
const PREFIXES = ["وال", "بال", "فال", "کال", "لل", "ال"];
/** Persian suffixes: the ezafe (دریای, ‌ی), plurals with and without ezafe (نیروهای). */
const SUFFIXES = ["\u200cهای", "\u200cها", "\u200cی", "های", "ها", "ی"];

/** The vocabulary word a folded word is, with its article, a prefix or an ezafe taken off. */
function lookup(word: string): string | undefined {
  const bare = word.replace(/\u200c$/u, "");
  if (VOCABULARY.words.has(bare)) return bare;
  // An Arabic adjective's feminine ending (العسكرية, الجوية): the word is the nisba in -ی.
  if (bare.endsWith("یه") && bare.length > 3) {
    const nisba = lookup(bare.slice(0, -1));
    if (nisba) return nisba;
  }
  for (const prefix of PREFIXES) {
    const stem = bare.slice(prefix.length);
    if (bare.startsWith(prefix) && stem.length >= 2 && VOCABULARY.words.has(stem)) return stem;
  }
  for (const suffix of SUFFIXES) {
    const stem = bare.slice(0, -suffix.length).replace(/\u200c$/u, "");
    if (bare.endsWith(suffix) && stem.length >= 2 && VOCABULARY.words.has(stem)) return stem;
  }
  // و "and", ل "for", ب "by" written onto a word (وتجارت, لتحرير).
  if (/^[ولب]/u.test(bare) && bare.length > 3) {
    const stem = bare.slice(1);
    if (VOCABULARY.words.has(stem)) return stem;
    if (bare.startsWith("و")) return lookup(stem);
  }
  return undefined;
}

const MAX_PHRASE = 2;

/**
 * A Persian or Arabic name's words, translated where the vocabulary has them (two words read as
 * one first: خاور میانه, الشرق الأوسط), the rest romanised as arabic.ts does.
 */
export function arabicOrgPieces(name: string): OrgPiece[] {
  const words = name.split(/\s+/u).filter(Boolean);
  const folded = words.map((w) => foldArabicLetters(w).replace(/^\u200c+|\u200c+$/gu, ""));
  const pieces: OrgPiece[] = [];
  for (let i = 0; i < words.length;) {
    let matched = false;
    for (let n = Math.min(MAX_PHRASE, words.length - i); n > 1 && !matched; n--) {
      const stems = folded.slice(i, i + n).map((w) => lookup(w) ?? lookupStem(w));
      const phrase = stems.join(" ");
      if (VOCABULARY.words.has(phrase)) {
        pieces.push({ text: phrase, translations: VOCABULARY.words.get(phrase)! });
        i += n;
        matched = true;
      }
    }
    if (matched) continue;
    const known = lookup(folded[i]!);
    // "و" alone is "and", which English names drop too.
    if (folded[i] === "و") pieces.push({ text: "و", translations: [""] });
    else if (known) pieces.push({ text: known, translations: VOCABULARY.words.get(known)! });
    else pieces.push({ text: words[i]! });
    i++;
  }
  return pieces;
}

/** A word without its article, for phrases (الشرق الأوسط → شرق اوسط). */
function lookupStem(word: string): string {
  for (const prefix of PREFIXES)
    if (word.startsWith(prefix) && word.length - prefix.length >= 2)
      return word.slice(prefix.length);
  return word;
}

/**
 * Latin forms of a Persian or Arabic organisation's name with its generic words in English;
 * none when it has none. `needHead`: only when the name has a word only organisations have.
 */
export function arabicOrganisationForms(name: string, needHead: boolean): string[] {
  const pieces = arabicOrgPieces(name);
  if (needHead && !hasHeadWord(pieces, VOCABULARY)) return [];
  const romanise = (word: string): string => romanizeArabic(word)[0] ?? "";
  return translatedForms(pieces, romanise, (word) => romanise(word).replace(/^al-/u, ""));
}
