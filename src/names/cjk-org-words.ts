/**
 * The generic words of organisation names in Korean and Chinese, with the English words lists
 * print for them: 조선무역은행 is listed as KOREA TRADING BANK, 朝鲜矿业开发贸易公司 as KOREA MINING
 * DEVELOPMENT TRADING CORPORATION. The first translation is the usual one, the others are
 * variants lists also print (trading / trade, company / corporation). Words that are also names
 * (동방 "east" in 동방은행 = TONGBANG BANK, 대성, 금강) are left out: lists romanise them.
 */
import { CHINESE_MORE_WORDS } from "./chinese-org-words.ts";
import { KOREAN_MORE_WORDS } from "./korean-org-words.ts";

/** Hangul words, longest first when segmenting. */
export const KOREAN_ORG_WORDS: Readonly<Record<string, readonly string[]>> = {
  조선로동당: ["workers party of korea"],
  조선노동당: ["workers party of korea"],
  로동당: ["workers party"],
  노동당: ["workers party"],
  중앙위원회: ["central committee"],
  위원회: ["committee", "commission"],
  조선: ["korea", "dprk"],
  북한: ["north korea"],
  중국: ["china"],
  호실: ["office", "bureau"],
  총국: ["general bureau"],
  은행: ["bank"],
  신용: ["credit"],
  상업: ["commercial"],
  무역총회사: ["general trading corporation", "trading general corporation"],
  총회사: ["general corporation"],
  무역회사: ["trading company", "trading corporation"],
  합영회사: ["joint venture company"],
  합작회사: ["joint venture company"],
  회사: ["company", "corporation"],
  무역: ["trading", "trade"],
  공사: ["corporation"],
  상사: ["trading company"],
  광업: ["mining"],
  개발: ["development"],
  항공: ["air", "airlines"],
  해운: ["shipping", "maritime"],
  원양: ["ocean"],
  관리: ["management"],
  통일: ["united", "unification"],
  발전: ["development"],
  선박: ["shipping"],
  보험: ["insurance"],
  중앙: ["central"],
  기계: ["machinery"],
  기술: ["technology", "technical"],
  국제: ["international"],
  수출입: ["export and import"],
  수산물: ["seafood", "marine products"],
  경제: ["economic"],
  공업: ["industry", "industrial"],
  연구소: ["research institute"],
  연구원: ["research institute"],
  대학: ["university"],
  그룹: ["group"],
  기업소: ["enterprise"],
  련합기업소: ["complex"],
  련합: ["united"],
  연합: ["united"],
  협회: ["association"],
  대외: ["foreign"],
  물자: ["materials"],
  자원: ["resources"],
  화학: ["chemical"],
  전자: ["electronics"],
  석유: ["oil"],
  투자: ["investment"],
  금융: ["finance"],
  합영: ["joint venture"],
  총련: ["chongryon"],
};

/**
 * Bodies of the North Korean state and party under their own names, which are made of generic
 * words but name one body each (국가보위성 = MINISTRY OF STATE SECURITY).
 */
export const KOREAN_BODIES: Readonly<Record<string, readonly string[]>> = {
  국가보위성: ["ministry of state security"],
  인민무력성: ["ministry of the peoples armed forces"],
  국방성: ["ministry of national defence"],
  원자력공업성: ["ministry of atomic energy industry"],
  원자력총국: ["general bureau of atomic energy"],
  정찰총국: ["reconnaissance general bureau"],
  군수공업부: ["munitions industry department"],
  조직지도부: ["organization and guidance department"],
  선전선동부: ["propaganda and agitation department"],
  통일전선부: ["united front department"],
  제2경제위원회: ["second economic committee"],
  중앙군사위원회: ["central military commission"],
  국가우주개발국: ["national aerospace development administration"],
  대외경제성: ["ministry of external economic relations"],
  조선인민군: ["korean peoples army"],
};

export const CHINESE_BODIES: Readonly<Record<string, readonly string[]>> = {
  朝鲜劳动党: ["workers party of korea"],
  朝鮮勞動黨: ["workers party of korea"],
  侦察总局: ["reconnaissance general bureau"],
  偵察總局: ["reconnaissance general bureau"],
  国家保卫省: ["ministry of state security"],
  國家保衛省: ["ministry of state security"],
  军需工业部: ["munitions industry department"],
  軍需工業部: ["munitions industry department"],
  第二经济委员会: ["second economic committee"],
  第二經濟委員會: ["second economic committee"],
  统一战线部: ["united front department"],
  統一戰線部: ["united front department"],
  组织指导部: ["organization and guidance department"],
  組織指導部: ["organization and guidance department"],
  宣传鼓动部: ["propaganda and agitation department"],
  宣傳鼓動部: ["propaganda and agitation department"],
  中央军事委员会: ["central military commission"],
  中央軍事委員會: ["central military commission"],
};

