/**
 * bench:tracing — a generated ledger (default 5,000,000 transfers over 500,000 accounts and a
 * year, with planted cycles and fan-ins) imported through `tx import` code into a SQLite store,
 * then: ledger load time, p50/p99 of 6-hop forward traces from random accounts (both methods),
 * full exposure time, detection time, peak RSS.
 *   BENCH_TRANSFERS=… to change the size; BENCH_TRACES=… traces per method (default 200).
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { openStore } from "../src/store/open.ts";
import { importLedgerFile } from "../src/transactions/import.ts";
import { loadLedger } from "../src/transactions/load.ts";
import { computeExposure } from "../src/tracing/exposure.ts";
import { trace } from "../src/tracing/trace.ts";
import { detect } from "../src/typologies/detect.ts";

const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? 5_000_000);
const ACCOUNTS = Math.max(1000, Math.round(TRANSFERS / 10));
const TRACES = Number(process.env.BENCH_TRACES ?? 200);
const DAY = 86_400;
const START = Date.UTC(2023, 0, 1) / 1000;

let seed = 12345;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
/** Skewed account choice: a few busy accounts, a long tail of quiet ones. */
const account = (): number => Math.floor(ACCOUNTS * random() ** 2);

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const sampler = setInterval(sample, 200);

async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, "drain");
  };
  await write("id,source,target,amount,timestamp,currency\n");
  let id = 0;
  const planted = Math.floor(TRANSFERS / 2000);
  const ordinary = TRANSFERS - planted * 10;
  // Ordinary transfers in time order, with planted schemes (5-account cycles in same-day
  // bursts) spread through the year.
  const plantEvery = Math.floor(ordinary / planted);
  for (let i = 0; i < ordinary; i++) {
    const time = START + Math.floor((i / ordinary) * 365 * DAY);
    await write(
      `o${id++},ACC${account()},ACC${account()},${(10 + random() * 990).toFixed(2)},${time},USD\n`,
    );
    if (i % plantEvery === 0) {
      const members = Array.from({ length: 5 }, () => `ACC${account()}`);
      for (let k = 0; k < 5; k++) {
        for (let r = 0; r < 2; r++) {
          await write(
            `p${id++},${members[k]},${members[(k + 1) % 5]},${(500).toFixed(2)},${time + k * DAY + r},USD\n`,
          );
        }
      }
    }
  }
  out.end();
  await once(out, "finish");
  return id;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-tracing-"));
try {
  const csv = path.join(dir, "ledger.csv");
  let started = performance.now();
  const rows = await generate(csv);
  console.log(
    `generated ${rows} transfers over ${ACCOUNTS} accounts in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const store = await openStore(path.join(dir, "store.db"));
  started = performance.now();
  const imported = await importLedgerFile(store, csv, { format: "csv" });
  const importSeconds = (performance.now() - started) / 1000;
  console.log(
    `import: ${imported.added} transfers in ${importSeconds.toFixed(1)} s = ${Math.round(imported.added / importSeconds)} transfers/s (goal ≥ 200,000)`,
  );

  started = performance.now();
  const ledger = await loadLedger(store);
  console.log(
    `load into memory: ${((performance.now() - started) / 1000).toFixed(1)} s, ${ledger.accountCount} accounts`,
  );
  await store.close();
  sample();

  for (const method of ["proportional", "fifo"] as const) {
    const times: number[] = [];
    let truncated = 0;
    for (let i = 0; i < TRACES; i++) {
      const origin = ledger.accountIds[Math.floor(random() * ledger.accountCount)]!;
      const t0 = performance.now();
      const result = trace(ledger, [origin], {
        direction: i % 2 ? "backward" : "forward",
        method,
        hops: 6,
        minAmount: 0.01,
        maxPieces: 500_000,
        budget: Infinity,
      });
      times.push(performance.now() - t0);
      if (result.truncated) truncated++;
    }
    times.sort((a, b) => a - b);
    console.log(
      `trace ${method}, 6 hops, ${TRACES} random accounts (half forward, half backward): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms (goal < 200 ms)${truncated ? `, ${truncated} truncated` : ""}`,
    );
  }
  sample();

  const sanctioned = new Set(
    Array.from({ length: 100 }, () => Math.floor(random() * ledger.accountCount)),
  );
  started = performance.now();
  const exposure = computeExposure(ledger, sanctioned, { hops: 3, minAmount: 0.01 });
  console.log(
    `exposure from 100 sanctioned accounts, 3 hops: ${exposure.length} accounts exposed in ${((performance.now() - started) / 1000).toFixed(1)} s (goal < 60 s)`,
  );
  sample();

  started = performance.now();
  const alerts = detect(ledger);
  const byType = new Map<string, number>();
  for (const a of alerts) byType.set(a.typology, (byType.get(a.typology) ?? 0) + 1);
  console.log(
    `detect: ${alerts.length} alerts in ${((performance.now() - started) / 1000).toFixed(1)} s (goal < 60 s): ${[...byType].map(([k, v]) => `${k} ${v}`).join(", ")}`,
  );
  sample();
  console.log(
    `peak RSS ${(peakRss / 2 ** 30).toFixed(2)} GB (goal < 4 GB); ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
  );
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
