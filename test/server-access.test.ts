/**
 * The multi-agency server's access rules, with authentication required: every route × every role
 * (the routes come from the server itself, so a new route cannot be left out), collections of one
 * agency unseen by another (lists, documents, ledgers), password sessions, API keys, and the
 * audit log's hash chain catching a changed entry.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { allows, ROLES, type Role } from "../src/access/roles.ts";
import { authModeFor } from "../src/cli/commands/serve.ts";
import { loadConfig } from "../src/config.ts";
import { buildDemo } from "../src/demo/workspace.ts";
import { importList } from "../src/lists/import.ts";
import { buildApp } from "../src/server/app.ts";
import type { KyselyStore } from "../src/store/kysely-store.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { runCli } from "./helpers/cli.ts";

let store: Store;
let app: FastifyInstance;
let dbFile = "";
const PASSWORD = "correct horse battery";
/** An API key per user: admin (agency hq), alice and vera (agency A), bob (agency B). */
const keys: Record<string, string> = {};

before(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-access-"));
  const offlineDir = path.join(dir, "offline");
  mkdirSync(offlineDir);
  dbFile = path.join(dir, "access.db");
  store = await openStore(dbFile);
  await buildDemo(store);
  // Agency A's own watchlist: private, granted to agency A only.
  const watchlist = path.join(dir, "watchlist.ftm.json");
  // It also holds a private record of someone on a public list (same id): merged in the index.
  const shared = { id: "shared-hwang", schema: "Person" };
  writeFileSync(
    watchlist,
    [
      {
        id: "agency-a-kim",
        schema: "Person",
        properties: { name: ["Kim Sokchol Trader"], topics: ["sanction"] },
      },
      { ...shared, properties: { name: ["Hwang Secret Alias"], birthDate: ["1971-02-03"] } },
    ]
      .map((e) => JSON.stringify(e))
      .join("\n") + "\n",
  );
  const publicList = path.join(dir, "public.ftm.json");
  writeFileSync(
    publicList,
    JSON.stringify({
      ...shared,
      properties: { name: ["Hwang Kwang Public"], topics: ["sanction"] },
    }) + "\n",
  );
  await importList(store, [publicList], { format: "ftm", dataset: "public_watch", version: "1" });
  await importList(store, [watchlist], { format: "ftm", dataset: "agency_a_watch", version: "1" });
  await store.access.setCollectionPublic("agency_a_watch", false);
  await store.access.grant("agency_a_watch", "agency:A", "read");
  const people: Array<[string, Role, string]> = [
    ["admin", "admin", "hq"],
    ["alice", "analyst", "A"],
    ["vera", "viewer", "A"],
    ["bob", "analyst", "B"],
  ];
  for (const [username, role, agency] of people) {
    await addUser(store.access, { username, role, agency, password: PASSWORD });
    keys[username] = (await createApiKey(store.access, { username, name: "test" })).secret;
  }
  const config = { ...loadConfig({}), dataDir: path.join(dir, "data"), offlineDir };
  app = await buildApp({ store, config, auth: "required" });
});

after(async () => {
  await app?.close();
  await store?.close();
});

