/** Which writing systems a name uses, to pick its romanisations. */
export const SCRIPTS = [
  "latin",
  "hangul",
  "han",
  "kana",
  "cyrillic",
  "arabic",
  "hebrew",
  "thai",
  "khmer",
  "armenian",
  "georgian",
  "greek",
  "myanmar",
  "devanagari",
  "other",
] as const;
export type Script = (typeof SCRIPTS)[number];

const PATTERNS: Array<[Script, RegExp]> = [
  ["hangul", /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u],
  ["kana", /[\u3040-\u30ff\u31f0-\u31ff]/u],
  ["han", /\p{Script=Han}/u],
  ["cyrillic", /\p{Script=Cyrillic}/u],
  ["arabic", /\p{Script=Arabic}/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["thai", /\p{Script=Thai}/u],
  ["khmer", /\p{Script=Khmer}/u],
  ["armenian", /\p{Script=Armenian}/u],
  ["georgian", /\p{Script=Georgian}/u],
  ["greek", /\p{Script=Greek}/u],
  ["myanmar", /\p{Script=Myanmar}/u],
  ["devanagari", /\p{Script=Devanagari}/u],
  ["latin", /\p{Script=Latin}/u],
];

export function detectScripts(text: string): Set<Script> {
  const found = new Set<Script>();
  for (const [script, pattern] of PATTERNS) if (pattern.test(text)) found.add(script);
  if (found.size === 0 && /\p{L}/u.test(text)) found.add("other");
  return found;
}

/** Scripts that write consonants and long vowels only: their romanisations lack vowels. */
export function isAbjad(text: string): boolean {
  const scripts = detectScripts(text);
  return scripts.has("arabic") || scripts.has("hebrew");
}

/**
 * Whether a name is a foreign name written by ear, reshaped to its script's sounds: syllabaries
 * and syllable blocks add vowels and drop clusters (ドナルド donarudo), abjads drop vowels (ترامب
 * trmb), Thai and Khmer spell by sound. Their romanisations of a Western name are compared with it
 * by sound (transcription.ts). A Korean or Chinese personal name (김정은, 金正恩, 习近平) is not:
 * its romanisations are read syllable by syllable, where a comparison blind to vowels would let
 * Kim Yong Un meet Han Un Hyon. Ge'ez and Devanagari leave a vowel unwritten or write one the
 * Latin spelling drops (ሥላሴ slase, Selassie; नीरव nirv, Nirav), as Armenian leaves its schwa
 * unwritten (Սարգսյան Sargsyan, Sarkissian): their names are compared by sound too. Alphabets
 * with all their vowels (Cyrillic, Greek, Georgian) spell foreign names closely enough.
 */
export function transcribesByEar(text: string): boolean {
  if (
    /[\u3040-\u30ff\p{Script=Thai}\p{Script=Khmer}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Ethiopic}\p{Script=Armenian}\p{Script=Devanagari}]/u.test(
      text,
    )
  )
    return true;
  if (/[\uac00-\ud7af]/u.test(text)) return !looksLikeKoreanName(text);
  if (/\p{Script=Han}/u.test(text)) return !looksLikeHanName(text);
  return false;
}

/** One word of two to four syllables, or a family name of one or two apart from the rest. */
function looksLikeKoreanName(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/)
    .map((w) => [...w].length);
  const total = words.reduce((sum, n) => sum + n, 0);
  if (words.length === 1) return total >= 2 && total <= 4;
  return words.length === 2 && words[0]! <= 2 && total <= 4;
}

/**
 * Commonest Chinese and Korean family names (simplified and traditional): a Han name of two to
 * four characters that starts with one is read as a Chinese or Korean personal name. Foreign
 * names in Han characters are set apart by a middle dot (唐纳德·特朗普) or begin with characters
 * few families bear (奥巴马, 普京).
 */
const FAMILY_NAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习朴權鄭趙張劉陳楊黃吳孫馬許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔錢嚴湯申柳洪車车裴南全卞廉玄咸池文安元千方玉太桂明延都".split(
    "",
  ),
);

function looksLikeHanName(text: string): boolean {
  if (/[·・•‧･]/u.test(text)) return false;
  const chars = [...text.replace(/\s+/g, "")];
  return chars.length <= 4 && FAMILY_NAMES.has(chars[0]!);
}

/**
 * The name with each word written in `script` read by `read`, other words kept as written, and
 * spaces made single: how the romanisers of scripts read word by word (Thai, Khmer, Greek …).
 */
export function readWordsOf(name: string, script: RegExp, read: (word: string) => string): string {
  return name
    .split(/(\s+)/)
    .map((word) => (script.test(word) ? read(word) : word))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
