/**
 * Names in Korean and Chinese text, which has no capitals and (in Chinese) no spaces to find them
 * by. Read from the text's own words, and extracted whether or not they link:
 *  - organisations, by the words their names end in (은행, 총회사, 39호실, 银行, 有限公司 …), in
 *    Korean the whole word without its particle (조선무역은행을 → 조선무역은행) and the parents
 *    written before it (조선로동당 중앙위원회 39호실), in Chinese from the last function word
 *    before the head or a place that starts the name (由朝鲜光鲜银行经丹东银行 → 朝鲜光鲜银行, 丹东银行);
 *  - places, from a table of Korean and Chinese place names (cjk-places.ts);
 *  - people, when the words around say so (부장, 대표, 总经理, 说 …), a Korean name is made of
 *    common name syllables, or a Chinese name of three characters stands alone (法定代表人：池玉鹏).
 * Guesses (every Hangul word that starts with a surname, every Han string after one) are only
 * proposed: the screening engine reads them through every romanisation (리성혁 = Ri Song Hyok)
 * and a guess no listed entity answers is dropped.
 */
import type { Mention } from "../types.ts";
import { isGenericCjkOrganisation } from "../../names/cjk-org-names.ts";
import { CHINESE_BODIES, KOREAN_BODIES } from "../../names/cjk-org-words.ts";
import { ADMINISTRATIVE_SUFFIXES, CJK_PLACES, CJK_PLACES_LONGEST_FIRST } from "./cjk-places.ts";

// Surnames covering about 95% of Koreans (North and South spellings: 리/이, 림/임, 로/노, 류/유).
const KOREAN_SURNAMES = new Set(
  "김 리 이 박 최 정 강 조 윤 장 림 임 한 오 서 신 권 황 안 송 전 홍 류 유 고 문 량 양 손 배 백 허 남 심 로 노 하 곽 성 차 주 우 구 민 라 나 진 지 엄 채 원 천 방 공 현 함 변 렴 염 려 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 륙 육 인 맹 제 모 탁 국 어 은 편 룡 용 예 경 봉 사 부 태 계 피".split(
    " ",
  ),
);
const KOREAN_COMPOUND_SURNAMES = ["황보", "남궁", "제갈", "선우", "독고", "사공"];
/**
 * Syllables of Korean given names: a three-syllable word of a surname and two of these is taken
 * for a person's name without other evidence (김영춘, 한명수), which few other words are. Not 의,
 * the genitive particle, which ends words far more often than names (명의의 "in the name of").
 */
