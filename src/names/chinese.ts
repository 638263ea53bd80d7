/**
 * Han characters in Latin letters: Mandarin pinyin (pinyin-pro) and, because DPRK names are often
 * printed in Hanja, the Korean reading (hanja → Hangul → romanisation): 金铁三 is both
 * "jin tie san" and "kim chol sam".
 */
import hanjaModule from "hanja";
import { pinyin } from "pinyin-pro";
import { northReadings } from "./korean.ts";

// hanja is CommonJS with its API on `exports.default`.
interface HanjaApi {
  translate(text: string, mode: "SUBSTITUTION"): string;
}
const hanjaExports = hanjaModule as unknown as { default?: HanjaApi } & HanjaApi;
const hanja: HanjaApi = hanjaExports.default ?? hanjaExports;

/** Hanja family names whose everyday reading differs from the name reading (金 is 금, but Kim). */
const FAMILY_NAME_READINGS: Record<string, string> = {
  金: "김",
  李: "리",
  柳: "류",
  盧: "로",
  羅: "라",
  林: "림",
  梁: "량",
  呂: "려",
  廉: "렴",
  龍: "룡",
};

export function romanizeChinese(name: string): string[] {
  const mandarin = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive" })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  const variants = [mandarin];
  // Pinyin family name + joined given name, the usual way Chinese names are printed in lists.
  const parts = mandarin.split(" ");
  if (parts.length >= 3) variants.push(`${parts[0]} ${parts.slice(1).join("")}`);
  const first = [...name][0] ?? "";
  const family = FAMILY_NAME_READINGS[first];
  const hangul =
    (family ?? "") + hanja.translate(family ? name.slice(first.length) : name, "SUBSTITUTION");
  // The North Korean spelling of the Korean reading only (kim chol sam): lists write DPRK names
  // so, and every further reading of a Chinese name thins out the candidate search.
  if (hangul !== name && /^[\uac00-\ud7af]{2,}$/u.test(hangul))
    variants.push(...northReadings(hangul));
  return [...new Set(variants.filter(Boolean))];
}
