/**
 * bench:screening — throughput of `screen` over the full OFAC SDN 2024 list on all cores (start-up
 * included), against a brute-force token Jaro–Winkler scan over every listed name in the same
 * process as the reference; then p50/p99 latency of POST /match under 50 concurrent clients on
 * 127.0.0.1 (autocannon), the server and the load generator each in a process of its own.
 *
 * Goals (issue 3): screen ≥ 200× the brute-force throughput; /match p99 < 20 ms.
 * BENCH_ROWS sets the customer file's size (default 100,000), BENCH_SECONDS the load duration.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importList } from "../src/lists/import.ts";
import { jaroWinkler } from "../src/names/jaro-winkler.ts";
import { foldName } from "../src/names/normalize.ts";
import { screenFile } from "../src/screening/batch/screen.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import { LISTS, sharedFile } from "../test/helpers/shared.ts";

const ROWS = Number(process.env.BENCH_ROWS ?? 100000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-screen-"));
const db = path.join(dir, "bench.db");

const store = await openStore(db);
await importList(store, [sharedFile(LISTS.sdn0503)]);
const { index } = await loadIndex(store);
const listed = index.entities.flatMap((e) =>
  (e.properties.name ?? []).map((name) => ({ name, schema: e.schema })),
);

// A customer file: one row in ten is a listed name, slightly altered; the rest are made-up names.
const GIVEN = [
  "James",
  "Maria",
  "Wei",
  "Olga",
  "Ahmed",
  "Sofia",
  "Hiroshi",
  "Ana",
  "Peter",
  "Fatima",
  "Min",
  "Lucas",
  "Elena",
  "Omar",
  "Jin",
  "Laura",
];
const FAMILY = [
  "Schmidt",
  "Garcia",
  "Tanaka",
  "Novak",
  "Okafor",
  "Larsen",
  "Moreau",
  "Rossi",
  "Silva",
  "Kowalski",
  "Haddad",
  "Nguyen",
  "Brown",
  "Ivanova",
];
let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
const customers: Array<{ name: string; schema: string }> = [];
for (let i = 0; i < ROWS; i++) {
  if (i % 10 === 0) {
    const { name, schema } = pick(listed);
    const altered =
      random() < 0.5 ? name.replace(/[aeiou]/i, (v) => (v === "a" ? "e" : "a")) : name;
    customers.push({ name: altered.replace(/"/g, ""), schema });
  } else {
    customers.push({
      name: `${pick(GIVEN)} ${pick(GIVEN)} ${pick(FAMILY)}-${pick(FAMILY)}`,
      schema: "Person",
    });
  }
}
const lines = ["id,name,schema", ...customers.map((c, i) => `r${i},"${c.name}",${c.schema}`)];
const input = path.join(dir, "customers.csv");
writeFileSync(input, `${lines.join("\n")}\n`);
const workers = os.availableParallelism();

const summary = await screenFile({
  input,
  output: path.join(dir, "results.csv"),
  store,
  db,
  match: { limit: 5, threshold: 0.7 },
  workers,
  keep: false,
});
const screenRate = summary.rows / (summary.millis / 1000);

// The reference: every query against every listed name, best-pairs token Jaro–Winkler.
const names = index.entities
  .flatMap((e) => [...(e.properties.name ?? []), ...(e.properties.alias ?? [])])
  .map((n) =>
    foldName(n)
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
const sample = customers.slice(0, 200).map((c) =>
  foldName(c.name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
);
const bruteStart = performance.now();
let best = 0;
for (const query of sample) {
  for (const tokens of names) {
    let total = 0;
    for (const q of query) {
      let top = 0;
      for (const t of tokens) top = Math.max(top, jaroWinkler(q, t));
      total += top;
    }
    best = Math.max(best, total / Math.max(1, query.length));
  }
}
const bruteRate = sample.length / ((performance.now() - bruteStart) / 1000);

console.log(
  `bench:screening on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "cpu"}), node ${process.version}; index ${index.size} entities (OFAC SDN 2024-05-03)`,
);
console.log(
  `  screen: ${summary.rows} rows with ${workers} workers in ${(summary.millis / 1000).toFixed(1)} s, start-up ${(summary.startupMillis / 1000).toFixed(1)} s included: ${Math.round(screenRate)} rows/s (${summary.matches} matches)`,
);
console.log(
  `  brute-force token Jaro–Winkler over ${names.length} names, one thread: ${bruteRate.toFixed(1)} queries/s`,
);
console.log(`  ratio: ${(screenRate / bruteRate).toFixed(0)}× (goal ≥ 200×)`);
console.log(
  `  peak RSS of the process (main thread and workers): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
await store.close();

if (process.env.BENCH_SKIP_LOAD === "1") process.exit(0);

// /match under load, the server in its own process.
const port = 20000 + Math.floor(Math.random() * 20000);
// The server's log goes to a file: a pipe that this process stops reading while it waits for the
// load generator would fill, and block the server's writes.
const serverLog = path.join(dir, "server.log");
const server = spawn(
  process.execPath,
  ["bin/moneytrail.js", "--db", db, "serve", "--port", String(port), "--workers", String(workers)],
  { stdio: ["ignore", "ignore", openSync(serverLog, "w")] },
);
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  if (i > 600) throw new Error(`server did not start: ${readFileSync(serverLog, "utf8")}`);
  const ok = await fetch(`${base}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 100));
}
const bodies = customers
  .slice(0, 500)
  .map((c) =>
    JSON.stringify({ queries: { q1: { schema: c.schema, properties: { name: [c.name] } } } }),
  );
const bodiesFile = path.join(dir, "bodies.json");
writeFileSync(bodiesFile, JSON.stringify(bodies));
const result = JSON.parse(
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "bench/match-load.ts",
      `${base}/match/default`,
      bodiesFile,
      String(WARM_UP_SECONDS),
      String(SECONDS),
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  ),
) as { requests: { average: number }; latency: { p50: number; p99: number } } & Record<
  "errors" | "non2xx" | "timeouts",
  number
>;
server.kill("SIGTERM");
console.log(`  server: ${workers} processes`);
console.log(
  `  POST /match, 50 connections, ${SECONDS} s after ${WARM_UP_SECONDS} s of warm-up: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (goal < 20 ms), errors ${result.errors}, non-2xx ${result.non2xx}, timeouts ${result.timeouts}`,
);
