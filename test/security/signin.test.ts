/**
 * Issue 22, item 7: sign-in cannot be guessed at by dodging the limits. The per-address limit
 * ignores junk Authorization headers and cookies; a username is locked after repeated failures,
 * on every server of the store (PostgreSQL: two apps, one database) and whatever the address;
 * every failure (unknown user, wrong password, disabled, locked) answers alike; the general
 * limit counts junk credentials against the address.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import { LOCKOUT, lockedUntil } from "../../src/access/login-lockout.ts";
import { loadConfig } from "../../src/config.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { addUsers } from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const PASSWORD = "correct horse battery";
const opened: Array<{ close(): Promise<void> }> = [];
after(async () => {
  for (const thing of opened.reverse()) await thing.close();
});

async function appOver(store: Store, rateLimitPerMinute?: number): Promise<FastifyInstance> {
  const app = await buildApp({
    store,
    auth: "required",
    config: loadConfig({}),
    ...(rateLimitPerMinute ? { rateLimitPerMinute } : {}),
  });
  opened.push(app);
  return app;
}

function login(app: FastifyInstance, username: string, password: string, ip = "10.0.0.1") {
  return app.inject({
    method: "POST",
    url: "/auth/login",
    remoteAddress: ip,
    payload: { username, password },
  });
}

/** The status of each of `count` requests made one after another, the i-th by `request(i)`. */
async function statusesOf(
  app: FastifyInstance,
  count: number,
  request: (i: number) => InjectOptions,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await app.inject(request(i))).statusCode);
  return statuses;
}

test("lockedUntil: free failures, then a doubling wait capped at an hour, a day starts over", () => {
  const at = "2026-01-01T00:00:00.000Z";
  const now = new Date(Date.parse(at) + 1000);
  assert.equal(
    lockedUntil({ failures: LOCKOUT.freeFailures - 1, lastFailedAt: at }, now),
    undefined,
  );
  assert.equal(lockedUntil({ failures: 5, lastFailedAt: at }, now), "2026-01-01T00:01:00.000Z");
  assert.equal(lockedUntil({ failures: 7, lastFailedAt: at }, now), "2026-01-01T00:04:00.000Z");
  assert.equal(lockedUntil({ failures: 60, lastFailedAt: at }, now), "2026-01-01T01:00:00.000Z");
  const later = new Date(Date.parse(at) + 2 * 60_000);
  assert.equal(lockedUntil({ failures: 5, lastFailedAt: at }, later), undefined);
});

