/**
 * bench:server — what authentication and the audit log cost the multi-agency server, in one run:
 * the same POST /match load (200 connections, the same query bodies, every shared list) first
 * with an API key against `serve --auth required` with the audit log on (phase A), then against
 * `serve --auth off` with MONEYTRAIL_AUDIT=off (phase B), each after a warm-up, each in its own
 * server processes on 127.0.0.1, autocannon as the client. Prints throughput, latency and
 * failures for both, their ratio, and after phase A walks the audit chain end to end: it must
 * hold and have one entry for every screening answered.
 *
 * BENCH_SECONDS (default 30), BENCH_WARMUP (seconds, default 5), BENCH_CONNECTIONS (200) and
 * BENCH_WORKERS (server processes; default one per core) change the load; BENCH_ROUNDS=2 measures
 * A then B, then B then A again (the order alternates); BENCH_DB=postgres://…
 * runs on that PostgreSQL database instead of a fresh SQLite file; BENCH_PROFILE=<dir> runs the
 * servers under `node --cpu-prof` and leaves their profiles in <dir>/A and <dir>/B.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { verifyChain } from "../src/access/audit-chain.ts";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { importList } from "../src/lists/import.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import { sharedFile } from "../test/helpers/shared.ts";
import { SHARED_LISTS } from "./shared-lists.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.cpus().length);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const HOST = "127.0.0.1";
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

/** The audit chain as it stands: entries, whether it holds, and how long the walk took. */
async function auditChain(): Promise<{ entries: number; ok: boolean; ms: number; why: string }> {
  const s = await openStore(db);
  try {
    const started = performance.now();
    const check = await verifyChain(s.access.iterateAudit());
    return {
      entries: check.entries,
      ok: !check.broken,
      ms: Math.round(performance.now() - started),
      why: check.broken ? `broken at ${check.broken.seq}: ${check.broken.reason}` : "",
    };
  } finally {
    await s.close();
  }
}

interface Phase {
  name: string;
  label: string;
  auth: "required" | "off";
  env: Record<string, string>;
  headers: Record<string, string>;
}

const json = { "content-type": "application/json" };
const PHASES: Phase[] = [
  {
    name: "A",
    label: "authentication required (API key), rate limit, collection filter, audit log on",
    auth: "required",
    // The per-key limit is for people and scripts gone wrong; the bench is neither.
    env: { MONEYTRAIL_RATE_LIMIT: "100000000", MONEYTRAIL_AUDIT: "on" },
    headers: { ...json, authorization: `ApiKey ${key}` },
  },
  {
    name: "B",
    label: "authentication off (loopback), audit log off (MONEYTRAIL_AUDIT=off)",
    auth: "off",
    env: { MONEYTRAIL_AUDIT: "off" },
    headers: json,
  },
];

interface Measured {
  result: autocannon.Result;
  warmup: autocannon.Result;
  /** Screenings answered before the warm-up, while waiting for the server. */
  probes: number;
  rss: { before: Rss; after: Rss };
  /**
   * CPU seconds the server's processes used during the measured load: unlike req/s, the cost
   * per request holds on a machine others are busy on too.
   */
  cpu: number;
  /** The same for PostgreSQL's processes serving the bench's database (0 with SQLite). */
  dbCpu: number;
}

type Rss = { total: number; each: number[] };

async function runPhase(phase: Phase): Promise<Measured> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const profile = PROFILE_DIR ? path.resolve(PROFILE_DIR, phase.name) : undefined;
  if (profile) mkdirSync(profile, { recursive: true });
  const server = spawn(
    process.execPath,
    [
      ...(profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : []),
      "bin/moneytrail.js",
      "--db",
      db,
      "serve",
      "--host",
      HOST,
      "--port",
      String(port),
      "--workers",
      String(WORKERS),
      "--auth",
      phase.auth,
    ],
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...phase.env } },
  );
  let serverLog = "";
  server.stderr!.on("data", (d: Buffer) => (serverLog += d.toString()));
  const url = `http://${HOST}:${port}/match/default`;
  let probes = 0;
  for (let i = 0; ; i++) {
    if (i > 1200 || server.exitCode !== null)
      throw new Error(`phase ${phase.name}: server did not start: ${serverLog}`);
    const ready = await fetch(url, {
      method: "POST",
      headers: phase.headers,
      body: bodies[0],
    }).then(
      async (r) => {
        if (r.status !== 200 && i % 50 === 0) serverLog += `match: ${r.status} ${await r.text()}\n`;
        return r.ok;
      },
      () => false,
    );
    if (ready) probes++;
    if (ready && serverProcesses(server).length >= WORKERS + (WORKERS > 1 ? 1 : 0)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // Every process has loaded its index once each answered; give the others a moment.
  await new Promise((r) => setTimeout(r, 3000));

  const load = (seconds: number): Promise<autocannon.Result> => {
    let next = 0;
    return autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [
        {
          method: "POST",
          headers: phase.headers,
          setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        },
      ],
    });
  };
  const warmup = await load(WARMUP_SECONDS);
  const before = rssMegabytes(server);
  const cpuBefore = cpuSeconds(serverProcesses(server));
  const dbCpuBefore = cpuSeconds(databaseProcesses());
  const result = await load(SECONDS);
  const cpu = cpuSeconds(serverProcesses(server)) - cpuBefore;
  const dbCpu = cpuSeconds(databaseProcesses()) - dbCpuBefore;
  const after = rssMegabytes(server);
  await stop(server);
  return { result, warmup, probes, rss: { before, after }, cpu, dbCpu };
}

