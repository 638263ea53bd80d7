/**
 * Issue 22, item 14: a name cannot crash or stall the matcher. A ~4,200-character kana name
 * overflowed the stack in the kana romaniser (a 500 on /match, a failed batch); 100 KB names of
 * other scripts cost seconds each. Names are cut to MAX_NAME_LENGTH before romanising; a screening
 * query past it is refused naming the field (400 on /match, an error row in a batch that goes on).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { addUser, createApiKey } from "../../src/access/manage.ts";
import { importList } from "../../src/lists/import.ts";
import { MAX_NAME_LENGTH } from "../../src/names/length.ts";
import { prepareName } from "../../src/names/prepare.ts";
import { latinVariants } from "../../src/names/romanize.ts";
import { screenFile } from "../../src/screening/batch/screen.ts";
import { queryFromEntity } from "../../src/screening/query.ts";
import { ScreeningService } from "../../src/screening/service.ts";
import { buildDemo } from "../../src/demo/workspace.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { backends } from "../helpers/stores.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-names-"));

const repeat = (text: string, length: number): string =>
  text.repeat(Math.ceil(length / text.length)).slice(0, length);

/** The issue's crash: some 4,200 kana. */
const LONG_KANA = repeat("キムジョンウン", 4200);

/** Long names in every script with a romaniser of its own, and Latin and Arabic. */
const SCRIPTS: Record<string, string> = {
  kana: "キムジョンウン",
  hiragana: "きむじょんうん ",
  hangul: "김정은",
  han: "金正恩",
  cyrillic: "Владимир Путин ",
  latin: "Kim Jong Un ",
  arabic: "محمد علي ",
  mixed: "金正恩 김정은 キム Ким Kim ",
};

const LIST = [
  { id: "kp-kju", schema: "Person", properties: { name: ["Kim Jong Un", "김정은"] } },
  { id: "kp-kst", schema: "Person", properties: { name: ["Kim Sokchol Trader"] } },
]
  .map((e) => JSON.stringify(e))
  .join("\n");

test("names of 5,000 characters and of 100 KB in every script prepare without a crash", () => {
  for (const [script, sample] of Object.entries(SCRIPTS)) {
    for (const length of [LONG_KANA.length, 5000, 100_000]) {
      const name = repeat(sample, length);
      assert.ok(latinVariants(name).length > 0, `${script} ${length}`);
      const prepared = prepareName(name, "person");
      assert.ok(prepared.forms.length > 0, `${script} ${length}`);
      assert.equal(prepared.original, name);
    }
  }
  // The bound never splits a surrogate pair.
  const emoji = repeat("😀", MAX_NAME_LENGTH + 2);
  assert.ok(latinVariants(`a${emoji}`).every((v) => !/[\ud800-\udfff]/u.test(v)));
});

test("a listed name past the bound is cut, not refused: the index builds and screens", async () => {
  const store = await openStore(path.join(dir, "cut.db"));
  try {
    const file = path.join(dir, "long.ftm.json");
    const long = `Kim Sokchol Trader ${repeat("キムジョンウン", 5000)}`;
    writeFileSync(
      file,
      JSON.stringify({ id: "x1", schema: "Person", properties: { name: [long] } }),
    );
    await importList(store, [file], { format: "ftm", dataset: "long_names", version: "1" });
    const output = path.join(dir, "cut-out.csv");
    writeFileSync(path.join(dir, "cut-in.csv"), "id,name,schema\nc1,Kim Sokchol Trader,Person\n");
    await screenFile({
      input: path.join(dir, "cut-in.csv"),
      output,
      store,
      db: path.join(dir, "cut.db"),
      match: { limit: 5, threshold: 0.1 },
      workers: 0,
      keep: false,
    });
    const rows = parse(readFileSync(output, "utf8"), { columns: true }) as Array<
      Record<string, string>
    >;
    // Building the index prepared the listed name (this threw RangeError before the bound).
    assert.deepEqual(
      rows.map((r) => [r.input_id, r.error]),
      [["c1", ""]],
    );
  } finally {
    await store.close();
  }
});

