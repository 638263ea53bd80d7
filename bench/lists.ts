/**
 * bench:lists — imports the UN consolidated list and the OFAC SDN of 2024-05-03 together into a
 * fresh store and prints entries/s and peak RSS. Goal (issue 2): both in under 10 s on the
 * 2-core machine, peak RSS under 400 MB. Set MONEYTRAIL_BENCH_DB=postgres://… to measure
 * PostgreSQL instead of SQLite.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importList } from "../src/lists/import.ts";
import { openStore } from "../src/store/open.ts";
import { LISTS, sharedFile } from "../test/helpers/shared.ts";

const location =
  process.env.MONEYTRAIL_BENCH_DB ??
  path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-")), "bench.db");
const files = [LISTS.un, LISTS.sdn0503].map(sharedFile);

const store = await openStore(location);
const started = performance.now();
let entries = 0;
const rows: string[] = [];
for (const file of files) {
  const t0 = performance.now();
  const { version } = await importList(store, [file], { version: `bench-${Date.now()}` });
  const seconds = (performance.now() - t0) / 1000;
  entries += version.entries;
  rows.push(
    `  ${version.dataset.padEnd(18)} ${String(version.entries).padStart(6)} entries  ${seconds.toFixed(2)} s  ${Math.round(version.entries / seconds)} entries/s`,
  );
}
const total = (performance.now() - started) / 1000;
await store.close();
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `bench:lists on ${store.kind} (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown cpu"}, node ${process.version})`,
);
for (const row of rows) console.log(row);
console.log(
  `  total              ${String(entries).padStart(6)} entries  ${total.toFixed(2)} s  ${Math.round(entries / total)} entries/s`,
);
console.log(`  peak RSS           ${peakMb.toFixed(0)} MB`);
console.log(`  goal: < 10 s and < 400 MB: ${total < 10 && peakMb < 400 ? "met" : "NOT met"}`);
