/**
 * The `moneytrail` command. Each area registers its subcommands; errors are turned into messages
 * and exit codes here and nowhere else.
 */
import { Command, CommanderError } from "commander";
import { MoneytrailError } from "../errors.ts";
import { registerDocumentCommands } from "./commands/documents.ts";
import { registerEntityCommands } from "./commands/entities.ts";
import { registerGraphCommands } from "./commands/graph.ts";
import { registerListCommands } from "./commands/lists.ts";
import { registerResolutionCommands } from "./commands/resolution.ts";
import { registerScreeningCommands } from "./commands/screening.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerTracingCommands } from "./commands/tracing.ts";
import { registerTransactionCommands } from "./commands/transactions.ts";
import { registerAccessCommands } from "./commands/access.ts";

export function buildProgram(): Command {
  const program = new Command("moneytrail")
    .description("Follow the money: sanctions lists, screening, tracing, documents and networks")
    .option(
      "--db <path-or-url>",
      "SQLite file or postgres:// URL (default: $MONEYTRAIL_DB or ./moneytrail-data/moneytrail.db)",
    )
    .showHelpAfterError()
    .exitOverride();
  registerListCommands(program);
  registerEntityCommands(program);
  registerResolutionCommands(program);
  registerGraphCommands(program);
  registerScreeningCommands(program);
  registerDocumentCommands(program);
  registerTransactionCommands(program);
  registerTracingCommands(program);
  registerServeCommand(program);
  registerAccessCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    // A command that ran but found a problem (audit verify on a broken chain) sets exitCode.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help or the usage problem.
    return error.exitCode;
  }
  if (error instanceof MoneytrailError) {
    process.stderr.write(`moneytrail: ${error.message}\n`);
    return error.status >= 500 ? 1 : 2;
  }
  process.stderr.write(
    `moneytrail: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
  );
  return 1;
}
