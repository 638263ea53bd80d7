/**
 * The CLI contract of the lists area, run as a user runs it: `lists import`, `lists status
 * --json`, `lists diff --json`, `entities get --json`, `export --format ftm`, and errors on stderr
 * with a non-zero exit and nothing written.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { OFAC_CSV, UN_XML } from "./fixtures/lists.ts";
import { runCli } from "./helpers/cli.ts";

test("lists import, status, diff, entities get and export from the command line", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-cli-"));
  const db = path.join(dir, "store.db");
  const env = { MONEYTRAIL_DB: db };
  const day1 = path.join(dir, "sdn_2024-05-02.csv");
  const day2 = path.join(dir, "sdn_2024-05-03.csv");
  writeFileSync(day1, OFAC_CSV);
  writeFileSync(
    day2,
    OFAC_CSV.replace("DOB 18 Jun 1964", "DOB 19 Jun 1964").replace(/\r\n18201,[^\r]*/, ""),
  );
  const un = path.join(dir, "consolidated.xml");
  writeFileSync(un, UN_XML);

  for (const file of [day1, day2]) {
    const result = await runCli(["lists", "import", file], env);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /us_ofac_sdn 2024-05-0\d: \d entries imported/);
  }
  assert.equal(
    (
      await runCli([
        "--db",
        db,
        "lists",
        "import",
        un,
        "--format",
        "un-xml",
        "--version",
        "2026-02-27",
      ])
    ).code,
    0,
  );

  const status = await runCli(["lists", "status", "--json"], env);
  const rows = JSON.parse(status.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(
    rows.map((r) => [r.dataset, r.version, r.entries]),
    [
      ["un_sc_sanctions", "2026-02-27", 2],
      ["us_ofac_sdn", "2024-05-03", 3],
    ],
  );
  assert.deepEqual(rows[1]?.schemata, { Organization: 2, Person: 1, Sanction: 3, UnknownLink: 1 });
  assert.ok(typeof rows[0]?.imported_at === "string");

  const diff = JSON.parse(
    (await runCli(["lists", "diff", "us_ofac_sdn", "2024-05-02", "2024-05-03", "--json"], env))
      .stdout,
  );
  assert.deepEqual(
    diff.removed.map((e: { sourceId: string }) => e.sourceId),
    ["18201"],
  );
  assert.deepEqual(
    diff.changed.map((e: { sourceId: string }) => e.sourceId),
    ["15667"],
  );
  assert.equal(diff.changed[0].fields[0].field, "Remarks");
  const text = (await runCli(["lists", "diff", "us_ofac_sdn", "previous", "active"], env)).stdout;
  assert.match(text, /0 added, 1 removed, 1 changed, 2 unchanged/);

  const entity = JSON.parse(
    (await runCli(["entities", "get", "ofac-15667", "--json"], env)).stdout,
  );
  assert.deepEqual(entity.properties.birthDate, ["1964-06-19"]);
  assert.equal(entity.provenance[0].sourceId, "15667");
  assert.equal(entity.provenance[0].raw.SDN_Name, "PAEK, Chang-Ho");

  const exported = (await runCli(["export", "--format", "ftm"], env)).stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(
    exported.length,
    4 + 7,
    "UN: 2 parties, 2 sanctions; OFAC: 3 parties, 3 sanctions, 1 link",
  );
  assert.ok(exported.every((e: { datasets: string[] }) => e.datasets.length === 1));

  const missing = await runCli(["entities", "get", "nope"], env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /entity 'nope' not found/);

  const broken = path.join(dir, "broken.xml");
  writeFileSync(broken, UN_XML.slice(0, 700));
  const failed = await runCli(["lists", "import", broken, "--dataset", "un_sc_sanctions"], env);
  assert.equal(failed.code, 2);
  assert.match(failed.stderr, /un-xml: .*broken\.xml: line \d+/);
  assert.equal(
    (await runCli(["lists", "status", "--json"], env)).stdout,
    status.stdout,
    "a failed import changes nothing",
  );
});
