import assert from "node:assert/strict";
import { test } from "node:test";
import type { Mention } from "../types.ts";
import { cjkNames, keptCjkNames } from "./cjk-names.ts";
import { extractMentions } from "./extract.ts";

const of = (mentions: Mention[], type: Mention["type"]): string[] =>
  mentions.filter((m) => m.type === type).map((m) => m.text);

test("Korean organisations without their particles, with the parents written before them", () => {
  const { mentions } = cjkNames(
    "조선로동당 중앙위원회 39호실은 조선무역은행을 통하지 말고 중국은행 단동지점으로 보낼 것.",
  );
  assert.deepEqual(of(mentions, "Organization"), [
    "조선로동당 중앙위원회 39호실",
    "조선무역은행",
    "중국은행",
  ]);
  assert.deepEqual(of(mentions, "Location"), ["단동"]);
});

test("generic Korean words are not organisations, nor titles people", () => {
  const { mentions } = cjkNames(
    "중앙은행과 무역회사에 알릴 것. 부실장 최석민, 김영춘 부장은 확인.",
  );
  assert.deepEqual(of(mentions, "Organization"), []);
  assert.deepEqual(of(mentions, "Person"), ["최석민", "김영춘"]);
});

test("Chinese organisations start after the function word before them", () => {
  const { mentions } = cjkNames(
    "本月货款由朝鲜光鲜银行经丹东银行转入贵司账户，收货人：凭朝鲜联合机械贸易会社指示。改用長安海連技術有限公司的帳戶。",
  );
  assert.deepEqual(of(mentions, "Organization"), [
    "朝鲜光鲜银行",
    "丹东银行",
    "朝鲜联合机械贸易会社",
    "長安海連技術有限公司",
  ]);
});

test("Chinese places with their administrative word, not inside names, not as adjectives", () => {
  const { mentions } = cjkNames(
    "签订地点：中国辽宁省丹东市。华信船务(香港)有限公司。朝鲜人去大连。",
  );
  assert.deepEqual(of(mentions, "Location"), ["中国", "辽宁省", "丹东市", "大连"]);
  assert.deepEqual(of(mentions, "Organization"), ["华信船务(香港)有限公司"]);
});

test("Chinese people: a name standing alone or beside a title; forms of address are not", () => {
  const { mentions, proposals } = cjkNames(
    "法定代表人：池玉鹏\n致：马晓红总经理\n甲：李先生，请周建书核对。",
  );
  assert.deepEqual(of(mentions, "Person"), ["池玉鹏", "马晓红", "周建书"]);
  assert.ok(proposals.every((p) => p.text !== "李先生"));
});

test("an organisation that does not link gives way to a tail that does; a Korean chain keeps its span", () => {
  const names = cjkNames("조선로동당 중앙위원회 39호실 보고");
  for (const p of names.proposals)
    if (p.text === "39호실") Object.assign(p, { entityId: "office-39", score: 0.95 });
  const [read] = keptCjkNames(names, 0.9);
  const chain = read!.find((m) => m.type === "Organization")!;
  assert.equal(chain.text, "조선로동당 중앙위원회 39호실");
  assert.equal(chain.entityId, "office-39");
});

test("without a linker, Korean and Chinese names and places are still extracted", async () => {
  const mentions = await extractMentions("고려항공 화물편 평양-블라디보스또크, 담당 김호규");
  assert.deepEqual(of(mentions, "Organization"), ["고려항공"]);
  assert.deepEqual(of(mentions, "Location"), ["평양", "블라디보스또크"]);
  assert.deepEqual(of(mentions, "Person"), ["김호규"]);
});

test("Korean people: spoken 이 before a particle, a titled surname and one syllable, no 의 names", () => {
  const { mentions } = cjkNames(
    "김영철이는 믿을 만한가? 리철 과장은 단동에서 대기. 하나은행 명의의 확인서. 김동명 총재의 지시.",
  );
  assert.deepEqual(of(mentions, "Person"), ["김영철", "리철", "김동명"]);
  assert.deepEqual(of(mentions, "Organization"), ["하나은행"]);
});

test("Chinese: a name starts after the last function word that leaves one; slips' signed fields", () => {
  const { mentions } = cjkNames(
    "不得经中国工商银行或交通银行转汇。经办：王伟　复核：李明\n经办人为朴明浩。金铁三行长和徐伟社长。卸货港：舟山",
  );
  assert.deepEqual(of(mentions, "Organization"), ["中国工商银行", "交通银行"]);
  assert.deepEqual(of(mentions, "Person"), ["王伟", "李明", "朴明浩", "金铁三", "徐伟"]);
  assert.deepEqual(of(mentions, "Location"), ["舟山"]);
});
