import assert from "node:assert/strict";
import { test } from "node:test";
import { ORG_TRANSLATIONS, ORG_VOCABULARY } from "./org-vocabulary.ts";

test("a foreign word reads as its English word, the first it is listed under", () => {
  assert.equal(ORG_VOCABULARY.banque, "bank");
  assert.equal(ORG_VOCABULARY.lizingovaya, "leasing");
  // Fond is a foundation first (Russian for fund too, for acronyms).
  assert.equal(ORG_VOCABULARY.fond, "foundation");
  // A word spelt as in English needs no translating.
  assert.equal(Object.hasOwn(ORG_VOCABULARY, "bank"), false);
});

test("each English word has its words per language, English first", () => {
  const bank = ORG_TRANSLATIONS.get("bank")!;
  assert.deepEqual(bank.get("en"), ["bank"]);
  assert.deepEqual(bank.get("fr"), ["banque"]);
  assert.deepEqual(bank.get("ru"), ["bank"]);
  assert.deepEqual(ORG_TRANSLATIONS.get("fund")!.get("ru"), ["fond"]);
});
