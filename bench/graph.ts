/**
 * bench:graph (issue 6).
 *
 *  1. Resolution of all shared lists together: UN, OFAC SDN 2024, OFAC consolidated, the US
 *     Consolidated Screening List and the UK list, imported into a fresh SQLite store, then
 *     `resolve` timed (BENCH_DB=file reuses a store that has them).
 *  2. A generated network of 1,000,000 entities and 5,000,000 edges (BENCH_NODES, BENCH_EDGES):
 *     3-hop expansion and paths to sanctioned parties (4 hops, 50 paths) from 200 random
 *     entities, p50 and p99.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Network } from "../src/graph/network.ts";
import { expand, pathsToSanctioned } from "../src/graph/queries.ts";
import { importList } from "../src/lists/import.ts";
import { resolve } from "../src/resolution/resolve.ts";
import { openStore } from "../src/store/open.ts";
import { sharedFile } from "../test/helpers/shared.ts";
import { SHARED_LISTS } from "./shared-lists.ts";

const NODES = Number(process.env.BENCH_NODES ?? 1_000_000);
const EDGES = Number(process.env.BENCH_EDGES ?? 5_000_000);
const QUERIES = 200;

const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? "unknown cpu"}, node ${process.version}`;
console.log(`bench:graph on ${machine}`);

// 1. Resolution
const scratch = process.env.BENCH_DB
  ? undefined
  : mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-graph-"));
const store = await openStore(process.env.BENCH_DB ?? path.join(scratch!, "bench.db"));
if ((await store.activeVersions()).length === 0) {
  const t0 = performance.now();
  for (const file of SHARED_LISTS) await importList(store, [sharedFile(file)]);
  console.log(`lists imported in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const summary = await resolve(store);
console.log(
  `resolution of all shared lists: ${summary.entities} entities, ${summary.pairsScored} candidate pairs, ` +
    `${summary.merged} merged, ${summary.review} for review, ${summary.clusters} canonical entities of 2+ records ` +
    `in ${(summary.millis / 1000).toFixed(1)} s`,
);
await store.close();
if (scratch) rmSync(scratch, { recursive: true, force: true });

// 2. Generated network
let seed = 42;
const random = (): number => {
  // xorshift32: the same graph on every run.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const SCHEMATA = [
  "Company",
  "Company",
  "Person",
  "Person",
  "Organization",
  "Vessel",
  "BankAccount",
];
const KINDS: Array<[string, string]> = [
  ["Ownership", "owns"],
  ["Directorship", "directs"],
  ["Membership", "belongs to"],
  ["UnknownLink", "linked to"],
  ["payment", "paid"],
];
let t0 = performance.now();
const network = new Network();
for (let i = 0; i < NODES; i++) {
  network.addNode({
    id: `n${i}`,
    schema: SCHEMATA[i % SCHEMATA.length]!,
    caption: `Entity ${i}`,
    datasets: ["generated"],
    sanctioned: random() < 0.005,
  });
}
for (let i = 0; i < EDGES; i++) {
  const source = Math.floor(random() * NODES);
  let target = Math.floor(random() * NODES);
  if (target === source) target = (target + 1) % NODES;
  const [kind, label] = KINDS[i % KINDS.length]!;
  const dated = random() < 0.3;
  network.addEdge({
    id: `g${i}`,
    source: `n${source}`,
    target: `n${target}`,
    kind,
    label,
    ...(kind === "Ownership" ? { percentage: Math.round(random() * 100) } : {}),
    ...(dated ? { start: String(2000 + Math.floor(random() * 20)) } : {}),
    dataset: "generated",
  });
}
const buildSeconds = (performance.now() - t0) / 1000;
console.log(
  `generated network: ${network.order.toLocaleString("en")} entities, ${network.size.toLocaleString("en")} edges, built in ${buildSeconds.toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 1e9).toFixed(2)} GB`,
);

const starts = Array.from({ length: QUERIES }, () => `n${Math.floor(random() * NODES)}`);
function percentiles(label: string, run: (id: string) => number): void {
  const times: number[] = [];
  let total = 0;
  for (const id of starts) {
    const started = performance.now();
    total += run(id);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): string =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  console.log(
    `${label}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (${(total / QUERIES).toFixed(0)} results on average)`,
  );
}
t0 = performance.now();
percentiles(
  "3-hop expansion (up to 2,000 entities)",
  (id) => expand(network, id, { hops: 3 }).nodes.length,
);
percentiles(
  "paths to sanctioned (4 hops, 50 paths)",
  (id) => pathsToSanctioned(network, id, { maxHops: 4 }).paths.length,
);
percentiles(
  "3-hop expansion as of 2010, ownership and directorships only",
  (id) =>
    expand(network, id, { hops: 3, asOf: "2010", kinds: ["Ownership", "Directorship"] }).nodes
      .length,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
