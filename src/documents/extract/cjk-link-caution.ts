/**
 * Names in Hangul or Han characters that say too little to be linked on their own, however well
 * screening scores them: the link is left ambiguous with its candidate, for a reader to judge,
 * unless the text near the name says what the record says (link-decision.ts weighs that).
 *  - A surname and one syllable (金哲, 리철): thousands share it, and a listed KIM Chol is one.
 *  - A near spelling: screening reads a CJK name through every romanisation it has (North, South,
 *    mixed; pinyin and Korean readings of Hanja) and keeps the best, so a name a syllable off
 *    (上海东方海运 "Dongfang" for SHANGHAI DONGFENG SHPG) scores higher than one Latin spelling
 *    of it would. CJK names need a closer match than Latin ones.
 *  - South Korean and Chinese banks and firms whose names are, or translate like, listed North
 *    Korean bodies' (하나은행 is South Korea's Hana Bank; OFAC lists a HANA BANKING CORPORATION
 *    of the DPRK): the everyday name is the everyday bank.
 */
import type { LinkCandidate, Mention } from "../types.ts";

/**
 * Below this screening score a CJK name is a near spelling, not the listed name. Screening's
 * perfect name alone scores 0.92 and a name with a country word the record lacks (朝鲜金刚银行 for
 * KUMGANG BANK) 0.90; one syllable off (东方 for DONGFENG) 0.87.
 */
export const MIN_CJK_LINK_SCORE = 0.89;

const HANGUL_OR_HAN = /[\p{Script=Hangul}\p{Script=Han}]/u;

/**
 * Banks and firms of South Korea and China a North Korean's papers name as often as their own:
 * Korean and Chinese names (simplified and traditional), as written without a country word.
 */
const EVERYDAY_NAMESAKES = new Set(
  `하나은행 신한은행 국민은행 우리은행 기업은행 농협은행 농협 수협은행 산업은행 한국산업은행
  수출입은행 한국수출입은행 외환은행 한국외환은행 한국은행 제일은행 씨티은행 대구은행 부산은행
  경남은행 광주은행 전북은행 제주은행 우체국 새마을금고 카카오뱅크 케이뱅크 고려해운 한진해운
  현대상선
  韩亚银行 韓亞銀行 新韩银行 新韓銀行 国民银行 國民銀行 友利银行 友利銀行 企业银行 企業銀行
  韩国产业银行 韓國產業銀行 韩国进出口银行 韓國進出口銀行 韩国银行 韓國銀行
  中国银行 中國銀行 中国工商银行 中國工商銀行 工商银行 工商銀行 中国建设银行 中國建設銀行 建设银行
  建設銀行 中国农业银行 中國農業銀行 农业银行 農業銀行 交通银行 交通銀行 招商银行 招商銀行 中信银行
  中信銀行 光大银行 光大銀行 民生银行 民生銀行 兴业银行 興業銀行 浦发银行 浦發銀行 华夏银行 華夏銀行
  平安银行 平安銀行 广发银行 廣發銀行 邮储银行 郵儲銀行 中国邮政储蓄银行 中國郵政儲蓄銀行 汇丰银行
  滙豐銀行 匯豐銀行 渣打银行 渣打銀行 花旗银行 花旗銀行 中国进出口银行 中國進出口銀行 国家开发银行
  國家開發銀行 中国人民银行 中國人民銀行`.split(/\s+/),
);

export interface LinkCaution {
  /** Why the name alone does not link, said to the reader. */
  reason: string;
  /** Whether what the text near the name says of the record (a birth year, an employer) may. */
  evidenceMay: boolean;
}

const cjkChars = (text: string): number => [...text].filter((c) => HANGUL_OR_HAN.test(c)).length;

/** Why a mention in Hangul or Han characters should not link to `best` on its name alone. */
export function cjkLinkCaution(
  m: Pick<Mention, "type" | "text">,
  best: Pick<LinkCandidate, "score" | "caption">,
): LinkCaution | undefined {
  const chars = cjkChars(m.text);
  if (chars === 0) return undefined;
  const name = m.text.replace(/\s+/g, "");
  if (m.type === "Organization" && EVERYDAY_NAMESAKES.has(name))
    return {
      reason: `${m.text} is also the name of a South Korean or Chinese bank or firm, not only of ${best.caption}`,
      evidenceMay: false,
    };
  if (best.score < MIN_CJK_LINK_SCORE)
    return {
      reason: `${m.text} is a near spelling of ${best.caption}, not its name`,
      evidenceMay: false,
    };
  if (m.type === "Person" && chars === 2 && [...name].length === 2)
    return {
      reason: `${m.text}, a surname and one syllable, is too common a name to link on alone`,
      evidenceMay: true,
    };
  return undefined;
}
