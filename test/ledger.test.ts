/**
 * The ledger end to end: imports into both store backends (atomic, idempotent, clear errors on
 * bad rows), every importer, and trace/detect/exposure from the CLI and the API on real AMLSim runs.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import { importLedgerFile } from "../src/transactions/import.ts";
import { loadLedger } from "../src/transactions/load.ts";
import { runCli } from "./helpers/cli.ts";
import { needShared } from "./helpers/shared.ts";
import { backends } from "./helpers/stores.ts";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/ledger");
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "moneytrail-ledger-"));

function csvFile(name: string, text: string): string {
  const file = path.join(tmp(), name);
  writeFileSync(file, text);
  return file;
}

const GOOD =
  "id,source,target,amount,timestamp,currency\nt1,A,B,100,2020-01-01,USD\nt2,B,C,60,2020-01-02,USD\n";

for (const backend of backends()) {
  test(`${backend.name}: ledger import is idempotent, and a bad row leaves the ledger as it was`, async () => {
    const store = await openStore(await backend.freshLocation());
    try {
      const first = await importLedgerFile(store, csvFile("ledger.csv", GOOD));
      assert.equal(first.added, 2);
      const again = await importLedgerFile(store, csvFile("ledger.csv", GOOD));
      assert.equal(again.added, 0, "importing the same rows twice adds nothing");
      const bad = [
        ["t3,A,B,,2020-01-03,USD", /line 4: amount is missing/],
        ["t3,A,B,5,someday,USD", /line 4: timestamp 'someday' is not a date/],
        ["t3,A,B,-5,2020-01-03,USD", /line 4: amount '-5' is negative/],
      ] as const;
      for (const [row, message] of bad) {
        const file = csvFile(
          "bad.csv",
          `${GOOD}t2b,C,D,10,2020-01-02,USD\n`.replace(/t2b.*\n/, `${row}\n`),
        );
        await assert.rejects(importLedgerFile(store, file), (error: Error) => {
          assert.match(error.message, message);
          assert.ok(error.message.includes(file), "the error names the file");
          return true;
        });
      }
      const summary = await store.ledger.summary();
      assert.equal(summary.transfers, 2, "nothing of the failed imports remains");
      const ledger = await loadLedger(store);
      assert.deepEqual(ledger.accountIds, ["A", "B", "C"]);
    } finally {
      await store.close();
    }
  });

  test(`${backend.name}: camt.053 statements and FtM payments`, async () => {
    const store = await openStore(await backend.freshLocation());
    try {
      const camt = await importLedgerFile(store, path.join(FIXTURES, "statement.camt053.xml"));
      assert.equal(camt.format, "camt053");
      assert.equal(camt.added, 2);
      const ftm = await importLedgerFile(store, path.join(FIXTURES, "payments.ftm.jsonl"));
      assert.equal(ftm.format, "ftm");
      assert.equal(ftm.added, 2);
      const pages = [];
      for await (const page of store.ledger.iterateTransfers()) pages.push(...page);
      const incoming = pages.find((t) => t.id === "REF-0001")!;
      assert.deepEqual(
        [incoming.source, incoming.target, incoming.amount, incoming.currency],
        ["KKBC-000123", "DE89370400440532013000", 250000, "EUR"],
      );
      assert.equal(incoming.reference, "Invoice 2017/114 coal");
      const outgoing = pages.find((t) => t.id === "REF-0002")!;
      assert.deepEqual(
        [outgoing.source, outgoing.target],
        ["DE89370400440532013000", "GB29NWBK60161331926819"],
      );
      assert.deepEqual(
        [pages.find((t) => t.id === "pay-2")!.source, pages.find((t) => t.id === "pay-1")!.source],
        ["co-b", "acc-a"],
      );
      const accounts = new Map((await store.ledger.listAccounts()).map((a) => [a.id, a]));
      assert.equal(accounts.get("KKBC-000123")?.ownerName, "Korea Kwangson Banking Corp");
      assert.equal(accounts.get("DE89370400440532013000")?.bic, "COBADEFFXXX");
      assert.equal(accounts.get("acc-a")?.ownerName, "Paekho Trading");
      assert.equal(accounts.get("acc-a")?.iban, "CH9300762011623852957");
    } finally {
      await store.close();
    }
  });
}

test("rows parse the same on a worker thread: semicolons, quoted line breaks, errors by line", async () => {
  // A bank export: semicolon-separated, a purpose spanning two lines, a bad amount after it.
  const text =
    'id;source;target;amount;timestamp;currency;purpose\nt1;A;B;100;2020-01-01;USD;"coal,\nsecond line"\n\nt2;B;C;60;2020-01-02;USD;\n';
  for (const parseOn of ["worker", "this-thread"] as const) {
    const store = await openStore(":memory:");
    try {
      const file = csvFile("export.csv", text);
      const result = await importLedgerFile(store, file, { parseOn });
      assert.equal(result.added, 2, parseOn);
      const transfers = [];
      for await (const page of store.ledger.iterateTransfers()) transfers.push(...page);
      assert.equal(transfers[0]!.reference, "coal,\nsecond line");
      const bad = csvFile("bad.csv", `${text}t3;C;D;ten;2020-01-03;USD;\n`);
      await assert.rejects(importLedgerFile(store, bad, { parseOn }), (error: Error) => {
        assert.match(error.message, /bad\.csv: line 6: amount 'ten' is not a number/, parseOn);
        return true;
      });
      assert.equal((await store.ledger.summary()).transfers, 2, parseOn);
    } finally {
      await store.close();
    }
  }
});

test("AMLSim run from the CLI: import twice, trace, detect with the data's own account ids", async (t) => {
  const file = needShared(t, "data/transactions/amlsim/20K_cycle200/transactions.csv");
  if (!file) return;
  const db = path.join(tmp(), "store.db");
  const imported = await runCli(["--db", db, "tx", "import", file, "--json"]);
  assert.equal(imported.code, 0, imported.stderr);
  assert.equal(JSON.parse(imported.stdout).added, 117_805);
  const again = await runCli(["--db", db, "tx", "import", file, "--json"]);
  assert.equal(JSON.parse(again.stdout).added, 0);

  const traced = await runCli([
    "--db",
    db,
    "trace",
    "9980",
    "--direction",
    "forward",
    "--method",
    "fifo",
    "--hops",
    "3",
    "--json",
  ]);
  assert.equal(traced.code, 0, traced.stderr);
  const result = JSON.parse(traced.stdout);
  assert.deepEqual(Object.keys(result).slice(0, 3), ["origin", "direction", "method"]);
  assert.equal(result.origin, "9980");
  assert.ok(
    result.flows.length > 10 &&
      result.flows.every((f: { hops: number }) => f.hops >= 1 && f.hops <= 3),
  );
  assert.ok(result.edges[0].transactions[0].startsWith("line-"));
  assert.equal(typeof result.unknown_amount, "number");

  const detected = await runCli(["--db", db, "detect", "--json"]);
  assert.equal(detected.code, 0, detected.stderr);
  const { alerts } = JSON.parse(detected.stdout);
  assert.ok(alerts.length > 50);
  for (const key of ["id", "typology", "score", "accounts", "transactions", "reason"])
    assert.ok(key in alerts[0], key);
  // The cycle 7172→8909→9496→14569→12555→7172 of the run is found, by the run's own ids.
  const flagged = new Set(alerts.flatMap((a: { accounts: string[] }) => a.accounts));
  for (const id of ["7172", "8909", "9496", "14569", "12555"]) assert.ok(flagged.has(id), id);

  const exposure = await runCli([
    "--db",
    db,
    "exposure",
    "--sanctioned",
    "7172",
    "--hops",
    "2",
    "--json",
  ]);
  assert.equal(exposure.code, 0, exposure.stderr);
  const rows = JSON.parse(exposure.stdout).accounts;
  assert.ok(rows.length > 0 && rows.every((r: { hops: number }) => r.hops <= 2));

  const unknown = await runCli(["--db", db, "trace", "no-such-account"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no account 'no-such-account'/);
});

test("API: POST /trace, GET /exposure, GET /alerts on the AMLSim v2 export", async (t) => {
  const file = needShared(t, "data/transactions/amlsim-v2-small/transactions.csv");
  if (!file) return;
  const store = await openStore(":memory:");
  const app = await buildApp({ store });
  try {
    const result = await importLedgerFile(store, file);
    assert.equal(result.added, 10_333);
    assert.equal(result.accounts, 100, "accounts.csv beside the export gives the owners");
    const traced = await app.inject({
      method: "POST",
      url: "/trace",
      payload: { account: "62", direction: "backward", method: "fifo", hops: 2 },
    });
    assert.equal(traced.statusCode, 200, traced.body);
    const body = traced.json();
    assert.equal(body.direction, "backward");
    assert.ok(
      body.flows.some((f: { account: string }) => f.account === "50"),
      "62's fan-in source 50",
    );
    const bad = await app.inject({
      method: "POST",
      url: "/trace",
      payload: { account: "62", hops: 0 },
    });
    assert.equal(bad.statusCode, 400);
    const exposure = await app.inject({ method: "GET", url: "/exposure?sanctioned=62&hops=2" });
    assert.equal(exposure.statusCode, 200, exposure.body);
    assert.ok(exposure.json().accounts.length > 0);
    const alerts = await app.inject({ method: "GET", url: "/alerts?typology=fan-in" });
    assert.equal(alerts.statusCode, 200, alerts.body);
    const fanIns = alerts.json().alerts;
    assert.ok(
      fanIns.length >= 3 && fanIns.every((a: { typology: string }) => a.typology === "fan-in"),
    );
    assert.ok(
      fanIns.some(
        (a: { accounts: string[] }) => a.accounts.includes("62") && a.accounts.includes("50"),
      ),
    );
  } finally {
    await app.close();
    await store.close();
  }
});
