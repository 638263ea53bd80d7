/**
 * Registrations as names (issue 23, class 12): an aircraft's tail number or a vessel's IMO number
 * typed into the name field finds the aircraft or vessel under whatever schema the query has, and
 * an IMO number inside a vessel's name counts when its check digit holds.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { looksLikeRegistration, registrationsIn, validImo } from "../src/matching/identifiers.ts";
import { ScreeningIndex } from "../src/matching/index.ts";
import {
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type IndexedEntity,
  type MatchQuery,
} from "../src/matching/types.ts";

// 9*7 + 2*6 + 7*5 + 4*4 + 1*3 + 5*2 = 139: the check digit is 9.
const IMO = "9274159";
const WRONG_CHECK_DIGIT = "9274158";

function entity(id: string, schema: string, properties: Record<string, string[]>): IndexedEntity {
  return { id, schema, properties, datasets: ["test"], sourceIds: [id], hash: id };
}

const index = new ScreeningIndex();
index.add(
  entity("airplane", "Airplane", {
    name: ["Ilyushin Il-62M Freighter"],
    registrationNumber: ["EX-76045"],
  }),
);
index.add(
  entity("airplane-2", "Airplane", { name: ["Antonov An-12"], registrationNumber: ["EX-76046"] }),
);
index.add(entity("vessel", "Vessel", { name: ["Morning Lark"], imoNumber: [`IMO ${IMO}`] }));
index.add(entity("vessel-2", "Vessel", { name: ["Quiet Harbour"], imoNumber: ["IMO 9300013"] }));
index.add(entity("person", "Person", { name: ["Pavel Ilyushin"] }));
index.add(entity("company", "Company", { name: ["Morning Lark Shipping LLC"] }));
index.build();

function ids(schema: string, name: string): string[] {
  const query: MatchQuery = {
    schema,
    names: [name],
    birthDates: [],
    countries: [],
    identifiers: [],
  };
  return index
    .match(query, { limit: DEFAULT_LIMIT, threshold: DEFAULT_THRESHOLD })
    .filter((r) => r.match)
    .map((r) => r.entity.id);
}

test("an IMO number's check digit", () => {
  assert.ok(validImo(IMO));
  assert.ok(validImo("9300013"));
  assert.ok(!validImo(WRONG_CHECK_DIGIT));
  assert.ok(!validImo("927415"));
  assert.ok(!validImo("92741590"));
});

test("names that are registrations, and names that are not", () => {
  for (const name of ["EX-76045", "4K-AZ38", "N512QT", `IMO ${IMO}`, IMO, `IMO No. ${IMO}`])
    assert.ok(looksLikeRegistration(name), name);
  // Typed without the hyphen: a prefix with a digit tells them (T7-OKY, A6-EDA).
  for (const name of ["T7OKY", "4KAZ38", "A6EDA", "P632", "B2447"])
    assert.ok(looksLikeRegistration(name), name);
  // Brands with digits for letters are not tail numbers.
  for (const name of [
    "N0RINC0",
    "P3MEX",
    "Morning Lark",
    "Il-76TD cargo",
    "12-34",
    "Signal Brigade 44",
  ])
    assert.ok(!looksLikeRegistration(name), name);
  assert.deepEqual(registrationsIn("EX-76045"), ["EX76045"]);
  assert.deepEqual(registrationsIn(`IMO: ${IMO}`), [IMO]);
});

test("an IMO number inside a vessel's name is taken when its check digit holds", () => {
  assert.deepEqual(registrationsIn(`SEA STAR (IMO ${IMO})`), [IMO]);
  assert.deepEqual(registrationsIn(`SEA STAR (IMO No. ${IMO})`), [IMO]);
  assert.deepEqual(registrationsIn(`SEA STAR (IMO ${WRONG_CHECK_DIGIT})`), []);
  // Seven digits without "IMO" before them may be anything.
  assert.deepEqual(registrationsIn(`SEA STAR ${IMO}`), []);
});

for (const schema of ["LegalEntity", "Thing"]) {
  test(`a tail number as the only name finds the aircraft under ${schema}`, () => {
    assert.deepEqual(ids(schema, "EX-76045"), ["airplane"]);
    assert.deepEqual(ids(schema, "EX 76045"), ["airplane"]);
  });

  test(`an IMO number as the only name finds the vessel under ${schema}`, () => {
    assert.deepEqual(ids(schema, `IMO ${IMO}`), ["vessel"]);
    assert.deepEqual(ids(schema, IMO), ["vessel"]);
  });

  test(`an IMO number inside another name finds the vessel under ${schema}`, () => {
    assert.ok(ids(schema, `SEA STAR (IMO ${IMO})`).includes("vessel"));
  });

  test(`an IMO number with a wrong check digit finds nothing under ${schema}`, () => {
    assert.deepEqual(ids(schema, `SEA STAR (IMO ${WRONG_CHECK_DIGIT})`), []);
  });
}

test("an IMO number inside a vessel's name, screened as a vessel", () => {
  assert.ok(ids("Vessel", `SEA STAR (IMO ${IMO})`).includes("vessel"));
  assert.deepEqual(ids("Vessel", `SEA STAR (IMO ${WRONG_CHECK_DIGIT})`), []);
});

test("an ordinary name keeps to the query's schema", () => {
  assert.deepEqual(ids("Person", "Pavel Ilyushin"), ["person"]);
  assert.ok(!ids("Person", "Morning Lark").includes("vessel"));
});
