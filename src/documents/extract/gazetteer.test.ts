import assert from "node:assert/strict";
import { test } from "node:test";
import { Gazetteer } from "./gazetteer.ts";
import type { IndexedEntity } from "../../matching/types.ts";

const person = (id: string, names: Record<string, string[]>): IndexedEntity => ({
  id,
  schema: "Person",
  properties: names,
  datasets: ["test"],
  sourceIds: [id],
  hash: id,
});

test("a person's one-word alias that is a common given name matches no namesake", () => {
  const gazetteer = new Gazetteer([
    person("p1", { name: ["Carlos Antonio Moreno Tuberquia"], weakAlias: ["NICOLAS"] }),
    person("p2", { name: ["Ri Chol"], weakAlias: ["Kwangmyong"] }),
  ]);
  const found = gazetteer.find("President Nicolás Maduro met Kwangmyong in Pyongyang.");
  assert.deepEqual(
    found.map((m) => [m.text, m.entityId]),
    [["Kwangmyong", "p2"]],
  );
});

test("a title as an alias matches no one; a name's aside in brackets is matched without it", () => {
  const company = { ...person("c1", { name: ["Korea Kwangson Banking Corp (KKBC)"] }) };
  company.schema = "Company";
  const gazetteer = new Gazetteer([
    person("p1", { name: ["Kim Il"], alias: ["CHAIRMAN"] }),
    company,
  ]);
  const found = gazetteer.find("The Chairman used Korea Kwangson Banking Corp (KKBC) accounts.");
  assert.deepEqual(
    found.map((m) => [m.text, m.entityId]),
    [["Korea Kwangson Banking Corp", "c1"]],
  );
});
