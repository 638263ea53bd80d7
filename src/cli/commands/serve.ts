import cluster from "node:cluster";
import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { buildApp } from "../../server/app.ts";
import { openStore } from "../../store/open.ts";
import { buildDemo } from "../../demo/workspace.ts";
import { resolveConfig, type GlobalOptions } from "../context.ts";

interface ServeFlags {
  host: string;
  port: string;
  workers: string;
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
    .action(async (flags: { serve?: boolean; host: string; port: string }) => {
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
      if (flags.serve) await serveOne(program, flags.host, port);
    });

  program
    .command("serve")
    .description("serve the API (yente-compatible /match, /search, /entities …)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port", "8080")
    .option("--workers <n>", "server processes sharing the port, each with its own index", "1")
    .action(async (flags: ServeFlags) => {
      const port = parsePort(flags.port);
      const workers = Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new InvalidInputError("serve: --workers must be 1 to 64");
      if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers);
      await serveOne(program, flags.host, port);
    });
}

/** The primary of a multi-process server: starts the workers and replaces any that die. */
async function superviseWorkers(count: number): Promise<void> {
  let stopping = false;
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
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await new Promise(() => undefined);
}

export async function serveOne(program: Command, host: string, port: number): Promise<void> {
  const config = resolveConfig(program.opts<GlobalOptions>());
  const store = await openStore(config.db);
  const app = await buildApp({ store, config, logger: cluster.isPrimary });
  // Build the screening index before taking traffic, so the first request is not slow.
  const ready = await app.inject({ method: "GET", url: "/readyz" });
  process.stderr.write(`serve: screening index ${ready.body}\n`);
  await app.listen({ host, port });
  process.stderr.write(`serve: listening on http://${host}:${port}\n`);
  const shutdown = async (): Promise<void> => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  await new Promise(() => undefined);
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidInputError(`serve: bad port '${text}'`);
  return port;
}
