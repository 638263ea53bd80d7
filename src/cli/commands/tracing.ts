/** `moneytrail trace`, `exposure` and `detect`: follow the money through the imported ledger. */
import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { loadLedger } from "../../transactions/load.ts";
import { parseTimestamp, ValueError } from "../../transactions/values.ts";
import { trace } from "../../tracing/trace.ts";
import {
  DEFAULT_HOPS,
  DEFAULT_MIN_AMOUNT,
  TRACE_DIRECTIONS,
  TRACE_METHODS,
  type TraceDirection,
  type TraceMethod,
} from "../../tracing/types.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";

interface TraceFlags {
  direction: string;
  method: string;
  hops: string;
  from?: string;
  to?: string;
  minAmount: string;
  currency?: string;
  json?: boolean;
}

export function registerTracingCommands(program: Command): void {
  const global = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command("trace <account>")
    .description("where an account's money went (forward) or came from (backward), hop by hop")
    .option("--direction <d>", TRACE_DIRECTIONS.join("|"), "forward")
    .option("--method <m>", TRACE_METHODS.join("|"), "proportional")
    .option("--hops <n>", "transfers to follow from the account", String(DEFAULT_HOPS))
    .option("--from <time>", "only transfers at or after this date/time")
    .option("--to <time>", "only transfers at or before this date/time")
    .option("--min-amount <x>", "drop flows smaller than this", String(DEFAULT_MIN_AMOUNT))
    .option("--currency <code>", "trace this currency (default: the one the account moves most)")
    .option("--json", "print the full result as JSON")
    .action(async (account: string, flags: TraceFlags) => {
      const options = {
        direction: oneOf(flags.direction, TRACE_DIRECTIONS, "--direction") as TraceDirection,
        method: oneOf(flags.method, TRACE_METHODS, "--method") as TraceMethod,
        hops: wholeNumber(flags.hops, "--hops"),
        from: timeOption(flags.from, "--from"),
        to: timeOption(flags.to, "--to"),
        minAmount: amountOption(flags.minAmount, "--min-amount"),
        currency: flags.currency?.toUpperCase(),
      };
      await withStore(global(), async (store) => {
        const ledger = await loadLedger(store);
        const result = trace(ledger, [account], options);
        if (flags.json) return printJson(result);
        process.stdout.write(
          `${result.direction} ${result.method} trace of ${account} (${result.currency}, ${result.hops} hops): ${result.flows.length} accounts, unknown source ${result.unknown_amount}${result.truncated ? " (truncated)" : ""}\n`,
        );
        process.stdout.write(`${"account".padEnd(30)} ${"amount".padStart(16)}  hops\n`);
        for (const flow of result.flows.slice(0, 50)) {
          process.stdout.write(
            `${flow.account.padEnd(30)} ${flow.amount.toFixed(2).padStart(16)}  ${flow.hops}\n`,
          );
        }
        if (result.flows.length > 50)
          process.stdout.write(`… ${result.flows.length - 50} more (--json for all)\n`);
      });
    });
}

export function oneOf(value: string, allowed: readonly string[], flag: string): string {
  if (!allowed.includes(value))
    throw new InvalidInputError(`${flag}: '${value}' is not one of ${allowed.join(", ")}`);
  return value;
}

export function wholeNumber(value: string, flag: string): number {
  if (!/^\d+$/.test(value))
    throw new InvalidInputError(`${flag}: '${value}' is not a whole number`);
  return Number(value);
}

function amountOption(value: string, flag: string): number {
  const amount = Number(value);
  if (!Number.isFinite(amount) || amount < 0)
    throw new InvalidInputError(`${flag}: '${value}' is not an amount`);
  return amount;
}

function timeOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    // A bare date as --to means the whole day.
    const ms = parseTimestamp(value);
    return flag === "--to" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + 86_399_999 : ms;
  } catch (error) {
    if (error instanceof ValueError) throw new InvalidInputError(`${flag}: ${error.message}`);
    throw error;
  }
}
