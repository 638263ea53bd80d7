/**
 * Issue 22 follow-up: entity pages must not leak another agency's private list. Agency B's private
 * watchlist holds (1) a record under the same id as a public entity, with notes and an alias of
 * its own, and (2) a record the resolver merged with a public entity. An analyst of agency A must
 * get neither B's values nor B's ids from `GET /entities/:id` and its timeline, transactions and
 * documents routes; B's private id answers 404 with the text of a missing one. B and admins (and
 * the single-user CLI path) still see the whole entity. Over SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { getResolvedEntity } from "../../src/resolution/entities.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { importLedgerFile } from "../../src/transactions/import.ts";
import {
  addPeople,
  importEntities,
  jsonCaller,
  privateTo,
  sameEntity,
  tempDir,
  writeText,
} from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const B_SECRETS = ["NIGHTJAR", "Secret Alias Bee", "informant", "agency-b-park", "agency_b_watch"];
const B_PARK_MENTION = "Broker Park of case 42";

const LISTS: Record<string, object[]> = {
  public_list: [
    { id: "pub-1", schema: "Person", properties: { name: ["Ri Chol Man"], topics: ["sanction"] } },
    { id: "pub-park", schema: "Person", properties: { name: ["Park Hyonggol Broker"] } },
  ],
  agency_b_watch: [
    // The same id as a public entity, with B's own notes and alias.
    {
      id: "pub-1",
      schema: "Person",
      properties: {
        name: ["Ri Chol Man"],
        notes: ["B SECRET: surveillance op NIGHTJAR"],
        alias: ["Secret Alias Bee"],
      },
    },
    // Merged with pub-park by the resolver.
    {
      id: "agency-b-park",
      schema: "Person",
      properties: { name: ["Park Hyonggol Broker"], notes: ["B SECRET: informant case 42"] },
    },
  ],
};

async function setUp(store: Store): Promise<Record<string, string>> {
  const dir = tempDir("entities");
  for (const [dataset, entities] of Object.entries(LISTS))
    await importEntities(store, dir, dataset, entities);
  await privateTo(store, "agency_b_watch", "read", "agency:B");
  await sameEntity(store, "agency-b-park", "pub-park", "ana");

  // A public ledger: one account tied to the public record, one to B's private record. The
  // second link says its entity came from the public list (as a link made before the lists
  // changed might): the route must not rely on the link's own record of its lists alone.
  const ledger = writeText(
    dir,
    "ledger.csv",
    "id,source,target,amount,timestamp,currency\n" +
      "p1,PUB-ACC1,PUB-ACC2,100,2020-01-01T00:00:00Z,EUR\n" +
      "s1,SECRET-ACC,PUB-ACC2,9000,2020-01-02T00:00:00Z,EUR\n",
  );
  await importLedgerFile(store, ledger, { dataset: "public_ledger" });
  await store.access.setCollectionPublic("public_ledger", true);
  const link = (accountId: string, entityId: string) => ({
    dataset: "public_ledger",
    accountId,
    entityId,
    caption: "Park Hyonggol Broker",
    score: 0.95,
    evidence: {},
    entityDatasets: ["public_list"],
    linkedAt: "2024-01-01T00:00:00Z",
  });
  await store.ledger.replaceAccountLinks([
    link("PUB-ACC1", "pub-park"),
    link("SECRET-ACC", "agency-b-park"),
  ]);

  // Public documents: one names both the public and B's private record, one only B's.
  const document = (id: string, text: string) => ({
    id,
    collection: "public_docs",
    path: `${id}.txt`,
    name: `${id}.txt`,
    schema: "Document",
    size: text.length,
    sha256: id.padEnd(64, "0"),
    status: "ok" as const,
    recipients: [],
    pages: 1,
    unreadImages: 0,
    ocrPages: 0,
    ingestedAt: "2024-01-01T00:00:00Z",
    text,
  });
  const mention = (text: string, start: number, entityId: string) => ({
    type: "Person" as const,
    text,
    start,
    end: start + text.length,
    confidence: 0.9,
    entityId,
  });
  const both = `Park Hyonggol Broker met ${B_PARK_MENTION}.`;
  await store.documents.saveDocument(document("doc-both", both), [
    mention("Park Hyonggol Broker", 0, "pub-park"),
    mention(B_PARK_MENTION, both.indexOf(B_PARK_MENTION), "agency-b-park"),
  ]);
  await store.documents.saveDocument(document("doc-secret", `${B_PARK_MENTION}.`), [
    mention(B_PARK_MENTION, 0, "agency-b-park"),
  ]);
  await store.access.setCollectionPublic("public_docs", true);

  return addPeople(store);
}

type EntityBody = {
  id: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
};

for (const backend of backends()) {
  test(`${backend.name}: entity pages show a caller only the lists it may read`, async () => {
    const { store } = await freshStore(backend);
    const keys = await setUp(store);
    const app = await buildApp({ store, auth: "required" });
    try {
      const ask = jsonCaller(app, keys);
      const call = (who: string, url: string) => ask(who, "GET", url);
      const noSecrets = (text: string, what: string) => {
        for (const secret of [...B_SECRETS, B_PARK_MENTION, "SECRET-ACC"])
          assert.ok(!text.includes(secret), `${what} must not show '${secret}': ${text}`);
      };

      // Item 1: the same id on a public and a private list: A gets the public record's values.
      const alicePub1 = await call("alice", "/entities/pub-1");
      assert.equal(alicePub1.status, 200, alicePub1.text);
      noSecrets(alicePub1.text, "alice's /entities/pub-1");
      const pub1 = alicePub1.json as EntityBody;
      assert.deepEqual(pub1.properties, { name: ["Ri Chol Man"], topics: ["sanction"] });
      assert.deepEqual(pub1.datasets, ["public_list"]);
      // B reads both records and gets them merged.
      const bobPub1 = (await call("bob", "/entities/pub-1")).json as EntityBody;
      assert.deepEqual(bobPub1.properties.alias, ["Secret Alias Bee"]);
      assert.deepEqual(bobPub1.datasets.sort(), ["agency_b_watch", "public_list"]);
      const timeline = await call("alice", "/entities/pub-1/timeline");
      assert.equal(timeline.status, 200, timeline.text);
      noSecrets(timeline.text, "alice's pub-1 timeline");

      // Item 2: a public entity merged with B's private one.
      const alicePark = await call("alice", "/entities/pub-park");
      assert.equal(alicePark.status, 200, alicePark.text);
      noSecrets(alicePark.text, "alice's /entities/pub-park");
      const park = alicePark.json as EntityBody;
      assert.deepEqual(park.referents, ["pub-park"]);
      assert.deepEqual(park.properties, { name: ["Park Hyonggol Broker"] });
      // By its canonical id too.
      const byCanonical = await call("alice", `/entities/${park.id}`);
      assert.equal(byCanonical.status, 200, byCanonical.text);
      assert.deepEqual((byCanonical.json as EntityBody).referents, ["pub-park"]);
      noSecrets(byCanonical.text, "alice's canonical entity");

      // B's private id is missing for A on every entity route, with a missing id's answer.
      const missing = await call("alice", "/entities/no-such-entity");
      assert.equal(missing.status, 404);
      for (const suffix of ["", "/timeline", "/transactions", "/documents"]) {
        const answer = await call("alice", `/entities/agency-b-park${suffix}`);
        assert.equal(answer.status, 404, `alice ${suffix}: ${answer.text}`);
        assert.equal(
          answer.text,
          missing.text.replace("no-such-entity", "agency-b-park"),
          `${suffix}: the same answer as for a missing entity`,
        );
      }

      // The per-entity routes walk A's readable members only.
      const transactions = await call("alice", "/entities/pub-park/transactions");
      assert.equal(transactions.status, 200, transactions.text);
      noSecrets(transactions.text, "alice's pub-park transactions");
      const tx = transactions.json as { accounts: Array<{ id: string }>; total: number };
      assert.deepEqual(
        tx.accounts.map((a) => a.id),
        ["PUB-ACC1"],
      );
      assert.equal(tx.total, 1);
      const documents = await call("alice", "/entities/pub-park/documents");
      assert.equal(documents.status, 200, documents.text);
      noSecrets(documents.text, "alice's pub-park documents");
      const docs = documents.json as {
        total: number;
        documents: Array<{ id: string; mentions: string[] }>;
      };
      assert.equal(docs.total, 1);
      assert.deepEqual(docs.documents[0]?.id, "doc-both");
      assert.deepEqual(docs.documents[0]?.mentions, ["Park Hyonggol Broker"]);
      const aliceTimeline = await call("alice", "/entities/pub-park/timeline");
      assert.equal(aliceTimeline.status, 200, aliceTimeline.text);
      noSecrets(aliceTimeline.text, "alice's pub-park timeline");

      // B (and an admin) see the whole cluster, on every route, by either member id.
      for (const who of ["bob", "admin"]) {
        const full = await call(who, "/entities/agency-b-park");
        assert.equal(full.status, 200, full.text);
        assert.deepEqual((full.json as EntityBody).referents, ["agency-b-park", "pub-park"]);
        assert.ok(full.text.includes("informant"));
        const theirDocs = (await call(who, "/entities/pub-park/documents")).json as {
          total: number;
        };
        assert.equal(theirDocs.total, 2);
        const theirTx = (await call(who, "/entities/pub-park/transactions")).json as {
          accounts: Array<{ id: string }>;
        };
        assert.deepEqual(theirTx.accounts.map((a) => a.id).sort(), ["PUB-ACC1", "SECRET-ACC"]);
      }

      // The single-user path (CLI `entities get`) shows everything.
      const cli = await getResolvedEntity(store, "pub-1");
      assert.deepEqual(cli.properties.alias, ["Secret Alias Bee"]);
      const cliPark = await getResolvedEntity(store, "agency-b-park");
      assert.deepEqual(cliPark.referents, ["agency-b-park", "pub-park"]);
    } finally {
      await app.close();
      await store.close();
    }
  });
}
