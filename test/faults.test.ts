/**
 * Faults: PostgreSQL stopped under a running server, with authentication on, answers 503 with
 * Retry-After (never a 500 or a hang) where it needs the database, while signed-in screening goes
 * on from memory (known-good API keys and grants); the same server works again once the
 * database is back, without a restart; a key revoked before the outage stays refused, and one
 * revoked by another server is refused within the refresh time once the database is back; the
 * screening audit written meanwhile is not lost. Runs its own PostgreSQL (.ci/postgres.sh on
 * another port and folder), since stopping the shared one would break the tests beside it.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { loadConfig } from "../src/config.ts";
import { importList } from "../src/lists/import.ts";
import { REFRESH_MILLIS } from "../src/server/access/authenticator.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { UN_XML } from "./fixtures/lists.ts";

const run = promisify(execFile);
const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../.ci/postgres.sh");
const PORT = String(55500 + (process.pid % 400));
const pgEnv = {
  ...process.env,
  MONEYTRAIL_PG_PORT: PORT,
  MONEYTRAIL_PG_DATA: path.join(os.tmpdir(), `moneytrail-pg-fault-${process.pid}`),
};

async function postgresInstalled(): Promise<boolean> {
  return existsSync("/usr/lib/postgresql") && (await readdir("/usr/lib/postgresql")).length > 0;
}

const pgctl = async (action: "start" | "stop") =>
  (await run("bash", [SCRIPT, action], { env: pgEnv })).stdout.trim();

let available = false;
let store: Store;
let app: FastifyInstance;
/** API keys of a viewer of agency A: one kept, one revoked before the outage, one after. */
const keys = { viewer: "", revokedBefore: "", revokedAfter: "" };
const ids = { revokedBefore: "", revokedAfter: "" };

before(async () => {
  available = await postgresInstalled();
  if (!available) {
    if (process.env.CI === "true") throw new Error("CI must have PostgreSQL installed");
    return;
  }
  const url = await pgctl("start");
  store = await openStore(url);
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-fault-"));
  const file = path.join(dir, "un_2026-02-27.xml");
  writeFileSync(file, UN_XML);
  await importList(store, [file], { dataset: "un_sc_sanctions" });
  await addUser(store.access, { username: "vera", role: "viewer", agency: "A" });
  for (const name of ["viewer", "revokedBefore", "revokedAfter"] as const) {
    const made = await createApiKey(store.access, { username: "vera", name });
    keys[name] = made.secret;
    if (name !== "viewer") ids[name] = made.key.id;
  }
  app = await buildApp({ store, auth: "required", config: loadConfig({}) });
});

after(async () => {
  if (!available) return;
  await pgctl("start").catch(() => undefined);
  await app?.close();
  await store?.close();
  await pgctl("stop");
  await rm(pgEnv.MONEYTRAIL_PG_DATA, { recursive: true, force: true });
});

const MATCH = {
  queries: { q: { schema: "Person", properties: { name: ["Ri Won Ho"] } } },
};

const as = (key: string) => ({ authorization: `ApiKey ${key}` });
const match = (key: string) =>
  app.inject({ method: "POST", url: "/match/default", headers: as(key), payload: MATCH });

test("PostgreSQL stopped mid-traffic: 503 with Retry-After, screening from memory, then recovery", async (t) => {
  if (!available) return t.skip("PostgreSQL is not installed");
  const lists = () => app.inject({ method: "GET", url: "/lists", headers: as(keys.viewer) });
  assert.equal((await lists()).statusCode, 200);
  // Every key is used once while the database is up; one is then revoked and seen refused.
  for (const key of Object.values(keys)) assert.equal((await match(key)).statusCode, 200);
  await store.access.revokeApiKey(ids.revokedBefore);
  await new Promise((r) => setTimeout(r, REFRESH_MILLIS + 100));
  assert.equal((await match(keys.revokedBefore)).statusCode, 401);
  for (const key of [keys.viewer, keys.revokedAfter])
    assert.equal((await match(key)).statusCode, 200);

  // Requests keep coming while the database stops under them.
  let stopped = false;
  const statuses: number[] = [];
  const traffic = (async () => {
    while (!stopped || statuses.length < 40) {
      const response = await lists();
      statuses.push(response.statusCode);
      if (response.statusCode === 503) {
        assert.equal(response.headers["retry-after"], "5");
        assert.match(response.json<{ detail: string }>().detail, /database is unavailable/);
      }
      if (statuses.length > 2000) break;
    }
  })();
  await new Promise((r) => setTimeout(r, 100));
  await pgctl("stop");
  stopped = true;
  await traffic;
  assert.deepEqual(
    [...new Set(statuses)].filter((s) => s !== 200 && s !== 503),
    [],
    "only answers or 503s, never a 500",
  );
  assert.ok(statuses.includes(503), "the outage is reported");

  // Signed-in screening goes on from memory, past the keys' refresh time, and the revoked key
  // stays refused (401 while its refusal is kept, then 503: never an answer).
  const matches: number[] = [];
  const revoked: number[] = [];
  const until = Date.now() + REFRESH_MILLIS + 1500;
  while (Date.now() < until) {
    matches.push((await match(keys.viewer)).statusCode);
    revoked.push((await match(keys.revokedBefore)).statusCode);
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual([...new Set(matches)], [200], `match during the outage: ${matches.join(",")}`);
  assert.ok(!revoked.includes(200), `revoked key during the outage: ${revoked.join(",")}`);
  assert.equal((await match(keys.revokedAfter)).statusCode, 200);

  await pgctl("start");
  const deadline = Date.now() + 30_000;
  let status = 0;
  while (Date.now() < deadline && status !== 200) {
    status = (await lists()).statusCode;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(status, 200, "the same server works again once the database is back");
  // Another server revokes a key this one knows as good: refused within the refresh time.
  await store.access.revokeApiKey(ids.revokedAfter);
  const revokedAt = Date.now();
  let refusedAfter = -1;
  while (Date.now() - revokedAt < REFRESH_MILLIS + 3000) {
    if ((await match(keys.revokedAfter)).statusCode === 401) {
      refusedAfter = Date.now() - revokedAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(
    refusedAfter >= 0 && refusedAfter <= REFRESH_MILLIS + 1500,
    `refused after ${refusedAfter} ms`,
  );
  assert.equal((await match(keys.viewer)).statusCode, 200);
  // The screening audited during the outage was kept and written once the database returned.
  await new Promise((r) => setTimeout(r, 1500));
  const audited = await store.access.recentAudit({ limit: 100, action: "match" });
  assert.ok(audited.length >= matches.length, `${audited.length} audited`);
});
