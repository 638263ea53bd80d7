/**
 * Names in Korean, Chinese and Japanese text, proposed for linking only. Hangul words that start
 * with a Korean surname, Han runs that start with a Chinese one, and organisation names ending in
 * 은행 / 银行 / 公司 … are handed to the screening engine, which reads them through every
 * romanisation (리성혁 = Ri Song Hyok = Lee Seong-hyeok); a proposal no listed entity answers is
 * dropped, since without word boundaries most such strings are not names.
 */
import type { Mention } from "../types.ts";

// Surnames covering about 95% of Koreans (North and South spellings: 리/이, 림/임, 로/노, 류/유).
const KOREAN_SURNAMES = new Set(
  "김 리 이 박 최 정 강 조 윤 장 림 임 한 오 서 신 권 황 안 송 전 홍 류 유 고 문 량 양 손 배 백 허 남 심 로 노 하 곽 성 차 주 우 구 민 라 나 진 지 엄 채 원 천 방 공 현 함 변 렴 염 려 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 륙 육 인 맹 제 모 탁 국 어 은 편 룡 용 예 경 봉 사 부 태 계 피".split(
    " ",
  ),
);
const KOREAN_COMPOUND_SURNAMES = ["황보", "남궁", "제갈", "선우", "독고", "사공"];
/** Case particles and honorifics written onto the end of a name, longest first. */
const KOREAN_ENDINGS = [
  "으로부터",
  "에게서",
  "로부터",
  "동지는",
  "동지가",
  "동지의",
  "동지",
  "동무",
  "에게",
  "에서",
  "께서",
  "으로",
  "까지",
  "부터",
  "씨는",
  "씨가",
  "씨의",
  "씨",
  "님",
  "은",
  "는",
  "이",
  "가",
  "을",
  "를",
  "의",
  "에",
  "와",
  "과",
  "도",
  "로",
  "만",
];
const KOREAN_ORG_ENDINGS =
  /(?:은행|총회사|회사|공사|상사|무역|그룹|총국|위원회|협회|총련|련합회|기업소|련합기업소|합영회사|대학)$/u;

// The most frequent Chinese surnames (simplified and traditional where they differ).
const CHINESE_SURNAMES = new Set(
  "王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 高 林 罗 羅 郑 鄭 梁 谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚 卢 盧 姜 崔 钟 鐘 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 闫 閆 段 雷 侯 龙 龍 史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 朴 池 玄 文".split(
    " ",
  ),
);
const CJK_ORG_ENDINGS =
  /(?:有限责任公司|有限公司|股份公司|株式会社|公司|银行|銀行|集团|集團|贸易|貿易|商会|商會|会社|會社)$/u;

/** Proposals as Person or Organization mentions, without a link yet. */
export function cjkNameCandidates(text: string): Mention[] {
  const found: Mention[] = [];
  for (const word of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const start = word.index;
    for (const stem of hangulStems(word[0])) {
      const type = KOREAN_ORG_ENDINGS.test(stem)
        ? "Organization"
        : isKoreanPersonName(stem)
          ? "Person"
          : undefined;
      if (type) found.push(candidate(type, stem, start));
    }
  }
  for (const run of text.matchAll(/[\p{Script=Han}\p{Script=Katakana}ー]+/gu)) {
    const chars = run[0];
    if (CJK_ORG_ENDINGS.test(chars) && chars.length >= 4)
      found.push(candidate("Organization", chars, run.index));
    for (let i = 0; i < chars.length - 1; i++) {
      if (!CHINESE_SURNAMES.has(chars[i]!)) continue;
      for (const length of [3, 2]) {
        if (i + length <= chars.length)
          found.push(candidate("Person", chars.slice(i, i + length), run.index + i));
      }
    }
  }
  return found;
}

/** The word, and the word without each particle it may end in. */
function hangulStems(word: string): string[] {
  const stems = [word];
  for (const ending of KOREAN_ENDINGS) {
    if (word.length > ending.length + 1 && word.endsWith(ending))
      stems.push(word.slice(0, -ending.length));
  }
  return [...new Set(stems)];
}

function isKoreanPersonName(stem: string): boolean {
  if (KOREAN_COMPOUND_SURNAMES.some((s) => stem.startsWith(s)))
    return stem.length >= 3 && stem.length <= 4;
  return stem.length >= 2 && stem.length <= 4 && KOREAN_SURNAMES.has(stem[0]!);
}

function candidate(type: "Person" | "Organization", text: string, start: number): Mention {
  return { type, text, start, end: start + text.length, confidence: 0.7 };
}
