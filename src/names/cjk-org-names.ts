/**
 * Organisation names in Hangul or Han characters as lists print them in Latin letters: generic
 * words translated (은행/银行 → bank, 무역/贸易 → trading, 회사/公司 → company, 조선/朝鲜 →
 * Korea), the rest romanised as one word per run (North Korean and mixed spellings for Korean,
 * pinyin for Chinese), so that 조선무역은행 reads KOREA TRADING BANK, 조선련봉총회사 KOREA
 * RYONBONG GENERAL CORPORATION, 고려항공 AIR KORYO and 丹东至诚金属材料有限公司 DANDONG
 * ZHICHENG METALLIC MATERIAL CO LTD. Han names of North Korean bodies are also read in Korean
 * (朝鲜光鲜银行 = 조선광선은행 = KOREA KWANGSON BANK).
 */
import hanjaModule from "hanja";
import { pinyin } from "pinyin-pro";
import {
  AIRLINE_WORDS,
  CHINESE_BODIES,
  CHINESE_WORDS,
  CHINESE_WORDS_LONGEST_FIRST,
  COUNTRY_WORDS,
  KOREAN_BODIES,
  KOREAN_WORDS,
  KOREAN_WORDS_LONGEST_FIRST,
  NATION_WORDS,
  NUMBERED_WORDS,
} from "./cjk-org-words.ts";
import { leadingLatinLetters } from "./hangul-letters.ts";
import { romanizeHangulWord, type HangulStyle } from "./korean.ts";

interface HanjaApi {
  translate(text: string, mode: "SUBSTITUTION"): string;
}
const hanjaExports = hanjaModule as unknown as { default?: HanjaApi } & HanjaApi;
const hanja: HanjaApi = hanjaExports.default ?? hanjaExports;

/** A run of a name: a generic word with its translations, a number, or a proper part. */
interface Segment {
  text: string;
  translations?: readonly string[];
  number?: boolean;
}

const HANGUL = /[\uac00-\ud7af]/u;
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９]/u;

/** Whether a CJK name ends in a word that only organisations' names end in. */
export function looksLikeCjkOrganisation(name: string): boolean {
  const last = (name.trim().split(/\s+/).at(-1) ?? "").replace(/[()（）]/g, "");
  const words = HANGUL.test(last) ? KOREAN_WORDS_LONGEST_FIRST : CHINESE_WORDS_LONGEST_FIRST;
  const table = HANGUL.test(last) ? KOREAN_WORDS : CHINESE_WORDS;
  if (Object.keys(KOREAN_BODIES).some((b) => last.endsWith(b))) return true;
  if (Object.keys(CHINESE_BODIES).some((b) => last.endsWith(b))) return true;
  return words.some(
    (w) => last.endsWith(w) && last.length > w.length && !COUNTRY_WORDS.has(w) && !!table[w],
  );
}

/**
 * Whether a name in Hangul or Han characters is made of generic words only (중앙은행 "central
 * bank", 무역회사 "trading company"): a description, not a name, unless a country is named
 * (조선중앙은행, 中国银行) or a number (39호실).
 */
export function isGenericCjkOrganisation(name: string): boolean {
  const segments = HANGUL.test(name)
    ? segment(name, KOREAN_WORDS, KOREAN_WORDS_LONGEST_FIRST)
    : segment(name, CHINESE_WORDS, CHINESE_WORDS_LONGEST_FIRST);
  return segments.every(
    (s) =>
      !!s.translations &&
      !NATION_WORDS.has(s.text) &&
      !KOREAN_BODIES[s.text] &&
      !CHINESE_BODIES[s.text],
  );
}

/** Splits one word at the generic words of `table`; digits make their own segment. */
function segment(
  word: string,
  table: Readonly<Record<string, readonly string[]>>,
  longestFirst: readonly string[],
): Segment[] {
  const segments: Segment[] = [];
  let proper = "";
  const flush = (): void => {
    if (proper) segments.push({ text: proper });
    proper = "";
  };
  for (let i = 0; i < word.length;) {
    if (DIGIT.test(word[i]!)) {
      flush();
      let j = i;
      while (j < word.length && DIGIT.test(word[j]!)) j++;
      segments.push({ text: word.slice(i, j).normalize("NFKC"), number: true });
      i = j;
      continue;
    }
    const known = longestFirst.find((w) => word.startsWith(w, i));
    if (known) {
      flush();
      segments.push({ text: known, translations: table[known]! });
      i += known.length;
      continue;
    }
    if (/[\p{L}\p{N}]/u.test(word[i]!)) proper += word[i];
    else flush();
    i++;
  }
  flush();
  return segments;
}

type Romanise = (proper: string) => string;

/** Pinyin of a Han run, two characters to a word as Chinese brand names go (丹东至诚 → dandong zhicheng). */
const pinyinRun: Romanise = (run) => {
  const syllables = pinyin(run, { toneType: "none", type: "array", nonZh: "consecutive" });
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i += 2) {
    // A run of three is one word (a three-character brand), not two and one.
    const take = syllables.length - i === 3 ? 3 : 2;
    words.push(syllables.slice(i, i + take).join(""));
    if (take === 3) break;
  }
  return words.join(" ");
};

