import assert from "node:assert/strict";
import { test } from "node:test";
import { latinVariants } from "./romanize.ts";

test("Hangul names in Revised Romanization, family name apart", () => {
  assert.deepEqual(latinVariants("최룡해").slice(0, 2), ["choe ryong hae", "choe ryonghae"]);
});

test("Hanja names in pinyin and in their Korean reading, family name read as a name", () => {
  const variants = latinVariants("金铁三");
  assert.ok(variants.includes("jin tie san"));
  assert.ok(variants.includes("gim cheol sam"), variants.join(" | "));
});

test("Cyrillic names in several transliteration schemes", () => {
  const variants = latinVariants("Дмитрий Медведев");
  assert.ok(
    variants.includes("Dmitry Medvedev") || variants.includes("Dmitriy Medvedev"),
    variants.join(" | "),
  );
  assert.ok(variants.length >= 2);
});

test("Latin names pass through; empty names give nothing", () => {
  assert.deepEqual(latinVariants("Kim Jong Un"), ["Kim Jong Un"]);
  assert.deepEqual(latinVariants("  "), []);
});
