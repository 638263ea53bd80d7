import path from "node:path";
import cluster from "node:cluster";
import os from "node:os";
import v8 from "node:v8";
import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { buildApp } from "../../server/app.ts";
import type { AuthMode } from "../../server/access/guard.ts";
import { isLoopback } from "../../server/access/authenticator.ts";
import { checkAuditSwitch, isPostgresUrl } from "../../config.ts";
import { openStore } from "../../store/open.ts";
import { buildDemo } from "../../demo/workspace.ts";
import { resolveConfig, type GlobalOptions } from "../context.ts";
import { ScreeningService } from "../../screening/service.ts";
import { startJobSystem, workerName } from "../../jobs/start.ts";

interface ServeFlags {
  host: string;
  port: string;
  workers: string;
  auth: string;
  /** False with --no-worker: leave jobs to `moneytrail worker` processes. */
  worker: boolean;
}

interface ServeOptions {
  host: string;
  port: number;
  auth?: string;
  worker?: boolean;
}

const AUTH_HELP =
  "auto (off for an SQLite store on loopback, else required), required, or off (loopback only)";

/**
 * Authentication is off only where one person can reach the server: the embedded SQLite store on
 * a loopback address. Anything reachable from elsewhere, or a shared PostgreSQL, needs it.
 */
export function authModeFor(flag: string, host: string, db: string): AuthMode {
  if (!["auto", "required", "off"].includes(flag))
    throw new InvalidInputError(`serve: --auth must be auto, required or off, not '${flag}'`);
  if (flag === "off" && !isLoopback(host))
    throw new InvalidInputError(
      `serve: --auth off is only for a loopback address, not '${host}'; add users (moneytrail users add) and use --auth required`,
    );
  if (flag === "required") return "required";
  if (flag === "off") return "open";
  return isLoopback(host) && !isPostgresUrl(db) ? "open" : "required";
}

export function registerServeCommand(program: Command): void {
  program
    .command("demo")
    .description(
      "write the demo workspace (a network after the seed articles, a made-up ledger and documents) into the store",
    )
    .option("--serve", "then serve the API on --host and --port")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port", "8080")
    .option("--auth <mode>", AUTH_HELP, "auto")
    .action(async (flags: { serve?: boolean; host: string; port: string; auth: string }) => {
      const port = parsePort(flags.port);
      const config = resolveConfig(program.opts<GlobalOptions>());
      const store = await openStore(config.db);
      try {
        const summary = await buildDemo(store, (line) => process.stderr.write(`${line}\n`));
        process.stdout.write(
          `${summary.created ? "demo written" : "demo already there"} in ${config.db}: ${summary.entities} entities, ` +
            `${summary.transfers} transfers (${summary.accountLinks} accounts linked), ${summary.documents} documents, ${summary.mentions} mentions\n`,
        );
      } finally {
        await store.close();
      }
      if (flags.serve) await serveOne(program, { host: flags.host, port, auth: flags.auth });
    });

  program
    .command("serve")
    .description("serve the API (yente-compatible /match, /search, /entities …)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port", "8080")
    .option("--workers <n>", "server processes sharing the port, each with its own index", "1")
    .option("--auth <mode>", AUTH_HELP, "auto")
    .option(
      "--no-worker",
      "PostgreSQL: only send background jobs to the queue, for `moneytrail worker` processes to run",
    )
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new InvalidInputError("serve: --workers must be 1 to 64");
      const config = resolveConfig(program.opts<GlobalOptions>());
      // Refuse a bad combination before forking.
      checkAuditSwitch(config, authModeFor(flags.auth, flags.host, config.db) === "required");
      if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers);
      await serveOne(program, { host: flags.host, port, auth: flags.auth, worker: flags.worker });
    });

  program
    .command("worker")
    .description(
      "run background jobs (list updates, imports, batch screens, resolution, detection) from the PostgreSQL queue",
    )
    .option("--concurrency <n>", "jobs of each kind run at once", "1")
    .action(async (flags: { concurrency: string }) => {
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
        throw new InvalidInputError("worker: --concurrency must be 1 to 16");
      const config = resolveConfig(program.opts<GlobalOptions>());
      if (!isPostgresUrl(config.db))
        throw new InvalidInputError(
          "worker: needs a PostgreSQL store (MONEYTRAIL_DB=postgres://… or --db); with the embedded SQLite store, serve runs jobs itself",
        );
      const store = await openStore(config.db);
      let screening: ScreeningService | undefined;
      const jobs = await startJobSystem(
        {
          store,
          screening: () => (screening ??= new ScreeningService(store)),
          config,
          log: (line) => process.stderr.write(`worker: ${line}\n`),
        },
        { work: true, concurrency, logError: logToStderr },
      );
      process.stderr.write(`worker: ${workerName()} taking jobs from the queue\n`);
      await untilSignal(async () => {
        await jobs.close();
        await store.close();
      });
    });
}

