/**
 * One suite, every backend: SQLite always, PostgreSQL when MONEYTRAIL_TEST_POSTGRES is set.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { verifyChain } from "../access/audit-chain.ts";
import { backends, freshStore } from "../../test/helpers/stores.ts";
import { listingTimeline } from "../lists/timeline.ts";
import type { Entity } from "../model/entity.ts";
import { hashRaw } from "./hash.ts";
import type { Store, StoredRecord } from "./store.ts";

const KOMID: Entity = {
  id: "unsc-kpe.001",
  schema: "Organization",
  properties: { name: ["KOREA MINING DEVELOPMENT TRADING CORPORATION"] },
};
const KOMID_OFAC: Entity = {
  id: "unsc-kpe.001",
  schema: "Organization",
  properties: { alias: ["KOMID"] },
};

function record(
  sourceId: string,
  raw: Record<string, unknown>,
  entityId = `e-${sourceId}`,
): StoredRecord {
  return { sourceId, entityId, hash: hashRaw(raw), raw };
}

async function writeSimpleVersion(
  store: Store,
  dataset: string,
  label: string,
  ids: string[],
): Promise<void> {
  await store.writeVersion({ dataset, label, format: "csv", files: [] }, async (writer) => {
    await writer.writeRecords(ids.map((id) => record(id, { id, label })));
    await writer.writeEntities(
      ids.map((id) => ({
        sourceId: id,
        entity: { id: `e-${id}`, schema: "Person", properties: { name: [`Name ${id}`] } },
      })),
    );
  });
}

for (const backend of backends()) {
  describe(`store (${backend.name})`, () => {
    test("a written version is complete, active, and counts its records and schemata", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeSimpleVersion(store, "demo", "v1", ["1", "2", "3"]);
        const [version] = await store.activeVersions();
        assert.equal(version?.label, "v1");
        assert.equal(version?.status, "complete");
        assert.equal(version?.entries, 3);
        assert.deepEqual(version?.schemata, { Person: 3 });
      } finally {
        await store.close();
      }
    });

    test("a failing import leaves no trace and the active version as it was", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeSimpleVersion(store, "demo", "v1", ["1"]);
        await assert.rejects(
          store.writeVersion(
            { dataset: "demo", label: "v2", format: "csv", files: [] },
            async (writer) => {
              await writer.writeRecords([record("9", { x: 1 })]);
              throw new Error("reader failed half-way");
            },
          ),
          /half-way/,
        );
        const versions = await store.listVersions("demo");
        assert.deepEqual(
          versions.map((v) => [v.label, v.active]),
          [["v1", true]],
        );
        assert.equal((await store.findEntity("e-1"))?.id, "e-1");
        assert.equal(await store.findEntity("e-9"), undefined);
      } finally {
        await store.close();
      }
    });

    test("a new version replaces the active one; the old one is kept", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeSimpleVersion(store, "demo", "v1", ["1", "2"]);
        await writeSimpleVersion(store, "demo", "v2", ["2", "3"]);
        const versions = await store.listVersions("demo");
        assert.deepEqual(
          versions.map((v) => [v.label, v.active]),
          [
            ["v1", false],
            ["v2", true],
          ],
        );
        assert.equal(
          await store.findEntity("e-1"),
          undefined,
          "entities of inactive versions are not served",
        );
        await assert.rejects(
          writeSimpleVersion(store, "demo", "v2", ["4"]),
          /already has a version 'v2'/,
        );
      } finally {
        await store.close();
      }
    });

    test("records stream in source-id byte order with their captions", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeSimpleVersion(store, "demo", "v1", ["b", "B", "a", "10", "9", "a.1"]);
        const [version] = await store.listVersions("demo");
        const seen: string[] = [];
        for await (const r of store.iterateRecords(version!.id))
          seen.push(`${r.sourceId}:${r.caption}`);
        assert.deepEqual(seen, [
          "10:Name 10",
          "9:Name 9",
          "B:Name B",
          "a:Name a",
          "a.1:Name a.1",
          "b:Name b",
        ]);
      } finally {
        await store.close();
      }
    });

    test("the same entity id in two records or datasets is merged value by value", async () => {
      const { store } = await freshStore(backend);
      try {
        await store.writeVersion(
          { dataset: "un_sc_sanctions", label: "v1", format: "un-xml", files: [] },
          async (writer) => {
            await writer.writeRecords([record("KPe.001", { a: 1 }, KOMID.id)]);
            await writer.writeEntities([{ sourceId: "KPe.001", entity: KOMID }]);
            await writer.writeEntities([
              {
                sourceId: "KPe.001",
                entity: { ...KOMID, properties: { alias: ["CHANGGWANG SINYONG CORPORATION"] } },
              },
            ]);
          },
        );
        await store.writeVersion(
          { dataset: "other", label: "v1", format: "ftm", files: [] },
          async (writer) => {
            await writer.writeRecords([record("x", { b: 2 }, KOMID.id)]);
            await writer.writeEntities([{ sourceId: "x", entity: KOMID_OFAC }]);
          },
        );
        const entity = await store.getEntity(KOMID.id);
        assert.deepEqual(entity.properties.alias?.sort(), [
          "CHANGGWANG SINYONG CORPORATION",
          "KOMID",
        ]);
        assert.deepEqual(entity.datasets, ["other", "un_sc_sanctions"]);
        assert.deepEqual(
          entity.provenance.map((p) => p.raw),
          [{ b: 2 }, { a: 1 }],
        );
        await assert.rejects(store.getEntity("nope"), /not found/);
      } finally {
        await store.close();
      }
    });

    test("a record repeated in a later batch becomes one record with both parts", async () => {
      const { store } = await freshStore(backend);
      try {
        const version = await store.writeVersion(
          { dataset: "eu_fsf", label: "v1", format: "eu-xml", files: [] },
          async (writer) => {
            await writer.writeRecords([record("5468", { part: 1 })]);
            await writer.writeRecords([record("5468", { part: 2 })]);
          },
        );
        assert.equal(version.entries, 1);
        const rows = [];
        for await (const r of store.iterateRecords(version.id)) rows.push(r.raw);
        assert.deepEqual(rows, [{ parts: [{ part: 1 }, { part: 2 }] }]);
      } finally {
        await store.close();
      }
    });
    test("a record's history across versions makes its listing timeline", async () => {
      const { store } = await freshStore(backend);
      try {
        await writeSimpleVersion(store, "demo", "v1", ["1", "2"]);
        await writeSimpleVersion(store, "demo", "v2", ["2"]);
        await writeSimpleVersion(store, "demo", "v3", ["1", "2"]);
        await writeSimpleVersion(store, "other", "v1", ["1"]);
        const versions = await store.listVersions();
        const events = async (id: string) =>
          listingTimeline("demo", id, versions, await store.recordHistory("demo", id)).map(
            (e) => `${e.kind}@${e.version}`,
          );
        assert.deepEqual(await events("1"), ["listed@v1", "delisted@v2", "relisted@v3"]);
        // The raw records carry their version's label: each version changed record 2.
        assert.deepEqual(await events("2"), ["listed@v1", "changed@v2", "changed@v3"]);
        assert.deepEqual(await store.recordHistory("demo", "nope"), []);
      } finally {
        await store.close();
      }
    });

    test("an alert's review is replaced by the next one and kept by id", async () => {
      const { store } = await freshStore(backend);
      try {
        assert.deepEqual(await store.alertReviews.reviews(), []);
        await store.alertReviews.review({
          alertId: "alert-1",
          scope: "local",
          status: "assigned",
          assignee: "kim",
          note: null,
          user: "kim",
        });
        const closed = await store.alertReviews.review({
          alertId: "alert-1",
          scope: "local",
          status: "closed",
          assignee: "kim",
          note: "reported",
          user: "lee",
        });
        const reviews = await store.alertReviews.reviews();
        assert.equal(reviews.length, 1);
        assert.deepEqual(reviews[0], closed);
      } finally {
        await store.close();
      }
    });

    test("access: users, sessions, keys, collections with grants", async () => {
      const { store } = await freshStore(backend);
      const access = store.access;
      try {
        await access.createUser({
          username: "kim",
          role: "analyst",
          agency: "A",
          passwordHash: "h",
        });
        assert.equal((await access.findUser("kim"))?.passwordHash, "h");
        assert.equal(await access.countUsers(), 1);
        const later = new Date(Date.now() + 60_000).toISOString();
        await access.createSession({ tokenHash: "s1", username: "kim", expiresAt: later });
        assert.equal((await access.findSession("s1"))?.username, "kim");
        await access.updateUser("kim", { disabled: true });
        assert.equal(await access.findSession("s1"), undefined, "disabling ends sessions");
        const key = await access.createApiKey({
          id: "k1",
          keyHash: "kh",
          username: "kim",
          name: "robot",
          hint: "mtk_ab",
          role: "viewer",
          collections: ["demo", "ledger_a"],
          expiresAt: null,
        });
        assert.deepEqual((await access.findApiKey("kh"))?.collections, ["demo", "ledger_a"]);
        assert.equal(await access.revokeApiKey(key.id), true);
        assert.equal(await access.revokeApiKey(key.id), false);
        assert.ok((await access.findApiKey("kh"))?.revokedAt);
        await access.ensureCollection("docs_a", { public: false });
        await access.ensureCollection("docs_a", { public: true });
        assert.deepEqual(
          (await access.listCollections()).map((c) => [c.name, c.public]),
          [["docs_a", false]],
          "an existing collection keeps its setting",
        );
        await access.grant("docs_a", "agency:A", "read");
        await access.grant("docs_a", "agency:A", "write");
        assert.deepEqual(await access.listGrants(), [
          { collection: "docs_a", grantee: "agency:A", access: "write" },
        ]);
        assert.equal(await access.revokeGrant("docs_a", "agency:A"), true);
      } finally {
        await store.close();
      }
    });

    test("access: the audit chain, appended concurrently, verifies", async () => {
      const { store } = await freshStore(backend);
      try {
        const event = (i: number) => ({
          actor: "kim",
          action: "match",
          target: null,
          detail: { i },
        });
        // Appends racing each other must still form one unbroken chain.
        await Promise.all(
          Array.from({ length: 8 }, (_, n) =>
            store.access.appendAudit([event(2 * n), event(2 * n + 1)]),
          ),
        );
        const check = await verifyChain(store.access.iterateAudit());
        assert.equal(check.entries, 16);
        assert.equal(check.broken, undefined);
        const [newest] = await store.access.recentAudit({ limit: 1 });
        assert.equal(newest?.seq, 16);
      } finally {
        await store.close();
      }
    });

    test("jobs: attempts keep a worker presumed dead from overwriting its successor", async () => {
      const { store } = await freshStore(backend);
      try {
        const spec = {
          kind: "tx-import",
          subject: "a.csv",
          unit: "bytes",
          owner: "kim",
          payload: { file: "a.csv" },
          input: Buffer.from("id,amount\n"),
        };
        const job = await store.jobs.create({
          ...spec,
          id: "00000000-0000-4000-8000-000000000001",
        });
        assert.equal(job.status, "queued");
        assert.deepEqual(await store.jobs.input(job.id), Buffer.from("id,amount\n"));
        const first = await store.jobs.claim(job.id, "host:1");
        assert.equal(first, 1);
        assert.equal(await store.jobs.progress(job.id, 1, 5, 10), true);
        // Its heartbeat stops: the sweep sets it back to queued, and another worker claims it.
        const later = new Date(Date.now() + 60_000).toISOString();
        const { requeued } = await store.jobs.requeueStale(later, 3);
        assert.deepEqual(
          requeued.map((j) => j.id),
          [job.id],
        );
        assert.equal(await store.jobs.claim(job.id, "host:2"), 2);
        assert.equal(await store.jobs.progress(job.id, 1, 9, 10), false, "the old attempt is out");
        assert.equal(await store.jobs.finish(job.id, 1, { status: "done", result: 1 }), false);
        assert.equal(
          await store.jobs.finish(job.id, 2, { status: "done", result: { added: 3 } }),
          true,
        );
        const done = await store.jobs.get(job.id);
        assert.equal(done?.status, "done");
        assert.equal(done?.worker, "host:2");
        assert.deepEqual(done?.result, { added: 3 });
        assert.equal(await store.jobs.input(job.id), null, "the upload goes once the job ends");
        assert.equal(
          await store.jobs.claim(job.id, "host:3"),
          undefined,
          "a finished job stays so",
        );
        // A job whose workers keep dying fails after the last attempt instead of going round.
        const doomed = await store.jobs.create({
          ...spec,
          id: "00000000-0000-4000-8000-000000000002",
        });
        for (let i = 1; i <= 3; i++) {
          await store.jobs.claim(doomed.id, "host:1");
          await store.jobs.requeueStale(later, 3);
        }
        const failed = await store.jobs.get(doomed.id);
        assert.equal(failed?.status, "failed");
        assert.match(failed?.error ?? "", /stopped 3 times/);
        assert.equal((await store.jobs.list({ kind: "tx-import", owner: "kim" })).length, 2);
      } finally {
        await store.close();
      }
    });
  });
}
