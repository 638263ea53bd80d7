/**
 * Entity resolution over every backend: judgements kept across runs, reviewers before the
 * resolver, negative judgements that keep entities apart, canonical entities in screening.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Entity } from "../src/model/entity.ts";
import { Resolution } from "../src/resolution/clusters.ts";
import { findResolvedEntity } from "../src/resolution/entities.ts";
import { decide } from "../src/resolution/resolve.ts";
import { resolve } from "../src/resolution/resolve.ts";
import { loadIndex } from "../src/screening/load.ts";
import { hashRaw } from "../src/store/hash.ts";
import type { Judgement } from "../src/store/resolution/resolution-store.ts";
import type { Store } from "../src/store/store.ts";
import { backends, freshStore } from "./helpers/stores.ts";

function judgement(
  left: string,
  right: string,
  kind: Judgement["judgement"],
  source: Judgement["source"] = "human",
  score: number | null = null,
): Judgement {
  return { left, right, judgement: kind, source, score, user: "t", createdAt: "" };
}

describe("clusters from judgements", () => {
  test("positives join transitively; a negative keeps two clusters apart", () => {
    const resolution = Resolution.fromJudgements([
      judgement("a", "b", "positive", "auto", 0.99),
      judgement("b", "c", "positive", "auto", 0.95),
      judgement("c", "d", "positive", "auto", 0.93),
      judgement("a", "d", "negative"),
    ]);
    assert.equal(resolution.canonical("a"), resolution.canonical("c"));
    assert.notEqual(resolution.canonical("a"), resolution.canonical("d"));
    assert.deepEqual(resolution.members(resolution.canonical("a")), ["a", "b", "c"]);
    assert.equal(resolution.conflicts.length, 1);
    assert.equal(resolution.canonical("z"), "z");
  });

  test("a reviewer's merge is applied before the resolver's surer one", () => {
    const resolution = Resolution.fromJudgements([
      judgement("a", "b", "positive", "auto", 0.99),
      judgement("b", "c", "negative"),
      judgement("a", "c", "positive"),
    ]);
    // Human a~c first; then auto a~b would bring b next to c, which a reviewer ruled out.
    assert.equal(resolution.canonical("a"), resolution.canonical("c"));
    assert.notEqual(resolution.canonical("a"), resolution.canonical("b"));
  });

  test("a sure pair that would join two records of one list is queued instead", () => {
    const datasets: Record<string, string[]> = { x1: ["x"], x2: ["x"], y1: ["y"] };
    const pair = (left: string, right: string, score: number) => ({
      left,
      right,
      score,
      features: {},
      explanations: {},
    });
    const { merges, review } = decide(
      [pair("x1", "y1", 0.99), pair("x2", "y1", 0.97), pair("x1", "x2", 0.85)],
      { merge: 0.92, review: 0.8 },
      (id) => datasets[id] ?? [],
    );
    assert.deepEqual(
      merges.map((m) => `${m.left}~${m.right}`),
      ["x1~y1"],
    );
    assert.deepEqual(
      review.map((r) => `${r.left}~${r.right}`),
      ["x2~y1", "x1~x2"],
    );
    assert.match(String(review[0]!.explanation.held), /two records of x/);
  });
});

const FTB_UN: Entity = {
  id: "unsc-kpe.047",
  schema: "Organization",
  properties: { name: ["FOREIGN TRADE BANK"], alias: ["Mooyokbank"], country: ["kp"] },
};
const FTB_OFAC: Entity = {
  id: "ofac-12345",
  schema: "Organization",
  properties: { name: ["FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"] },
};
const FTB_UK: Entity = {
  id: "gb-fcdo-dpr0001",
  schema: "Organization",
  properties: { name: ["FOREIGN TRADE BANK (FTB)"], country: ["kp"] },
};

async function writeList(
  store: Store,
  dataset: string,
  party: Entity,
  sanction: Record<string, string[]>,
): Promise<void> {
  await store.writeVersion({ dataset, label: "v1", format: "test", files: [] }, async (writer) => {
    await writer.writeRecords([
      { sourceId: party.id, entityId: party.id, hash: hashRaw({ ...party }), raw: {} },
    ]);
    await writer.writeEntities([
      { sourceId: party.id, entity: party },
      {
        sourceId: party.id,
        entity: {
          id: `${party.id}-sanction`,
          schema: "Sanction",
          properties: { entity: [party.id], ...sanction },
        },
      },
    ]);
  });
}

for (const backend of backends()) {
  describe(`resolution (${backend.name})`, () => {
    test("list references merge records; reviewers' judgements survive a new run", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeList(store, "un_sc_sanctions", FTB_UN, { unscId: ["KPe.047"] });
        await writeList(store, "gb_fcdo_sanctions", FTB_UK, { unscId: ["KPe.047"] });
        await writeList(store, "us_ofac_sdn", FTB_OFAC, {
          authority: ["Office of Foreign Assets Control"],
          authorityId: ["12345"],
        });
        const first = await resolve(store);
        assert.equal(first.entities, 3);
        assert.equal(first.clusters, 1);
        const merged = await findResolvedEntity(store, "gb-fcdo-dpr0001");
        assert.deepEqual(merged?.referents, ["gb-fcdo-dpr0001", "unsc-kpe.047"]);
        assert.deepEqual(merged?.datasets.sort(), ["gb_fcdo_sanctions", "un_sc_sanctions"]);

        // A reviewer adds the OFAC record, then splits the UK one off; both hold after re-runs.
        await store.resolution.judge({
          left: "unsc-kpe.047",
          right: "ofac-12345",
          judgement: "positive",
          source: "human",
          score: null,
          user: "ana",
        });
        await store.resolution.judge({
          left: "gb-fcdo-dpr0001",
          right: "unsc-kpe.047",
          judgement: "negative",
          source: "human",
          score: null,
          user: "ana",
        });
        await resolve(store);
        await resolve(store);
        const judgements = await store.resolution.judgements();
        assert.equal(judgements.filter((j) => j.source === "human").length, 2);
        const ftb = await findResolvedEntity(store, "ofac-12345");
        assert.deepEqual(ftb?.referents, ["ofac-12345", "unsc-kpe.047"]);
        assert.equal((await findResolvedEntity(store, "gb-fcdo-dpr0001"))?.id, "gb-fcdo-dpr0001");

        // Screening finds the canonical entity, with the OFAC record, by the UN-only alias.
        const { index } = await loadIndex(store);
        const [top] = index.match(
          {
            schema: "Organization",
            names: ["Mooyokbank"],
            birthDates: [],
            countries: [],
            identifiers: [],
          },
          { limit: 3, threshold: 0.7 },
        );
        assert.equal(top?.entity.id, ftb?.id);
        assert.deepEqual(top?.entity.sourceIds.sort(), ["ofac-12345", "unsc-kpe.047"]);
      } finally {
        await store.close();
      }
    });

    test("the review queue is ordered, and judging a pair takes it off", async () => {
      const { store } = await freshStore(backend);
      try {
        const stampBefore = await store.resolution.stamp();
        await store.resolution.replaceAutomatic(
          [
            {
              left: "b",
              right: "a",
              judgement: "positive",
              source: "auto",
              score: 0.97,
              user: "resolver",
            },
          ],
          [
            { left: "c", right: "d", score: 0.85, explanation: { features: { name: 0.9 } } },
            { left: "e", right: "f", score: 0.9, explanation: {} },
          ],
        );
        assert.notEqual(await store.resolution.stamp(), stampBefore);
        const queue = await store.resolution.reviewQueue(10);
        assert.deepEqual(
          queue.map((c) => c.left),
          ["e", "c"],
        );
        assert.deepEqual(queue[1]?.explanation, { features: { name: 0.9 } });
        await store.resolution.judge({
          left: "d",
          right: "c",
          judgement: "unsure",
          source: "human",
          score: null,
          user: "bo",
        });
        assert.equal(await store.resolution.countReviewQueue(), 1);
        const all = await store.resolution.judgements();
        assert.deepEqual(
          all.map((j) => `${j.left}~${j.right} ${j.judgement} ${j.source}`),
          ["a~b positive auto", "c~d unsure human"],
        );
        // A new automatic run neither re-queues nor overrides the judged pair.
        await store.resolution.replaceAutomatic(
          [
            {
              left: "c",
              right: "d",
              judgement: "positive",
              source: "auto",
              score: 0.99,
              user: "resolver",
            },
          ],
          [{ left: "c", right: "d", score: 0.85, explanation: {} }],
        );
        assert.equal(await store.resolution.countReviewQueue(), 0);
        assert.deepEqual(
          (await store.resolution.judgements()).map((j) => `${j.left}~${j.right} ${j.source}`),
          ["c~d human"],
        );
      } finally {
        await store.close();
      }
    });
  });
}
