/**
 * The generic words of organisation names in Thai with the English lists print for them
 * (กองทัพบกไทย = ROYAL THAI ARMY, ธนาคาร … = … BANK, บริษัท … จำกัด = … COMPANY LIMITED).
 * Hand-written from the words' dictionary meanings, not copied from any project. Thai writes no
 * spaces between words, so names are split at these words, longest first; the rest keeps its
 * romanisation (thai.ts). Party names that are phrases (เพื่อไทย Pheu Thai) are left out: lists
 * romanise them.
 */
import {
  hasHeadWord,
  orgVocabulary,
  segmentUnspaced,
  translatedForms,
  type OrgWordTable,
} from "./org-word-segments.ts";
import { romanizeThai } from "./thai.ts";

const WORDS: OrgWordTable = {
  กองทัพ: ["armed forces", "army"],
  กองทัพไทย: ["royal thai armed forces"],
  กองทัพบก: ["royal army", "army"],
  กองทัพเรือ: ["royal navy", "navy"],
  กองทัพอากาศ: ["royal air force", "air force"],
  ทหาร: ["military"],
  กลาโหม: ["defense"],
  ตำรวจ: ["police"],
  ตำรวจแห่งชาติ: ["royal police", "national police"],
  พรรค: ["party"],
  ประชาธิปัตย์: ["democrat"],
  ประชาธิปไตย: ["democracy", "democratic"],
  ประชาชน: ["peoples", "people"],
  ชาติ: ["nation", "national"],
  แห่งชาติ: ["national"],
  ไทย: ["thai", "thailand"],
  ประเทศไทย: ["thailand"],
  ธนาคาร: ["bank"],
  บริษัท: ["company"],
  จำกัด: ["limited"],
  มหาชน: ["public"],
  กลุ่ม: ["group"],
  กระทรวง: ["ministry"],
  กรม: ["department"],
  สำนักงาน: ["office"],
  สำนัก: ["bureau", "office"],
  คณะกรรมการ: ["committee", "commission"],
  สภา: ["council", "assembly"],
  มูลนิธิ: ["foundation"],
  สมาคม: ["association"],
  องค์การ: ["organization"],
  องค์กร: ["organization"],
  สถาบัน: ["institute"],
  มหาวิทยาลัย: ["university"],
  ศูนย์: ["center"],
  สหกรณ์: ["cooperative"],
  สหภาพ: ["union"],
  แนวร่วม: ["front"],
  ขบวนการ: ["movement"],
  ปฏิวัติ: ["revolution", "revolutionary"],
  ปลดปล่อย: ["liberation"],
  อิสลาม: ["islamic"],
  การค้า: ["trading", "trade"],
  พาณิชย์: ["commerce", "commercial"],
  อุตสาหกรรม: ["industry", "industrial"],
  พลังงาน: ["energy"],
  ปิโตรเลียม: ["petroleum"],
  น้ำมัน: ["oil"],
  การบิน: ["airways", "aviation"],
  ขนส่ง: ["transport"],
  เดินเรือ: ["shipping", "navigation"],
  พัฒนา: ["development"],
  ลงทุน: ["investment"],
  ทุน: ["capital"],
  การเงิน: ["finance", "financial"],
  ประกันภัย: ["insurance"],
  ประกันชีวิต: ["life insurance"],
  หลักทรัพย์: ["securities"],
  ก่อสร้าง: ["construction"],
  เกษตร: ["agriculture", "agricultural"],
  อาหาร: ["food"],
  โทรคมนาคม: ["telecommunications"],
  สื่อสาร: ["communications"],
  อิเล็กทรอนิกส์: ["electronics"],
  เทคโนโลยี: ["technology"],
  วิทยาศาสตร์: ["science"],
  ระหว่างประเทศ: ["international"],
  นานาชาติ: ["international"],
  กลาง: ["central"],
  เหนือ: ["north"],
  ใต้: ["south"],
  ตะวันออก: ["east"],
  ตะวันตก: ["west"],
  กรุงเทพ: ["bangkok"],
  กรุงเทพมหานคร: ["bangkok"],
  ราชอาณาจักร: ["kingdom"],
};

const HEADS = [
  "กองทัพ",
  "กองทัพบก",
  "กองทัพเรือ",
  "กองทัพอากาศ",
  "พรรค",
  "ธนาคาร",
  "บริษัท",
  "กระทรวง",
  "คณะกรรมการ",
  "มูลนิธิ",
  "สมาคม",
  "องค์การ",
  "มหาวิทยาลัย",
  "ขบวนการ",
];

const VOCABULARY = orgVocabulary(WORDS, HEADS);

/** Vowel signs above and below, tone marks and the like belong to the consonant before them. */
function isDependent(c: string): boolean {
  const code = c.charCodeAt(0);
  return (
    code === 0x0e31 ||
    (code >= 0x0e33 && code <= 0x0e3a) ||
    code === 0x0e45 ||
    (code >= 0x0e47 && code <= 0x0e4e)
  );
}
/** Vowels written before their consonant (เ แ โ ใ ไ). */
const LEADING = /[\u0e40-\u0e44]/u;

/** A word may not start after a leading vowel nor end before its last syllable's signs. */
function fitsThai(text: string, start: number, end: number): boolean {
  if (start > 0 && LEADING.test(text[start - 1]!)) return false;
  return end >= text.length || !isDependent(text[end]!);
}

/**
 * Latin forms of a Thai organisation's name with its generic words in English; none when it has
 * none. `needHead`: only when the name has a word only organisations have.
 */
export function thaiOrganisationForms(name: string, needHead: boolean): string[] {
  const pieces = name
    .replace(/[()]/gu, " ")
    .split(/\s+/u)
    .filter(Boolean)
    .flatMap((word) => segmentUnspaced(word, VOCABULARY, fitsThai));
  if (needHead && !hasHeadWord(pieces, VOCABULARY)) return [];
  return translatedForms(pieces, (run) => romanizeThai(run)[0] ?? "");
}
