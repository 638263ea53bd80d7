import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAmount, parseCurrency, parseTimestamp, ValueError } from "./values.ts";

test("amounts in the notations bank exports use", () => {
  assert.equal(parseAmount("1234.56"), 1234.56);
  assert.equal(parseAmount("1,234.56"), 1234.56);
  assert.equal(parseAmount("1.234,56"), 1234.56);
  assert.equal(parseAmount("12,50"), 12.5);
  assert.equal(parseAmount("1,000,000"), 1_000_000);
  assert.equal(parseAmount("$1,234"), 1234);
  assert.equal(parseAmount("1 234,5 EUR"), 1234.5);
  assert.throws(() => parseAmount("-5"), ValueError);
  assert.throws(() => parseAmount("(5.00)"), /negative/);
  assert.throws(() => parseAmount(""), /missing/);
  assert.throws(() => parseAmount("abc"), /not a number/);
});

test("timestamps: ISO, offsets, epochs; impossible dates refused", () => {
  assert.equal(parseTimestamp("2011-01-01T00:00:00Z"), Date.UTC(2011, 0, 1));
  assert.equal(parseTimestamp("2011-01-01"), Date.UTC(2011, 0, 1));
  assert.equal(parseTimestamp("2011-01-01 12:30"), Date.UTC(2011, 0, 1, 12, 30));
  assert.equal(parseTimestamp("2011-01-01T09:00:00+09:00"), Date.UTC(2011, 0, 1, 0, 0));
  assert.equal(parseTimestamp("01.02.2011"), Date.UTC(2011, 1, 1));
  assert.equal(parseTimestamp("1300000000"), 1_300_000_000_000);
  assert.throws(() => parseTimestamp("2011-02-30"), /not a date/);
  assert.throws(() => parseTimestamp("03/04/2011"), /not a date/);
  assert.throws(() => parseTimestamp("yesterday"), /not a date/);
});

test("currencies", () => {
  assert.equal(parseCurrency("usd", "XXX"), "USD");
  assert.equal(parseCurrency("", "XXX"), "XXX");
  assert.throws(() => parseCurrency("dollars", "XXX"), /ISO 4217/);
});
