/**
 * Titles and honorifics in Hangul, Han, kana, Arabic and Hebrew script, removed before a
 * person's name is romanised: 김정은 위원장 (Chairman Kim Jong Un), 리명수 동지 (Comrade), 习近平主席,
 * トランプ大統領, الشيخ محمد. Korean, Chinese and Japanese put them after the name, with or
 * without a space; Arabic and Hebrew before it. Latin titles are handled with the tokens
 * (normalize.ts).
 */
import type { Script } from "./script.ts";

const KOREAN = new Set(
  "위원장 부위원장 위원 동지 동무 선생 선생님 씨 님 여사 장군 원수 대원수 차수 대장 상장 중장 소장 대좌 상좌 중좌 소좌 총비서 비서 당비서 부부장 부장 국장 부국장 처장 실장 사장 회장 부회장 이사장 대표 총리 부총리 수상 대통령 주석 장관 차관 대사 의원 의장 박사 교수 상무 전무 총재 총장 지배인 책임자 지도자 령도자".split(
    " ",
  ),
);

const CHINESE_JAPANESE = new Set(
  "主席 国家主席 總書記 总书记 书记 書記 总统 總統 总理 總理 副总理 首相 委员长 委員長 部长 部長 副部长 大使 将军 將軍 先生 女士 夫人 同志 博士 教授 董事长 总经理 总裁 院长 局长 省长 市长 议长 議長 国王 元帅 元帥 上将 中将 少将 氏 さん 様 殿 君 大統領 総理 総理大臣 会長 社長 大臣 総書記 書記長".split(
    " ",
  ),
);

// Persian words written with a zero-width non-joiner (حجت‌الاسلام) are listed and compared without it.
const ARABIC = new Set(
  `الشيخ الشيخة شيخ السيد السيدة سيد الحاج حاج الحاجة الدكتور الدكتورة د. الرئيس الأمير الأميرة
  أمير الملك الإمام اللواء العميد العقيد المقدم الرائد النقيب الملازم الفريق المشير العماد
  المهندس الأستاذ الأستاذة الملا ملا مولوي آية سماحة فضيلة معالي سعادة فخامة القاضي المفتي
  سردار سرتیپ سرلشکر سرهنگ سپهبد سرتیپ‌دوم دریادار آقای خانم دکتر مهندس حاجی جناب سید مولوی
  حجت‌الاسلام حجت‌الاسلام‌والمسلمین آیت‌الله آیت‌الله‌العظمی مولانا حافظ قاری مفتی`
    .replace(/\u200c/g, "")
    .split(/\s+/),
);

/** Words that belong to the title before them: الفريق أول (first lieutenant general), العميد الركن. */
const ARABIC_TITLE_TAILS = new Set(["أول", "الركن", "ركن"]);

const HEBREW = new Set([
  "מר",
  "גב׳",
  "גב'",
  'ד"ר',
  "ד״ר",
  "הרב",
  "רב",
  "פרופ׳",
  "פרופ'",
  "השר",
  "הנשיא",
]);

/**
 * Thai titles and ranks, written before the name with or without a space: นาย (Mr), นาง, นางสาว,
 * ดร. (Dr), military and police ranks in their dotted abbreviations (พล.อ. General, พล.ต.อ.
 * Police General), คุณ (Khun), and the royal-lineage titles.
 */
const THAI = new Set(
  `นาย นาง นางสาว ดร. คุณ ศ. รศ. ผศ. พล.อ. พล.ท. พล.ต. พล.ต.อ. พล.ต.ท. พล.ต.ต. พ.อ. พ.ท. พ.ต. ร.อ.
  ร.ท. ร.ต. พล.ร.อ. พล.อ.อ. พ.ต.อ. พ.ต.ท. พ.ต.ต. ม.ร.ว. ม.ล. หม่อมราชวงศ์ หม่อมหลวง`.split(/\s+/),
);
/** The Thai titles that run onto the name without a space, longest first. */
const THAI_JOINED = ["นางสาว", "นาย", "นาง", "ดร."];

/** Titles written onto the name without a space are cut only when this much name is left. */
const MIN_NAME_LEFT = 2;

/**
 * The name without the titles of its script; a name that is nothing but titles is kept as it is.
 */
export function withoutTitles(text: string, scripts: Set<Script>): string {
  const after = scripts.has("hangul")
    ? KOREAN
    : scripts.has("han") || scripts.has("kana")
      ? CHINESE_JAPANESE
      : undefined;
  if (scripts.has("thai")) return withoutThaiTitles(text);
  const before = scripts.has("arabic") ? ARABIC : scripts.has("hebrew") ? HEBREW : undefined;
  const titles = after ?? before;
  if (!titles) return text;
  const words = text.split(/\s+/).filter(Boolean);
  let kept = words.filter(
    (word, i) =>
      !titles.has(word.replace(/\u200c/g, "")) &&
      !(before === ARABIC && ARABIC_TITLE_TAILS.has(word) && i > 0 && titles.has(words[i - 1]!)),
  );
  if (kept.length === 0) return text;
  if (after) {
    // 김정은위원장, 习近平主席: the longest title the last word ends with.
    const last = kept[kept.length - 1]!;
    let best = "";
    for (const title of after)
      if (
        title.length > best.length &&
        last.endsWith(title) &&
        [...last].length - [...title].length >= MIN_NAME_LEFT
      )
        best = title;
    // One-character titles written on (君, 氏) end Chinese given names too: only Korean 씨, 님.
    if (best.length >= 2 || (best !== "" && after === KOREAN))
      kept = [...kept.slice(0, -1), last.slice(0, last.length - best.length)];
  }
  return kept.join(" ");
}

function withoutThaiTitles(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !THAI.has(word));
  if (kept.length === 0) return text;
  const first = kept[0]!;
  const joined = THAI_JOINED.find(
    (title) => first.startsWith(title) && [...first].length - [...title].length >= MIN_NAME_LEFT,
  );
  if (joined) kept[0] = first.slice(joined.length);
  return kept.join(" ");
}
