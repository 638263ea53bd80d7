/**
 * The screening CLI contract: `screen` (CSV and XLSX, worker threads), `compare`, `decisions`,
 * `rescreen` after a list update, and `match`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { OFAC_CSV, UN_XML } from "./fixtures/lists.ts";
import { runCli } from "./helpers/cli.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-cli-screen-"));
const env = { MONEYTRAIL_DB: path.join(dir, "store.db") };
const write = (name: string, content: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const readCsv = (file: string): Array<Record<string, string>> =>
  parse(readFileSync(file), { columns: true });

const CUSTOMERS = `id,name,schema,birth_date,country,identifier
c1,Paek Ch'ang-Ho,Person,1964-06-18,,
c2,Jane Doe,Person,,,
c3,KOMID,Organization,,,
c4,Unknown vessel,Vessel,,,IMO 8660314
`;

test("screen, compare, decisions, rescreen and match from the command line", async () => {
  const ok = async (args: string[]): Promise<string> => {
    const result = await runCli(args, env);
    assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
    return result.stdout;
  };
  await ok(["lists", "import", write("consolidated.xml", UN_XML), "--version", "v1"]);
  await ok(["lists", "import", write("sdn.csv", OFAC_CSV), "--version", "v1"]);

  const results = path.join(dir, "results.csv");
  await ok(["screen", write("customers.csv", CUSTOMERS), "--out", results, "--workers", "1"]);
  const header = readFileSync(results, "utf8").split("\n")[0];
  assert.equal(
    header,
    "input_id,rank,score,match,entity_id,caption,schema,datasets,source_id,error",
  );
  const rows = readCsv(results);
  const first = (id: string): Record<string, string> | undefined =>
    rows.find((r) => r.input_id === id && r.rank === "1");
  assert.equal(first("c1")?.entity_id, "ofac-15667");
  assert.equal(first("c1")?.match, "true");
  assert.equal(first("c1")?.source_id, "15667");
  assert.deepEqual(
    rows.filter((r) => r.input_id === "c2"),
    [
      {
        input_id: "c2",
        rank: "",
        score: "",
        match: "",
        entity_id: "",
        caption: "",
        schema: "",
        datasets: "",
        source_id: "",
        error: "",
      },
    ],
  );
  assert.ok(rows.filter((r) => r.input_id === "c3").some((r) => r.entity_id === "unsc-kpe.001"));
  assert.equal(first("c4")?.entity_id, "ofac-18201");
  assert.deepEqual(
    [...new Set(rows.map((r) => r.input_id))],
    ["c1", "c2", "c3", "c4"],
    "input order kept",
  );

  // XLSX input, screened in this thread.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("customers");
  sheet.addRow(["id", "name", "schema"]);
  sheet.addRow(["x1", "Korea Mining Development Trading Corp", "Organization"]);
  const xlsx = path.join(dir, "customers.xlsx");
  await workbook.xlsx.writeFile(xlsx);
  const xlsxOut = path.join(dir, "xlsx-results.csv");
  await ok(["screen", xlsx, "--out", xlsxOut, "--workers", "0", "--no-keep"]);
  assert.equal(readCsv(xlsxOut)[0]?.caption, "KOREA MINING DEVELOPMENT TRADING CORPORATION");

  // A bad customer file: named line, no output left behind.
  const bad = await runCli(
    [
      "screen",
      write("bad.csv", "id,name\nb1,Someone\n,Nobody\n"),
      "--out",
      path.join(dir, "bad-out.csv"),
    ],
    env,
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /line 3: empty id/);

  const pairs = path.join(dir, "scored.csv");
  await ok([
    "compare",
    "--pairs",
    write(
      "pairs.csv",
      "schema,name1,name2,label\nPerson,Choi Ryong-hae,CHOE Ryong Hae,1\nPerson,George Bush,George Habbash,0\n",
    ),
    "--out",
    pairs,
  ]);
  const scored = readCsv(pairs);
  assert.deepEqual(
    scored.map((r) => [r.label, r.match]),
    [
      ["1", "true"],
      ["0", "false"],
    ],
  );

  // Clear c1's hit; change the listing of the vessel c4 hit; add a new designee matching c2.
  await ok([
    "decisions",
    "add",
    "--entity",
    "ofac-15667",
    "--decision",
    "cleared",
    "--reviewer",
    "analyst",
    "--query-id",
    "c1",
  ]);
  const day2 = OFAC_CSV.replace(
    "Vessel Registration Identification IMO 8660314.",
    "Vessel Registration Identification IMO 8660314; Former Vessel Flag Panama.",
  ).replace(
    "\x1a",
    `99999,"DOE, Jane","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a`,
  );
  await ok(["lists", "import", write("sdn2.csv", day2), "--version", "v2"]);
  const changes = path.join(dir, "changes.csv");
  await ok(["rescreen", "--out", changes]);
  const reported = readCsv(changes).map((r) => [r.input_id, r.entity_id, r.change]);
  assert.deepEqual(reported.sort(), [
    ["c2", "ofac-99999", "new"],
    ["c4", "ofac-18201", "changed"],
  ]);

  const matched = JSON.parse(await ok(["match", "Paek Chang Ho", "--schema", "Person", "--json"]));
  assert.equal(matched.results[0].id, "ofac-15667");
  assert.ok(matched.results[0].explanations.name.description.includes("paek"));
});
