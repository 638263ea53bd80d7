import assert from "node:assert/strict";
import { test } from "node:test";
import type { LinkCandidate, LinkEvidence, Mention } from "../types.ts";
import { applyDecision, decideLink } from "./link-decision.ts";

const evidence = (kind: LinkEvidence["kind"], weight: number): LinkEvidence => ({
  kind,
  text: kind,
  listed: "record",
  weight,
});
const candidate = (entityId: string, score: number, ...said: LinkEvidence[]): LinkCandidate => ({
  entityId,
  caption: entityId,
  score,
  evidence: said,
});
const MENTION: Mention = {
  type: "Person",
  text: "Kim Yong Chol",
  start: 0,
  end: 13,
  confidence: 0.9,
};

test("homonyms with nothing said of either are ambiguous, whatever their scores", () => {
  const decision = decideLink([candidate("ufd", 0.92), candidate("komid", 0.95)])!;
  assert.equal(decision.status, "ambiguous");
  assert.equal(decision.chosen, undefined);
  assert.match(decision.note, /2 listed entities/);
  // Best first: by evidence, then score.
  assert.deepEqual(
    decision.candidates.map((c) => c.entityId),
    ["komid", "ufd"],
  );
});

test("a birth year or an organisation chooses; a title or a place alone does not", () => {
  const byYear = decideLink([
    candidate("ufd", 0.9),
    candidate("komid", 0.9, evidence("birth_year", 3)),
  ])!;
  assert.equal(byYear.status, "linked");
  assert.equal(byYear.chosen?.entityId, "komid");
  const byOrg = decideLink([
    candidate("ufd", 0.9),
    candidate("komid", 0.9, evidence("organisation", 2)),
  ])!;
  assert.equal(byOrg.chosen?.entityId, "komid");
  const byTitle = decideLink([
    candidate("ufd", 0.9),
    candidate("komid", 0.9, evidence("title", 1)),
  ])!;
  assert.equal(byTitle.status, "ambiguous");
  const byTitleAndPlace = decideLink([
    candidate("ufd", 0.9),
    candidate("komid", 0.9, evidence("title", 1), evidence("place", 1)),
  ])!;
  assert.equal(byTitleAndPlace.chosen?.entityId, "komid");
});

test("the one the text does not contradict is chosen, and the note says why", () => {
  const decision = decideLink([
    candidate("komid", 0.95, {
      kind: "organisation",
      text: "United Front Department",
      listed: "KOMID Representative in Iran",
      weight: -2,
    }),
    candidate("ufd", 0.9),
  ])!;
  assert.equal(decision.status, "linked");
  assert.equal(decision.chosen?.entityId, "ufd");
  assert.match(decision.note, /not komid: United Front Department, but the record: KOMID/);
});

test("a text that contradicts every candidate links none", () => {
  const decision = decideLink([candidate("komid", 0.95, evidence("birth_year", -3))])!;
  assert.equal(decision.status, "contradicted");
  assert.equal(decision.chosen, undefined);
  assert.equal(decideLink([]), undefined);
});

test("applying a decision: a plain link keeps no candidates, others keep them all", () => {
  const plain = { ...MENTION };
  applyDecision(plain, [candidate("komid", 0.95)]);
  assert.deepEqual(
    [plain.entityId, plain.score, plain.candidates, plain.linkStatus],
    ["komid", 0.95, undefined, undefined],
  );
  const ambiguous = { ...MENTION, entityId: "komid", entityCaption: "komid", score: 1 };
  applyDecision(ambiguous, [candidate("ufd", 0.9), candidate("komid", 0.9)]);
  assert.equal(ambiguous.entityId, undefined);
  assert.equal(ambiguous.score, undefined);
  assert.equal(ambiguous.linkStatus, "ambiguous");
  assert.equal(ambiguous.candidates?.length, 2);
});

test("a CJK name that says too little alone is a candidate, not a link, unless the text says more", () => {
  const korean = (text: string, type: Mention["type"] = "Person") => ({ type, text });
  // A surname and one syllable: linked only on what the text says of the record.
  const bare = decideLink([candidate("kim-chol", 0.92)], korean("金哲"))!;
  assert.equal(bare.status, "ambiguous");
  assert.match(bare.note, /too common a name/);
  const employed = decideLink(
    [candidate("kim-chol", 0.92, evidence("organisation", 2))],
    korean("김철"),
  )!;
  assert.equal(employed.chosen?.entityId, "kim-chol");
  assert.equal(decideLink([candidate("kim-chol", 0.92)], korean("Kim Chol"))!.status, "linked");
  assert.equal(decideLink([candidate("ri", 0.92)], korean("리성혁"))!.status, "linked");
  // A South Korean bank's everyday name, and a near spelling: no evidence makes them the record.
  const hana = decideLink(
    [candidate("hana-dprk", 0.92, evidence("organisation", 2))],
    korean("하나은행", "Organization"),
  )!;
  assert.equal(hana.status, "ambiguous");
  assert.match(hana.note, /South Korean or Chinese bank/);
  const near = decideLink([candidate("dongfeng", 0.873)], korean("上海东方海运有限公司"))!;
  assert.equal(near.status, "ambiguous");
  assert.match(near.note, /near spelling/);
  // The store reads a mention back and decides afresh: the same answer.
  const stored: Mention = { type: "Person", text: "金哲", start: 0, end: 2, confidence: 0.7 };
  applyDecision(stored, bare.candidates);
  assert.equal(stored.entityId, undefined);
  assert.equal(stored.linkStatus, "ambiguous");
  assert.equal(stored.candidates?.length, 1);
});