/** Han words (simplified and traditional), longest first when segmenting. */
export const CHINESE_ORG_WORDS: Readonly<Record<string, readonly string[]>> = {
  朝鲜: ["korea", "dprk"],
  朝鮮: ["korea", "dprk"],
  劳动党: ["workers party"],
  勞動黨: ["workers party"],
  中央委员会: ["central committee"],
  中央委員會: ["central committee"],
  号室: ["office", "bureau"],
  號室: ["office", "bureau"],
  外贸: ["foreign trade"],
  外貿: ["foreign trade"],
  对外贸易: ["foreign trade"],
  對外貿易: ["foreign trade"],
  中国: ["china"],
  中國: ["china"],
  香港: ["hong kong"],
  有限责任公司: ["co ltd", "limited"],
  有限責任公司: ["co ltd", "limited"],
  股份有限公司: ["co ltd", "limited"],
  有限公司: ["co ltd", "limited"],
  总公司: ["general corporation"],
  總公司: ["general corporation"],
  公司: ["company", "corporation"],
  会社: ["company", "corporation"],
  會社: ["company", "corporation"],
  集团: ["group", "corporation"],
  集團: ["group", "corporation"],
  银行: ["bank"],
  銀行: ["bank"],
  信用: ["credit"],
  商业: ["commercial"],
  商業: ["commercial"],
  贸易: ["trading", "trade"],
  貿易: ["trading", "trade"],
  商贸: ["trading", "trade"],
  商貿: ["trading", "trade"],
  经贸: ["economy and trade"],
  經貿: ["economy and trade"],
  进出口: ["import and export"],
  進出口: ["import and export"],
  矿业: ["mining"],
  礦業: ["mining"],
  开发: ["development"],
  開發: ["development"],
  发展: ["development"],
  發展: ["development"],
  实业: ["industrial"],
  實業: ["industrial"],
  工业: ["industrial"],
  工業: ["industrial"],
  金属: ["metallic", "metal"],
  金屬: ["metallic", "metal"],
  材料: ["material", "materials"],
  机械: ["machinery"],
  機械: ["machinery"],
  联合: ["united", "joint"],
  聯合: ["united", "joint"],
  国际: ["international"],
  國際: ["international"],
  技术: ["technology"],
  技術: ["technology"],
  科技: ["technology"],
  船务: ["shipping"],
  船務: ["shipping"],
  海运: ["shipping", "maritime"],
  海運: ["shipping", "maritime"],
  远洋: ["ocean"],
  遠洋: ["ocean"],
  管理: ["management"],
  统一: ["united", "unification"],
  統一: ["united", "unification"],
  航运: ["shipping"],
  航運: ["shipping"],
  航空: ["aviation", "airlines"],
  能源: ["energy"],
  电子: ["electronics"],
  電子: ["electronics"],
  保险: ["insurance"],
  保險: ["insurance"],
  投资: ["investment"],
  投資: ["investment"],
  物流: ["logistics"],
  总局: ["general bureau"],
  總局: ["general bureau"],
  委员会: ["committee"],
  委員會: ["committee"],
  中央: ["central"],
};

/** Words that name the country: lists put them first (KOREA X BANK) or last (… OF THE DPRK). */
export const COUNTRY_WORDS = new Set(["조선", "朝鲜", "朝鮮"]);

/** Words naming a country or territory: with one, a name of generic words is one body's (중국은행). */
export const NATION_WORDS = new Set([
  "조선",
  "북한",
  "중국",
  "한국",
  "朝鲜",
  "朝鮮",
  "中国",
  "中國",
  "香港",
]);

/** Words after which a Korean organisation's name is read "Air X" (고려항공 = AIR KORYO). */
export const AIRLINE_WORDS = new Set(["항공", "航空"]);

/** "No. 39 office": the number comes after the word in English (39호실 = OFFICE 39). */
export const NUMBERED_WORDS = new Set(["호실", "号室", "號室"]);

/** Generic words and bodies together, as names are segmented. */
export const KOREAN_WORDS: Readonly<Record<string, readonly string[]>> = {
  ...KOREAN_MORE_WORDS,
  ...KOREAN_ORG_WORDS,
  ...KOREAN_BODIES,
};
export const CHINESE_WORDS: Readonly<Record<string, readonly string[]>> = {
  ...CHINESE_MORE_WORDS,
  ...CHINESE_ORG_WORDS,
  ...CHINESE_BODIES,
};

const byLength = (words: Iterable<string>): string[] =>
  [...words].sort((a, b) => b.length - a.length);
export const KOREAN_WORDS_LONGEST_FIRST = byLength(Object.keys(KOREAN_WORDS));
export const CHINESE_WORDS_LONGEST_FIRST = byLength(Object.keys(CHINESE_WORDS));
