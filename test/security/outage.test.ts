/**
 * Issue 22, item 18: keys, sessions and grants kept in memory through a database outage
 * (known-good.ts), within bounds: a known-good entry works until its own expiry or
 * MAX_STALE_MILLIS after its last confirmation; a refusal is never kept past an outage as an
 * answer; anything but an outage ends the entry. The whole server through a real PostgreSQL
 * outage is test/faults.test.ts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { KnownGood, type Loaded } from "../../src/server/access/known-good.ts";

const REFRESH = 5000;
const MAX_STALE = 15 * 60_000;

function outage(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
}

function setup() {
  let now = 1_000_000;
  const cache = new KnownGood<string>(
    { refreshMillis: REFRESH, maxStaleMillis: MAX_STALE, maxEntries: 100, waitMillis: 50 },
    () => now,
  );
  let db: "up" | "down" | "broken" = "up";
  let answer: Loaded<string> | undefined = { value: "kim" };
  let loads = 0;
  const load = async () => {
    loads++;
    if (db === "down") throw outage();
    if (db === "broken") throw new Error("syntax error");
    return answer;
  };
  return {
    cache,
    get: () => cache.get("k", load),
    advance: (ms: number) => (now += ms),
    set: (state: { db?: typeof db; answer?: Loaded<string> | undefined }) => {
      if (state.db) db = state.db;
      if ("answer" in state) answer = state.answer;
    },
    loads: () => loads,
    now: () => now,
  };
}

test("a known-good key keeps working through an outage, up to the max stale time", async () => {
  const s = setup();
  assert.equal(await s.get(), "kim");
  s.set({ db: "down" });
  s.advance(REFRESH + 1);
  assert.equal(await s.get(), "kim", "stale, but the database is out");
  s.advance(MAX_STALE - REFRESH - 2);
  assert.equal(await s.get(), "kim");
  s.advance(2);
  await assert.rejects(s.get(), /ECONNREFUSED/, "past the max stale time: the outage shows");
});

test("a kept entry never outlives its own expiry, outage or not", async () => {
  const s = setup();
  s.set({ answer: { value: "kim", expiresAt: s.now() + 60_000 } });
  assert.equal(await s.get(), "kim");
  s.set({ db: "down" });
  s.advance(60_000);
  await assert.rejects(s.get(), /ECONNREFUSED/);
});

test("while the database answers, a revocation is seen within the refresh time", async () => {
  const s = setup();
  assert.equal(await s.get(), "kim");
  s.set({ answer: undefined }); // revoked on another server
  s.advance(REFRESH - 1);
  assert.equal(await s.get(), "kim", "within the refresh time the kept answer stands");
  s.advance(2);
  assert.equal(await s.get(), undefined, "then the database's answer");
  // Revoked before the outage: stays refused through it (kept refusal, then the outage itself).
  s.set({ db: "down", answer: { value: "kim" } });
  assert.equal(await s.get(), undefined);
  s.advance(REFRESH + 1);
  await assert.rejects(s.get(), /ECONNREFUSED/);
  assert.equal(s.cache.peek("k"), undefined);
});

test("a revocation during an outage takes effect at the first refresh once the database is back", async () => {
  const s = setup();
  assert.equal(await s.get(), "kim");
  s.set({ db: "down" });
  s.advance(REFRESH + 1);
  assert.equal(await s.get(), "kim");
  s.advance(2000); // past the back-off after a failed refresh
  s.set({ db: "up", answer: undefined });
  assert.equal(await s.get(), undefined);
});

test("an error that is not an outage ends the entry (fail closed)", async () => {
  const s = setup();
  assert.equal(await s.get(), "kim");
  s.set({ db: "broken" });
  s.advance(REFRESH + 1);
  await assert.rejects(s.get(), /syntax error/);
  assert.equal(s.cache.peek("k"), undefined);
});

test("during an outage, stale entries are served without a query per request", async () => {
  const s = setup();
  assert.equal(await s.get(), "kim");
  s.set({ db: "down" });
  s.advance(REFRESH + 1);
  const before = s.loads();
  for (let i = 0; i < 50; i++) assert.equal(await s.get(), "kim");
  assert.equal(s.loads() - before, 1, "one failed refresh, then the back-off");
});

test("a database that hangs does not hold requests: the stale entry answers after waitMillis", async () => {
  let now = 0;
  const cache = new KnownGood<string>(
    { refreshMillis: REFRESH, maxStaleMillis: MAX_STALE, maxEntries: 10, waitMillis: 50 },
    () => now,
  );
  assert.equal(await cache.get("k", async () => ({ value: "kim" })), "kim");
  now += REFRESH + 1;
  const started = Date.now();
  const hanging = () => new Promise<Loaded<string> | undefined>(() => undefined);
  assert.equal(await cache.get("k", hanging), "kim");
  assert.ok(Date.now() - started < 1000);
});
