/**
 * The generic words of organisation names in Khmer with the English lists print for them
 * (គណបក្សប្រជាជនកម្ពុជា = CAMBODIAN PEOPLE'S PARTY, ធនាគារ … = … BANK). Hand-written from the
 * words' dictionary meanings, not copied from any project. Khmer writes no spaces between words,
 * so names are split at these words, longest first; the rest keeps its romanisation (khmer.ts).
 */
import { romanizeKhmer } from "./khmer.ts";
import {
  hasHeadWord,
  orgVocabulary,
  segmentUnspaced,
  translatedForms,
  type OrgWordTable,
} from "./org-word-segments.ts";

const WORDS: OrgWordTable = {
  គណបក្ស: ["party"],
  ធនាគារ: ["bank"],
  ក្រុមហ៊ុន: ["company"],
  ក្រុម: ["group"],
  សាជីវកម្ម: ["corporation"],
  ឯកជន: ["private"],
  មានកម្រិត: ["limited"],
  ទទួលខុសត្រូវមានកម្រិត: ["limited"],
  ក្រសួង: ["ministry"],
  អគ្គនាយកដ្ឋាន: ["general department"],
  នាយកដ្ឋាន: ["department"],
  ការិយាល័យ: ["office"],
  គណៈកម្មាធិការ: ["committee"],
  គណៈកម្មការ: ["commission", "committee"],
  ក្រុមប្រឹក្សា: ["council"],
  រដ្ឋសភា: ["national assembly"],
  ព្រឹទ្ធសភា: ["senate"],
  សមាគម: ["association"],
  មូលនិធិ: ["foundation"],
  អង្គការ: ["organization"],
  សហករណ៍: ["cooperative"],
  សហជីព: ["union"],
  ចលនា: ["movement"],
  រណសិរ្ស: ["front"],
  កងទ័ព: ["army", "armed forces"],
  កងយោធពល: ["armed forces"],
  កងយោធពលខេមរភូមិន្ទ: ["royal cambodian armed forces"],
  យោធា: ["military"],
  ជើងគោក: ["army", "land forces"],
  ជើងទឹក: ["navy"],
  ជើងអាកាស: ["air force"],
  អង្គរក្ស: ["bodyguard"],
  ប៉ូលិស: ["police"],
  នគរបាល: ["police"],
  ការពារ: ["defense"],
  ការពារជាតិ: ["national defense"],
  សន្តិសុខ: ["security"],
  រាជរដ្ឋាភិបាល: ["royal government"],
  រដ្ឋាភិបាល: ["government"],
  ព្រះរាជាណាចក្រ: ["kingdom"],
  ប្រជាជន: ["peoples", "people"],
  ប្រជាធិបតេយ្យ: ["democratic"],
  សេរី: ["liberal", "free"],
  សង្គ្រោះ: ["rescue", "salvation"],
  ជាតិ: ["national", "nation"],
  អន្តរជាតិ: ["international"],
  កម្ពុជា: ["cambodia", "cambodian"],
  ខ្មែរ: ["khmer"],
  ក្រហម: ["red", "rouge"],
  ពាណិជ្ជកម្ម: ["trading", "commerce"],
  ឧស្សាហកម្ម: ["industry", "industrial"],
  វិនិយោគ: ["investment"],
  អភិវឌ្ឍន៍: ["development"],
  អចលនទ្រព្យ: ["real estate"],
  ហិរញ្ញវត្ថុ: ["finance", "financial"],
  ធានារ៉ាប់រង: ["insurance"],
  ទេសចរណ៍: ["tourism"],
  ដឹកជញ្ជូន: ["transport", "logistics"],
  ថាមពល: ["energy", "power"],
  អគ្គិសនី: ["electricity", "electric"],
  ប្រេង: ["oil", "petroleum"],
  រ៉ែ: ["mining", "mineral"],
  កសិកម្ម: ["agriculture"],
  សំណង់: ["construction"],
  ទូរគមនាគមន៍: ["telecommunications"],
  បច្ចេកវិទ្យា: ["technology"],
  សាកលវិទ្យាល័យ: ["university"],
  វិទ្យាស្ថាន: ["institute"],
  មជ្ឈមណ្ឌល: ["center"],
  កាស៊ីណូ: ["casino"],
  យុវជន: ["youth"],
  កម្មករ: ["workers"],
  ភ្នំពេញ: ["phnom penh"],
  ខេត្ត: ["province"],
  // "Of" (ធនាគារជាតិនៃកម្ពុជា, National Bank of Cambodia): English names drop it as a stop word.
  នៃ: [""],
};

const HEADS = [
  "គណបក្ស",
  "ធនាគារ",
  "ក្រុមហ៊ុន",
  "សាជីវកម្ម",
  "ក្រសួង",
  "នាយកដ្ឋាន",
  "អគ្គនាយកដ្ឋាន",
  "គណៈកម្មាធិការ",
  "សមាគម",
  "មូលនិធិ",
  "អង្គការ",
  "កងទ័ព",
  "កងយោធពល",
  "រណសិរ្ស",
  "ចលនា",
];

const VOCABULARY = orgVocabulary(WORDS, HEADS);

/** Dependent vowels, signs and the coeng (U+17D2) belong to the consonant before them. */
const DEPENDENT = /[\u17b6-\u17d3\u17dd]/u;

/** A word may not start on a subscript consonant nor end before a sign of its last syllable. */
function fitsKhmer(text: string, start: number, end: number): boolean {
  if (start > 0 && text[start - 1] === "\u17d2") return false;
  return end >= text.length || !DEPENDENT.test(text[end]!);
}

/**
 * Latin forms of a Khmer organisation's name with its generic words in English; none when it
 * has none. `needHead`: only when the name has a word only organisations have.
 */
export function khmerOrganisationForms(name: string, needHead: boolean): string[] {
  const pieces = name
    .split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => segmentUnspaced(word, VOCABULARY, fitsKhmer));
  if (needHead && !hasHeadWord(pieces, VOCABULARY)) return [];
  return translatedForms(pieces, (run) => romanizeKhmer(run)[0] ?? "");
}
