/**
 * Every Latin rendering of a name worth matching on: the name itself when Latin, otherwise the
 * romanisations of its script, with any-ascii as the fallback for scripts without a dedicated
 * romaniser (Arabic, kanji, Thai …). Organisation names in Hangul or Han characters come first
 * with their generic words translated (cjk-org-names.ts): 조선무역은행 → "korea trading bank".
 */
import anyAscii from "any-ascii";
import { romanizeArabic } from "./arabic.ts";
import { romanizeChinese } from "./chinese.ts";
import { cjkOrganisationVariants, looksLikeCjkOrganisation } from "./cjk-org-names.ts";
import { romanizeBurmese } from "./burmese.ts";
import { romanizeCyrillic } from "./cyrillic.ts";
import { romanizeDevanagari } from "./devanagari.ts";
import { romanizeHebrew } from "./hebrew.ts";
import { romanizeJapanese } from "./japanese.ts";
import { romanizeKhmer } from "./khmer.ts";
import { romanizeGreek } from "./greek.ts";
import { wadeGilesToPinyin } from "./wade-giles.ts";
import { romanizeKorean } from "./korean.ts";
import { withoutGenitive } from "./mongolian.ts";
import { boundName } from "./length.ts";
import type { NameKind } from "./normalize.ts";
import { detectScripts } from "./script.ts";
import { romanizeThai } from "./thai.ts";
import { translatedOrganisationForms } from "./translated-org-names.ts";
import { withoutTitles } from "./titles.ts";

const MAX_VARIANTS = 8;
/** An organisation's translated forms: fewer than a person's, as each costs candidate search. */
const MAX_ORGANISATION_VARIANTS = 6;

/**
 * `kind` "organization" reads a Hangul or Han name as an organisation's; "any" does so when the
 * name ends in an organisation word (은행, 公司 …); "person" never.
 */
const SLAVIC_DIGRAPHS: Record<string, string> = {
  č: "ch",
  ć: "ch",
  š: "sh",
  ž: "zh",
  đ: "dj",
  Č: "Ch",
  Ć: "Ch",
  Š: "Sh",
  Ž: "Zh",
  Đ: "Dj",
};

function withSlavicDigraphs(text: string): string {
  return text.replace(/[čšžćđČŠŽĆĐ]/g, (letter) => SLAVIC_DIGRAPHS[letter] ?? letter);
}

export function latinVariants(name: string, kind: NameKind = "any"): string[] {
  // NFKC may lengthen a name (ligatures, ㈱), so the bound is applied after it too.
  const text = boundName(boundName(name).normalize("NFKC")).trim();
  if (text === "") return [];
  const scripts = detectScripts(text);
  const variants: string[] = [];
  const cjk = scripts.has("hangul") || (scripts.has("han") && !scripts.has("kana"));
  // An organisation's name read syllable by syllable (jo seon mu yeok eun haeng) matches no
  // listed name and only dilutes the candidate search: its translated forms stand alone.
  if (cjk && (kind === "organization" || (kind === "any" && looksLikeCjkOrganisation(text)))) {
    const forms = cjkOrganisationVariants(text, MAX_ORGANISATION_VARIANTS);
    if (forms.length > 0) return forms;
  }
  // Persian, Arabic, Khmer and Thai organisations' names with their generic words in English.
  variants.push(...translatedOrganisationForms(text, scripts, kind));
  const named = kind === "organization" ? text : withoutTitles(text, scripts);
  if (scripts.has("hangul")) variants.push(...romanizeKorean(named));
  else if (scripts.has("kana")) variants.push(...romanizeJapanese(named));
  else if (scripts.has("han")) variants.push(...romanizeChinese(named));
  if (scripts.has("cyrillic")) variants.push(...romanizeCyrillic(text));
  if (scripts.has("arabic")) variants.push(...romanizeArabic(named));
  if (scripts.has("hebrew")) variants.push(romanizeHebrew(named));
  if (scripts.has("thai")) variants.push(...romanizeThai(named));
  if (scripts.has("khmer")) variants.push(...romanizeKhmer(text));
  if (scripts.has("myanmar")) variants.push(...romanizeBurmese(text));
  if (scripts.has("devanagari")) variants.push(romanizeDevanagari(text));
  if (scripts.has("armenian") || scripts.has("georgian")) variants.push(withoutEjectives(text));
  if (scripts.has("greek")) variants.push(...romanizeGreek(text));
  // any-ascii marks glottal stops and ejectives with apostrophes (Ethiopic 'isayyas): names
  // in Latin letters leave them out.
  if (scripts.has("other") && !scripts.has("latin"))
    variants.push(anyAscii(text).replace(/'/g, ""));
  else if (variants.length === 0 || scripts.has("latin")) {
    variants.push(anyAscii(text));
    const plain = kind === "organization" ? undefined : withoutGenitive(variants.at(-1)!);
    if (plain) variants.push(plain);
    // Czech, Croatian and scholarly Russian letters as English transliterations write them
    // (Šuvalov, Shuvalov; Dodik, Додик): any-ascii drops their hooks (s, c, z).
    if (/[čšžćđČŠŽĆĐ]/.test(text)) variants.push(anyAscii(withSlavicDigraphs(text)));
    if (scripts.has("latin")) variants.push(...wadeGilesToPinyin(text));
  }
  // Kanji have no reading of their own here; kana alone are read in full above.
  else if (scripts.has("han")) variants.push(anyAscii(text));
  return [...new Set(variants.map((v) => v.trim()).filter(Boolean))].slice(0, MAX_VARIANTS);
}

/**
 * Armenian and Georgian in Latin letters without the apostrophes of aspirated and ejective
 * consonants (Փաշինյան P'ashinyan → Pashinyan, სააკაშვილი saak'ashvili → Saakashvili) and with
 * Armenian ռ as r, as passports and lists spell these names.
 */
function withoutEjectives(text: string): string {
  return anyAscii(text.replace(/[Ռռ]/gu, (c) => (c === "Ռ" ? "R" : "r"))).replace(
    /(?<=[A-Za-z])'/g,
    "",
  );
}
