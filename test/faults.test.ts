/**
 * Faults: PostgreSQL stopped under a running server answers 503 with Retry-After (never a 500 or
 * a hang), and the same server works again once the database is back, without a restart; the
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
import { importList } from "../src/lists/import.ts";
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
  app = await buildApp({ store });
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

test("PostgreSQL stopped mid-traffic: 503 with Retry-After, then recovery without restart", async (t) => {
  if (!available) return t.skip("PostgreSQL is not installed");
  assert.equal((await app.inject({ method: "GET", url: "/lists" })).statusCode, 200);
  // Requests keep coming while the database stops under them.
  let stopped = false;
  const statuses: number[] = [];
  const traffic = (async () => {
    while (!stopped || statuses.length < 40) {
      const response = await app.inject({ method: "GET", url: "/lists" });
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
  // Screening keeps answering from memory where it can, and never with a 500.
  const during = await app.inject({ method: "POST", url: "/match/default", payload: MATCH });
  assert.ok(
    [200, 503].includes(during.statusCode),
    `match during the outage: ${during.statusCode}`,
  );

  await pgctl("start");
  const deadline = Date.now() + 30_000;
  let status = 0;
  while (Date.now() < deadline && status !== 200) {
    status = (await app.inject({ method: "GET", url: "/lists" })).statusCode;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  assert.equal(status, 200, "the same server works again once the database is back");
  const match = await app.inject({ method: "POST", url: "/match/default", payload: MATCH });
  assert.equal(match.statusCode, 200);
  // The screening audited during the outage was kept and written once the database returned.
  await new Promise((r) => setTimeout(r, 1500));
  const audited = await store.access.recentAudit({ limit: 50, action: "match" });
  assert.ok(audited.length >= (during.statusCode === 200 ? 2 : 1));
});
