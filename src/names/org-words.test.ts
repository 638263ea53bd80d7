import assert from "node:assert/strict";
import { test } from "node:test";
import { arabicOrganisationForms } from "./arabic-org-words.ts";
import { CHINESE_ORG_WORDS, KOREAN_ORG_WORDS } from "./cjk-org-words.ts";
import { cjkOrganisationVariants } from "./cjk-org-names.ts";
import { CHINESE_MORE_WORDS } from "./chinese-org-words.ts";
import { khmerOrganisationForms } from "./khmer-org-words.ts";
import { KOREAN_MORE_WORDS } from "./korean-org-words.ts";
import { orgVocabulary, segmentUnspaced } from "./org-word-segments.ts";
import { latinVariants } from "./romanize.ts";
import { thaiOrganisationForms } from "./thai-org-words.ts";

test("unspaced text splits at the longest vocabulary word that fits", () => {
  const vocabulary = orgVocabulary({ ab: ["x"], abc: ["y"], d: ["z"] }, ["abc"]);
  const pieces = segmentUnspaced("qabcdab", vocabulary, () => true);
  assert.deepEqual(
    pieces.map((p) => [p.text, p.translations?.[0]]),
    [
      ["q", undefined],
      ["abc", "y"],
      ["d", "z"],
      ["ab", "x"],
    ],
  );
  const refused = segmentUnspaced("abc", vocabulary, (_t, _s, end) => end === 2);
  assert.deepEqual(
    refused.map((p) => p.text),
    ["ab", "c"],
  );
  assert.throws(() => orgVocabulary({ a: ["x"] }, ["b"]), /head word b/);
});

test("Persian and Arabic generic words in English, proper words romanised", () => {
  assert.equal(arabicOrganisationForms("بانک خاورمیانه", false)[0], "bank middle east");
  assert.equal(arabicOrganisationForms("صنایع هوایی قدس", false)[0], "industries aviation qds");
  // The article taken off vocabulary words; a form without it on proper words too.
  const muhandis = arabicOrganisationForms("شركة المهندس العامة", false);
  assert.equal(muhandis[0], "company al-mhnds general");
  assert.ok(muhandis.includes("company mhnds general"));
  // Ezafe and plural suffixes, prefixes, and two words read as one.
  assert.equal(
    arabicOrganisationForms("وزارت دفاع و پشتیبانی نیروهای مسلح", false)[0],
    "ministry defense logistics armed forces",
  );
  assert.equal(
    arabicOrganisationForms("الجبهة الشعبية لتحرير فلسطين", false)[0],
    "front popular liberation palestine",
  );
  assert.equal(arabicOrganisationForms("البنك الشرق الأوسط", false)[0], "bank middle east");
  // A name of unknown kind is an organisation's only with a head word.
  assert.deepEqual(arabicOrganisationForms("محمد ملی", true), []);
  assert.deepEqual(arabicOrganisationForms("علی رضا", false), []);
});

test("Khmer and Thai names split at their organisation words", () => {
  assert.equal(khmerOrganisationForms("គណបក្សប្រជាជនកម្ពុជា", false)[0], "party peoples cambodia");
  assert.equal(khmerOrganisationForms("ធនាគារជាតិនៃកម្ពុជា", true)[0], "bank national cambodia");
  assert.deepEqual(khmerOrganisationForms("ហ៊ុន សែន", true), []);
  assert.equal(thaiOrganisationForms("กองทัพบกไทย", false)[0], "royal army thai");
  assert.equal(thaiOrganisationForms("ธนาคารกรุงเทพ", true)[0], "bank bangkok");
  assert.deepEqual(thaiOrganisationForms("ทักษิณ ชินวัตร", true), []);
});

test("latinVariants puts translated forms first for organisations, never for persons", () => {
  assert.equal(latinVariants("بانک خاورمیانه", "organization")[0], "bank middle east");
  assert.equal(latinVariants("بانک خاورمیانه", "any")[0], "bank middle east");
  assert.ok(!latinVariants("بانک خاورمیانه", "person").includes("bank middle east"));
  assert.equal(latinVariants("กองทัพบกไทย", "organization")[0], "royal army thai");
});

test("Chinese and Korean organisation words beyond the head words", () => {
  assert.ok(
    cjkOrganisationVariants("新疆生产建设兵团", 6).includes(
      "xinjiang production construction corps",
    ),
  );
  assert.ok(
    cjkOrganisationVariants("中国航空工业集团有限公司", 6).some((v) =>
      v.startsWith("china aviation industry"),
    ),
  );
  assert.ok(
    cjkOrganisationVariants("국방과학원", 6).includes("national defence academy of sciences"),
  );
  // The extra tables add words, they do not redefine the head words.
  assert.deepEqual(
    Object.keys(CHINESE_MORE_WORDS).filter((w) => w in CHINESE_ORG_WORDS),
    [],
  );
  assert.deepEqual(
    Object.keys(KOREAN_MORE_WORDS).filter((w) => w in KOREAN_ORG_WORDS),
    [],
  );
});