const KOREAN_GIVEN_SYLLABLES = new Set(
  "철 영 성 호 수 일 남 명 혁 민 진 춘 삼 규 석 선 환 만 복 학 광 룡 용 국 경 옥 희 숙 순 정 현 준 우 원 덕 동 문 봉 세 송 식 인 재 종 주 창 천 충 태 표 하 한 해 향 혜 화 훈 휘 흥 길 건 권 근 기 길 나 녀 련 룡 리 림 무 미 범 병 보 빈 상 서 섭 소 승 시 신 실 심 애 연 열 엽 오 완 욱 운 웅 월 유 윤 은 익 자 장 전 제 조 중 지 찬 채 철 청 초 최 치 탁 택 필 학 항 허 협 형 홍 효 휴".split(
    " ",
  ),
);
/** Case particles and endings written onto the end of a Korean word, longest first. */
const KOREAN_ENDINGS = [
  "으로부터",
  "에서부터",
  "이한테서",
  "에게서",
  "로부터",
  "한테서",
  "이한테",
  "에서는",
  "에서도",
  "으로는",
  "동지는",
  "동지가",
  "동지의",
  "동지",
  "동무",
  "에게",
  "에서",
  "에는",
  "에도",
  "께서",
  "으로",
  "까지",
  "부터",
  "와의",
  "과의",
  // Speech puts 이 between a given name that ends in a consonant and its particle (영철이는).
  "이는",
  "이가",
  "이를",
  "이도",
  "이의",
  "이랑",
  "한테",
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
/** Words whose name ends a Korean organisation's, longest first. */
const KOREAN_ORG_HEADS = [
  "련합기업소",
  "무역총회사",
  "중앙위원회",
  "연구소",
  "연구원",
  "기업소",
  "총회사",
  "위원회",
  "대표부",
  "련합회",
  "은행",
  "회사",
  "공사",
  "상사",
  "총국",
  "호실",
  "협회",
  "항공",
  "그룹",
  "대학",
  "해운",
  "총련",
  "상회",
  "무역",
];
/** Parents written before a Korean organisation's name, as part of it (조선로동당 중앙위원회 …). */
const KOREAN_PARENT = /(?:당|위원회|내각|성|총국)$/u;
/** Words after a Korean name that say it is a person's. */
const KOREAN_PERSON_AFTER =
  /^(?:동지|동무|부장|부부장|대표|부대표|사장|부사장|실장|부실장|국장|과장|처장|지배인|책임자|위원장|선생|씨|님|대사|참사|비서|총경리|경리|지도원|총재|부행장|행장|부회장|회장|리사|이사|전무|상무|주임|소장|원장|단장|선장|총장|지사장|팀장)/u;
const KOREAN_TITLE = new RegExp(`${KOREAN_PERSON_AFTER.source}$`, "u");
/** Words before a Korean name that say it is a person's. */
const KOREAN_PERSON_BEFORE =
  /(?:대표|부실장|실장|부장|담당|확인|수신|발신|책임자|동지|사장|대사)[:：]?$/u;
/** Words after a Korean place name, which stay out of the place's name (단동지점 → 단동). */
const KOREAN_PLACE_WORDS =
  /^(?:지점|지사|항|세관|역|공항|쪽|항구|사무소|대표부|시내|주재|발|행|출발|도착|본점|분점|창고)$/u;

// The most frequent Chinese surnames (simplified and traditional where they differ).
const CHINESE_SURNAMES = new Set(
  "王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 高 林 罗 羅 郑 鄭 梁 谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚 卢 盧 姜 崔 钟 鐘 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 闫 閆 段 雷 侯 龙 龍 史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 朴 池 玄 文 颜 顏 孫 洪 柳 禹 全 康 安 吉 申 裴 白 卞 廉 權 权 魯 鲁 都 玉 車 车 孫 慎 咸 太 秋 元 片 表 奉 琴 睦 河 延".split(
    " ",
  ),
);
/** Words a Chinese organisation's name ends in, longest first. */
const CHINESE_ORG_HEADS = [
  ...Object.keys(CHINESE_BODIES).sort((a, b) => b.length - a.length),
  "号室",
  "號室",
  "股份有限公司",
  "有限责任公司",
  "有限責任公司",
  "有限公司",
  "总公司",
  "總公司",
  "委员会",
  "委員會",
  "公司",
  "会社",
  "會社",
  "集团",
  "集團",
  "银行",
  "銀行",
  "总局",
  "總局",
  "航空",
  "商会",
  "商會",
];
/**
 * Function words before a Chinese organisation's name, where the name starts: 由 "from", 经
 * "via", 通过 "through", 凭 "to the order of" … (至, 和 and 中 are left out: names use them).
 */
const CHINESE_BEFORE_NAME =
  /(?:由|经过|經過|经|經|通过|通過|向|在|与|與|给|給|从|從|把|被|凭|憑|致|于|於|对|對|为|為|将|將|的|请|請|改用|用|到|自|以|是|跟|找|往|及|或|并|並|交|汇入|匯入|汇至|匯至|转入|轉入|委托|委託|代理|通知)/gu;
/** What a Chinese organisation's name needs besides its head word, and may not be. */
const CHINESE_GENERIC_OWNERS = new Set(
  "该 該 本 贵 貴 此 这 這 这家 這家 那家 各 分 子 母 总 總 一家 两家 兩家 多家 其 原 新 某".split(
    " ",
  ),
);
/** Words after a Chinese name that say it is a person's (马晓红总经理, 李成赫說). */
const CHINESE_PERSON_AFTER =
  /^(?:总经理|總經理|经理|經理|董事长|董事長|先生|女士|说|說|核对|核對|签字|簽字|表示|同志)/u;
/**
 * Titles after a Chinese name (徐伟社长, 金铁三行长): enough to take a surname and one character
 * for a person's name too (代表 "representative" is not: 乙方法定代表人 is no 方法定).
 */
const CHINESE_TITLE_AFTER =
  /^(?:总经理|總經理|经理|經理|董事长|董事長|副?行长|副?行長|社长|社長|主任|局长|局長|处长|處長|科长|科長|部长|部長|会长|會長|总裁|總裁|秘书|秘書|室长|室長|厂长|廠長|船长|船長|同志)/u;
/** Words before a Chinese name that say it is a person's (请周建书, 我和王志强, 经办人为朴明浩). */
const CHINESE_PERSON_BEFORE =
  /(?:请|請|和|与|與|(?:代表|联系人|聯繫人|经办人|經辦人|负责人|負責人)(?:为|為|是)?)$/u;
/**
 * Labels of a form's or slip's fields a person signs or is named in (经办：王伟, 复核：李明): a
 * name of two or three characters standing alone after one is a person's.
 */
const CHINESE_PERSON_FIELD =
  /(?:经办人?|經辦人?|复核人?|復核人?|审核人?|審核人?|审批人?|審批人?|制单人?|製單人?|签收人?|簽收人?|联系人|聯繫人|聯絡人|联络人|负责人|負責人|代表人|见证人|見證人|收件人|寄件人|出纳|出納|会计|會計|主管|记账|記賬|授权人|授權人)\s*[:：]\s*$/u;
/** A Chinese "name" that is a form of address (李先生) or a title, not a name. */
const CHINESE_ADDRESS =
  /(?:先生|女士|小姐|老板|老闆|经理|經理|总|總|生|社长|社長|行长|行長|主任|局长|局長|处长|處長|科长|科長|部长|部長|会长|會長|室长|室長|厂长|廠長|船长|船長)$/u;
/** After a country's name, words that make it an adjective (朝鲜人, 中国籍). */
const CHINESE_NATIONALITY = /^(?:人|族|语|語|籍|裔|产|產|制|製|方)/u;

const MAX_CHINESE_ORG_CHARS = 16;

export interface CjkNames {
  /** Names the text's words make plain: extracted whether they link or not. */
  mentions: Mention[];
  /**
   * Guesses at names, kept only when a listed entity answers them: a surname and what follows,
   * and the tails of organisations' names found above (改用長安海連技術有限公司 → 長安海連…).
   */
  proposals: Mention[];
}

/** Korean and Chinese names of a text. */
export function cjkNames(text: string): CjkNames {
  const names: CjkNames = { mentions: [], proposals: [] };
  koreanNames(text, names);
  chineseNames(text, names);
  return names;
}

/**
 * The mentions to keep once linked, as groups for settling overlaps (earlier groups win): the
 * names read from the text (or, for an organisation that did not link, a tail of its name that
 * did), then the guesses a listed entity answered with at least `minScore`.
 */
export function keptCjkNames(names: CjkNames, minScore: number): Mention[][] {
  const linked = names.proposals.filter((m) => (m.score ?? 0) >= minScore);
  const read = names.mentions.map((m) => {
    if (m.entityId || m.type !== "Organization") return m;
    const tail = linked.find(
      (p) => p.type === "Organization" && p.start > m.start && p.end === m.end,
    );
    if (!tail) return m;
    // A Korean name under its parents (조선로동당 중앙위원회 39호실) is the body its last word
    // names; a Chinese tail is the name read from a better start (改用長安… → 長安…).
    if (!/\s$/u.test(m.text.slice(0, tail.start - m.start))) return tail;
    const { entityId, entityCaption, score, candidates } = tail;
    return { ...m, entityId, entityCaption, score, candidates };
  });
  return [read, linked];
}

interface KoreanWord {
  start: number;
  end: number;
  /** The word without its particle (조선무역은행을 → 조선무역은행). */
  stem: string;
  stems: string[];
}

function koreanNames(text: string, names: CjkNames): void {
  const words: KoreanWord[] = [];
  for (const match of text.matchAll(
    /[\p{Script=Hangul}0-9]*\p{Script=Hangul}[\p{Script=Hangul}0-9]*/gu,
  )) {
    const stems = hangulStems(match[0]);
    words.push({ start: match.index, end: match.index + match[0].length, stem: stems[0]!, stems });
  }
  words.forEach((word, i) => {
    const previous = words[i - 1];
    const next = words[i + 1];
    const org = word.stems.find(isKoreanOrganisation);
    if (org) {
      // Parents written before it, one space apart: 조선로동당 중앙위원회 39호실.
      let start = word.start;
      for (let j = i - 1; j >= 0; j--) {
        const parent = words[j]!;
        if (!/^ $/u.test(text.slice(parent.end, start)) || !KOREAN_PARENT.test(parent.stem)) break;
        if (parent.stems.length > 1 && parent.stems[0] !== text.slice(parent.start, parent.end))
          break;
        start = parent.start;
      }
      const end = word.start + org.length;
      names.mentions.push(mention("Organization", text.slice(start, end), start));
      if (start !== word.start) names.proposals.push(mention("Organization", org, word.start));
      return;
    }
    const place = koreanPlace(word);
    if (place) {
      names.mentions.push(mention("Location", place, word.start));
      return;
    }
    // A title is no name, though it may start like one (부실장, 부장은).
    if (word.stems.some((stem) => KOREAN_TITLE.test(stem))) return;
    for (const stem of word.stems) {
      if (!isKoreanPersonName(stem)) continue;
      const after = next && text.slice(word.end, next.start).trim() === "" ? next.stem : "";
      const before = previous ? text.slice(previous.start, word.start).trim() : "";
      const rest = text.slice(word.start + stem.length, word.end);
      const titled =
        KOREAN_PERSON_AFTER.test(rest) ||
        KOREAN_PERSON_AFTER.test(after) ||
        KOREAN_PERSON_BEFORE.test(before);
      const given = [...stem.slice(1)].every((s) => KOREAN_GIVEN_SYLLABLES.has(s));
      // A surname and one syllable (리철) is a name only with a title beside it.
      const cued = stem.length === 2 ? titled && given : titled || (stem.length === 3 && given);
      if (cued) {
        names.mentions.push(mention("Person", stem, word.start));
        break;
      }
      names.proposals.push(mention("Person", stem, word.start));
    }
  });
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

function isKoreanOrganisation(stem: string): boolean {
  if (Object.keys(KOREAN_BODIES).some((body) => stem.endsWith(body))) return true;
  const head = KOREAN_ORG_HEADS.find((h) => stem.endsWith(h));
  if (!head || stem.length <= head.length) return false;
  if (head === "무역" && stem.length < 4) return false;
  return !isGenericCjkOrganisation(stem);
}

function koreanPlace(word: KoreanWord): string | undefined {
  for (const stem of word.stems) {
    if (CJK_PLACES.has(stem)) return stem;
    for (let cut = stem.length - 1; cut >= 2; cut--) {
      const head = stem.slice(0, cut);
      if (!CJK_PLACES.has(head)) continue;
      const rest = stem.slice(cut);
      if (KOREAN_PLACE_WORDS.test(rest)) return head;
      if (ADMINISTRATIVE_SUFFIXES.test(rest) && rest.length === 1) return stem;
    }
  }
  return undefined;
}

function isKoreanPersonName(stem: string): boolean {
  if (KOREAN_COMPOUND_SURNAMES.some((s) => stem.startsWith(s)))
    return stem.length >= 3 && stem.length <= 4;
  return stem.length >= 2 && stem.length <= 4 && KOREAN_SURNAMES.has(stem[0]!);
}

/** Han runs, with a bracketed place inside a name kept in (華信船務(香港)有限公司). */
const HAN_RUN =
  /[0-9０-９]*[\p{Script=Han}]+(?:[(（][\p{Script=Han}]{1,6}[)）][\p{Script=Han}]+)*/gu;

function chineseNames(text: string, names: CjkNames): void {
  for (const run of text.matchAll(HAN_RUN)) {
    const chars = run[0];
    const base = run.index;
    const orgs = chineseOrganisations(chars);
    const taken = new Uint8Array(chars.length);
    for (const org of orgs) {
      taken.fill(1, org.start, org.end);
      names.mentions.push(
        mention("Organization", chars.slice(org.start, org.end), base + org.start),
      );
      // Tails of the name, for when the start was read wrong; not those of generic words only
      // (国际贸易有限公司 "international trading company"), which any trading firm answers.
      for (let s = org.start + 1; s <= org.head - 2; s++) {
        const tail = chars.slice(s, org.end);
        if (!isGenericCjkOrganisation(tail))
          names.proposals.push(mention("Organization", tail, base + s));
      }
    }
    for (const place of chinesePlaces(chars, taken)) {
      taken.fill(1, place.start, place.end);
      names.mentions.push(
        mention("Location", chars.slice(place.start, place.end), base + place.start),
      );
    }
    chinesePeople(text, chars, base, taken, names);
  }
}

/** Organisations in one Han run: [start, end) and where the head word starts. */
function chineseOrganisations(chars: string): Array<{ start: number; head: number; end: number }> {
  const found: Array<{ start: number; head: number; end: number }> = [];
  let previousEnd = 0;
  for (let i = 0; i < chars.length; i++) {
    const head = CHINESE_ORG_HEADS.find((h) => chars.startsWith(h, i));
    if (!head) continue;
    let end = i + head.length;
    // 集团有限公司: heads one after another end one name.
    for (;;) {
      const more = CHINESE_ORG_HEADS.find((h) => chars.startsWith(h, end));
      if (!more) break;
      end += more.length;
    }
    const from = Math.max(previousEnd, i - MAX_CHINESE_ORG_CHARS);
    // After the last function word that leaves a name of two characters or more: in 或交通银行
    // the name starts after 或, not after 交 "hand over".
    let start = from;
    for (const word of chars.slice(from, i).matchAll(CHINESE_BEFORE_NAME)) {
      const after = from + word.index + word[0].length;
      if (i - after >= 2) start = after;
    }
    const owner = chars.slice(start, i);
    if (owner.length >= 2 && !CHINESE_GENERIC_OWNERS.has(owner) && !/^[(（]/u.test(owner)) {
      found.push({ start, head: i, end });
      previousEnd = end;
    }
    i = end - 1;
  }
  return found;
}

/** Known places in one Han run, outside organisations' names. */
function chinesePlaces(chars: string, taken: Uint8Array): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < chars.length; i++) {
    if (taken[i]) continue;
    const place = CJK_PLACES_LONGEST_FIRST.find((p) => chars.startsWith(p, i));
    if (!place) continue;
    let end = i + place.length;
    if (taken.subarray(i, end).some(Boolean)) continue;
    const after = chars.slice(end);
    if (CHINESE_NATIONALITY.test(after)) continue;
    if (ADMINISTRATIVE_SUFFIXES.test(after) && !taken[end]) end++;
    found.push({ start: i, end });
    i = end - 1;
  }
  return found;
}

function chinesePeople(
  text: string,
  chars: string,
  base: number,
  taken: Uint8Array,
  names: CjkNames,
): void {
  // A run that is a name alone (法定代表人：池玉鹏, "…有限公司 孙思东").
  const alone =
    chars.length === 3 && CHINESE_SURNAMES.has(chars[0]!) && !CHINESE_ADDRESS.test(chars);
  const signed =
    (chars.length === 2 || chars.length === 3) &&
    CHINESE_SURNAMES.has(chars[0]!) &&
    !CHINESE_ADDRESS.test(chars) &&
    CHINESE_PERSON_FIELD.test(text.slice(Math.max(0, base - 8), base));
  if ((alone || signed) && !taken.some(Boolean)) {
    names.mentions.push(mention("Person", chars, base));
    return;
  }
  for (let i = 0; i < chars.length - 1; i++) {
    if (taken[i] || !CHINESE_SURNAMES.has(chars[i]!)) continue;
    let cued = false;
    for (const length of [3, 2]) {
      if (i + length > chars.length || taken.subarray(i, i + length).some(Boolean)) continue;
      const name = chars.slice(i, i + length);
      if (CHINESE_ADDRESS.test(name)) continue;
      const after = chars.slice(i + length);
      const before = text.slice(Math.max(0, base + i - 6), base + i);
      // A title after the first two characters makes them the name (和徐伟社长 → 徐伟).
      const titled =
        length === 3
          ? !CHINESE_TITLE_AFTER.test(chars.slice(i + 2)) &&
            (CHINESE_PERSON_AFTER.test(after) ||
              CHINESE_TITLE_AFTER.test(after) ||
              CHINESE_PERSON_BEFORE.test(before))
          : CHINESE_TITLE_AFTER.test(after);
      if (!cued && titled) {
        names.mentions.push(mention("Person", name, base + i));
        cued = true;
        continue;
      }
      names.proposals.push(mention("Person", name, base + i));
    }
  }
}

function mention(type: Mention["type"], text: string, start: number): Mention {
  return { type, text, start, end: start + text.length, confidence: 0.7 };
}
