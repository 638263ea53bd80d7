/**
 * API keys and sessions (issue 22, items 1 and 10): a key made with another key stays within that
 * key's role, collections and expiry; a password or role change ends the user's sessions, and a
 * lowered role caps the user's stored keys for good. Over SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { createApiKey } from "../../src/access/manage.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { addUsers } from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const PASSWORD = "correct horse battery";

for (const backend of backends()) {
  describe(`keys and sessions (${backend.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    let adminKey = "";

    before(async () => {
      ({ store } = await freshStore(backend));
      await store.access.ensureCollection("agency_a_ledger", { public: false });
      await store.access.ensureCollection("agency_a_docs", { public: false });
      await store.access.grant("agency_a_ledger", "agency:A", "write");
      await store.access.grant("agency_a_docs", "agency:A", "write");
      const people = [
        ["root", "admin", null],
        ["alice", "analyst", "A"],
      ] as const;
      await addUsers(store, people, PASSWORD);
      adminKey = (await createApiKey(store.access, { username: "root", name: "t" })).secret;
      app = await buildApp({ store, auth: "required" });
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    const post = (key: string, body: unknown) =>
      app.inject({
        method: "POST",
        url: "/keys",
        headers: { authorization: `ApiKey ${key}` },
        payload: body as object,
      });
    const login = async (): Promise<string> => {
      const answer = await app.inject({
        method: "POST",
        url: "/auth/login",
        payload: { username: "alice", password: PASSWORD },
      });
      assert.equal(answer.statusCode, 200, answer.body);
      const cookie = answer.cookies.find((c) => c.name === "moneytrail_session")!;
      return `moneytrail_session=${cookie.value}`;
    };
    const me = (headers: Record<string, string>) =>
      app.inject({ method: "GET", url: "/auth/me", headers });

    test("a scoped viewer key cannot mint a broader key", async () => {
      const scoped = await createApiKey(store.access, {
        username: "alice",
        name: "scoped",
        role: "viewer",
        collections: ["agency_a_ledger"],
        expiresInDays: 1,
      });
      // The attack: no role, no collections, no expiry asked for.
      const child = await post(scoped.secret, { name: "x" });
      assert.equal(child.statusCode, 201, child.body);
      const made = child.json<{
        role: string;
        collections: string[] | null;
        expiresAt: string | null;
        key: string;
      }>();
      assert.equal(made.role, "viewer", "the parent key's role, not the user's");
      assert.deepEqual(made.collections, ["agency_a_ledger"]);
      assert.equal(made.expiresAt, scoped.key.expiresAt, "no later than the parent key");
      const view = (await me({ authorization: `ApiKey ${made.key}` })).json<{
        role: string;
        collections: string[];
      }>();
      assert.equal(view.role, "viewer");
      assert.deepEqual(view.collections, ["agency_a_ledger"]);

      for (const [body, why] of [
        [{ name: "x", role: "analyst" }, /role of the key making it/],
        [{ name: "x", collections: ["agency_a_docs"] }, /collections the key making it cannot/],
        [{ name: "x", expires_in_days: 30 }, /outlive the key making it/],
        [{ name: "x", username: "root" }, /only admins/],
      ] as const) {
        const refused = await post(scoped.secret, body);
        assert.equal(refused.statusCode, 403, refused.body);
        assert.match(refused.json<{ detail: string }>().detail, why);
      }
      const narrower = await post(scoped.secret, { name: "x", expires_in_days: 1 });
      assert.equal(narrower.statusCode, 201, "a key may mint a key as narrow as itself");
    });

    test("an admin key limited to some collections cannot use the admin routes", async () => {
      const limited = await createApiKey(store.access, {
        username: "root",
        name: "one list",
        collections: ["agency_a_docs"],
        expiresInDays: 1,
      });
      const headers = { authorization: `ApiKey ${limited.secret}` };
      const user = await app.inject({
        method: "POST",
        url: "/users",
        headers,
        payload: { username: "mallory", role: "admin", password: PASSWORD },
      });
      assert.equal(user.statusCode, 403, user.body);
      assert.match(user.json<{ detail: string }>().detail, /limited to some collections/);
      assert.equal(await store.access.findUser("mallory"), undefined);
      for (const [method, url] of [
        ["GET", "/audit"],
        ["PUT", "/collections/agency_a_ledger/grants/user:root"],
      ] as const) {
        const answer = await app.inject({
          method,
          url,
          headers,
          ...(method === "PUT" ? { payload: { access: "read" } } : {}),
        });
        assert.equal(answer.statusCode, 403, `${method} ${url}`);
      }
    });

    test("a signed-in session may still make any key its role allows", async () => {
      const cookie = await login();
      const made = await app.inject({
        method: "POST",
        url: "/keys",
        headers: { cookie },
        payload: { name: "robot" },
      });
      assert.equal(made.statusCode, 201, made.body);
      const key = made.json<{ role: string; collections: null; expiresAt: null }>();
      assert.equal(key.role, "analyst");
      assert.equal(key.collections, null);
    });

    test("a password change or a role change ends the user's sessions", async () => {
      const admin = { authorization: `ApiKey ${adminKey}` };
      const cookie = await login();
      assert.equal((await me({ cookie })).statusCode, 200);
      const changed = await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { password: "another good password" },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((await me({ cookie })).statusCode, 401, "the old session is gone");
      await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { password: PASSWORD },
      });
      const second = await login();
      await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { role: "viewer" },
      });
      assert.equal((await me({ cookie: second })).statusCode, 401);
    });

    test("a lowered role caps the user's keys, also after the role is raised again", async () => {
      const admin = { authorization: `ApiKey ${adminKey}` };
      await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { role: "analyst" },
      });
      const key = await createApiKey(store.access, { username: "alice", name: "strong" });
      assert.equal(key.key.role, "analyst");
      await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { role: "viewer" },
      });
      await app.inject({
        method: "PATCH",
        url: "/users/alice",
        headers: admin,
        payload: { role: "analyst" },
      });
      const stored = (await store.access.listApiKeys("alice")).find((k) => k.id === key.key.id);
      assert.equal(stored?.role, "viewer");
      const view = (await me({ authorization: `ApiKey ${key.secret}` })).json<{ role: string }>();
      assert.equal(view.role, "viewer");
    });
  });
}