function logToStderr(error: unknown): void {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
}

/** Runs `stop` on the first SIGINT or SIGTERM, then exits; never returns otherwise. */
async function untilSignal(stop: () => Promise<void>): Promise<never> {
  const shutdown = (): void => {
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logToStderr(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return new Promise<never>(() => undefined);
}

/** How long the primary waits for its workers to finish and flush when it is stopped. */
const STOP_SECONDS = 30;

/** The primary of a multi-process server: starts the workers and replaces any that die. */
async function superviseWorkers(count: number): Promise<void> {
  let stopping = false;
  // With a worker per core, V8's helper threads for collecting garbage in parallel only take
  // time from the other workers: on 2 cores under 50 connections, single-threaded collection
  // served 3–4% more requests with a shorter tail.
  if (count >= os.availableParallelism())
    cluster.setupPrimary({ execArgv: [...process.execArgv, "--single-threaded-gc"] });
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    process.stderr.write(
      `serve: worker ${worker.process.pid} exited (${code}); starting another\n`,
    );
    cluster.fork();
  });
  const stop = (): void => {
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    // Each worker finishes its requests and writes its queued audit events before it exits; the
    // primary waits for them (a worker left behind would exit at once, losing those events).
    let left = running.length;
    if (left === 0) process.exit(0);
    cluster.on("exit", () => {
      if (--left === 0) process.exit(0);
    });
    for (const worker of running) worker.kill("SIGTERM");
    setTimeout(() => {
      process.stderr.write(`serve: ${left} worker(s) still stopping after ${STOP_SECONDS} s\n`);
      process.exit(1);
    }, STOP_SECONDS * 1000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise(() => undefined);
}

/**
 * V8 learns at start-up, while the screening index is built, that what prepareName and its
 * helpers allocate lives long, and from then on allocates it straight in the old generation. On a
 * server those same functions prepare every query, whose objects die at once: they filled the old
 * generation and its pointers into the young one doubled every young collection's pause (2.5 →
 * 0.8 ms matching alone, 4 → 2 ms per pause in `serve` under load). A server keeps
 * allocation-site pretenuring off for the rest of its life.
 */
function keepQueryGarbageYoung(): void {
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
}

export async function serveOne(program: Command, options: ServeOptions): Promise<void> {
  keepQueryGarbageYoung();
  const { host, port } = options;
  const config = resolveConfig(program.opts<GlobalOptions>());
  const auth = authModeFor(options.auth ?? "auto", host, config.db);
  const store = await openStore(config.db);
  if (auth === "required" && (await store.access.countUsers()) === 0)
    process.stderr.write(
      "serve: authentication is on and there are no users yet: moneytrail users add <name> --role admin --password-stdin\n",
    );
  const screening = new ScreeningService(store);
  const jobs = await startJobSystem(
    {
      store,
      screening: () => screening,
      config,
      log: (line) => process.stderr.write(`job: ${line}\n`),
    },
    { work: options.worker ?? true, logError: logToStderr },
  );
  const app = await buildApp({
    store,
    screening,
    jobs: jobs.queue,
    config,
    // Workers of a multi-process server log only what went wrong (a failed audit write, a 500):
    // one request log per machine is enough, but no failure may go unseen.
    logger: cluster.isPrimary ? true : { level: "warn" },
    auth,
    rateLimitPerMinute: config.rateLimitPerMinute,
    // The address it listens on is a name its users may type; without sign-in, the only other.
    allowedHosts: [host],
    auditSpoolDir: path.join(config.dataDir, "audit-spool"),
  });
  process.stderr.write(
    `serve: authentication ${auth === "open" ? "off (loopback, single user)" : "required"}\n`,
  );
  // Build the screening index before taking traffic, so the first request is not slow.
  const ready = await app.inject({ method: "GET", url: "/readyz" });
  process.stderr.write(`serve: screening index ${ready.body}\n`);
  const address = await app.listen({ host, port });
  process.stderr.write(`serve: listening on ${address}\n`);
  await untilSignal(async () => {
    await app.close();
    await jobs.close();
    await store.close();
  });
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError(`serve: bad port '${text}'`);
  return port;
}
