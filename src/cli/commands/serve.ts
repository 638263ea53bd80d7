import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { buildApp } from "../../server/app.ts";
import { openStore } from "../../store/open.ts";
import { resolveConfig, type GlobalOptions } from "../context.ts";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the API (yente-compatible /match, /search, /entities …)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port", "8080")
    .action(async (flags: { host: string; port: string }) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InvalidInputError(`serve: bad port '${flags.port}'`);
      const config = resolveConfig(program.opts<GlobalOptions>());
      const store = await openStore(config.db);
      const app = await buildApp({ store, logger: true });
      // Build the screening index before taking traffic, so the first request is not slow.
      const ready = await app.inject({ method: "GET", url: "/readyz" });
      app.log.info(`screening index: ${ready.body}`);
      await app.listen({ host: flags.host, port });
      const shutdown = async (): Promise<void> => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", () => void shutdown());
      process.once("SIGTERM", () => void shutdown());
      // Keep the command running until a signal stops the server.
      await new Promise(() => undefined);
    });
}
