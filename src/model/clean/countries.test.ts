import assert from "node:assert/strict";
import { test } from "node:test";
import { countryCode } from "./countries.ts";

test("maps the spellings lists use to ISO codes", () => {
  const cases: Array<[string, string]> = [
    ["Korea, North", "kp"],
    ["Democratic People's Republic of Korea", "kp"],
    ["North Korea", "kp"],
    ["KP", "kp"],
    ["Iran (Islamic Republic of)", "ir"],
    ["Burma", "mm"],
    ["Russian Federation", "ru"],
    ["Congo, Democratic Republic of the", "cd"],
    ["Bahamas, The", "bs"],
    ["Côte d'Ivoire", "ci"],
    ["United Kingdom", "gb"],
  ];
  for (const [name, code] of cases) assert.equal(countryCode(name), code, name);
});

test("unknown names give undefined", () => {
  assert.equal(countryCode("Atlantis"), undefined);
  assert.equal(countryCode(""), undefined);
});
