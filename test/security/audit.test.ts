/**
 * The audit log under attack (issue 22, items 2, 8, 15 and 16): a request carrying 10,000 nested
 * objects or megabytes of notes cannot jam or bloat the log; one bad entry never blocks the
 * others; events queued during an outage survive a restart; every read is recorded; and signed
 * checkpoints catch a recomputed chain and a truncated one. Over SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { boundEvent } from "../../src/access/audit-bound.ts";
import {
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type AuditEvent,
} from "../../src/access/audit-chain.ts";
import { canonicalJson } from "../../src/access/canonical-json.ts";
import { buildDemo } from "../../src/demo/workspace.ts";
import { AuditSpool } from "../../src/server/access/audit-spool.ts";
import { AuditWriter } from "../../src/server/access/audit-writer.ts";
import { recordedByHook } from "../../src/server/access/request-audit.ts";
import { ROUTE_ACCESS } from "../../src/server/access/route-access.ts";
import { buildApp } from "../../src/server/app.ts";
import type { AccessStore } from "../../src/store/access/access-store.ts";
import type { KyselyStore } from "../../src/store/kysely-store.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople, caller } from "../helpers/agencies.ts";
import { runCli } from "../helpers/cli.ts";
import { backends, freshStore } from "../helpers/stores.ts";

/** JSON text of `depth` objects, each inside the one before (JSON.stringify would overflow). */
const nestedJson = (depth: number) => '{"a":'.repeat(depth) + "{}" + "}".repeat(depth);

/** `depth` objects, each inside the one before. */
function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let at = root;
  for (let i = 0; i < depth; i++) at = at.a = {} as Record<string, unknown>;
  return root;
}

const event = (action: string, detail: Record<string, unknown> = {}): AuditEvent => ({
  actor: "tester",
  action,
  target: null,
  detail,
});

