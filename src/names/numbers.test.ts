import assert from "node:assert/strict";
import { test } from "node:test";
import { spellNumbers } from "./numbers.ts";

const spell = (text: string) => spellNumbers(text.split(" ")).join(" ");

test("number words become digits, tens and units together", () => {
  assert.equal(spell("forty four signal brigade"), "44 signal brigade");
  assert.equal(spell("fourty two"), "42");
  assert.equal(spell("ninety nine"), "99");
  assert.equal(spell("twenty brigade"), "20 brigade");
  assert.equal(spell("seventeen"), "17");
  // A unit of zero is not added to a ten: "twenty zero" is two numbers.
  assert.equal(spell("twenty zero"), "20 0");
});

test("ordinals, in words or with a suffix, become their number", () => {
  assert.equal(spell("third machine works"), "3 machine works");
  assert.equal(spell("3rd machine works"), "3 machine works");
  assert.equal(spell("21st century fund"), "21 century fund");
  assert.equal(spell("fortieth anniversary"), "40 anniversary");
  assert.equal(spell("twenty first"), "21");
  assert.equal(spell("003rd"), "3");
});

test("number signs before a number are dropped, not elsewhere", () => {
  assert.equal(spell("depot no 17"), "depot 17");
  assert.equal(spell("depot nr 17"), "depot 17");
  assert.equal(spell("depot number 17"), "depot 17");
  assert.equal(spell("zavod nomer 5"), "zavod 5");
  // Followed by a word, or alone, "no" is a word.
  assert.equal(spell("no limits"), "no limits");
  assert.equal(spell("no"), "no");
  assert.equal(spell("depot no"), "depot no");
});

test("roman numerals: the unambiguous ones anywhere, I, V and X only at the end", () => {
  assert.equal(spell("polar dawn ii"), "polar dawn 2");
  assert.equal(spell("vii fleet"), "7 fleet");
  assert.equal(spell("polar dawn v"), "polar dawn 5");
  assert.equal(spell("polar dawn x"), "polar dawn 10");
  assert.equal(spell("polar dawn i"), "polar dawn 1");
  // A lone I, V or X that is the whole name or not at its end is a letter.
  assert.equal(spell("x"), "x");
  assert.equal(spell("i v trading"), "i v trading");
});

test("different numbers stay different", () => {
  assert.notEqual(spell("forty four brigade"), spell("forty five brigade"));
  assert.notEqual(spell("second works"), spell("third works"));
});

test("prototype keys are words, not numbers", () => {
  assert.equal(spell("constructor toString __proto__"), "constructor toString __proto__");
  assert.equal(spell("hasOwnProperty no 5"), "hasOwnProperty 5");
});

test("hundreds and thousands, in English and in Spanish runs", () => {
  assert.equal(spell("one hundred fiftieth motor rifle division"), "150 motor rifle division");
  assert.equal(spell("one hundred and fifty"), "150");
  assert.equal(spell("two thousand twenty"), "2020");
  assert.equal(spell("inversiones orinoco dos mil veinte"), "inversiones orinoco 2020");
  // Alone, a Spanish number word or Mil is a word of the name.
  assert.equal(spell("mil helicopters"), "mil helicopters");
  assert.equal(spell("tres hermanos"), "tres hermanos");
});

test("Russian ordinal endings after digits", () => {
  assert.equal(spell("150 ya motostrelkovaya diviziya"), "150 motostrelkovaya diviziya");
  assert.equal(spell("2 oy"), "2 oy");
});

test("one inside a name is a word, at its end a number", () => {
  assert.equal(spell("capital one bank"), "capital one bank");
  assert.equal(spell("gold star one"), "gold star 1");
  assert.equal(spell("twenty one"), "21");
});
