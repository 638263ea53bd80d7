/**
 * The HTTP API in-process (app.inject): a yente client's request works unchanged, bad input is a
 * 400 with {"detail"}, and cleared hits stay cleared until the listed entity changes.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { importList } from "../src/lists/import.ts";
import { ScreeningService } from "../src/screening/service.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { OFAC_CSV, UN_XML } from "./fixtures/lists.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-server-"));
let store: Store;
let app: FastifyInstance;

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

before(async () => {
  store = await openStore(path.join(dir, "store.db"));
  await importList(store, [file("consolidated.xml", UN_XML)], { version: "v1" });
  await importList(store, [file("sdn.csv", OFAC_CSV)], { version: "v1" });
  app = await buildApp({ store, screening: new ScreeningService(store, { staleCheckMillis: 0 }) });
});

after(async () => {
  await app.close();
  await store.close();
});

/** A request as yente's own clients send it (nomenklatura / OpenSanctions documentation). */
const YENTE_REQUEST = {
  queries: {
    q1: { schema: "Person", properties: { name: ["Paek Ch'ang-Ho"], birthDate: ["1964-06-18"] } },
    q2: {
      schema: "Company",
      properties: { name: ["Korea Mining Development Trading Corp."], jurisdiction: ["kp"] },
    },
    q3: { schema: "Person", properties: { name: ["Jane Doe"] } },
  },
};

test("POST /match/default answers a yente request in yente's shape", async () => {
  const response = await app.inject({
    method: "POST",
    url: "/match/default?algorithm=logic-v1&threshold=0.7",
    payload: YENTE_REQUEST,
  });
  assert.equal(response.statusCode, 200, response.body);
  const body = response.json();
  assert.deepEqual(Object.keys(body.responses).sort(), ["q1", "q2", "q3"]);
  const q1 = body.responses.q1;
  assert.equal(q1.status, 200);
  assert.equal(q1.total.relation, "eq");
  const top = q1.results[0];
  for (const key of [
    "id",
    "caption",
    "schema",
    "properties",
    "datasets",
    "referents",
    "target",
    "first_seen",
    "last_seen",
    "last_change",
    "score",
    "match",
    "explanations",
  ]) {
    assert.ok(key in top, `result has ${key}`);
  }
  assert.equal(top.id, "ofac-15667");
  assert.equal(top.match, true);
  assert.equal(top.target, true);
  assert.ok(top.score > 0.95 && top.score <= 1, `score ${top.score}`);
  assert.ok(top.explanations.birth_date.description.includes("1964-06-18"));
  assert.equal(
    body.responses.q2.results[0].caption,
    "KOREA MINING DEVELOPMENT TRADING CORPORATION",
  );
  assert.equal(body.responses.q3.results.length, 0);
});

test("dataset scoping, include/exclude and limits", async () => {
  const only = await app.inject({
    method: "POST",
    url: "/match/un_sc_sanctions",
    payload: YENTE_REQUEST,
  });
  assert.ok(
    only
      .json()
      .responses.q2.results.every((r: { datasets: string[] }) =>
        r.datasets.includes("un_sc_sanctions"),
      ),
  );
  const excluded = await app.inject({
    method: "POST",
    url: "/match/default?exclude_dataset=us_ofac_sdn&limit=1",
    payload: YENTE_REQUEST,
  });
  const q2 = excluded.json().responses.q2.results;
  assert.equal(q2.length, 1);
  assert.equal(q2[0].id, "unsc-kpe.001");
  const missing = await app.inject({ method: "POST", url: "/match/nope", payload: YENTE_REQUEST });
  assert.equal(missing.statusCode, 404);
  assert.match(missing.json().detail, /dataset 'nope' not found/);
});

test("bad input is a 400 with a detail", async () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      "/match/default",
      { queries: { q1: { schema: "Spaceship", properties: { name: ["x"] } } } },
      /unknown schema 'Spaceship'/,
    ],
    [
      "/match/default",
      { queries: { q1: { schema: "Person", properties: {} } } },
      /at least a name or an identifier/,
    ],
    ["/match/default", { queries: {} }, /at least one query/],
    ["/match/default", { nothing: true }, /queries/],
    ["/match/default?limit=0", YENTE_REQUEST, /limit/],
    ["/match/default?algorithm=magic", YENTE_REQUEST, /unknown algorithm/],
    [
      "/match/default",
      {
        queries: Object.fromEntries(
          Array.from({ length: 101 }, (_, i) => [
            `q${i}`,
            { schema: "Person", properties: { name: ["x"] } },
          ]),
        ),
      },
      /too many queries: 101/,
    ],
  ];
  for (const [url, payload, detail] of cases) {
    const response = await app.inject({ method: "POST", url, payload: payload as object });
    assert.equal(
      response.statusCode,
      400,
      `${url} ${JSON.stringify(payload).slice(0, 80)}: ${response.body}`,
    );
    assert.match(response.json().detail, detail);
  }
  const garbled = await app.inject({
    method: "POST",
    url: "/match/default",
    headers: { "content-type": "application/json" },
    payload: "{nope",
  });
  assert.equal(garbled.statusCode, 400);
  assert.ok(garbled.json().detail);
});

test("search, entities, health, algorithms and the OpenAPI description", async () => {
  const search = (await app.inject({ url: "/search/default?q=komid" })).json();
  assert.ok(search.results.some((r: { id: string }) => r.id === "unsc-kpe.001"));
  const entity = (await app.inject({ url: "/entities/ofac-15667" })).json();
  assert.equal(entity.caption, "PAEK, Chang-Ho");
  assert.equal((await app.inject({ url: "/entities/none" })).statusCode, 404);
  assert.equal((await app.inject({ url: "/healthz" })).json().status, "ok");
  assert.equal((await app.inject({ url: "/readyz" })).json().entities, 6);
  assert.equal((await app.inject({ url: "/algorithms" })).json().default, "moneytrail-v1");
  const openapi = (await app.inject({ url: "/openapi.json" })).json();
  assert.ok(openapi.paths["/match/{dataset}"], Object.keys(openapi.paths).join(", "));
});

test("a cleared hit stays cleared until the listed entity changes", async () => {
  const query = { schema: "Person", properties: { name: ["Paek Chang Ho"] } };
  const match = async (): Promise<{ id: string; decision?: { status: string } }> =>
    (
      await app.inject({
        method: "POST",
        url: "/match/default",
        payload: { queries: { q: { ...query, id: "customer-7" } } },
      })
    ).json().responses.q.results[0];
  assert.equal((await match()).decision, undefined);
  const decided = await app.inject({
    method: "POST",
    url: "/decisions",
    payload: {
      entity_id: "ofac-15667",
      decision: "cleared",
      reviewer: "analyst-1",
      query_id: "customer-7",
      comment: "different person, born 1980",
    },
  });
  assert.equal(decided.statusCode, 201, decided.body);
  assert.equal((await match()).decision?.status, "cleared");
  // The same listing in a new version: still cleared. A changed listing: reopened.
  await importList(store, [file("sdn2.csv", OFAC_CSV)], { version: "v2" });
  assert.equal((await match()).decision?.status, "cleared");
  await importList(
    store,
    [file("sdn3.csv", OFAC_CSV.replace("DOB 18 Jun 1964", "DOB 18 Jun 1965"))],
    { version: "v3" },
  );
  assert.equal((await match()).decision, undefined);
  const listed = (await app.inject({ url: "/decisions" })).json().decisions;
  assert.equal(listed[0].reviewer, "analyst-1");
});