async function call(
  who: string | undefined,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: method as "GET",
    url,
    headers: { ...(who ? { authorization: `ApiKey ${keys[who]}` } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

const PARAMS: Record<string, string> = {
  id: "demo-office39",
  dataset: "demo",
  name: "demo",
  grantee: "user:nobody",
  username: "vera",
};

test("every route × every role: allowed or refused as the access table says", async () => {
  const routes = app.routeTable;
  assert.ok(routes.length >= 50, `only ${routes.length} routes found`);
  const callers: Array<[string | undefined, Role | undefined]> = [
    [undefined, undefined],
    ["vera", "viewer"],
    ["alice", "analyst"],
    ["admin", "admin"],
  ];
  for (const route of routes) {
    const url = route.url.replace(/:(\w+)/g, (_, name: string) => PARAMS[name] ?? "x");
    // Bodies are left empty or invalid: what is tested is the guard, before any work.
    const body = route.method === "GET" || route.method === "DELETE" ? undefined : {};
    for (const [who, role] of callers) {
      const response = await call(who, route.method, url, body);
      const where = `${route.method} ${route.url} as ${role ?? "anonymous"} (needs ${route.access}): ${response.statusCode} ${response.body.slice(0, 200)}`;
      if (route.access === "public") assert.ok(![401, 403].includes(response.statusCode), where);
      else if (!role) assert.equal(response.statusCode, 401, where);
      else if (!allows(role, route.access)) assert.equal(response.statusCode, 403, where);
      else assert.ok(![401, 403].includes(response.statusCode), where);
    }
  }
  for (const role of ROLES) assert.ok(routes.some((r) => r.access === role));
});

test("an agency's private list is found by its own people only", async () => {
  const search = (who: string) =>
    call(who, "GET", `/search/default?q=${encodeURIComponent("Kim Sokchol Trader")}`).then(
      (r) => r.json() as { results: Array<{ id: string }> },
    );
  assert.ok((await search("alice")).results.some((r) => r.id === "agency-a-kim"));
  assert.ok((await search("vera")).results.some((r) => r.id === "agency-a-kim"));
  assert.ok(!(await search("bob")).results.some((r) => r.id === "agency-a-kim"));
  assert.equal((await call("alice", "GET", "/entities/agency-a-kim")).statusCode, 200);
  assert.equal((await call("bob", "GET", "/entities/agency-a-kim")).statusCode, 404);
  const match = await call("bob", "POST", "/match/agency_a_watch", {
    queries: { q: { schema: "Person", properties: { name: ["Kim Sokchol Trader"] } } },
  });
  assert.equal(match.statusCode, 404, "another agency's list does not exist for bob");
  const lists = (await call("bob", "GET", "/lists")).json() as {
    datasets: Array<{ dataset: string }>;
  };
  assert.ok(lists.datasets.some((d) => d.dataset === "demo"));
  assert.ok(!lists.datasets.some((d) => d.dataset === "agency_a_watch"));
});

test("a private record merged with a public one stays private: scored and shown without it", async () => {
  const match = async (who: string, name: string) => {
    const response = await call(who, "POST", "/match/default", {
      queries: { q: { schema: "Person", properties: { name: [name] } } },
    });
    assert.equal(response.statusCode, 200, response.body);
    const results = (
      response.json() as {
        responses: {
          q: {
            results: Array<{
              id: string;
              score: number;
              datasets: string[];
              properties: Record<string, string[]>;
            }>;
          };
        };
      }
    ).responses.q.results;
    return results.find((r) => r.id === "shared-hwang");
  };
  const alice = await match("alice", "Hwang Secret Alias");
  assert.ok(alice && alice.score > 0.9, "agency A finds its own record");
  assert.ok(alice.datasets.includes("agency_a_watch"));
  assert.ok((await match("bob", "Hwang Secret Alias")) === undefined, "bob cannot find by it");
  const bob = await match("bob", "Hwang Kwang Public");
  assert.ok(bob, "the public listing is found");
  assert.deepEqual(bob.datasets, ["public_watch"]);
  assert.ok(!JSON.stringify(bob).includes("Secret"), "no trace of the private record");
  assert.ok(!JSON.stringify(bob).includes("1971"));
});

test("documents: the uploader's collection is private until shared", async () => {
  const upload = await call(
    "alice",
    "POST",
    "/documents?name=memo.txt&collection=agency-a-docs",
    "Memo: Kumgang Leisure K.K. wired the pachinko takings to Dandong.",
    { "content-type": "application/octet-stream" },
  );
  assert.equal(upload.statusCode, 201, upload.body);
  const found = (await call("alice", "GET", "/search/documents?q=takings")).json() as {
    hits: Array<{ document: { id: string } }>;
  };
  const id = found.hits[0]!.document.id;
  assert.equal((await call("alice", "GET", `/documents/${id}`)).statusCode, 200);
  assert.equal((await call("bob", "GET", `/documents/${id}`)).statusCode, 404);
  assert.equal((await call("vera", "GET", `/documents/${id}`)).statusCode, 404);
  const hits = (who: string) =>
    call(who, "GET", "/search/documents?q=takings").then(
      (r) => (r.json() as { hits: unknown[] }).hits.length,
    );
  assert.equal(await hits("alice"), 1);
  assert.equal(await hits("bob"), 0);
  const intrude = await call(
    "bob",
    "POST",
    "/documents?name=x.txt&collection=agency-a-docs",
    "planted",
    { "content-type": "application/octet-stream" },
  );
  // Refused the way any taken name is: the answer does not say that it is a document set.
  assert.equal(intrude.statusCode, 409);
  const granted = await call("admin", "PUT", "/collections/agency-a-docs/grants/agency:A", {
    access: "read",
  });
  assert.equal(granted.statusCode, 200, granted.body);
  assert.equal((await call("vera", "GET", `/documents/${id}`)).statusCode, 200);
  assert.equal((await call("bob", "GET", `/documents/${id}`)).statusCode, 404);
});

test("ledgers: a private ledger cannot be traced by those without a grant", async () => {
  const made = await call("admin", "PUT", "/collections/demo-ledger", { public: false });
  assert.equal(made.statusCode, 200);
  const trace = (who: string) =>
    call(who, "POST", "/trace", { account: "JP-PACH-002", direction: "forward", hops: 2 });
  assert.equal((await trace("admin")).statusCode, 200);
  assert.notEqual((await trace("bob")).statusCode, 200, "bob cannot see the account at all");
  await call("admin", "PUT", "/collections/demo-ledger/grants/agency:B", { access: "read" });
  const granted = await trace("bob");
  assert.equal(granted.statusCode, 200, granted.body);
  await call("admin", "PUT", "/collections/demo-ledger", { public: true });
});

test("password sign-in, session, keys made and revoked, disabled users", async () => {
  const wrong = await call(undefined, "POST", "/auth/login", {
    username: "alice",
    password: "not it at all",
  });
  assert.equal(wrong.statusCode, 401);
  const login = await call(undefined, "POST", "/auth/login", {
    username: "alice",
    password: PASSWORD,
  });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = login.cookies.find((c) => c.name === "moneytrail_session")!;
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, "Strict");
  const session = { cookie: `moneytrail_session=${cookie.value}` };
  const me = await call(undefined, "GET", "/auth/me", undefined, session);
  assert.equal((me.json() as { user: string }).user, "alice");

  const made = await call(
    undefined,
    "POST",
    "/keys",
    { name: "screening robot", role: "viewer" },
    session,
  );
  assert.equal(made.statusCode, 201, made.body);
  const key = made.json() as { id: string; key: string; role: string };
  assert.equal(key.role, "viewer");
  const useKey = () =>
    app.inject({ method: "GET", url: "/auth/me", headers: { authorization: `ApiKey ${key.key}` } });
  assert.equal((await useKey()).statusCode, 200);
  const tooMuch = await call(undefined, "POST", "/keys", { name: "x", role: "admin" }, session);
  assert.equal(tooMuch.statusCode, 403, "a key cannot outrank its user");
  assert.equal(
    (await call(undefined, "DELETE", `/keys/${key.id}`, undefined, session)).statusCode,
    200,
  );
  assert.equal((await useKey()).statusCode, 401, "a revoked key stops at once on this server");

  await call(undefined, "POST", "/auth/logout", undefined, session);
  assert.equal((await call(undefined, "GET", "/auth/me", undefined, session)).statusCode, 401);

  const disabled = await call("admin", "PATCH", "/users/bob", { disabled: true });
  assert.equal(disabled.statusCode, 200, disabled.body);
  assert.equal((await call("bob", "GET", "/auth/me")).statusCode, 401);
  await call("admin", "PATCH", "/users/bob", { disabled: false });
  assert.equal((await call("bob", "GET", "/auth/me")).statusCode, 200);
});

test("the audit log records screenings and changes, and its chain shows tampering", async () => {
  await call("bob", "POST", "/match/default", {
    queries: { q1: { schema: "Person", properties: { name: ["Ri Chol Man"] } } },
  });
  const verified = (await call("admin", "GET", "/audit/verify")).json() as {
    ok: boolean;
    entries: number;
  };
  assert.equal(verified.ok, true);
  const entries = (
    (await call("admin", "GET", "/audit?limit=1000")).json() as {
      entries: Array<{ actor: string; action: string; detail: Record<string, unknown> }>;
    }
  ).entries;
  const screening = entries.find((e) => e.actor === "bob" && e.action === "match");
  assert.deepEqual((screening?.detail.q1 as { query: unknown }).query, { name: ["Ri Chol Man"] });
  for (const action of [
    "login",
    "login.failed",
    "grant",
    "key.create",
    "key.revoke",
    "user.change",
  ])
    assert.ok(
      entries.some((e) => e.action === action),
      `no '${action}' entry`,
    );

  const cli = await runCli(["--db", dbFile, "audit", "verify"]);
  assert.equal(cli.code, 0, cli.stderr);
  assert.match(cli.stdout, /intact: \d+ entries/);
  // Someone with database access rewrites what bob searched for.
  await (store as KyselyStore).db
    .updateTable("audit_log")
    .set({ detail: JSON.stringify({ q1: { query: { name: ["someone else"] }, results: [] } }) })
    .where("actor", "=", "bob")
    .where("action", "=", "match")
    .execute();
  const broken = (await call("admin", "GET", "/audit/verify")).json() as {
    ok: boolean;
    broken: { seq: number; reason: string };
  };
  assert.equal(broken.ok, false);
  assert.match(broken.broken.reason, /does not match its hash/);
  const cliBroken = await runCli(["--db", dbFile, "audit", "verify"]);
  assert.equal(cliBroken.code, 1);
  assert.match(cliBroken.stdout, new RegExp(`BROKEN at entry ${broken.broken.seq}`));
});

test("authentication may be off only on loopback", () => {
  assert.equal(authModeFor("auto", "127.0.0.1", "x.db"), "open");
  assert.equal(authModeFor("auto", "0.0.0.0", "x.db"), "required");
  assert.equal(authModeFor("auto", "127.0.0.1", "postgres://db/x"), "required");
  assert.throws(() => authModeFor("off", "0.0.0.0", "x.db"), /only for a loopback/);
  assert.equal(authModeFor("off", "::1", "x.db"), "open");
});
