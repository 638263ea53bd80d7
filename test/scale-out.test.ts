/**
 * Scale-out on PostgreSQL, with real processes: two `serve --no-worker` instances and two
 * `moneytrail worker` processes share one database. Jobs started on one server are run by a
 * worker and polled on the other; a list update run by a worker reaches both servers' screening
 * indexes; a worker killed in the middle of a ledger import leaves no trace, and the other worker
 * imports the file once.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { addUser, createApiKey } from "../src/access/manage.ts";
import { importList } from "../src/lists/import.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { UN_XML } from "./fixtures/lists.ts";
import { needShared } from "./helpers/shared.ts";
import { backends } from "./helpers/stores.ts";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/moneytrail.js");
const postgres = backends().find((b) => b.name === "postgres");
const AMLSIM = "data/transactions/amlsim/20K_cycle200/transactions.csv";

interface Server {
  process: ChildProcess;
  url: string;
}

let url: string;
let store: Store;
let key: string;
let offline: string;
const servers: Server[] = [];
const workers = new Map<number, ChildProcess>();
const logs: string[] = [];

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MONEYTRAIL_DB: url,
    MONEYTRAIL_OFFLINE_DIR: offline,
    MONEYTRAIL_JOB_STALE_SECONDS: "3",
  };
}

function startProcess(
  args: string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: env(),
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${args[0]} did not start:\n${seen}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      logs.push(`[${args[0]} ${child.pid}] ${text}`);
      seen += text;
      const match = ready.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve({ child, line: match[0] });
      }
    });
    child.on("exit", (code) => reject(new Error(`${args[0]} exited (${code}):\n${seen}`)));
  });
}

async function startWorker(): Promise<void> {
  const { child } = await startProcess(["worker"], /taking jobs from the queue/);
  workers.set(child.pid!, child);
}

async function call<T>(
  server: Server,
  method: string,
  route: string,
  body?: unknown,
  contentType = "application/json",
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: {
      authorization: `ApiKey ${key}`,
      ...(body === undefined ? {} : { "content-type": contentType }),
    },
    ...(body === undefined ? {} : { body: Buffer.isBuffer(body) ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

interface JobView {
  id: string;
  status: string;
  attempts: number;
  worker: string | null;
  error: string | null;
  progress: { done: number; total: number | null };
  result: unknown;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  seconds = 60,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}\n${logs.join("")}`);
}

function finished(server: Server, id: string, seconds = 60): Promise<JobView> {
  return waitFor(
    `job ${id}`,
    async () => {
      const { body } = await call<JobView>(server, "GET", `/jobs/${id}`);
      return body.status === "done" || body.status === "failed" ? body : undefined;
    },
    seconds,
  );
}

const pidOf = (job: JobView) => Number(job.worker?.split(":").at(-1));

before(async () => {
  if (!postgres) return;
  url = await postgres.freshLocation();
  store = await openStore(url);
  offline = mkdtempSync(path.join(os.tmpdir(), "moneytrail-scale-"));
  const listFile = path.join(offline, "un_2026-02-27.xml");
  writeFileSync(listFile, UN_XML);
  await importList(store, [listFile], { dataset: "un_sc_sanctions" });
  await addUser(store.access, { username: "ops", role: "admin", password: "a long password" });
  key = (await createApiKey(store.access, { username: "ops", name: "scale-out test" })).secret;
  for (let i = 0; i < 2; i++) {
    const { child, line } = await startProcess(
      ["serve", "--no-worker", "--auth", "required", "--port", "0"],
      /listening on (http:\/\/\S+)/,
    );
    servers.push({ process: child, url: line.replace("listening on ", "") });
  }
  await startWorker();
  await startWorker();
});

after(async () => {
  const all = [...servers.map((s) => s.process), ...workers.values()];
  for (const child of all) child.kill("SIGTERM");
  await Promise.all(
    all.map((child) =>
      child.exitCode !== null ? undefined : new Promise((r) => child.once("exit", r)),
    ),
  );
  await store?.close();
});

test("jobs started on one server run on the workers and are polled on the other", async (t) => {
  if (!postgres) return t.skip("needs MONEYTRAIL_TEST_POSTGRES");
  const [a, b] = [servers[0]!, servers[1]!];
  const csv = Buffer.from(
    "id,name\nc1,Ri Won Ho\nc2,Korea Mining Development Trading\nc3,Jane Doe\n",
  );
  const started = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      call<JobView>(i % 2 ? b : a, "POST", `/screen?name=customers-${i}.csv`, csv, "text/csv"),
    ),
  );
  for (const { status } of started) assert.equal(status, 202);
  const jobs = await Promise.all(started.map(({ body }, i) => finished(i % 2 ? a : b, body.id)));
  for (const job of jobs) {
    assert.equal(job.status, "done", job.error ?? "");
    assert.ok(workers.has(pidOf(job)), `run by a worker process, not a server: ${job.worker}`);
  }
  const results = await call<{ rows: Array<{ hits: Array<{ match: boolean }> }> }>(
    b,
    "GET",
    `/screen/jobs/${jobs[0]!.id}/results`,
  );
  assert.deepEqual(
    results.body.rows.map((row) => row.hits.some((h) => h.match)),
    [true, true, false],
  );
  console.log(
    `# screening jobs ran on workers ${[...new Set(jobs.map((j) => j.worker))].join(", ")}`,
  );
});

test("a list update run by a worker reaches both servers' screening", async (t) => {
  if (!postgres) return t.skip("needs MONEYTRAIL_TEST_POSTGRES");
  const query = { queries: { q: { schema: "Person", properties: { name: ["Kim Sol Chong"] } } } };
  const matched = async (server: Server) => {
    const { body } = await call<{ responses: { q: { results: Array<{ match: boolean }> } } }>(
      server,
      "POST",
      "/match/default",
      query,
    );
    return body.responses.q.results.some((r) => r.match);
  };
  for (const server of servers) assert.equal(await matched(server), false);
  writeFileSync(
    path.join(offline, "un_consolidated.xml"),
    UN_XML.replace(
      "  </INDIVIDUALS>",
      `    <INDIVIDUAL><DATAID>7000001</DATAID><FIRST_NAME>KIM</FIRST_NAME><SECOND_NAME>SOL CHONG</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER><LISTED_ON>2026-03-01</LISTED_ON></INDIVIDUAL>
  </INDIVIDUALS>`,
    ),
  );
  const started = await call<JobView>(servers[0]!, "POST", "/lists/update", {
    datasets: ["un_sc_sanctions"],
  });
  assert.equal(started.status, 202);
  const job = await finished(servers[1]!, started.body.id);
  assert.equal(job.status, "done", job.error ?? "");
  assert.ok(workers.has(pidOf(job)));
  for (const server of servers)
    await waitFor(`the new listing on ${server.url}`, async () =>
      (await matched(server)) ? true : undefined,
    );
});

test("a worker killed in the middle of an import: the job retries elsewhere, nothing twice", async (t) => {
  if (!postgres) return t.skip("needs MONEYTRAIL_TEST_POSTGRES");
  const file = needShared(t, AMLSIM);
  if (!file) return;
  // The run four times over (this format numbers transfers by row): an import of several seconds,
  // long enough to be caught in the middle on a fast machine.
  const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split(/\r?\n/);
  const body = Array.from({ length: 4 }, () => lines.join("\n")).join("\n");
  const bytes = Buffer.from(`${header}\n${body}\n`);
  const rows = lines.length * 4;
  const started = await call<JobView>(
    servers[0]!,
    "POST",
    "/transactions/import?name=transactions.csv&dataset=amlsim_cycle&format=amlsim",
    bytes,
    "text/csv",
  );
  assert.equal(started.status, 202, JSON.stringify(started.body));
  // Wait until a worker is part-way through, then kill it without warning.
  let last: JobView | undefined;
  const running = await waitFor("the import to be under way", async () => {
    const { body } = await call<JobView>(servers[1]!, "GET", `/jobs/${started.body.id}`);
    last = body;
    if (body.status === "done" || body.status === "failed")
      throw new Error(`the import ended before it could be interrupted: ${JSON.stringify(body)}`);
    return body.status === "running" && body.progress.done > 0 ? body : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\nlast seen: ${JSON.stringify(last)}`);
  });
  const victim = pidOf(running);
  assert.ok(workers.has(victim));
  workers.get(victim)!.kill("SIGKILL");
  workers.delete(victim);
  await startWorker(); // the killed machine comes back; either may take the retry
  const job = await finished(servers[1]!, started.body.id, 120);
  assert.equal(job.status, "done", job.error ?? "");
  assert.equal(job.attempts, 2);
  assert.notEqual(pidOf(job), victim);
  const summary = await store.ledger.summary();
  const dataset = summary.datasets.find((d) => d.dataset === "amlsim_cycle");
  assert.equal(dataset?.transfers, rows, "every transfer once");
  assert.equal((job.result as { added: number }).added, rows);
});