for (const backend of backends()) {
  describe(`over-long names at the edges (${backend.name})`, () => {
    let store: Store;
    let location = "";
    let app: FastifyInstance;
    const keys: Record<string, string> = {};

    before(async () => {
      location = await backend.freshLocation();
      store = await openStore(location);
      const file = path.join(dir, `list-${backend.name}.ftm.json`);
      writeFileSync(file, LIST);
      await importList(store, [file], { format: "ftm", dataset: "watch", version: "1" });
      for (const [username, agency] of [
        ["alice", "A"],
        ["bob", "B"],
      ] as const) {
        await addUser(store.access, {
          username,
          role: "analyst",
          agency,
          password: "a long password",
        });
        keys[username] = (await createApiKey(store.access, { username, name: "t" })).secret;
      }
      app = await buildApp({ store, auth: "required" });
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    const match = (who: string, queries: Record<string, unknown>) =>
      app.inject({
        method: "POST",
        url: "/match/default",
        headers: { authorization: `ApiKey ${keys[who]}` },
        payload: { queries },
      });

    test("/match refuses an over-long name with a 400 naming the field; others still match", async () => {
      const attacks: Array<[string, Record<string, unknown>]> = [
        ["name", { name: [LONG_KANA] }],
        ["alias", { name: ["Kim Jong Un"], alias: [repeat("김정은", 100_000)] }],
        ["lastName", { firstName: ["Kim"], lastName: [repeat("Ким ", 5000)] }],
      ];
      for (const [prop, properties] of attacks) {
        const response = await match("bob", { q1: { schema: "Person", properties } });
        assert.equal(response.statusCode, 400, response.body);
        assert.match(
          response.json<{ detail: string }>().detail,
          new RegExp(`queries\\.q1\\.properties\\.${prop}: a name is at most ${MAX_NAME_LENGTH}`),
        );
      }
      // The server is up, and a name at the bound is screened.
      const fine = await match("alice", {
        q1: { schema: "Person", properties: { name: ["Kim Jong Un"] } },
        q2: { schema: "Person", properties: { name: [repeat("김정은", MAX_NAME_LENGTH)] } },
      });
      assert.equal(fine.statusCode, 200, fine.body);
      const responses = fine.json<{
        responses: Record<string, { results: Array<{ id: string }> }>;
      }>().responses;
      assert.equal(responses.q1!.results[0]!.id, "kp-kju");
    });

    test("a batch upload reports bad rows as error rows and screens the rest", async () => {
      const body = [
        "id,name,schema,identifier",
        "c1,Kim Jong Un,Person,",
        `c2,${LONG_KANA},Person,`,
        `c3,${repeat("金正恩", 100_000)},Person,`,
        "c4,,Person,",
        "c5,Kim Sokchol Trader,Person,",
      ].join("\n");
      const started = await app.inject({
        method: "POST",
        url: "/screen?name=customers.csv",
        headers: { authorization: `ApiKey ${keys.bob}`, "content-type": "text/csv" },
        payload: body,
      });
      assert.equal(started.statusCode, 202, started.body);
      const id = started.json<{ id: string }>().id;
      const get = (url: string) =>
        app.inject({ url, headers: { authorization: `ApiKey ${keys.bob}` } });
      let status = "running";
      for (let i = 0; i < 400 && (status === "running" || status === "queued"); i++) {
        const job = (await get(`/jobs/${id}`)).json<{ status: string; error?: string }>();
        status = job.status;
        assert.notEqual(status, "failed", job.error);
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(status, "done");
      const summary = (await get(`/screen/jobs/${id}`)).json<{ counts: Record<string, number> }>();
      assert.equal(summary.counts.rows, 5);
      assert.equal(summary.counts.errors, 3);
      const results = (await get(`/screen/jobs/${id}/results`)).json<{
        rows: Array<{
          input: { id: string };
          error: string | null;
          hits: Array<{ entityId: string }>;
        }>;
      }>().rows;
      const byId = new Map(results.map((r) => [r.input.id, r]));
      assert.equal(byId.get("c1")!.error, null);
      assert.equal(byId.get("c1")!.hits[0]!.entityId, "kp-kju");
      assert.equal(byId.get("c5")!.hits[0]!.entityId, "kp-kst");
      assert.match(byId.get("c2")!.error!, /^line 3\.properties\.name: a name is at most 500/);
      assert.match(byId.get("c3")!.error!, /^line 4\.properties\.name: a name is at most 500/);
      assert.match(byId.get("c4")!.error!, /give at least a name or an identifier/);
      const csv = (await get(`/screen/jobs/${id}/results.csv`)).body;
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(
        rows.map((r) => [r.input_id, r.error === "" ? "" : "error"]),
        [
          ["c1", ""],
          ["c2", "error"],
          ["c3", "error"],
          ["c4", "error"],
          ["c5", ""],
        ],
      );
    });

    test("CLI screen (worker threads) writes error rows and goes on", async () => {
      const input = path.join(dir, `cli-${backend.name}.csv`);
      writeFileSync(
        input,
        [
          "id,name,schema",
          `c1,${LONG_KANA},Person`,
          "c2,Kim Jong Un,Person",
          `c3,${repeat("Владимир Путин ", 100_000).trim()},Person`,
        ].join("\n"),
      );
      const output = path.join(dir, `cli-${backend.name}-out.csv`);
      const summary = await screenFile({
        input,
        output,
        store,
        db: location,
        match: { limit: 5, threshold: 0.7 },
        workers: 1,
        keep: true,
      });
      assert.equal(summary.rows, 3);
      assert.equal(summary.errors, 2);
      const rows = parse(readFileSync(output, "utf8"), { columns: true }) as Array<
        Record<string, string>
      >;
      assert.equal(rows[0]!.input_id, "c1");
      assert.match(rows[0]!.error!, /^line 2\.properties\.name: a name is at most 500/);
      assert.equal(rows[1]!.entity_id, "kp-kju");
      assert.equal(rows[1]!.error, "");
      assert.match(rows.at(-1)!.error!, /^line 4\.properties\.name/);
    });
  });
}

test("a query's names are bounded together, and long queries let other requests through", async () => {
  assert.throws(
    () =>
      queryFromEntity(
        {
          schema: "Person",
          properties: { name: Array.from({ length: 5 }, () => "金".repeat(400)) },
        },
        "queries.q1",
      ),
    /queries\.q1\.properties: a query's names are at most 1000 characters together/,
  );
  const store = await openStore(":memory:");
  await buildDemo(store);
  const service = new ScreeningService(store);
  await service.match([queryFromEntity({ schema: "Person", properties: { name: ["warm"] } })]);
  const heavy = Array.from({ length: 120 }, (_, i) =>
    queryFromEntity({
      schema: "Person",
      properties: { name: [`${"金正恩朝鲜劳动党中央委员会".repeat(30).slice(0, 480)}${i}`] },
    }),
  );
  // Timer ticks while the 120 queries run: the longest gap is how long others had to wait.
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await service.match(heavy);
  const took = performance.now() - started;
  clearInterval(ticker);
  await store.close();
  assert.ok(took > 200, `the work itself takes a while (${took.toFixed(0)} ms)`);
  assert.ok(
    longest < took / 2,
    `other work ran meanwhile: longest wait ${longest.toFixed(0)} ms of ${took.toFixed(0)} ms`,
  );
});
