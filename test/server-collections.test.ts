/**
 * The other half of the authorisation matrix: every route × own and foreign collection × role.
 * Alice (analyst, agency A) and Vera (viewer, agency A) call each route once about something of
 * agency A's (its private list, ledger, documents, jobs, decisions and keys) and once about the
 * same kind of thing of agency B's. Own must be allowed and shown (or 403 where the role is too
 * low); foreign must be refused (403/404/409) or left out of the answer; admins see agency B's
 * things too. The routes come from the server, and a route missing from the table below fails
 * the test: a new route has to say how it is scoped.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { allows } from "../src/access/roles.ts";
import { buildDemo } from "../src/demo/workspace.ts";
import { importList } from "../src/lists/import.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { importLedgerFile } from "../src/transactions/import.ts";

/** The screening query a decision is about. */
const QUERY = { schema: "Person", properties: { name: ["K. Trader"] } };

interface Probe {
  method?: string;
  url: string;
  body?: unknown;
  contentType?: string;
  /** Text the answer shows when the caller sees the thing (an id, a name). */
  marker?: string;
}

type Scope =
  /** `ownedBy: "user"`: jobs and keys belong to a person, not to an agency's collections. */
  { own: Probe; foreign: Probe[]; ownedBy?: "user" } | { adminOnly: string } | { unscoped: string };

let store: Store;
let app: FastifyInstance;
const keys: Record<string, string> = {};
const ids: Record<string, string> = {};

const csv = (rows: string[][]) =>
  ["id,source,target,amount,timestamp,currency", ...rows.map((r) => r.join(","))].join("\n") + "\n";

async function call(who: string, probe: Probe) {
  const body = probe.body;
  return app.inject({
    method: (probe.method ?? "GET") as "GET",
    url: probe.url,
    headers: {
      authorization: `ApiKey ${keys[who]}`,
      ...(body === undefined ? {} : { "content-type": probe.contentType ?? "application/json" }),
    },
    ...(body === undefined ? {} : { payload: body as string }),
  });
}