/** An access store whose audit appends fail as `fail` says, the rest passed through. */
function faulty(access: AccessStore, fail: (events: AuditEvent[]) => Error | undefined) {
  return new Proxy(access, {
    get(target, prop, receiver) {
      if (prop === "appendAudit")
        return async (events: AuditEvent[]) => {
          const error = fail(events);
          if (error) throw error;
          return target.appendAudit(events);
        };
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The newest entries written by these tests' own writers (the server's writer runs beside them). */
async function testerEntries(store: Store, count: number): Promise<string[]> {
  const recent = await store.access.recentAudit({ limit: 50, actor: "tester" });
  return recent
    .slice(0, count)
    .map((e) => e.action)
    .reverse();
}

/** Read routes whose every call the audit log must record. */
const RECORDED_READS = [
  "GET /entities/:id",
  "GET /documents/:id",
  "GET /search/documents",
  "POST /trace",
  "GET /exposure",
  "GET /alerts",
  "GET /decisions",
  "GET /users",
];

const unreachable = () =>
  Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

test("canonical JSON is JSON.stringify's text, without recursion", () => {
  for (const value of [
    { b: 1, a: [1, "x", null, { c: true }], d: undefined, e: 'é\u2028"' },
    [undefined, () => 1, 1.5e300, -0, Number.NaN],
    "text",
    { date: new Date(0) },
  ])
    assert.equal(canonicalJson(value), JSON.stringify(value));
  assert.throws(() => JSON.stringify(nested(20_000)), RangeError);
  assert.ok(canonicalJson(nested(20_000)).length > 20_000);
});

test("a bounded event keeps the outline and the digest of what was cut", () => {
  const bounded = boundEvent(event("match", { q1: nested(10_000), notes: "x".repeat(5_000_000) }));
  const size = canonicalJson(bounded).length;
  assert.ok(size < 40_000, `bounded entry is ${size} bytes`);
  const cut = bounded.detail._cut as { sha256: string; bytes: number };
  assert.match(cut.sha256, /^[0-9a-f]{64}$/);
  assert.ok(cut.bytes > 5_000_000);
  assert.ok("q1" in bounded.detail && "notes" in bounded.detail);
  assert.deepEqual(boundEvent(event("x", { a: 1 })).detail, { a: 1 }, "small details untouched");
});

test("the routes the hook leaves alone are real routes", () => {
  const skipped = Object.keys(ROUTE_ACCESS).filter((route) => !recordedByHook(route));
  assert.ok(skipped.length > 5);
  for (const route of [...RECORDED_READS, "GET /audit", "GET /screen/jobs/:id/results"])
    assert.ok(recordedByHook(route), route);
});

for (const backend of backends()) {
  describe(`audit log (${backend.name})`, () => {
    let store: Store;
    let location = "";
    let app: FastifyInstance;
    const keys: Record<string, string> = {};

    before(async () => {
      ({ store, location } = await freshStore(backend));
      await buildDemo(store);
      const people = [
        ["root", "admin", "A"],
        ["vera", "viewer", "A"],
      ] as const;
      Object.assign(keys, await addPeople(store, people, null));
      app = await buildApp({ store, auth: "required" });
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    const call = (who: string, method: string, url: string, body?: unknown) =>
      caller(app, keys)(who, method, url, body);
    const entries = async () => {
      await app.inject({ method: "GET", url: "/healthz" });
      const answer = await call("root", "GET", "/audit?limit=1000");
      assert.equal(answer.statusCode, 200, answer.body.slice(0, 300));
      return answer.json<{
        entries: Array<{ actor: string; action: string; target: string | null; detail: never }>;
      }>().entries;
    };

    test("nested or unknown properties are refused, and sign-in goes on", async () => {
      const raw = (properties: string) =>
        app.inject({
          method: "POST",
          url: "/match/default",
          headers: { authorization: `ApiKey ${keys.vera}`, "content-type": "application/json" },
          payload: `{"queries":{"q":{"schema":"Person","properties":${properties}}}}`,
        });
      const deep = await raw(`{"name":["Kim"],"x":${nestedJson(10_000)}}`);
      assert.equal(deep.statusCode, 400, deep.body.slice(0, 200));
      const deepValue = await raw(`{"name":[${nestedJson(10_000)}]}`);
      assert.equal(deepValue.statusCode, 400);
      assert.match(deepValue.json<{ detail: string }>().detail, /nothing nested|name/);
      const unknown = await call("vera", "POST", "/match/default", {
        queries: { q: { schema: "Person", properties: { name: ["Kim"], shoeSize: ["44"] } } },
      });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json<{ detail: string }>().detail, /shoeSize/);
      const key = await call("root", "POST", "/keys", { name: "after the attack" });
      assert.equal(key.statusCode, 201, "changes are still recorded");
      assert.equal((await call("root", "GET", "/audit/verify")).json<{ ok: boolean }>().ok, true);
    });

    test("megabytes of notes are bounded, and /audit pages by count and bytes", async () => {
      const notes = "n".repeat(400_000);
      const before = await store.access.recentAudit({ limit: 1 });
      for (let i = 0; i < 12; i++) {
        const answer = await call("vera", "POST", "/match/default", {
          queries: { q: { schema: "Person", properties: { name: [`Kim ${i}`], notes: [notes] } } },
        });
        assert.equal(answer.statusCode, 200, answer.body.slice(0, 200));
      }
      await entries();
      const db = (store as KyselyStore).db;
      const row = await db
        .selectFrom("audit_log")
        .select(sql<string>`sum(length(detail))`.as("bytes"))
        .where("seq", ">", before[0]?.seq ?? 0)
        .executeTakeFirstOrThrow();
      assert.ok(Number(row.bytes) < 12 * 40_000, `12 requests added ${row.bytes} bytes`);
      const page = await call("root", "GET", "/audit?limit=5");
      const body = page.json<{ entries: Array<{ seq: number }>; next_before: number }>();
      assert.equal(body.entries.length, 5);
      const next = await call("root", "GET", `/audit?limit=5&before=${body.next_before}`);
      const older = next.json<{ entries: Array<{ seq: number }> }>().entries;
      assert.ok(older.every((e) => e.seq < body.next_before));
    });

    test("reads are recorded: entities, documents, search, trace, exposure, alerts, decisions, admin", async () => {
      const documents = await store.documents.listDocuments({ limit: 1 });
      const reads: Array<[string, string, unknown?]> = [
        ["GET", "/entities/demo-office39"],
        ["GET", `/documents/${documents[0]!.id}`],
        ["GET", "/search/documents?q=Dandong"],
        ["POST", "/trace", { account: "JP-PACH-002", direction: "forward", hops: 2 }],
        ["GET", "/exposure"],
        ["GET", "/alerts"],
        ["GET", "/decisions"],
        ["GET", "/users"],
      ];
      for (const [method, url, body] of reads) {
        const answer = await call(
          method === "GET" && url === "/users" ? "root" : "vera",
          method,
          url,
          body,
        );
        assert.ok(answer.statusCode < 500, `${method} ${url}: ${answer.statusCode}`);
      }
      const log = await entries();
      for (const action of RECORDED_READS)
        assert.ok(
          log.some((e) => e.action === action),
          `no '${action}' entry`,
        );
      const trace = log.find((e) => e.action === "POST /trace")!;
      assert.equal(trace.actor, "vera");
      assert.deepEqual((trace.detail as { body: { account: string } }).body.account, "JP-PACH-002");
      assert.ok(log.some((e) => e.action === "GET /entities/:id" && e.target === "demo-office39"));
    });

    test("refused requests are recorded too: role refusals and failed self-recording routes", async () => {
      assert.equal((await call("vera", "GET", "/users")).statusCode, 403);
      const foreign = await call("vera", "POST", "/match/no_such_list", {
        queries: { q: { schema: "Person", properties: { name: ["Kim"] } } },
      });
      assert.equal(foreign.statusCode, 404);
      const log = await entries();
      const vera = log.filter((e) => e.actor === "vera");
      assert.ok(
        vera.some(
          (e) => e.action === "GET /users" && (e.detail as { status: number }).status === 403,
        ),
        "the role refusal",
      );
      assert.ok(
        vera.some(
          (e) =>
            e.action === "POST /match/:dataset" && (e.detail as { status: number }).status === 404,
        ),
        "the refused screening",
      );
    });

    test("one bad entry never blocks the others", async () => {
      const errors: unknown[] = [];
      const writer = new AuditWriter(
        faulty(store.access, (events) =>
          events.some((e) => e.action === "poison") ? new Error("value too long") : undefined,
        ),
        (error) => errors.push(error),
      );
      void writer.record(event("before.poison"));
      void writer.record(event("poison"));
      await writer.recordNow(event("after.poison"));
      assert.deepEqual(await testerEntries(store, 3), [
        "before.poison",
        "audit.unwritable",
        "after.poison",
      ]);
      assert.equal((await verifyChain(store.access.iterateAudit())).broken, undefined);
    });

    test("events queued while the database is down survive a restart", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-spool-"));
      let down = true;
      const first = new AuditWriter(
        faulty(store.access, () => (down ? unreachable() : undefined)),
        () => undefined,
        { spool: new AuditSpool(dir) },
      );
      await first.recordNow(event("during.outage.1")).catch(() => undefined);
      await first.recordNow(event("during.outage.2")).catch(() => undefined);
      assert.equal(readdirSync(dir).length, 1, "spooled to disk");
      // The process stops here; the next one starts with the database back.
      down = false;
      const second = new AuditWriter(store.access, () => undefined, {
        spool: new AuditSpool(dir),
      });
      await second.recordNow(event("after.restart"));
      assert.deepEqual(await testerEntries(store, 3), [
        "during.outage.1",
        "during.outage.2",
        "after.restart",
      ]);
      assert.deepEqual(readdirSync(dir), [], "the spool is drained");
    });

    test("signed checkpoints catch a recomputed chain and a truncated one", async (t) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-checkpoint-"));
      const keyFile = path.join(dir, "audit.key");
      const checkpointFile = path.join(dir, "checkpoint.json");
      const cli = (...args: string[]) => runCli(["--db", location, "audit", ...args]);
      assert.equal((await cli("keygen", "--out", keyFile)).code, 0);
      const made = await cli("checkpoint", "--key", keyFile, "--out", checkpointFile);
      assert.equal(made.code, 0, made.stderr);
      const good = await cli(
        "verify",
        "--checkpoint",
        checkpointFile,
        "--public-key",
        `${keyFile}.pub`,
      );
      assert.equal(good.code, 0, good.stdout + good.stderr);
      assert.match(good.stdout, /matches the signed checkpoint/);

      // Someone with database access rewrites an entry and recomputes the whole chain.
      const db = (store as KyselyStore).db;
      await db
        .updateTable("audit_log")
        .set({ actor: "someone else" })
        .where("seq", "=", 2)
        .execute();
      let prevHash = GENESIS_HASH;
      for await (const entry of store.access.iterateAudit()) {
        const hash = entryHash({ ...entry, prevHash });
        await db
          .updateTable("audit_log")
          .set({ prev_hash: prevHash, hash })
          .where("seq", "=", entry.seq)
          .execute();
        prevHash = hash;
      }
      const rewritten = await cli(
        "verify",
        "--checkpoint",
        checkpointFile,
        "--public-key",
        `${keyFile}.pub`,
      );
      assert.match(rewritten.stdout, /intact/, "the chain alone holds");
      assert.equal(rewritten.code, 1);
      assert.match(rewritten.stdout, /rewritten/);

      await t.test("truncation", async () => {
        const head = (await store.access.recentAudit({ limit: 1 }))[0]!.seq;
        await db
          .deleteFrom("audit_log")
          .where("seq", ">", head - 3)
          .execute();
        const truncated = await cli(
          "verify",
          "--checkpoint",
          checkpointFile,
          "--public-key",
          `${keyFile}.pub`,
        );
        assert.equal(truncated.code, 1);
        assert.match(truncated.stdout, /deleted/);
      });

      const forged = await cli("verify", "--checkpoint", checkpointFile);
      assert.notEqual(forged.code, 0, "no trusted key: no verdict");
      assert.match(forged.stderr, /trusted key/);
    });
  });
}
