import assert from "node:assert/strict";
import { test } from "node:test";
import { sameGivenName, samePatronymic } from "./nicknames.ts";
import { phoneticKey } from "./phonetic.ts";

test("English given names and their familiar forms, from the generated table", () => {
  assert.ok(sameGivenName("bill", "william"));
  assert.ok(sameGivenName("william", "bill"));
  assert.ok(sameGivenName("ted", "theodore"));
  assert.ok(sameGivenName("peggy", "margaret"));
  assert.ok(sameGivenName("dick", "richard"));
  assert.ok(sameGivenName("jim", "james"));
});

test("two familiar forms of one name are one name", () => {
  assert.ok(sameGivenName("billy", "bill"));
  assert.ok(sameGivenName("jimmy", "jim"));
});

test("Slavic, Spanish, German, Italian and Hebrew familiar forms written in the module", () => {
  assert.ok(sameGivenName("sasha", "aleksandr"));
  assert.ok(sameGivenName("sasha", "alexandra"));
  assert.ok(sameGivenName("misha", "mikhail"));
  assert.ok(sameGivenName("volodymyr", "vova"));
  assert.ok(sameGivenName("sergejs", "seryozha"));
  assert.ok(sameGivenName("paco", "francisco"));
  assert.ok(sameGivenName("fritz", "friedrich"));
  assert.ok(sameGivenName("beppe", "giuseppe"));
  assert.ok(sameGivenName("bibi", "benjamin"));
  // Spellings of one name in different transliterations are in one group too.
  assert.ok(sameGivenName("dmitry", "dmytro"));
});

test("different names, or a name and itself outside the table, are not familiar forms", () => {
  assert.ok(!sameGivenName("misha", "sasha"));
  assert.ok(!sameGivenName("paco", "pepe"));
  assert.ok(!sameGivenName("theodore", "william"));
  assert.ok(!sameGivenName("zhorzholiani", "zhorzholiani"));
});

test("initials and one-letter parts are never familiar forms", () => {
  assert.ok(!sameGivenName("b", "bill"));
  assert.ok(!sameGivenName("william", "w"));
});

test("prototype keys are not names in the table", () => {
  for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
    assert.ok(!sameGivenName(key, key), key);
    assert.ok(!sameGivenName(key, "william"), key);
    assert.ok(!sameGivenName("william", key), key);
  }
});

test("a spelling the table lacks is found by its sound (Antony for Anthony)", () => {
  assert.ok(sameGivenName("tony", "antony", phoneticKey("tony"), phoneticKey("antony")));
  assert.ok(!sameGivenName("tony", "antony"));
  assert.ok(!sameGivenName("tony", "anton", phoneticKey("tony"), phoneticKey("anton")));
});

test("patronymics of one father across Russian, Belarusian and Ukrainian", () => {
  assert.ok(samePatronymic("mikalaevich", "nikolayevich"));
  assert.ok(samePatronymic("siarheevich", "sergeyevich"));
  assert.ok(samePatronymic("serhiiovych", "sergeevich"));
  assert.ok(samePatronymic("ivanauna", "ivanovna"));
  assert.ok(!samePatronymic("ivanovna", "ivanovich"));
  assert.ok(!samePatronymic("petrovich", "ivanovich"));
});

test("familiar forms of Dutch, German, Czech, Polish, Hungarian, Georgian, Balkan and Turkish names", () => {
  assert.ok(sameGivenName("kees", "cornelis"));
  assert.ok(sameGivenName("klaus", "nikolaus"));
  assert.ok(sameGivenName("honza", "jan"));
  assert.ok(sameGivenName("kuba", "jakub"));
  assert.ok(sameGivenName("soso", "ioseb"));
  assert.ok(sameGivenName("apo", "abdullah"));
  assert.ok(!sameGivenName("kees", "klaas"));
});

test("a Ukrainian patronymic's linking vowel i (Volodymyrivna is Vladimirovna)", () => {
  assert.ok(samePatronymic("volodymyrivna", "vladimirovna"));
});

test("familiar forms of Yoruba, Portuguese, Italian, German, Russian and Turkish names", () => {
  assert.ok(sameGivenName("tunde", "babatunde"));
  assert.ok(sameGivenName("gosha", "georgy"));
  assert.ok(sameGivenName("dudu", "eduardo"));
  assert.ok(!sameGivenName("olajide", "babajide"));
  assert.ok(!sameGivenName("giuseppe", "filippo"));
});
