/**
 * Issue 22, items 4 and the decisions-add check: a reviewer's decision belongs to its agency. An
 * analyst of agency A clearing a hit must not show in agency B's `GET /decisions` nor change B's
 * /match or batch-screen results; admins list all. A decision on a query id that was never
 * screened (or on an entity that was not its hit) is refused, over HTTP and on the command line.
 * Existing decisions go to their reviewer's agency (migration 012). Over SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql, type Kysely } from "kysely";
import { buildApp } from "../../src/server/app.ts";
import type { KyselyStore } from "../../src/store/kysely-store.ts";
import { up as decisionScopeUp } from "../../src/store/migrations/012_decision_scope.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople, caller, importEntities, tempDir } from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";
import { runCli } from "../helpers/cli.ts";

const RI = { schema: "Person", properties: { name: ["Ri Chol Man"] } };

async function setUp(store: Store): Promise<Record<string, string>> {
  const entities = [
    { id: "watch-ri", schema: "Person", properties: { name: ["Ri Chol Man"] } },
    { id: "watch-kim", schema: "Person", properties: { name: ["Kim Sokchol Trader"] } },
  ];
  await importEntities(store, tempDir("decisions"), "shared_watch", entities, "watch.ftm.json");
  return addPeople(store, [
    ["admin", "admin", "hq"],
    ["alice", "analyst", "A"],
    ["amy", "viewer", "A"],
    ["bob", "analyst", "B"],
    ["solo", "analyst", null],
  ]);
}

for (const backend of backends()) {
  test(`${backend.name}: one agency's decisions never change another's screening`, async () => {
    const { store } = await freshStore(backend);
    const keys = await setUp(store);
    const app: FastifyInstance = await buildApp({ store, auth: "required" });
    try {
      const call = caller(app, keys);
      /** Who sees which decision on the top hit for the customer c1 (by id) and by content. */
      const decisionSeen = async (who: string, withId: boolean) => {
        const response = await call(who, "POST", "/match/default", {
          queries: { q: { ...RI, ...(withId ? { id: "c1" } : {}) } },
        });
        assert.equal(response.statusCode, 200, response.body);
        const top = response.json().responses.q.results[0];
        assert.equal(top.id, "watch-ri");
        return top.decision?.status as string | undefined;
      };
      // Both agencies screen customer c1 (the record is kept) and see the hit undecided.
      assert.equal(await decisionSeen("bob", true), undefined);
      assert.equal(await decisionSeen("alice", true), undefined);

      // The attack: agency A's analyst clears the hit, by record id and by query content.
      for (const body of [
        { entity_id: "watch-ri", decision: "cleared", reviewer: "x", query_id: "c1" },
        { entity_id: "watch-ri", decision: "cleared", reviewer: "x", query: RI },
      ]) {
        const decided = await call("alice", "POST", "/decisions", body);
        assert.equal(decided.statusCode, 201, decided.body);
        assert.equal(decided.json().scope, "agency:A");
      }
      for (const withId of [true, false]) {
        assert.equal(await decisionSeen("alice", withId), "cleared");
        assert.equal(await decisionSeen("amy", withId), "cleared", "same agency");
        assert.equal(await decisionSeen("bob", withId), undefined, "agency B unaffected");
        assert.equal(await decisionSeen("solo", withId), undefined, "no agency: own only");
        assert.equal(await decisionSeen("admin", withId), undefined, "admin of hq unaffected");
      }

      // GET /decisions: each agency its own; admins all.
      const listed = async (who: string) =>
        (await call(who, "GET", "/decisions")).json<{ decisions: Array<{ scope: string }> }>()
          .decisions;
      assert.equal((await listed("bob")).length, 0);
      assert.equal((await listed("solo")).length, 0);
      assert.equal((await listed("amy")).length, 2);
      assert.equal((await listed("admin")).length, 2);

      // Agency B confirms the same hit: its own, seen by B alone; A's clearing stands for A.
      const confirmed = await call("bob", "POST", "/decisions", {
        entity_id: "watch-ri",
        decision: "confirmed",
        reviewer: "bob",
        query_id: "c1",
      });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      assert.equal(await decisionSeen("bob", true), "confirmed");
      assert.equal(await decisionSeen("alice", true), "cleared");
      assert.deepEqual(
        (await listed("bob")).map((d) => d.scope),
        ["agency:B"],
      );
      assert.equal((await listed("admin")).length, 3);

      // Batch screens apply the submitter's agency's decisions only.
      const batchDecision = async (who: string) => {
        const started = await app.inject({
          method: "POST",
          url: "/screen?name=customers.csv",
          headers: { authorization: `ApiKey ${keys[who]}`, "content-type": "text/csv" },
          payload: "id,name,schema\nc1,Ri Chol Man,Person\n",
        });
        assert.equal(started.statusCode, 202, started.body);
        const id = started.json<{ id: string }>().id;
        for (let i = 0; i < 400; i++) {
          const job = (await call(who, "GET", `/jobs/${id}`)).json<{ status: string }>();
          if (job.status === "done") break;
          assert.notEqual(job.status, "failed");
          await new Promise((r) => setTimeout(r, 25));
        }
        const results = (await call(who, "GET", `/screen/jobs/${id}/results`)).json<{
          rows: Array<{ hits: Array<{ entityId: string; decision: { decision: string } | null }> }>;
        }>();
        return results.rows[0]!.hits.find((h) => h.entityId === "watch-ri")!.decision?.decision;
      };
      assert.equal(await batchDecision("alice"), "cleared");
      assert.equal(await batchDecision("solo"), undefined);
      assert.equal(await batchDecision("bob"), "confirmed");
    } finally {
      await app.close();
      await store.close();
    }
  });

  test(`${backend.name}: a decision needs a query id that was screened, with that hit`, async () => {
    const { store, location } = await freshStore(backend);
    const keys = await setUp(store);
    const app: FastifyInstance = await buildApp({ store, auth: "required" });
    try {
      const decide = (body: Record<string, unknown>) =>
        app.inject({
          method: "POST",
          url: "/decisions",
          headers: { authorization: `ApiKey ${keys.alice}` },
          payload: { entity_id: "watch-ri", decision: "cleared", reviewer: "alice", ...body },
        });
      // Clearing a sanctioned name in advance for a customer nobody screened yet: refused.
      const never = await decide({ query_id: "not-yet-screened" });
      assert.equal(never.statusCode, 400, never.body);
      assert.match(never.json().detail, /query id 'not-yet-screened' was never screened/);
      // Screened, but that entity was not one of its hits.
      const matched = await app.inject({
        method: "POST",
        url: "/match/default",
        headers: { authorization: `ApiKey ${keys.alice}` },
        payload: { queries: { q: { ...RI, id: "c9" } } },
      });
      assert.equal(matched.statusCode, 200, matched.body);
      const notHit = await decide({ query_id: "c9", entity_id: "watch-kim" });
      assert.equal(notHit.statusCode, 400, notHit.body);
      assert.match(notHit.json().detail, /'watch-kim' was not a hit of query id 'c9'/);
      assert.equal(await store.countDecisions(), 0, "nothing stored");
      assert.equal((await decide({ query_id: "c9" })).statusCode, 201);
    } finally {
      await app.close();
      await store.close();
    }
    if (backend.name !== "sqlite") return;
    // The command line says so too, and stores nothing.
    const cli = await runCli(
      [
        "decisions",
        "add",
        "--entity",
        "watch-ri",
        "--decision",
        "cleared",
        "--reviewer",
        "ops",
        "--query-id",
        "never-seen",
      ],
      { MONEYTRAIL_DB: location },
    );
    assert.notEqual(cli.code, 0, cli.stdout);
    assert.match(cli.stderr, /query id 'never-seen' was never screened/);
  });

  test(`${backend.name}: migration 012 gives existing decisions their reviewer's agency`, async () => {
    const { store } = await freshStore(backend);
    try {
      await setUp(store);
      const db = (store as KyselyStore).db as unknown as Kysely<unknown>;
      // Back to the table as it was before 012, with decisions by three kinds of reviewer.
      await sql`drop index decisions_scope`.execute(db);
      await sql`alter table decisions drop column scope`.execute(db);
      for (const reviewer of ["alice", "solo", "someone typed in the single-user mode"])
        await sql`insert into decisions (query_key, entity_id, entity_hash, decision, reviewer, comment, created_at)
          values ('id:c1', 'watch-ri', 'h', 'cleared', ${reviewer}, null, '2024-01-01')`.execute(
          db,
        );
      await decisionScopeUp(db, backend.name);
      const scopes = (await store.listDecisions(10)).map((d) => [d.reviewer, d.scope]).sort();
      assert.deepEqual(scopes, [
        ["alice", "agency:A"],
        ["solo", "user:solo"],
        ["someone typed in the single-user mode", "local"],
      ]);
    } finally {
      await store.close();
    }
  });
}