for (const backend of backends()) {
  test(`${backend.name}: junk Authorization headers and cookies do not buy more sign-in attempts`, async () => {
    const { store } = await freshStore(backend);
    opened.push(store);
    const app = await appOver(store);
    const statuses = await statusesOf(app, 12, (i) => ({
      method: "POST",
      url: "/auth/login",
      remoteAddress: "10.0.0.9",
      headers: { authorization: `ApiKey junk-${i}`, cookie: `moneytrail_session=junk-${i}` },
      payload: { username: `nobody-${i}`, password: "guess" },
    }));
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(
      statuses.slice(10),
      [429, 429],
      "the 11th attempt from the address is refused",
    );
    // Another address is counted apart.
    assert.equal((await login(app, "nobody", "guess", "10.0.0.10")).statusCode, 401);
  });

  test(`${backend.name}: a username is locked after repeated failures, from any address and server`, async () => {
    const { store, location } = await freshStore(backend);
    opened.push(store);
    await addUsers(
      store,
      [
        ["kim", "analyst", "A"],
        ["off", "viewer", "A"],
      ],
      PASSWORD,
    );
    await store.access.updateUser("off", { disabled: true });
    const app = await appOver(store);
    // A second server on the same store (on SQLite, a second connection to the same file).
    const other = await openStore(location);
    opened.push(other);
    const app2 = await appOver(other);

    // Each failure kind answers alike: status, body, and no hint in the headers.
    const unknown = await login(app, "ghost", "wrong", "10.1.0.1");
    const wrong = await login(app, "kim", "wrong", "10.1.0.2");
    const disabled = await login(app, "off", PASSWORD, "10.1.0.3");
    for (const failure of [unknown, wrong, disabled]) {
      assert.equal(failure.statusCode, 401);
      assert.equal(failure.body, wrong.body);
    }
    // Four more wrong guesses for kim from four more addresses, on both servers: locked.
    for (let i = 0; i < 4; i++)
      assert.equal((await login(i % 2 ? app : app2, "kim", "nope", `10.2.0.${i}`)).statusCode, 401);
    // Now even the right password is refused, on either server, from a new address, alike.
    const locked = await login(app2, "kim", PASSWORD, "10.3.0.1");
    assert.equal(locked.statusCode, 401);
    assert.equal(locked.body, wrong.body, "a locked account answers as any failure does");
    assert.equal((await login(app, "kim", PASSWORD, "10.3.0.2")).statusCode, 401);
    const count = await store.access.loginFailures.find("kim");
    assert.equal(count?.failures, 5, "refusals while locked do not push the lock further");
    assert.ok(lockedUntil(count, new Date()));

    // Once the lock has passed (its last failure moved back in time), the password works again
    // and the count starts over.
    await store.access.loginFailures.clear("kim");
    const past = new Date(Date.now() - 2 * LOCKOUT.firstLockMillis).toISOString();
    for (let i = 0; i < LOCKOUT.freeFailures; i++)
      await store.access.loginFailures.record("kim", past, new Date(0).toISOString());
    assert.equal((await login(app, "kim", PASSWORD, "10.4.0.1")).statusCode, 200);
    assert.equal(await store.access.loginFailures.find("kim"), undefined);

    // The audit log has every failure, with its address.
    const failed = await store.access.recentAudit({ limit: 50, action: "login.failed" });
    assert.ok(failed.some((e) => e.actor === "kim"));
  });

  test(`${backend.name}: failures take comparable time whatever their kind`, async () => {
    const { store } = await freshStore(backend);
    opened.push(store);
    await addUsers(store, [["kim", "analyst", "A"]], PASSWORD);
    const app = await appOver(store);
    const time = async (username: string, password: string, ip: string) => {
      const start = process.hrtime.bigint();
      const response = await login(app, username, password, ip);
      assert.equal(response.statusCode, 401);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time("warm", "up", "10.5.0.0"); // the decoy hash is made on the first miss
    const median = async (username: string, password: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++)
        times.push(await time(username, password, `10.5.${times.length}.${username.length}`));
      return times.sort((a, b) => a - b)[2]!;
    };
    const unknown = await median("ghost", "wrong");
    const wrong = await median("kim", "wrong");
    const locked = await median("kim", PASSWORD); // locked after the five wrong ones
    const slow = Math.max(unknown, wrong, locked);
    const fast = Math.min(unknown, wrong, locked);
    // Every kind runs one scrypt verification; without one a failure would take ~1 ms, not tens.
    assert.ok(fast > slow / 3, `unknown ${unknown} ms, wrong ${wrong} ms, locked ${locked} ms`);
  });

  test(`${backend.name}: the general limit counts junk credentials against the address`, async () => {
    const { store } = await freshStore(backend);
    opened.push(store);
    const app = await appOver(store, 5);
    const statuses = await statusesOf(app, 8, (i) => ({
      method: "GET",
      url: "/lists",
      remoteAddress: "10.6.0.1",
      headers: { authorization: `ApiKey mtk_junk_${i}` },
    }));
    assert.deepEqual(statuses.slice(0, 5), Array(5).fill(401));
    assert.ok(
      statuses.slice(5).every((s) => s === 429),
      statuses.join(","),
    );
    // Cookies likewise.
    const cookie = await app.inject({
      method: "GET",
      url: "/lists",
      remoteAddress: "10.6.0.1",
      headers: { cookie: "moneytrail_session=fresh-junk" },
    });
    assert.equal(cookie.statusCode, 429);
  });
}