interface Reading {
  words: Segment[][];
  romanise: Romanise;
  /** Romanisations of generic words for the all-romanised form (Choson Muyok Unhaeng). */
  spellGeneric?: Romanise;
}

/** The Latin forms of one reading: translated, translated with other words, romanised, reordered. */
function readingVariants(reading: Reading): string[] {
  const { words, romanise } = reading;
  const flat = words.flat();
  const render = (segments: Segment[], alternative: number): string => {
    const out: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      const next = segments[i + 1];
      if (s.number && next && NUMBERED_WORDS.has(next.text)) {
        const t = next.translations!;
        out.push(`${t[Math.min(alternative, t.length - 1)]} ${s.text}`);
        i++;
      } else if (s.number) out.push(s.text);
      else if (s.translations)
        out.push(s.translations[Math.min(alternative, s.translations.length - 1)]!);
      else out.push(romanise(s.text));
    }
    return out.join(" ");
  };
  const variants = [render(flat, 0), render(flat, 1)];
  if (reading.spellGeneric) {
    const spell = reading.spellGeneric;
    variants.push(
      words
        .map((w) => w.map((s) => (s.translations ? spell(s.text) : romanise(s.text))).join(" "))
        .join(" "),
    );
  }
  const last = words.at(-1)!;
  // A name under its parents (조선로동당 중앙위원회 39호실): lists name the last body alone.
  if (words.length > 1) variants.push(render(last, 0), render(words.slice(-2).flat(), 1));
  // 고려항공 → AIR KORYO: the airline word first.
  const lastSegment = flat.at(-1);
  if (lastSegment && AIRLINE_WORDS.has(lastSegment.text) && flat.length > 1)
    variants.splice(1, 0, `air ${render(flat.slice(0, -1), 0)}`);
  // 조선중앙은행 → CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA.
  if (flat.length > 1 && COUNTRY_WORDS.has(flat[0]!.text) && flat.every((s) => !!s.translations))
    variants.push(`${render(flat.slice(1), 0)} of the democratic peoples republic of korea`);
  return variants;
}

/** A run read with the Latin letters it spells out first (에이치엠엠 HMM, 에스케이하이닉스 SK hainikseu). */
function withLatinLetters(run: string, style: HangulStyle): string {
  const letters = leadingLatinLetters(run);
  if (!letters) return romanizeHangulWord(run, style);
  const rest = run.slice(letters.end);
  return rest ? `${letters.letters} ${romanizeHangulWord(rest, style)}` : letters.letters;
}

function koreanReading(name: string, styles: HangulStyle[]): Reading[] {
  const words = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => segment(w, KOREAN_WORDS, KOREAN_WORDS_LONGEST_FIRST));
  return styles.map((style, i) => ({
    words,
    romanise: (run: string) =>
      i === 0 ? withLatinLetters(run, style) : romanizeHangulWord(run, style),
    ...(i === 0 ? { spellGeneric: (run: string) => romanizeHangulWord(run, "north") } : {}),
  }));
}

/**
 * A Han name's generic words translated, the rest in pinyin, or (`korean`) read in Korean as
 * Hanja and spelt as North Korea or lists do (光鲜 → 광선 → kwangson).
 */
function chineseReading(name: string, korean?: HangulStyle): Reading {
  const words = name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => segment(w, CHINESE_WORDS, CHINESE_WORDS_LONGEST_FIRST));
  if (!korean) return { words, romanise: pinyinRun };
  const read = (run: string): string => hanja.translate(run, "SUBSTITUTION");
  return {
    words,
    romanise: (run) => romanizeHangulWord(read(run), korean),
    spellGeneric: (run) => romanizeHangulWord(read(run), "north"),
  };
}

/** Names that read as North Korean: their Han characters are also read in Korean, first. */
const NORTH_KOREAN_HAN = /^(?:朝鲜|朝鮮|高丽|高麗)/u;
/** Chinese legal forms: a company so named is Chinese, and its Korean reading only noise. */
const CHINESE_COMPANY = /(?:有限公司|有限责任公司|有限責任公司|股份公司)$/u;

/**
 * Latin forms of an organisation's name in Hangul or Han characters, most likely first, at most
 * `limit`. Empty for names in other scripts.
 */
export function cjkOrganisationVariants(name: string, limit: number): string[] {
  const text = name.trim();
  const variants: string[] = [];
  if (HANGUL.test(text)) {
    const [north, mixed, south] = koreanReading(text, ["north", "mixed", "south"]).map(
      readingVariants,
    );
    variants.push(...interleave([north!, mixed!, south!]));
  } else if (HAN.test(text)) {
    const chinese = readingVariants(chineseReading(text));
    // A Chinese company's name read in Korean is noise that thins out the candidate search.
    const korean = CHINESE_COMPANY.test(text)
      ? []
      : interleave([
          readingVariants(chineseReading(text, "north")),
          readingVariants(chineseReading(text, "mixed")).slice(0, 1),
        ]);
    variants.push(
      ...(NORTH_KOREAN_HAN.test(text)
        ? interleave([korean, chinese])
        : interleave([chinese, korean.slice(0, 2)])),
    );
  }
  return [...new Set(variants.map((v) => v.replace(/\s+/g, " ").trim()).filter(Boolean))].slice(
    0,
    limit,
  );
}

/** The first of each list, then the second of each … */
function interleave(lists: string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++)
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  return out;
}
