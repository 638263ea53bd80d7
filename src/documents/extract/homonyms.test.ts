import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../../model/entity.ts";
import { extractMentions } from "./extract.ts";
import { Gazetteer } from "./gazetteer.ts";

/** The two listed Kim Yong Chols, as OFAC lists them, and the corporation one of them served. */
const KIM_UFD: Entity = {
  id: "kim-1946",
  schema: "Person",
  properties: { name: ["KIM, Yong Chol"], birthDate: ["1947", "1946"] },
};
const KIM_KOMID: Entity = {
  id: "kim-komid",
  schema: "Person",
  properties: {
    name: ["KIM, Yong Chol"],
    birthDate: ["1962-02-18"],
    position: ["KOMID Representative in Iran"],
  },
};
const KOMID: Entity = {
  id: "komid",
  schema: "Organization",
  properties: {
    name: ["KOREA MINING DEVELOPMENT TRADING CORPORATION"],
    alias: ["KOMID"],
  },
};
const GAZETTEER = new Gazetteer([KIM_UFD, KIM_KOMID, KOMID]);

async function kim(text: string) {
  const mentions = await extractMentions(text, { gazetteer: GAZETTEER });
  return mentions.find((m) => m.text.startsWith("Kim"))!;
}

test("homonyms: the United Front Department's director is not the KOMID representative", async () => {
  const m = await kim("Kim Yong Chol, director of the United Front Department, met officials.");
  assert.equal(m.entityId, "kim-1946");
  assert.equal(m.linkStatus, "linked");
  assert.match(m.linkNote!, /not KIM, Yong Chol: United Front Department, but the record: KOMID/);
  const komid = m.candidates!.find((c) => c.entityId === "kim-komid")!;
  assert.deepEqual(
    komid.evidence.map((e) => [e.kind, e.text, e.weight]),
    [["organisation", "United Front Department", -2]],
  );
});

test("homonyms: nothing near the name, an ambiguous link listing both", async () => {
  const m = await kim("Kim Yong Chol met officials in Seoul on Tuesday.");
  assert.equal(m.entityId, undefined);
  assert.equal(m.linkStatus, "ambiguous");
  assert.deepEqual(m.candidates!.map((c) => c.entityId).sort(), ["kim-1946", "kim-komid"]);
  assert.ok(m.candidates!.every((c) => c.evidence.length === 0));
});

test("homonyms: a birth year, the corporation or its representative in Iran choose", async () => {
  assert.equal((await kim("Kim Yong Chol (born 1962) met officials.")).entityId, "kim-komid");
  assert.equal((await kim("Kim Yong Chol, born c. 1946, met officials.")).entityId, "kim-1946");
  const byOrg = await kim(
    "Kim Yong Chol met officials of Korea Mining Development Trading Corporation in Tehran.",
  );
  assert.equal(byOrg.entityId, "kim-komid");
  assert.match(byOrg.linkNote!, /Korea Mining Development Trading Corporation \(the record: KOMID/);
  const byRole = await kim("Kim Yong Chol, the KOMID representative in Iran, flew home.");
  assert.equal(byRole.entityId, "kim-komid");
  assert.deepEqual(byRole.candidates![0]!.evidence.map((e) => e.kind).sort(), [
    "organisation",
    "place",
    "title",
  ]);
});

test("a lone listed person the text contradicts is not linked", async () => {
  const gazetteer = new Gazetteer([KIM_KOMID, KOMID]);
  const [m] = await extractMentions("Kim Yong Chol, born 1980, runs a restaurant in Seoul.", {
    gazetteer,
  });
  assert.equal(m!.entityId, undefined);
  assert.equal(m!.linkStatus, "contradicted");
  assert.match(m!.linkNote!, /born 1980, but the record: 1962/);
  // Said nothing of, the lone namesake links as before, with no candidates.
  const [plain] = await extractMentions("Kim Yong Chol met officials.", { gazetteer });
  assert.deepEqual([plain!.entityId, plain!.candidates], ["kim-komid", undefined]);
});

test("a Korean surname and one syllable links on the organisation its record names, not alone", async () => {
  const kimChol: Entity = {
    id: "kim-chol",
    schema: "Person",
    properties: {
      name: ["KIM, Chol"],
      position: ["Korea United Development Bank Representative"],
    },
  };
  const bank: Entity = {
    id: "kudb",
    schema: "Organization",
    properties: { name: ["KOREA UNITED DEVELOPMENT BANK"] },
  };
  const options = {
    gazetteer: new Gazetteer([kimChol, bank]),
    linker: async (names: Array<{ text: string }>) =>
      names.map(({ text }) =>
        text === "김철"
          ? { entityId: "kim-chol", caption: "KIM, Chol", score: 0.92 }
          : text === "조선통일발전은행"
            ? { entityId: "kudb", caption: "KOREA UNITED DEVELOPMENT BANK", score: 0.92 }
            : undefined,
      ),
  };
  const person = async (text: string) =>
    (await extractMentions(text, options)).find((m) => m.text === "김철")!;
  const alone = await person("김철 동무가 평양에서 왔다.");
  assert.equal(alone.entityId, undefined);
  assert.equal(alone.linkStatus, "ambiguous");
  const employed = await person("조선통일발전은행 대표 김철 동무가 평양에서 왔다.");
  assert.equal(employed.entityId, "kim-chol");
  assert.match(employed.linkNote ?? "", /조선통일발전은행/);
});
