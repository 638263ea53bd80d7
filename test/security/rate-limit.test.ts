/**
 * Issue 22, item 17: with PostgreSQL the rate limit is counted per key across servers. One key
 * flooding two servers behind a load balancer once got a full allowance from each; now both
 * servers share one count (synced every SYNC_MILLIS, so the overshoot is at most what the other
 * server answered within one sync). SQLite is one process and keeps counting in memory.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { addUser, createApiKey } from "../../src/access/manage.ts";
import { loadConfig } from "../../src/config.ts";
import { SYNC_MILLIS } from "../../src/server/access/shared-rate-limit.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const postgres = backends().find((b) => b.name === "postgres");
const LIMIT = 40;
const opened: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const thing of opened.reverse()) await thing.close();
});

async function server(store: Store): Promise<FastifyInstance> {
  const app = await buildApp({
    store,
    auth: "required",
    config: loadConfig({}),
    rateLimitPerMinute: LIMIT,
  });
  opened.push(app);
  return app;
}

/** Windows are aligned to the minute: start well inside one, so the test does not straddle two. */
async function awayFromWindowEdge(): Promise<void> {
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 100));
}

test("postgres: one key flooding two servers gets one allowance, not one from each", async (t) => {
  if (!postgres) return t.skip("MONEYTRAIL_TEST_POSTGRES is not set");
  const { store, location } = await freshStore(postgres);
  opened.push(store);
  await addUser(store.access, { username: "kim", role: "viewer", agency: "A" });
  const key = (await createApiKey(store.access, { username: "kim", name: "flood" })).secret;
  const second = await openStore(location);
  opened.push(second);
  const servers = [await server(store), await server(second)];
  await awayFromWindowEdge();
  const answered = [0, 0];
  const headers = { authorization: `ApiKey ${key}` };
  // Bursts of 5 on each server, a sync apart: 120 requests in all, 3 times the limit.
  for (let round = 0; round < 12; round++) {
    for (const [i, app] of servers.entries())
      for (let n = 0; n < 5; n++) {
        const response = await app.inject({ method: "GET", url: "/auth/me", headers });
        if (response.statusCode === 200) answered[i]!++;
        else assert.equal(response.statusCode, 429, response.body);
      }
    await new Promise((r) => setTimeout(r, SYNC_MILLIS + 100));
  }
  const total = answered[0]! + answered[1]!;
  // Counted apart, each server would answer LIMIT (80 in all); shared, LIMIT plus at most one
  // burst on the other server before it learns of the rest, plus each server's first request,
  // counted against the address until the key is known good there.
  assert.ok(
    total >= LIMIT && total <= LIMIT + 5 + 2,
    `answered ${answered.join(" + ")} = ${total}`,
  );
  assert.ok(answered[0]! > 0 && answered[1]! > 0);
});

test("postgres: junk credentials are counted against the address on every server", async (t) => {
  if (!postgres) return t.skip("MONEYTRAIL_TEST_POSTGRES is not set");
  const { store, location } = await freshStore(postgres);
  opened.push(store);
  const second = await openStore(location);
  opened.push(second);
  const servers = [await server(store), await server(second)];
  await awayFromWindowEdge();
  const statuses: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const app of servers)
      for (let n = 0; n < 5; n++) {
        const response = await app.inject({
          method: "GET",
          url: "/lists",
          remoteAddress: "10.9.0.1",
          headers: { authorization: `ApiKey mtk_junk_${round}_${n}` },
        });
        statuses.push(response.statusCode);
      }
    await new Promise((r) => setTimeout(r, SYNC_MILLIS + 100));
  }
  const refused = statuses.filter((s) => s === 401).length;
  assert.ok(refused >= LIMIT && refused <= LIMIT + 5, `401 × ${refused}`);
  assert.equal(statuses.filter((s) => s === 429).length, statuses.length - refused);
});

test("the counts are kept in the store per key and window, and pruned when the window ends", async (t) => {
  for (const backend of backends()) {
    const { store } = await freshStore(backend);
    opened.push(store);
    const counts = store.access.rateCounts;
    const window = {
      windowStart: "2026-01-01T00:00:00.000Z",
      expiresAt: "2026-01-01T00:01:00.000Z",
    };
    const first = await counts.add([
      { key: "a:1", count: 3, ...window },
      { key: "a:2", count: 1, ...window },
    ]);
    assert.deepEqual(first.map((c) => [c.key, c.count]).sort(), [
      ["a:1", 3],
      ["a:2", 1],
    ]);
    const again = await counts.add([{ key: "a:1", count: 2, ...window }]);
    assert.deepEqual(
      again.map((c) => c.count),
      [5],
      `${backend.name}: added, not replaced`,
    );
    await counts.prune("2026-01-01T00:02:00.000Z");
    assert.deepEqual(
      (await counts.add([{ key: "a:1", count: 1, ...window }])).map((c) => c.count),
      [1],
    );
  }
  t.diagnostic(
    "rate counts checked on " +
      backends()
        .map((b) => b.name)
        .join(", "),
  );
});
