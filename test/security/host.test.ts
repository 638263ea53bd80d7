/**
 * Issue 22, item 9: the no-sign-in mode answers only requests meant for this machine. A page on
 * attacker.example rebound to 127.0.0.1 sends `Host: attacker.example` (it once created an admin
 * user); a page elsewhere posting to 127.0.0.1 sends a foreign `Origin`. Signed in, a
 * state-changing request riding on the session cookie must not come from another origin either.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.ts";
import { hostName, isSameOrigin } from "../../src/server/access/origin.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople } from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const sqlite = backends().find((b) => b.name === "sqlite")!;
const PASSWORD = "correct horse battery";
let store: Store;
let open: FastifyInstance;
let required: FastifyInstance;
let adminKey = "";

before(async () => {
  ({ store } = await freshStore(sqlite));
  open = await buildApp({
    store,
    config: { ...loadConfig({}), allowedHosts: ["moneytrail.internal"] },
    allowedHosts: ["127.0.0.1"],
  });
  required = await buildApp({ store, auth: "required", config: loadConfig({}) });
  adminKey = (await addPeople(store, [["chief", "admin", "hq"]], PASSWORD)).chief!;
});

after(async () => {
  await open?.close();
  await required?.close();
  await store?.close();
});

const newUser = (name: string) => ({ username: name, role: "admin", password: "x".repeat(20) });

test("host names: ports and brackets dropped; same origin compares host and port", () => {
  assert.equal(hostName("[::1]:8080"), "::1");
  assert.equal(hostName("LocalHost:80"), "localhost");
  assert.equal(hostName("127.0.0.1"), "127.0.0.1");
  assert.ok(isSameOrigin("http://localhost:8080", "localhost:8080"));
  assert.ok(isSameOrigin("http://localhost", "localhost:80"));
  assert.ok(!isSameOrigin("http://localhost:3000", "localhost:8080"));
  assert.ok(!isSameOrigin("null", "localhost:8080"));
  assert.ok(!isSameOrigin("http://attacker.example", "127.0.0.1:8080"));
});

test("open mode: a rebound Host is refused, and no admin is created", async () => {
  for (const host of ["attacker.example", "attacker.example:8080", "127.0.0.1.attacker.example"]) {
    const response = await open.inject({
      method: "POST",
      url: "/users",
      headers: { host },
      payload: newUser(`evil${host.length}`),
    });
    assert.equal(response.statusCode, 403, `${host}: ${response.body}`);
    assert.match(response.json<{ detail: string }>().detail, /Host/);
    const read = await open.inject({ method: "GET", url: "/users", headers: { host } });
    assert.equal(read.statusCode, 403, "reads are refused too: the page could read the answers");
  }
  assert.deepEqual(
    (await store.access.listUsers()).map((u) => u.username),
    ["chief"],
    "nothing was created",
  );
});

test("open mode: loopback hosts with any port, and configured hosts, are answered", async () => {
  const hosts = [
    "localhost",
    "localhost:8080",
    "127.0.0.1:9",
    "127.1.2.3",
    "[::1]:8080",
    "moneytrail.internal:8080",
  ];
  for (const host of hosts) {
    const response = await open.inject({ method: "GET", url: "/auth/me", headers: { host } });
    assert.equal(response.statusCode, 200, `${host}: ${response.body}`);
  }
});

test("open mode: a state-changing request from a foreign Origin is refused", async () => {
  for (const origin of ["http://attacker.example", "null", "http://localhost:3000"]) {
    const response = await open.inject({
      method: "POST",
      url: "/users",
      headers: { host: "127.0.0.1:8080", origin },
      payload: newUser("csrf"),
    });
    assert.equal(response.statusCode, 403, `${origin}: ${response.body}`);
    assert.match(response.json<{ detail: string }>().detail, /Origin/);
  }
  assert.equal(await store.access.findUser("csrf"), undefined);
  // The server's own page, and tools that send no Origin, go through.
  const own = await open.inject({
    method: "POST",
    url: "/users",
    headers: { host: "127.0.0.1:8080", origin: "http://127.0.0.1:8080" },
    payload: newUser("ownpage"),
  });
  assert.equal(own.statusCode, 201, own.body);
  const curl = await open.inject({ method: "POST", url: "/users", payload: newUser("curl") });
  assert.equal(curl.statusCode, 201, curl.body);
  // A GET from another origin changes nothing and is not refused for its Origin.
  const get = await open.inject({
    method: "GET",
    url: "/auth/me",
    headers: { origin: "http://attacker.example" },
  });
  assert.equal(get.statusCode, 200);
});

test("signed in: a foreign Origin on a state-changing request with the session cookie is refused", async () => {
  const login = await required.inject({
    method: "POST",
    url: "/auth/login",
    payload: { username: "chief", password: PASSWORD },
  });
  assert.equal(login.statusCode, 200, login.body);
  const token = login.cookies.find((c) => c.name === "moneytrail_session")!.value;
  const cookie = `moneytrail_session=${token}`;
  const host = "moneytrail.example.org";
  const foreign = await required.inject({
    method: "POST",
    url: "/users",
    headers: { cookie, host, origin: "https://attacker.example" },
    payload: newUser("csrf2"),
  });
  assert.equal(foreign.statusCode, 403, foreign.body);
  const del = await required.inject({
    method: "DELETE",
    url: "/keys/whatever",
    headers: { cookie, host, origin: "https://evil.moneytrail.example.org" },
  });
  assert.equal(del.statusCode, 403, del.body);
  assert.equal(await store.access.findUser("csrf2"), undefined);
  const same = await required.inject({
    method: "POST",
    url: "/users",
    headers: { cookie, host, origin: `https://${host}` },
    payload: newUser("fromapp"),
  });
  assert.equal(same.statusCode, 201, same.body);
  // An API key is no ambient credential: its requests are not judged by their Origin, and any
  // Host is fine once signed in.
  const withKey = await required.inject({
    method: "GET",
    url: "/users",
    headers: {
      authorization: `ApiKey ${adminKey}`,
      host: "anything.example",
      origin: "https://x.example",
    },
  });
  assert.equal(withKey.statusCode, 200, withKey.body);
});