async function waitForJob(who: string, id: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const job = (await call(who, { url: `/jobs/${id}` })).json<{ status: string }>();
    if (job.status === "done") return;
    if (job.status === "failed") throw new Error(`job ${id} failed`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish`);
}

before(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-collections-"));
  store = await openStore(path.join(dir, "store.db"));
  await buildDemo(store);
  // Each agency's private watchlist, in two versions (so it has a diff).
  const lists: Array<[string, string, string]> = [
    ["agency_a_watch", "agency-a-kim", "Kim Sokchol Trader"],
    ["agency_b_watch", "agency-b-park", "Park Hyonggol Broker"],
  ];
  for (const [dataset, id, name] of lists) {
    for (const version of ["1", "2"]) {
      const file = path.join(dir, `${dataset}-${version}.ftm.json`);
      const entity = { id, schema: "Person", properties: { name: [name], topics: ["sanction"] } };
      const extra = {
        id: `${id}-associate`,
        schema: "Person",
        properties: { name: [`${name} Associate`] },
      };
      writeFileSync(
        file,
        [entity, ...(version === "2" ? [extra] : [])].map((e) => JSON.stringify(e)).join("\n") +
          "\n",
      );
      await importList(store, [file], { format: "ftm", dataset, version });
    }
  }
  // Each agency's ledger: agency A's is a copy of the demo ledger with its own account numbers
  // (so it has alerts); agency B's is the demo ledger itself, made private.
  const ledgerA = path.join(dir, "ledger_a.csv");
  const demoRows = parse(readFileSync(new URL("../demo/transfers.csv", import.meta.url)), {
    columns: true,
  }) as Array<Record<string, string>>;
  writeFileSync(
    ledgerA,
    stringify(
      demoRows.map((row) => ({
        ...row,
        id: `aga-${row.id}`,
        source: `AGA-${row.source}`,
        target: `AGA-${row.target}`,
      })),
      { header: true },
    ),
  );
  await importLedgerFile(store, ledgerA, { dataset: "ledger_a" });
  const grants: Array<[string, string]> = [
    ["agency_a_watch", "A"],
    ["ledger_a", "A"],
    ["agency_b_watch", "B"],
    ["demo-ledger", "B"],
  ];
  for (const [collection, agency] of grants) {
    await store.access.setCollectionPublic(collection, false);
    await store.access.grant(collection, `agency:${agency}`, "read");
  }
  await store.access.grant("ledger_a", "user:alice", "write");
  await store.access.grant("demo-ledger", "user:bob", "write");
  for (const [username, role, agency] of [
    ["admin", "admin", "hq"],
    ["vera", "viewer", "A"],
    ["alice", "analyst", "A"],
    ["bob", "analyst", "B"],
  ] as const) {
    await addUser(store.access, { username, role, agency, password: "a long password" });
    const made = await createApiKey(store.access, { username, name: "test" });
    keys[username] = made.secret;
    ids[`${username}Key`] = made.key.id;
  }
  ids.aliceSpareKey = (
    await createApiKey(store.access, { username: "alice", name: "spare" })
  ).key.id;
  app = await buildApp({ store, auth: "required" });

  // What each agency makes over the API: documents, a batch screen, a decision.
  for (const [who, collection, word] of [
    ["alice", "docs-a", "alphamemo"],
    ["bob", "docs-b", "bravomemo"],
  ] as const) {
    const upload = await call(who, {
      method: "POST",
      url: `/documents?name=${word}.txt&collection=${collection}`,
      body: `${word}: the proceeds went through Dandong.`,
      contentType: "application/octet-stream",
    });
    assert.equal(upload.statusCode, 201, upload.body);
    ids[`${who}Doc`] = upload.json<{ ids: string[] }>().ids[0]!;
    // The uploader's collection, shared with the rest of the agency by an admin.
    const shared = await call("admin", {
      method: "PUT",
      url: `/collections/${collection}/grants/agency:${who === "alice" ? "A" : "B"}`,
      body: JSON.stringify({ access: "read" }),
    });
    assert.equal(shared.statusCode, 200, shared.body);
    const screen = await call(who, {
      method: "POST",
      url: "/screen?name=customers.csv",
      body: "id,name\nc1,Kim Sokchol Trader\nc2,Park Hyonggol Broker\n",
      contentType: "text/csv",
    });
    assert.equal(screen.statusCode, 202, screen.body);
    ids[`${who}Job`] = screen.json<{ id: string }>().id;
    await waitForJob(who, ids[`${who}Job`]!);
  }
  for (const [who, entity] of [
    ["alice", "agency-a-kim"],
    ["bob", "agency-b-park"],
  ] as const) {
    const decided = await call(who, {
      method: "POST",
      url: "/decisions",
      body: JSON.stringify({
        entity_id: entity,
        decision: "confirmed",
        reviewer: who,
        query: QUERY,
      }),
    });
    assert.equal(decided.statusCode, 201, decided.body);
  }
  // A ledger imported into a new dataset becomes its importer's once the import has succeeded.
  const imported = await call("bob", {
    method: "POST",
    url: "/transactions/import?name=new.csv&dataset=ledger_b_new",
    body: csv([["bn-1", "BN-1", "BN-2", "100", "2014-01-01T00:00:00Z", "EUR"]]),
    contentType: "text/csv",
  });
  assert.equal(imported.statusCode, 202, imported.body);
  await waitForJob("bob", imported.json<{ id: string }>().id);
  const collectionsOf = async (who: string) =>
    (await call(who, { url: "/collections" })).json<{
      collections: Array<{ name: string; writable: boolean }>;
    }>().collections;
  // Servers learn of grants made elsewhere (here: by the job) within their 2 s permission cache.
  let granted = false;
  for (let i = 0; i < 40 && !granted; i++) {
    granted = (await collectionsOf("bob")).some((c) => c.name === "ledger_b_new" && c.writable);
    if (!granted) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(granted, "bob may write to the ledger he made");
  assert.ok(!(await collectionsOf("alice")).some((c) => c.name === "ledger_b_new"));
  const bobAlerts = (await call("bob", { url: "/alerts?limit=200" })).json<{
    alerts: Array<{ id: string }>;
  }>().alerts;
  const aliceAlerts = (await call("alice", { url: "/alerts?limit=200" })).json<{
    alerts: Array<{ id: string }>;
  }>().alerts;
  assert.ok(aliceAlerts.length > 0 && bobAlerts.length > 0, "both ledgers raise alerts");
  ids.aliceAlert = aliceAlerts[0]!.id;
  ids.bobAlert = bobAlerts.find((b) => !aliceAlerts.some((a) => a.id === b.id))!.id;
});

after(async () => {
  await app?.close();
  await store?.close();
});

const match = (dataset: string, name: string, marker: string): Probe => ({
  method: "POST",
  url: `/match/${dataset}`,
  body: JSON.stringify({ queries: { q: { schema: "Person", properties: { name: [name] } } } }),
  marker,
});

/** Entity sub-routes, about agency A's and agency B's listed person. */
const entityRoute = (suffix: string): Scope => ({
  own: { url: `/entities/agency-a-kim${suffix}`, marker: suffix ? undefined : "agency-a-kim" },
  foreign: [{ url: `/entities/agency-b-park${suffix}`, marker: "agency-b-park" }],
});

const ownJob = (suffix: string, method = "GET"): Scope => ({
  ownedBy: "user",
  own: { method, url: `/screen/jobs/${ids.aliceJob}${suffix}` },
  foreign: [{ method, url: `/screen/jobs/${ids.bobJob}${suffix}` }],
});

function scopes(): Record<string, Scope> {
  return {
    "GET /": { unscoped: "the web app's files" },
    "GET /healthz": { unscoped: "process status" },
    "GET /readyz": { unscoped: "index status" },
    "GET /openapi.json": { unscoped: "the API description" },
    "POST /auth/login": { unscoped: "signing in" },
    "POST /auth/logout": { unscoped: "signing out" },
    "GET /auth/me": { unscoped: "the caller's own identity" },
    "GET /algorithms": { unscoped: "matching algorithms" },
    "GET /catalog": {
      own: { url: "/catalog", marker: "agency_a_watch" },
      foreign: [{ url: "/catalog", marker: "agency_b_watch" }],
    },
    "GET /jobs": {
      ownedBy: "user",
      own: { url: "/jobs", marker: ids.aliceJob },
      foreign: [{ url: "/jobs", marker: ids.bobJob }],
    },
    "GET /jobs/:id": {
      ownedBy: "user",
      own: { url: `/jobs/${ids.aliceJob}`, marker: ids.aliceJob },
      foreign: [{ url: `/jobs/${ids.bobJob}` }],
    },
    "POST /transactions/import": {
      own: {
        method: "POST",
        url: "/transactions/import?name=more.csv&dataset=ledger_a",
        body: csv([
          ["aga-x1", "AGA-JP-PUB-07", "AGA-JP-PACH-002", "100", "2014-01-01T00:00:00Z", "JPY"],
        ]),
        contentType: "text/csv",
      },
      foreign: [
        {
          method: "POST",
          url: "/transactions/import?name=more.csv&dataset=demo-ledger",
          body: csv([
            ["planted", "JP-PUB-07", "JP-PACH-002", "100", "2014-01-01T00:00:00Z", "JPY"],
          ]),
          contentType: "text/csv",
        },
      ],
    },
    "POST /transactions/link": { adminOnly: "links every account against every list" },
    "POST /resolve": { adminOnly: "merges records across every list" },
    "POST /alerts/detect": { adminOnly: "runs the detectors over the whole ledger" },
    "POST /match/:dataset": {
      own: match("agency_a_watch", "Kim Sokchol Trader", "agency-a-kim"),
      foreign: [
        match("default", "Park Hyonggol Broker", "agency-b-park"),
        match("agency_b_watch", "Park Hyonggol Broker", "agency-b-park"),
      ],
    },
    "GET /search/:dataset": {
      own: { url: "/search/default?q=Kim%20Sokchol%20Trader", marker: "agency-a-kim" },
      foreign: [
        { url: "/search/default?q=Park%20Hyonggol%20Broker", marker: "agency-b-park" },
        { url: "/search/agency_b_watch?q=Park", marker: "agency-b-park" },
      ],
    },
    "GET /entities/:id": entityRoute(""),
    "GET /entities/:id/timeline": entityRoute("/timeline"),
    "GET /entities/:id/transactions": entityRoute("/transactions"),
    "GET /entities/:id/documents": entityRoute("/documents"),
    "GET /entities/:id/expand": entityRoute("/expand"),
    "GET /entities/:id/paths": entityRoute("/paths"),
    "GET /entities/:id/ownership": entityRoute("/ownership"),
    "GET /decisions": {
      own: { url: "/decisions", marker: "agency-a-kim" },
      foreign: [{ url: "/decisions", marker: "agency-b-park" }],
    },
    "POST /decisions": {
      own: {
        method: "POST",
        url: "/decisions",
        body: JSON.stringify({
          entity_id: "agency-a-kim",
          decision: "cleared",
          reviewer: "x",
          query: QUERY,
        }),
      },
      foreign: [
        {
          method: "POST",
          url: "/decisions",
          body: JSON.stringify({
            entity_id: "agency-b-park",
            decision: "cleared",
            reviewer: "x",
            query: QUERY,
          }),
        },
      ],
    },
    "POST /trace": {
      own: {
        method: "POST",
        url: "/trace",
        body: JSON.stringify({ account: "AGA-JP-PACH-002", direction: "forward", hops: 2 }),
        marker: "AGA-JP-CRED-001",
      },
      foreign: [
        {
          method: "POST",
          url: "/trace",
          body: JSON.stringify({ account: "JP-PACH-002", direction: "forward", hops: 2 }),
          marker: "JP-CRED-001",
        },
      ],
    },
    "GET /exposure": {
      own: { url: "/exposure" },
      foreign: [{ url: "/exposure", marker: "JP-" }],
    },
    "GET /alerts": {
      own: { url: "/alerts?limit=200", marker: ids.aliceAlert },
      foreign: [{ url: "/alerts?limit=200", marker: ids.bobAlert }],
    },
    "GET /alerts/:id": {
      own: { url: `/alerts/${ids.aliceAlert}`, marker: "AGA-" },
      foreign: [{ url: `/alerts/${ids.bobAlert}`, marker: "JP-" }],
    },
    "POST /alerts/:id/review": {
      own: {
        method: "POST",
        url: `/alerts/${ids.aliceAlert}/review`,
        body: JSON.stringify({ status: "open", assignee: "alice" }),
      },
      foreign: [
        {
          method: "POST",
          url: `/alerts/${ids.bobAlert}/review`,
          body: JSON.stringify({ status: "open", assignee: "alice" }),
        },
      ],
    },
    "POST /documents": {
      own: {
        method: "POST",
        url: "/documents?name=more.txt&collection=docs-a",
        body: "more alpha notes",
        contentType: "application/octet-stream",
      },
      foreign: [
        {
          method: "POST",
          url: "/documents?name=planted.txt&collection=docs-b",
          body: "planted",
          contentType: "application/octet-stream",
        },
      ],
    },
    "GET /documents/:id": {
      own: { url: `/documents/${ids.aliceDoc}`, marker: "alphamemo" },
      foreign: [{ url: `/documents/${ids.bobDoc}`, marker: "bravomemo" }],
    },
    "GET /documents/:id/mentions": {
      own: { url: `/documents/${ids.aliceDoc}/mentions`, marker: "Dandong" },
      foreign: [{ url: `/documents/${ids.bobDoc}/mentions`, marker: "Dandong" }],
    },
    "GET /documents/:id/relations": {
      own: { url: `/documents/${ids.aliceDoc}/relations` },
      foreign: [{ url: `/documents/${ids.bobDoc}/relations`, marker: ids.bobDoc }],
    },
    "GET /search/documents": {
      own: { url: "/search/documents?q=alphamemo", marker: ids.aliceDoc },
      foreign: [{ url: "/search/documents?q=bravomemo", marker: ids.bobDoc }],
    },
    "GET /lists": {
      own: { url: "/lists", marker: "agency_a_watch" },
      foreign: [{ url: "/lists", marker: "agency_b_watch" }],
    },
    "GET /lists/:dataset/diff": {
      own: { url: "/lists/agency_a_watch/diff", marker: "agency-a-kim-associate" },
      foreign: [{ url: "/lists/agency_b_watch/diff", marker: "agency-b-park-associate" }],
    },
    "POST /lists/update": { adminOnly: "downloads and replaces public lists" },
    "POST /screen": {
      own: {
        method: "POST",
        url: "/screen?name=again.csv",
        body: "id,name\nc1,Kim Sokchol Trader\n",
        contentType: "text/csv",
      },
      // The screen's foreign side: alice's finished job holds no hit on agency B's list.
      foreign: [{ url: `/screen/jobs/${ids.aliceJob}/results`, marker: "agency-b-park" }],
    },
    "GET /screen/jobs": {
      ownedBy: "user",
      own: { url: "/screen/jobs", marker: ids.aliceJob },
      foreign: [{ url: "/screen/jobs", marker: ids.bobJob }],
    },
    "GET /screen/jobs/:id": ownJob(""),
    "GET /screen/jobs/:id/results": ownJob("/results"),
    "GET /screen/jobs/:id/results.csv": ownJob("/results.csv"),
    "POST /screen/jobs/:id/rescreen": ownJob("/rescreen", "POST"),
    "GET /keys": {
      ownedBy: "user",
      own: { url: "/keys", marker: ids.aliceKey },
      foreign: [{ url: "/keys", marker: ids.bobKey }],
    },
    "POST /keys": {
      ownedBy: "user",
      own: { method: "POST", url: "/keys", body: JSON.stringify({ name: "mine" }) },
      foreign: [
        {
          method: "POST",
          url: "/keys",
          body: JSON.stringify({ name: "theirs", username: "bob" }),
        },
      ],
    },
    "DELETE /keys/:id": {
      ownedBy: "user",
      own: { method: "DELETE", url: `/keys/${ids.aliceSpareKey}` },
      foreign: [{ method: "DELETE", url: `/keys/${ids.bobKey}` }],
    },
    "GET /collections": {
      own: { url: "/collections", marker: "docs-a" },
      foreign: [{ url: "/collections", marker: "docs-b" }],
    },
    "PUT /collections/:name": { adminOnly: "makes collections public or private" },
    "PUT /collections/:name/grants/:grantee": { adminOnly: "shares collections" },
    "DELETE /collections/:name/grants/:grantee": { adminOnly: "unshares collections" },
    "GET /users": { adminOnly: "every user" },
    "POST /users": { adminOnly: "adds users" },
    "PATCH /users/:username": { adminOnly: "changes users" },
    "GET /audit": { adminOnly: "the whole audit log" },
    "GET /audit/verify": { adminOnly: "the whole audit chain" },
  };
}

test("every route × own and foreign collection: own allowed and shown, foreign refused or left out", async () => {
  const table = scopes();
  const routes = app.routeTable.filter((r) => r.method !== "HEAD");
  const missing = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in table));
  assert.deepEqual(missing, [], "every route says how it is scoped");
  let checked = 0;
  for (const route of routes) {
    const key = `${route.method} ${route.url}`;
    const scope = table[key]!;
    if ("unscoped" in scope) continue;
    if ("adminOnly" in scope) {
      assert.equal(route.access, "admin", `${key} is marked admin-only: ${scope.adminOnly}`);
      continue;
    }
    const where = (who: string, side: string, status: number, body: string) =>
      `${key} as ${who} (${side}): ${status} ${body.slice(0, 300)}`;
    // Agency A's viewer and analyst; the viewer skips what belongs to alice herself.
    for (const [who, role] of [
      ["vera", "viewer"],
      ["alice", "analyst"],
    ] as const) {
      if (who === "vera" && scope.ownedBy === "user") continue;
      const own = await call(who, scope.own);
      if (!allows(role, route.access)) {
        assert.equal(
          own.statusCode,
          403,
          where(who, "own, role too low", own.statusCode, own.body),
        );
      } else {
        assert.ok(own.statusCode < 400, where(who, "own", own.statusCode, own.body));
        if (scope.own.marker)
          assert.ok(
            own.body.includes(scope.own.marker),
            where(who, "own, shown", own.statusCode, own.body),
          );
      }
      for (const probe of scope.foreign) {
        const foreign = await call(who, probe);
        // 409: an upload into a name the caller cannot read is refused as a taken name.
        const refused = [403, 404, 409].includes(foreign.statusCode);
        const leftOut =
          foreign.statusCode < 300 && !!probe.marker && !foreign.body.includes(probe.marker);
        assert.ok(
          refused || leftOut,
          where(who, `foreign ${probe.url}`, foreign.statusCode, foreign.body),
        );
      }
    }
    // Admins read every collection: agency B's things are there for them.
    if (scope.ownedBy !== "user")
      for (const probe of scope.foreign.filter((p) => (p.method ?? "GET") === "GET")) {
        const seen = await call("admin", probe);
        assert.ok(
          seen.statusCode < 400,
          where("admin", `foreign ${probe.url}`, seen.statusCode, seen.body),
        );
      }
    checked++;
  }
  assert.ok(checked >= 35, `only ${checked} scoped routes checked`);
  // Decisions, alert reviews and exports made on the way are in the audit log, by who made them.
  const audit = (await call("admin", { url: "/audit?limit=1000" })).json<{
    entries: Array<{ actor: string; action: string }>;
  }>().entries;
  for (const action of ["decision", "alert.review", "export", "collection.create"])
    assert.ok(
      audit.some((e) => e.action === action && e.actor === "alice"),
      `no '${action}' entry by alice`,
    );
});
