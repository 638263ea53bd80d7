/**
 * The API routes behind the web app's pages, over the demo workspace: list versions and diffs,
 * entity timelines, documents and transactions, the alerts queue, batch screening jobs and the
 * list update job (from an empty offline folder: no network in tests).
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../src/config.ts";
import { buildDemo } from "../src/demo/workspace.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";

let store: Store;
let app: FastifyInstance;
let offlineDir = "";

before(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-workflows-"));
  offlineDir = path.join(dir, "offline");
  mkdirSync(offlineDir);
  store = await openStore(path.join(dir, "demo.db"));
  await buildDemo(store);
  const config = { ...loadConfig({}), dataDir: path.join(dir, "data"), offlineDir };
  app = await buildApp({ store, config });
});

after(async () => {
  await app.close();
  await store.close();
});

async function json<T = Record<string, unknown>>(
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  expected = 200,
): Promise<T> {
  const response = await app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  assert.equal(response.statusCode, expected, `${method} ${url}: ${response.body}`);
  return response.json() as T;
}

async function finished(id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i++) {
    const job = await json<{ status: string }>("GET", `/jobs/${id}`);
    if (job.status !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${id} still running`);
}

test("lists: versions newest first and what changed between them", async () => {
  const lists = await json<{
    datasets: Array<{ dataset: string; versions: Array<{ label: string }> }>;
  }>("GET", "/lists");
  const demo = lists.datasets.find((d) => d.dataset === "demo")!;
  assert.deepEqual(
    demo.versions.map((v) => v.label),
    ["2017", "2016"],
  );
  const diff = await json<{ counts: Record<string, number>; changed: Array<{ entityId: string }> }>(
    "GET",
    "/lists/demo/diff",
  );
  assert.deepEqual(diff.counts, { added: 4, removed: 0, changed: 1, unchanged: 24 });
  assert.equal(diff.changed[0]?.entityId, "demo-office39");
  await json("GET", "/lists/demo/diff?from=1999", undefined, 404);
});

test("entities: a listing timeline, the documents that mention it, its transactions", async () => {
  const timeline = await json<{ events: Array<{ kind: string; version: string }> }>(
    "GET",
    "/entities/demo-office39/timeline",
  );
  assert.deepEqual(
    timeline.events.map((e) => `${e.kind}@${e.version}`),
    ["listed@2016", "changed@2017"],
  );
  const yalu = await json<{ events: Array<{ kind: string; version: string }> }>(
    "GET",
    "/entities/demo-yalu/timeline",
  );
  assert.deepEqual(
    yalu.events.map((e) => `${e.kind}@${e.version}`),
    ["listed@2017"],
  );
  const documents = await json<{
    total: number;
    documents: Array<{ name: string; mentions: string[] }>;
  }>("GET", "/entities/demo-richolman/documents");
  assert.ok(documents.total >= 1);
  assert.ok(documents.documents.some((d) => d.mentions.includes("Ri Chol Man")));
  assert.ok(documents.documents.every((d) => !("text" in d)));
  const transactions = await json<{
    accounts: Array<{ id: string }>;
    total: number;
    transfers: Array<{ id: string; direction: string; date: string }>;
  }>("GET", "/entities/demo-pachinko/transactions?limit=2");
  assert.deepEqual(
    transactions.accounts.map((a) => a.id),
    ["JP-PACH-002"],
  );
  assert.equal(transactions.total, 4);
  assert.equal(transactions.transfers.length, 2);
  // Newest first: the August 2013 transfer to the credit cooperative leads.
  assert.deepEqual(transactions.transfers[0], {
    ...transactions.transfers[0],
    id: "demo-t019",
    direction: "out",
  });
});

test("trace answers name the holders of the accounts reached", async () => {
  const trace = await json<{
    accounts: Record<string, { name: string | null; entity_id: string | null }>;
  }>("POST", "/trace", { account: "JP-PACH-002" });
  assert.equal(trace.accounts["JP-CRED-001"]?.name, "Paektu Credit Cooperative");
  assert.equal(trace.accounts["JP-CRED-001"]?.entity_id, "demo-credit");
});

test("alerts: stable ids, the pattern's transfers, assigned then closed", async () => {
  const { alerts } = await json<{
    alerts: Array<{ id: string; typology: string; status: string }>;
  }>("GET", "/alerts");
  const cycle = alerts.find((a) => a.typology === "cycle")!;
  assert.match(cycle.id, /^alert-[0-9a-f]{12}$/);
  assert.equal(new Set(alerts.map((a) => a.id)).size, alerts.length);
  const detail = await json<{ transfers: Array<{ id: string }>; names: Record<string, string> }>(
    "GET",
    `/alerts/${cycle.id}`,
  );
  assert.ok(detail.transfers.some((t) => t.id === "demo-t021"));
  assert.equal(detail.names["CN-SUPP-06"], "Liaoning Northern Coal Supply Co. (demo)");

  await json(
    "POST",
    `/alerts/${cycle.id}/review`,
    { status: "assigned", assignee: "kim", user: "kim" },
    201,
  );
  await json(
    "POST",
    `/alerts/${cycle.id}/review`,
    { status: "closed", note: "reported", user: "lee" },
    201,
  );
  const closed = await json<{
    alerts: Array<{ id: string; review: { user: string; note: string } }>;
  }>("GET", "/alerts?status=closed");
  assert.deepEqual(
    closed.alerts.map((a) => [a.id, a.review.user, a.review.note]),
    [[cycle.id, "lee", "reported"]],
  );
  await json("POST", "/alerts/alert-000000000000/review", { status: "closed", user: "lee" }, 404);
  await json("POST", `/alerts/${cycle.id}/review`, { status: "done", user: "lee" }, 400);
});

test("batch screening: a job with progress, results, the CSV, a re-screen and bad files", async () => {
  const upload = async (name: string, body: string) => {
    const response = await app.inject({
      method: "POST",
      url: `/screen?name=${encodeURIComponent(name)}`,
      headers: { "content-type": "text/csv" },
      payload: body,
    });
    assert.equal(response.statusCode, 202, response.body);
    return (response.json() as { id: string }).id;
  };
  const id = await upload(
    "customers.csv",
    "id,name,country\nc1,Ri Chol Man,kp\nc2,Office 39,\nc3,Jane Doe,us\n",
  );
  const job = await finished(id);
  assert.equal(job.status, "done");
  const summary = await json<{ counts: Record<string, number> }>("GET", `/screen/jobs/${id}`);
  // Candidates: the two matches; near misses (another number, a name missing its given name)
  // score under the 0.5 cutoff since issue 23.
  assert.deepEqual(summary.counts, { rows: 3, candidates: 2, matches: 2, errors: 0 });
  const csv = await app.inject({ url: `/screen/jobs/${id}/results.csv` });
  const lines = csv.body.trim().split("\n");
  assert.equal(
    lines[0],
    "input_id,rank,score,match,entity_id,caption,schema,datasets,source_id,error",
  );
  assert.ok(lines.includes("c3,,,,,,,,,"));

  await json(
    "POST",
    "/decisions",
    { entity_id: "demo-richolman", query_id: "c1", decision: "cleared", reviewer: "kim" },
    201,
  );
  const again = (await json<{ id: string }>("POST", `/screen/jobs/${id}/rescreen`, {}, 202)).id;
  await finished(again);
  const results = await json<{
    rows: Array<{
      input: { id: string };
      hits: Array<{
        entityId: string;
        change: string | null;
        decision: { decision: string } | null;
      }>;
    }>;
  }>("GET", `/screen/jobs/${again}/results`);
  const ri = results.rows.find((r) => r.input.id === "c1")!.hits[0]!;
  assert.equal(ri.decision?.decision, "cleared");
  assert.equal(ri.change, null);

  const bad = await finished(await upload("broken.csv", "id,name\nc1,Ri Chol Man\n,no id\n"));
  assert.equal(bad.status, "failed");
  assert.equal(bad.error, "screen: broken.csv: line 3: empty id");
  const noName = await finished(await upload("wrong.csv", "id,full_name\nc1,Ri\n"));
  assert.match(String(noName.error), /wrong\.csv: no 'name' column/);
  await json("GET", "/screen/jobs/nope", undefined, 404);
});

test("a list update runs as one job at a time and reports each list", async () => {
  const started = await json<{ id: string }>(
    "POST",
    "/lists/update",
    { datasets: ["un_sc_sanctions"] },
    202,
  );
  const job = await finished(started.id);
  assert.equal(job.status, "done");
  const lists = await json<{
    updates: Array<{ id: string; result: { results: Array<{ status: string; detail: string }> } }>;
  }>("GET", "/lists");
  const update = lists.updates.find((u) => u.id === started.id)!;
  assert.equal(update.result.results[0]?.status, "failed");
  assert.match(update.result.results[0]!.detail, /not found in the offline folder/);
});
