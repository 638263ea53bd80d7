/**
 * Issue 23: homonyms in documents. Two listed Kim Yong Chols: the KOMID representative in Iran
 * (born 1962) on a public list, and one born c. 1946 on agency B's private watchlist. A mention
 * that nothing near it explains is an ambiguous link listing both, with the evidence for each;
 * "director of the United Front Department" links to the 1946 man, since the text contradicts
 * the other's record. An analyst of agency A, who may not read B's list, sees neither B's
 * candidate nor that the link was ambiguous because of it: exactly what A gets from the same
 * text uploaded with A's own lists. Candidates are stored (migration 016) and served over SQLite
 * and PostgreSQL; mentions stored before 016 keep their links.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import {
  addPeople,
  caller,
  importEntities,
  migrateBefore,
  privateTo,
  rawDb,
  tempDir,
} from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const KIM_KOMID = {
  id: "pub-kim-komid",
  schema: "Person",
  properties: {
    name: ["KIM, Yong Chol"],
    birthDate: ["1962-02-18"],
    position: ["KOMID Representative in Iran"],
    topics: ["sanction"],
  },
};
const KIM_1946 = {
  id: "b-kim-1946",
  schema: "Person",
  properties: { name: ["KIM, Yong Chol"], birthDate: ["1947", "1946"], topics: ["sanction"] },
};
const PLAIN = "Memo: Kim Yong Chol met two bankers in Dandong in March.";
const UFD = "Memo: Kim Yong Chol, director of the United Front Department, met two bankers.";

interface MentionView {
  text: string;
  entityId?: string;
  linkStatus?: string;
  linkNote?: string;
  candidates?: Array<{ entityId: string; evidence: Array<{ kind: string; weight: number }> }>;
}

async function setUp(store: Store) {
  const dir = tempDir("homonyms");
  await importEntities(store, dir, "public_list", [KIM_KOMID]);
  await importEntities(store, dir, "agency_b_watch", [KIM_1946]);
  await privateTo(store, "agency_b_watch", "read", "agency:B");
  await privateTo(store, "docs-a", "write", "agency:A");
  await privateTo(store, "docs-shared", "write", "agency:A", "agency:B");
  const keys = await addPeople(store);
  const app = await buildApp({ store, auth: "required" });
  const send = caller(app, keys);
  const upload = async (who: string, name: string, collection: string, text: string) => {
    const url = `/documents?name=${name}&collection=${collection}`;
    const answer = await send(who, "POST", url, text, "application/octet-stream");
    assert.equal(answer.statusCode, 201, answer.body);
    return answer.json<{ ids: string[] }>().ids[0]!;
  };
  const kim = async (who: string, id: string) => {
    const answer = await send(who, "GET", `/documents/${id}/mentions`);
    assert.equal(answer.statusCode, 200, answer.body);
    const body = answer.body;
    const found = answer.json<{ mentions: Array<MentionView & { documentId?: string }> }>();
    // The document's id aside, the mention as served.
    const mention: MentionView & { documentId?: string } = {
      ...found.mentions.find((m) => m.text.startsWith("Kim"))!,
    };
    delete mention.documentId;
    return { body, mention: mention as MentionView };
  };
  return { app, upload, kim };
}

for (const backend of backends()) {
  test(`${backend.name}: homonyms are an ambiguous link, or the one the text points at`, async () => {
    const { store } = await freshStore(backend);
    const s = await setUp(store);
    try {
      const plain = await s.upload("bob", "plain.txt", "docs-shared", PLAIN);
      for (const who of ["bob", "admin"]) {
        const { mention } = await s.kim(who, plain);
        assert.equal(mention.entityId, undefined, who);
        assert.equal(mention.linkStatus, "ambiguous", who);
        assert.deepEqual(mention.candidates?.map((c) => c.entityId).sort(), [
          "b-kim-1946",
          "pub-kim-komid",
        ]);
      }
      const ufd = await s.upload("bob", "ufd.txt", "docs-shared", UFD);
      const { mention } = await s.kim("bob", ufd);
      assert.equal(mention.entityId, "b-kim-1946");
      assert.equal(mention.linkStatus, "linked");
      assert.match(mention.linkNote!, /United Front Department, but the record: KOMID/);
      const komid = mention.candidates!.find((c) => c.entityId === "pub-kim-komid")!;
      assert.deepEqual(
        komid.evidence.map((e) => [e.kind, e.weight]),
        [["organisation", -2]],
      );
    } finally {
      await s.app.close();
      await store.close();
    }
  });

  test(`${backend.name}: a reader who may not read one homonym's list learns nothing of it`, async () => {
    const { store } = await freshStore(backend);
    const s = await setUp(store);
    try {
      for (const [name, text] of [
        ["plain.txt", PLAIN],
        ["ufd.txt", UFD],
      ] as const) {
        const shared = await s.upload("bob", name, "docs-shared", text);
        const own = await s.upload("alice", name, "docs-a", text);
        const seen = await s.kim("alice", shared);
        assert.doesNotMatch(seen.body, /b-kim-1946|1946|1947|ambiguous/, name);
        // What A sees of B's document is what A's own upload of the same text gives.
        assert.deepEqual(seen.mention, (await s.kim("alice", own)).mention, name);
      }
      // Nothing near the name: for A, the one namesake A may read, plainly linked.
      const plain = await s.kim("alice", await s.upload("bob", "p2.txt", "docs-shared", PLAIN));
      assert.deepEqual(
        [plain.mention.entityId, plain.mention.candidates, plain.mention.linkStatus],
        ["pub-kim-komid", undefined, undefined],
      );
      // The United Front Department: the text contradicts A's only namesake, so no link.
      const ufd = await s.kim("alice", await s.upload("bob", "u2.txt", "docs-shared", UFD));
      assert.equal(ufd.mention.entityId, undefined);
      assert.equal(ufd.mention.linkStatus, "contradicted");
      assert.deepEqual(
        ufd.mention.candidates?.map((c) => c.entityId),
        ["pub-kim-komid"],
      );
    } finally {
      await s.app.close();
      await store.close();
    }
  });

  test(`${backend.name}: migration 016 keeps the mentions stored before it`, async () => {
    const { location, kind, db } = await rawDb(backend);
    await migrateBefore(db, kind, "016_mention_candidates");
    await sql`insert into documents (id, collection, path, name, schema, size, sha256, status,
        recipients, pages, text, ingested_at, unread_images)
      values ('d1', 'default', 'a.txt', 'a.txt', 'Document', 3, 'x', 'ok', '[]', 0, 'Kim',
        '2026-01-01', 0)`.execute(db);
    await sql`insert into document_mentions (document_id, seq, type, text, start, "end",
        confidence, entity_id, entity_caption, score)
      values ('d1', 0, 'Person', 'Kim', 0, 3, 0.9, 'pub-kim-komid', 'KIM, Yong Chol', 1)`.execute(
      db,
    );
    await db.destroy();
    const store = await openStore(location);
    try {
      const [mention] = await store.documents.listMentions({ documentId: "d1" });
      assert.deepEqual(
        [mention?.entityId, mention?.score, mention?.candidates, mention?.linkStatus],
        ["pub-kim-komid", 1, undefined, undefined],
      );
    } finally {
      await store.close();
    }
  });
}
