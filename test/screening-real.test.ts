/**
 * Screening on the real lists (issue 3's "done when"): UN DPRK names and their transliterated
 * aliases, Hangul and South Korean spellings find the OFAC SDN record first.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { importList } from "../src/lists/import.ts";
import type { ScreeningIndex } from "../src/matching/index.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { LISTS, sharedFile } from "./helpers/shared.ts";
import { existsSync } from "node:fs";

let store: Store | undefined;
let index: ScreeningIndex | undefined;

before(async () => {
  if (!existsSync(sharedFile(LISTS.sdn0503))) {
    if (process.env.MONEYTRAIL_REQUIRE_SHARED === "1") throw new Error("../shared is required");
    console.log("# skipped: real-list screening tests need ../shared");
    return;
  }
  store = await openStore(":memory:");
  await importList(store, [sharedFile(LISTS.un)]);
  await importList(store, [sharedFile(LISTS.sdn0503)]);
  index = (await loadIndex(store)).index;
});

after(async () => store?.close());

function topOfac(
  name: string,
  schema = "LegalEntity",
): { id: string; caption: string; score: number } | undefined {
  const [top] = index!.match(
    { schema, names: [name], birthDates: [], countries: [], identifiers: [] },
    { limit: 1, threshold: 0.7, includeDatasets: ["us_ofac_sdn"] },
  );
  return (
    top && { id: top.entity.id, caption: top.entity.properties.name?.[0] ?? "", score: top.score }
  );
}

const UN_TO_OFAC: Array<[string, string, string]> = [
  ["Yun Ho-chin", "Person", "ofac-12218"],
  ["Paek Ch'ang-Ho", "Person", "ofac-15667"],
  ["Amnokkang Development Bank", "Organization", "ofac-11647"],
  ["Bureau 39", "Organization", "ofac-12209"],
  ["KOMID", "Organization", "ofac-9345"],
];

test("UN names and transliterated aliases find the OFAC record first", (t) => {
  if (!index) return t.skip("no ../shared");
  for (const [name, schema, id] of UN_TO_OFAC) {
    const top = topOfac(name, schema);
    assert.equal(top?.id, id, `${name} → ${top?.caption}`);
    assert.ok(top!.score >= 0.7, `${name}: ${top!.score}`);
  }
});

test("Hangul and South Korean romanisation find the DPRK official", (t) => {
  if (!index) return t.skip("no ../shared");
  for (const name of ["최룡해", "Choi Ryong-hae", "Choe Ryong Hae", "CH'OE Ryong-hae"]) {
    assert.equal(topOfac(name, "Person")?.id, "ofac-23213", name);
  }
  assert.equal(topOfac("Lee Su-yong", "Person")?.id, "ofac-21735");
});

test("scores rank: agreeing birth date above name only, conflicting one below", (t) => {
  if (!index) return t.skip("no ../shared");
  const score = (birthDates: string[]): number =>
    index!.match(
      { schema: "Person", names: ["Choe Ryong Hae"], birthDates, countries: [], identifiers: [] },
      { limit: 1, threshold: 0.7 },
    )[0]?.score ?? 0;
  const nameOnly = score([]);
  assert.ok(score(["1950-01-15"]) > nameOnly);
  assert.ok(score(["1972-03-01"]) < 0.7);
  assert.ok(nameOnly < 0.95, "a name alone is never near-certain");
});

test("an identifier match is near-certain", (t) => {
  if (!index) return t.skip("no ../shared");
  const [top] = index.match(
    {
      schema: "Vessel",
      names: ["Unknown Ship"],
      birthDates: [],
      countries: [],
      identifiers: ["IMO 8660313"],
    },
    { limit: 1, threshold: 0.7 },
  );
  assert.equal(top?.entity.properties.name?.[0], "CHON MA SAN");
  assert.ok(top!.score >= 0.95);
});
