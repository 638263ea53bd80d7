/**
 * Every Latin rendering of a name worth matching on: the name itself when Latin, otherwise the
 * romanisations of its script, with any-ascii as the fallback for scripts without a dedicated
 * romaniser (Arabic, kanji, Thai …).
 */
import anyAscii from "any-ascii";
import { romanizeChinese } from "./chinese.ts";
import { romanizeCyrillic } from "./cyrillic.ts";
import { romanizeJapanese } from "./japanese.ts";
import { romanizeKorean } from "./korean.ts";
import { boundName } from "./length.ts";
import { detectScripts } from "./script.ts";

const MAX_VARIANTS = 8;

export function latinVariants(name: string): string[] {
  // NFKC may lengthen a name (ligatures, ㈱), so the bound is applied after it too.
  const text = boundName(boundName(name).normalize("NFKC")).trim();
  if (text === "") return [];
  const scripts = detectScripts(text);
  const variants: string[] = [];
  if (scripts.has("hangul")) variants.push(...romanizeKorean(text));
  else if (scripts.has("kana")) variants.push(...romanizeJapanese(text));
  else if (scripts.has("han")) variants.push(...romanizeChinese(text));
  if (scripts.has("cyrillic")) variants.push(...romanizeCyrillic(text));
  if (variants.length === 0 || scripts.has("latin")) variants.push(anyAscii(text));
  else if (!scripts.has("hangul") && !scripts.has("cyrillic")) variants.push(anyAscii(text));
  return [...new Set(variants.map((v) => v.trim()).filter(Boolean))].slice(0, MAX_VARIANTS);
}
