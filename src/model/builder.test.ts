import assert from "node:assert/strict";
import { test } from "node:test";
import { EntityBuilder } from "./builder.ts";

test("cleans values by property type and drops duplicates", () => {
  const person = new EntityBuilder("Person", "ofac-1")
    .add("name", "  KIM   Jong Un ")
    .add("name", "KIM Jong Un")
    .add("birthDate", "08 Jan 1984")
    .add("nationality", "Korea, North")
    .add("gender", "Male")
    .add("alias", ['"KOMID"', undefined, ""])
    .build();
  assert.deepEqual(person.properties, {
    alias: ["KOMID"],
    birthDate: ["1984-01-08"],
    gender: ["male"],
    name: ["KIM Jong Un"],
    nationality: ["kp"],
  });
});

test("refuses properties the schema lacks", () => {
  assert.throws(() => new EntityBuilder("Vessel", "v").add("birthDate", "1960"), /no property/);
});
