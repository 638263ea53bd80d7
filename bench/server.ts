/**
 * bench:server — the multi-agency server under load: POST /match with an API key (authentication,
 * collection filtering, rate limiting and the audit log all on) at 200 concurrent connections for
 * 60 s against every shared list, on 127.0.0.1 with autocannon, the server in its own processes.
 * Prints throughput, latency p50/p99, errors (goal: none) and the server's RSS before and after.
 *
 * BENCH_SECONDS, BENCH_CONNECTIONS and BENCH_WORKERS (server processes; default: one per core)
 * change the load; BENCH_DB=postgres://… runs on PostgreSQL instead of an SQLite file.
 */
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { importList } from "../src/lists/import.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import { sharedFile } from "../test/helpers/shared.ts";
import { SHARED_LISTS } from "./shared-lists.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.cpus().length);
const db =
  process.env.BENCH_DB ??
  path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-server-")), "bench.db");

const store = await openStore(db);
if ((await store.activeVersions()).length === 0)
  for (const list of SHARED_LISTS) await importList(store, [sharedFile(list)]);
const { index } = await loadIndex(store);
if (!(await store.access.findUser("bench")))
  await addUser(store.access, { username: "bench", role: "analyst", password: "bench password" });
const key = (await createApiKey(store.access, { username: "bench", name: "bench:server" })).secret;

// Queries: listed names, every other one altered (a letter dropped), and made-up names.
const names = index.entities.flatMap((e) =>
  (e.properties.name ?? []).slice(0, 1).map((name) => ({ name, schema: e.schema })),
);
const bodies = Array.from({ length: 1000 }, (_, i) => {
  const { name: listed, schema } = names[(i * 7919) % names.length]!;
  const name =
    i % 3 === 2
      ? `${["Maria", "Wei", "Olga", "Ahmed"][i % 4]} ${["Schmidt", "Tanaka", "Novak", "Okafor"][(i >> 2) % 4]}`
      : i % 3 === 1
        ? listed.slice(0, Math.floor(listed.length / 2)) +
          listed.slice(Math.floor(listed.length / 2) + 1)
        : listed;
  return JSON.stringify({
    queries: { q1: { schema: i % 3 === 2 ? "Person" : schema, properties: { name: [name] } } },
  });
});
await store.close();

const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(
  process.execPath,
  [
    "bin/moneytrail.js",
    "--db",
    db,
    "serve",
    "--port",
    String(port),
    "--workers",
    String(WORKERS),
    "--auth",
    "required",
  ],
  {
    stdio: ["ignore", "ignore", "pipe"],
    // The per-key limit is for people and scripts gone wrong; the bench is neither.
    env: { ...process.env, MONEYTRAIL_RATE_LIMIT: "100000000" },
  },
);
let serverLog = "";
server.stderr.on("data", (d: Buffer) => (serverLog += d.toString()));
const base = `http://127.0.0.1:${port}`;
const headers = { "content-type": "application/json", authorization: `ApiKey ${key}` };
for (let i = 0; ; i++) {
  if (i > 1200) throw new Error(`server did not start: ${serverLog}`);
  const ready = await fetch(`${base}/match/default`, {
    method: "POST",
    headers,
    body: bodies[0],
  }).then(
    async (r) => {
      if (r.status !== 200 && i % 50 === 0) serverLog += `match: ${r.status} ${await r.text()}\n`;
      return r.ok;
    },
    () => false,
  );
  if (ready && serverProcesses().length >= WORKERS + (WORKERS > 1 ? 1 : 0)) break;
  await new Promise((r) => setTimeout(r, 100));
}
// Every process has loaded its index once each answered; give the others a moment.
await new Promise((r) => setTimeout(r, 3000));

/** The server's process and its children (one per worker). */
function serverProcesses(): number[] {
  const children = readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return (
          readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ")[1] ===
          String(server.pid)
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  return [server.pid!, ...children];
}

function rssMegabytes(): { total: number; each: number[] } {
  const each = serverProcesses().map((pid) => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Math.round(Number(kb ?? 0) / 1024);
    } catch {
      return 0;
    }
  });
  return { total: each.reduce((a, b) => a + b, 0), each };
}

const before = rssMegabytes();
let next = 0;
const result = await autocannon({
  url: `${base}/match/default`,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests: [
    {
      method: "POST",
      headers,
      setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
    },
  ],
});
const afterLoad = rssMegabytes();
server.kill("SIGTERM");

const cpu = os.cpus();
console.log(
  `bench:server on ${cpu.length} cores (${cpu[0]?.model ?? "cpu"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; ${db.startsWith("postgres") ? "PostgreSQL" : "SQLite"} store, ${index.size} entities (${SHARED_LISTS.length} lists)`,
);
console.log(`  server: ${WORKERS} processes, authentication required (API key), audit log on`);
console.log(
  `  POST /match, ${CONNECTIONS} connections, ${SECONDS} s: ${Math.round(result.requests.average)} req/s (${result.requests.total} requests), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
);
console.log(
  `  errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} (goal: 0)`,
);
console.log(
  `  RSS of the server's processes: ${before.total} MB before (${before.each.join(" + ")}), ${afterLoad.total} MB after (${afterLoad.each.join(" + ")})`,
);
if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
