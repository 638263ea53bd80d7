import assert from "node:assert/strict";
import { test } from "node:test";
import { soundSkeleton, transcriptionSimilarity } from "./transcription.ts";
import { transcribesByEar } from "./script.ts";

test("sound skeletons: consonant classes and vowel slots", () => {
  assert.equal(soundSkeleton("donarudo"), "TVNVRVTV");
  assert.equal(soundSkeleton("donald"), "TVNVRT");
  assert.equal(soundSkeleton("trump"), "TRVNP");
  assert.equal(soundSkeleton("toranpu"), "TVRVNPV");
});

test("Western names heard in Chinese, Japanese, Korean, Thai and Khmer meet their spelling", () => {
  for (const [heard, latin] of [
    ["tangnade", "donald"],
    ["telangpu", "trump"],
    ["donarudo", "donald"],
    ["toranpu", "trump"],
    ["doneoldeu", "donald"],
    ["teureompeu", "trump"],
    ["tram", "trump"],
    ["aobama", "obama"],
  ])
    assert.ok(transcriptionSimilarity(heard!, latin!) >= 0.93, `${heard} ~ ${latin}`);
});

test("other names stay apart, and short parts are left to spelling", () => {
  for (const [heard, latin] of [
    ["yiwanka", "donald"],
    ["kiin", "trump"],
    ["telangpu", "tusk"],
    ["aobama", "osama"],
    ["saen", "sen"],
    ["zhongxun", "jinping"],
  ])
    assert.equal(transcriptionSimilarity(heard!, latin!), 0, `${heard} ~ ${latin}`);
  // Vowels count for little: parts of three consonants score less than longer ones.
  assert.ok(
    transcriptionSimilarity("prawit", "prayut") < transcriptionSimilarity("doneold", "donald"),
  );
});

test("foreign names written by ear, not Korean or Chinese personal names", () => {
  assert.ok(transcribesByEar("도널드 트럼프"));
  assert.ok(transcribesByEar("唐纳德·特朗普"));
  assert.ok(transcribesByEar("奥巴马"));
  assert.ok(transcribesByEar("ドナルド・トランプ"));
  assert.ok(transcribesByEar("ហ៊ុន សែន"));
  assert.ok(!transcribesByEar("김정은"));
  assert.ok(!transcribesByEar("김 정은"));
  assert.ok(!transcribesByEar("习近平"));
  assert.ok(!transcribesByEar("Donald Trump"));
  assert.ok(!transcribesByEar("Дональд Трамп"));
});
