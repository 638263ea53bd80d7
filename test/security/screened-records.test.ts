/**
 * Issue 22 follow-ups on screened records and collections.
 * 1. Screened records belong to the scope that screened them: agency B sending customer id "c1"
 *    does not overwrite agency A's "c1" (nor its hits, which decisions and re-screens use), and
 *    "was this id screened" is answered per scope, with the same words as for an unknown id (no
 *    oracle on another agency's customers). Existing records go to `local` (migration 014).
 * 2. A ledger import job that fails after claiming a new collection gives the name back: no empty
 *    collection, no write grant stays with the submitter.
 * 3. The command line refuses documents and ledgers under an official list's name, as the server
 *    does, unless --force.
 * Over SQLite and PostgreSQL (the command line over SQLite).
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { sql, type Kysely } from "kysely";
import { releaseClaim } from "../../src/access/collection-claims.ts";
import { rescreen } from "../../src/screening/rescreen.ts";
import { ScreeningService } from "../../src/screening/service.ts";
import { buildApp } from "../../src/server/app.ts";
import type { KyselyStore } from "../../src/store/kysely-store.ts";
import { openStore } from "../../src/store/open.ts";
import { up as screenedRecordScopeUp } from "../../src/store/migrations/014_screened_record_scope.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople, caller, importEntities, tempDir } from "../helpers/agencies.ts";
import { runCli } from "../helpers/cli.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const RI = { schema: "Person", properties: { name: ["Ri Chol Man"] } };
const KIM = { schema: "Person", properties: { name: ["Kim Sokchol Trader"] } };
const LEDGER =
  "id,source,target,amount,timestamp,currency\nt1,AC-1,AC-2,100,2014-01-01T00:00:00Z,EUR\n";
const BAD_LEDGER =
  "id,source,target,amount,timestamp,currency\nt1,AC-1,AC-2,lots,2014-01-01T00:00:00Z,EUR\n";

async function setUp(store: Store): Promise<Record<string, string>> {
  const entities = [
    { id: "watch-ri", ...RI },
    { id: "watch-kim", ...KIM },
  ];
  await importEntities(store, tempDir("screened"), "shared_watch", entities, "watch.ftm.json");
  return addPeople(store, [
    ["alice", "analyst", "A"],
    ["bob", "analyst", "B"],
  ]);
}

type Call = ReturnType<typeof caller>;

async function finished(call: Call, who: string, id: string): Promise<{ status: string }> {
  for (let i = 0; i < 400; i++) {
    const job = (await call(who, "GET", `/jobs/${id}`)).json<{ status: string }>();
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`job ${id} did not finish`);
}

for (const backend of backends()) {
  test(`${backend.name}: screened records are per agency, and no oracle on another's ids`, async () => {
    const { store } = await freshStore(backend);
    const keys = await setUp(store);
    const app = await buildApp({ store, auth: "required" });
    const call = caller(app, keys);
    try {
      const match = async (who: string, id: string, query: typeof RI) => {
        const response = await call(who, "POST", "/match/default", {
          queries: { q: { ...query, id } },
        });
        assert.equal(response.statusCode, 200, response.body);
      };
      const decide = (who: string, queryId: string, entityId: string) =>
        call(who, "POST", "/decisions", {
          entity_id: entityId,
          decision: "cleared",
          reviewer: who,
          query_id: queryId,
        });
      // Both agencies have a customer "c1": A's is Ri, B's (screened after) is Kim.
      await match("alice", "c1", RI);
      await match("bob", "c1", KIM);
      // A screened "a-secret" alone.
      await match("alice", "a-secret", RI);

      // B's screening did not overwrite A's record: A decides on its own customer's hit.
      const mine = await decide("alice", "c1", "watch-ri");
      assert.equal(mine.statusCode, 201, mine.body);
      // B's "c1" is B's: Ri was never its hit, Kim was.
      const notB = await decide("bob", "c1", "watch-ri");
      assert.equal(notB.statusCode, 400, notB.body);
      assert.match(notB.json().detail, /'watch-ri' was not a hit of query id 'c1'/);
      assert.equal((await decide("bob", "c1", "watch-kim")).statusCode, 201);

      // The oracle: B probing whether A screened an id gets the answer for an unknown id.
      const probed = await decide("bob", "a-secret", "watch-ri");
      const unknown = await decide("bob", "nobody-ever", "watch-ri");
      assert.equal(probed.statusCode, 400, probed.body);
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.equal(
        probed.json().detail,
        unknown.json<{ detail: string }>().detail.replace("nobody-ever", "a-secret"),
      );
      assert.match(probed.json().detail, /query id 'a-secret' was never screened/);

      // A batch screen keeps its rows in the submitter's scope too.
      const started = await call(
        "alice",
        "POST",
        "/screen?name=customers.csv",
        "id,name,schema\nc2,Ri Chol Man,Person\n",
        "text/csv",
      );
      assert.equal(started.statusCode, 202, started.body);
      const job = await finished(call, "alice", started.json<{ id: string }>().id);
      assert.equal(job.status, "done");
      assert.equal((await decide("bob", "c2", "watch-ri")).statusCode, 400);
      assert.equal((await decide("alice", "c2", "watch-ri")).statusCode, 201);

      // The store: each scope its own record of one id, and its own records only.
      const ids = async (scope: string) => {
        const out: string[] = [];
        for await (const r of store.iterateScreenedRecords(scope)) out.push(r.recordId);
        return out;
      };
      assert.deepEqual(await ids("agency:A"), ["a-secret", "c1", "c2"]);
      assert.deepEqual(await ids("agency:B"), ["c1"]);
      assert.deepEqual(await ids("local"), []);
      const bC1 = await store.findScreenedRecord("agency:B", "c1");
      assert.deepEqual(bC1?.query, KIM);
      assert.equal(await store.findScreenedRecord("agency:B", "a-secret"), undefined);

      // Re-screening goes over one scope's records, with its decisions (A cleared Ri on c1, c2).
      const out = path.join(tempDir("screened"), "rescreen.csv");
      const service = new ScreeningService(store);
      const summary = await rescreen(store, service, out, { limit: 5, threshold: 0.7 }, "agency:B");
      assert.equal(summary.records, 1);
      const lines = readFileSync(out, "utf8").trim().split("\n").slice(1);
      assert.ok(
        lines.every((line) => line.startsWith("c1,")),
        lines.join("\n"),
      );
      assert.ok(!lines.some((line) => line.includes("watch-ri")), "B's c1 never hit Ri");
      assert.equal(
        (await rescreen(store, service, out, { limit: 5, threshold: 0.7 }, "local")).records,
        0,
        "the command line's scope holds none of the agencies' records",
      );
    } finally {
      await app.close();
      await store.close();
    }
  });

  test(`${backend.name}: migration 014 keeps existing screened records, as local`, async () => {
    const { store } = await freshStore(backend);
    try {
      const db = (store as KyselyStore).db as unknown as Kysely<unknown>;
      // Back to the table as it was before 014, with one record.
      await sql`drop table screened_records`.execute(db);
      await sql`create table screened_records (record_id text primary key, query text not null,
        results text not null, screened_at text not null)`.execute(db);
      await sql`insert into screened_records values ('old-1', ${JSON.stringify(RI)},
        '[{"entityId":"watch-ri","entityHash":"h","score":0.9}]', '2024-01-01')`.execute(db);
      await screenedRecordScopeUp(db, backend.name);
      const kept = await store.findScreenedRecord("local", "old-1");
      assert.deepEqual(kept, {
        scope: "local",
        recordId: "old-1",
        query: RI,
        results: [{ entityId: "watch-ri", entityHash: "h", score: 0.9 }],
        screenedAt: "2024-01-01",
      });
      assert.equal(await store.findScreenedRecord("agency:A", "old-1"), undefined);
      // The same id now lives in two scopes side by side.
      await store.saveScreenedRecords([{ ...kept!, scope: "agency:A", query: KIM }]);
      assert.deepEqual((await store.findScreenedRecord("local", "old-1"))?.query, RI);
      assert.deepEqual((await store.findScreenedRecord("agency:A", "old-1"))?.query, KIM);
    } finally {
      await store.close();
    }
  });

  test(`${backend.name}: a failed ledger import gives back the collection it claimed`, async () => {
    const { store } = await freshStore(backend);
    const keys = await setUp(store);
    const app = await buildApp({ store, auth: "required" });
    const call = caller(app, keys);
    try {
      const before = await store.access.listCollections();
      const submit = (who: string, body: string) =>
        call(who, "POST", "/transactions/import?name=l.csv&dataset=claimed", body, "text/csv");
      const failing = await submit("alice", BAD_LEDGER);
      assert.equal(failing.statusCode, 202, failing.body);
      const job = await finished(call, "alice", failing.json<{ id: string }>().id);
      assert.equal(job.status, "failed");
      assert.deepEqual(await store.access.listCollections(), before, "no collection left");
      assert.deepEqual(await store.access.listGrants(), [], "no grant left");
      // The name is free again: another agency may take it, and the first may not write there.
      const taken = await submit("bob", LEDGER);
      assert.equal(taken.statusCode, 202, taken.body);
      assert.equal((await finished(call, "bob", taken.json<{ id: string }>().id)).status, "done");
      assert.deepEqual(await store.access.listGrants(), [
        { collection: "claimed", grantee: "user:bob", access: "write" },
      ]);
      // A collection something was written into meanwhile is never released (data stays in a
      // collection): here, bob's ledger.
      assert.equal(await releaseClaim(store, "claimed"), false);
      assert.ok((await store.access.listCollections()).some((c) => c.name === "claimed"));
    } finally {
      await app.close();
      await store.close();
    }
  });
}

test("sqlite: the command line refuses official list names unless --force", async () => {
  const [sqlite] = backends();
  const { store, location } = await freshStore(sqlite!);
  await setUp(store);
  const collections = await store.access.listCollections();
  await store.close();
  const dir = tempDir("screened");
  const ledger = path.join(dir, "us_ofac_sdn.csv");
  writeFileSync(ledger, LEDGER);
  const memo = path.join(dir, "memo.txt");
  writeFileSync(memo, "words about Ri Chol Man");
  const env = { MONEYTRAIL_DB: location };
  const refused = [
    // A name `lists update` knows (taken from the file name), and one a list import made.
    ["tx", "import", ledger],
    ["tx", "import", ledger, "--dataset", "shared_watch"],
    ["docs", "ingest", memo, "--collection", "us_ofac_sdn"],
    ["docs", "ingest", memo, "--collection", "shared_watch"],
  ];
  for (const args of refused) {
    const cli = await runCli(args, env);
    assert.notEqual(cli.code, 0, cli.stdout);
    assert.match(cli.stderr, /is the name of an official list and is reserved for it/);
    assert.match(cli.stderr, /--force/);
  }
  const after = await openStore(location);
  try {
    assert.deepEqual(await after.access.listCollections(), collections, "nothing created");
    assert.equal((await after.ledger.summary()).transfers, 0);
    assert.equal((await after.documents.summary()).documents, 0);
  } finally {
    await after.close();
  }
  // The operator may insist.
  const forced = await runCli(["tx", "import", ledger, "--force"], env);
  assert.equal(forced.code, 0, forced.stderr);
});
