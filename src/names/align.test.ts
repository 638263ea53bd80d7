import assert from "node:assert/strict";
import { test } from "node:test";
import { alignForms } from "./align.ts";
import type { NameKind } from "./normalize.ts";
import { prepareName } from "./prepare.ts";

function best(a: string, b: string, kind: NameKind = "person"): number {
  let score = 0;
  for (const fa of prepareName(a, kind).forms)
    for (const fb of prepareName(b, kind).forms) score = Math.max(score, alignForms(fa, fb).score);
  return score;
}

test("spellings of one Korean name align", () => {
  assert.ok(best("Choe Ryong Hae", "CH'OE, Ryong-Hae") > 0.95);
  assert.ok(best("Choi Ryong-hae", "CHOE Ryong Hae") > 0.9);
  assert.ok(best("최룡해", "CHOE Ryong Hae") > 0.9);
  assert.ok(best("Yun Ho-chin", "YUN Ho Jin") > 0.85);
  assert.ok(best("Paek Ch'ang-Ho", "PAEK, Chang-Ho") > 0.95);
  assert.ok(best("Lee Su-yong", "RI Su Yong") > 0.9);
  assert.ok(best("Ri Hojin", "Ri Ho Jin") > 0.9);
  assert.ok(best("Jong Un Kim", "KIM Jong Un") > 0.95);
});

test("different names stay apart", () => {
  assert.ok(best("George Bush", "George Habbash") < 0.7);
  assert.ok(best("Kim Jong Un", "Kim Yong Chol") < 0.7);
  assert.ok(best("Ri Su Yong", "Ri Pyong Chol") < 0.7);
});

test("organisations: legal forms, abbreviations and numerals", () => {
  assert.ok(
    best(
      "Korea Mining Development Trading Corp.",
      "KOREA MINING DEVELOPMENT TRADING CORPORATION",
      "organization",
    ) > 0.97,
  );
  assert.ok(
    best(
      "Ocean Maritime Management Co., Ltd.",
      "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED",
      "organization",
    ) > 0.97,
  );
  assert.ok(best("Chonsurim Shpg", "CHONSURIM SHIPPING", "organization") > 0.97);
  assert.ok(best("Second Economic Committee", "2ND ECONOMIC COMMITTEE", "organization") > 0.97);
  assert.ok(best("Dandong Trading Co", "Dalian Trading Co", "organization") < 0.7);
});
