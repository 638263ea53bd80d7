import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDates } from "./dates.ts";

test("parses the date forms sanctions lists print", () => {
  assert.deepEqual(parseDates("01 Jan 1960"), ["1960-01-01"]);
  assert.deepEqual(parseDates("Jan 1960"), ["1960-01"]);
  assert.deepEqual(parseDates("circa 1960"), ["1960"]);
  assert.deepEqual(parseDates("1960 to 1962"), ["1960", "1961", "1962"]);
  assert.deepEqual(parseDates("1964-07-21"), ["1964-07-21"]);
  assert.deepEqual(parseDates("2020-04-15T15:29:22.497+02:00"), ["2020-04-15"]);
  assert.deepEqual(parseDates("28/09/1955"), ["1955-09-28"]);
  assert.deepEqual(parseDates("04/22/2020", "mdy"), ["2020-04-22"]);
});

test("UK zero parts mean unknown, not a day or month", () => {
  assert.deepEqual(parseDates("10/00/1983"), ["1983"]);
  assert.deepEqual(parseDates("00/04/1984"), ["1984-04"]);
  assert.deepEqual(parseDates("00/00/1984"), ["1984"]);
});

test("impossible or empty dates give nothing or a shorter prefix, never a guess", () => {
  assert.deepEqual(parseDates(""), []);
  assert.deepEqual(parseDates("unknown"), []);
  assert.deepEqual(parseDates("31 Feb 1970"), ["1970-02"]);
  assert.deepEqual(parseDates("12 Foo 1970"), ["1970"]);
});