/** Stops the server and waits (bounded) until every one of its processes is gone. */
async function stop(server: ChildProcess): Promise<void> {
  const pids = serverProcesses(server);
  server.kill("SIGTERM");
  for (let i = 0; i < 300 && pids.some((pid) => alive(pid)); i++)
    await new Promise((r) => setTimeout(r, 100));
  for (const pid of pids.filter(alive)) process.kill(pid, "SIGKILL");
}

function alive(pid: number): boolean {
  try {
    // A zombie (exited, not yet reaped by its parent) has finished its work.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** The server's process and its children (one per worker; not tsx's esbuild). */
function serverProcesses(server: ChildProcess): number[] {
  const children = readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return (
          readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ")[1] ===
            String(server.pid) &&
          readFileSync(`/proc/${p}/cmdline`, "utf8").includes("bin/moneytrail.js")
        );
      } catch {
        return false;
      }
    })
    .map(Number);
  return [server.pid!, ...children];
}

/** PostgreSQL's backends for the bench's database, when it runs on this machine. */
function databaseProcesses(): number[] {
  if (!db.startsWith("postgres")) return [];
  const name = new URL(db).pathname.slice(1);
  return readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const cmdline = readFileSync(`/proc/${p}/cmdline`, "utf8");
        return cmdline.startsWith("postgres: ") && cmdline.includes(` ${name} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** User and system CPU seconds of these processes so far (Linux: clock ticks of 1/100 s). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

function rssMegabytes(server: ChildProcess): Rss {
  const each = serverProcesses(server).map((pid) => {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Math.round(Number(kb ?? 0) / 1024);
    } catch {
      return 0;
    }
  });
  return { total: each.reduce((a, b) => a + b, 0), each };
}

const failures = (r: autocannon.Result): number => r.errors + r.timeouts + r.non2xx;

interface Outcome {
  phase: Phase;
  m: Measured;
  added: number;
  chain: Awaited<ReturnType<typeof auditChain>>;
}

/** Runs a phase and checks the audit chain after it: whole, and one entry per screening with A. */
async function measure(phase: Phase): Promise<Outcome> {
  const before = await auditChain();
  const m = await runPhase(phase);
  const chain = await auditChain();
  return { phase, m, added: chain.entries - before.entries, chain };
}

const cpu = os.cpus();
console.log(
  `bench:server on ${cpu.length} cores (${cpu[0]?.model ?? "cpu"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; ${db.startsWith("postgres") ? "PostgreSQL" : "SQLite"} store, ${index.size} entities (${SHARED_LISTS.length} lists)`,
);
console.log(
  `  POST /match, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s, ${bodies.length} query bodies, server: ${WORKERS} processes`,
);
for (const phase of PHASES) console.log(`  ${phase.name}: ${phase.label}`);
let failed = false;
// Rounds alternate the order (A B, B A, …) so a machine growing busier or quieter favours neither.
for (let round = 1; round <= ROUNDS; round++) {
  const order = round % 2 === 1 ? PHASES : [...PHASES].reverse();
  const outcomes: Outcome[] = [];
  for (const phase of order) outcomes.push(await measure(phase));
  console.log(`  round ${round} (${order.map((p) => p.name).join(" then ")}):`);
  for (const { phase, m, added, chain } of outcomes) {
    const r = m.result;
    console.log(
      `    ${phase.name}: ${Math.round(r.requests.average)} req/s (${r.requests.total} requests), latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx} (goal: 0; warm-up: ${failures(m.warmup)})`,
    );
    console.log(
      `       server CPU ${m.cpu.toFixed(1)} s, ${((1000 * m.cpu) / r.requests.total).toFixed(3)} ms per request${db.startsWith("postgres") ? ` (PostgreSQL: ${m.dbCpu.toFixed(1)} s more, ${((1000 * m.dbCpu) / r.requests.total).toFixed(3)} ms per request)` : ""}; RSS ${m.rss.before.total} MB before (${m.rss.before.each.join(" + ")}), ${m.rss.after.total} MB after (${m.rss.after.each.join(" + ")})`,
    );
    // With the log on, every screening answered is one entry, plus those still in flight when
    // each of the two loads stopped (answered by the server, no longer awaited by autocannon).
    const answered = m.probes + m.warmup["2xx"] + r["2xx"];
    const accounted =
      phase.env.MONEYTRAIL_AUDIT === "off"
        ? added === 0
        : added >= answered && added <= answered + 2 * CONNECTIONS;
    console.log(
      `       audit chain after ${phase.name}: ${chain.entries} entries, ok ${chain.ok}${chain.why ? ` (${chain.why})` : ""}, walked in ${chain.ms} ms; ${added} added for ${answered} screenings answered (${accounted ? (added ? "all recorded" : "none, as it should") : "MISSING OR EXTRA ENTRIES"})`,
    );
    if (failures(r) > 0 || !chain.ok || !accounted) failed = true;
  }
  const [a, b] = PHASES.map((p) => outcomes.find((o) => o.phase === p)!.m) as [Measured, Measured];
  const ratio = a.result.requests.average / b.result.requests.average;
  const p99 = a.result.latency.p99 - b.result.latency.p99;
  const perRequest = (m: Measured): number => m.cpu / m.result.requests.total;
  console.log(
    `    A/B: throughput ${(ratio * 100).toFixed(1)}% (authentication and audit cost ${((1 - ratio) * 100).toFixed(1)}%; goal under 20%), p99 ${p99 >= 0 ? "+" : ""}${p99} ms (A's p99 goal: under 50 ms); server CPU per request ${((perRequest(a) / perRequest(b)) * 100).toFixed(1)}% of B's`,
  );
}
if (failed) process.exitCode = 1;
