/** `moneytrail trace`, `exposure` and `detect`: follow the money through the imported ledger. */
import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { sanctionedAccounts, visibleLinks } from "../../transactions/ledger-cache.ts";
import { loadLedger } from "../../transactions/load.ts";
import { computeExposure } from "../../tracing/exposure.ts";
import { detect, parseTypologies } from "../../typologies/detect.ts";
import { DEFAULT_DETECT_OPTIONS } from "../../typologies/types.ts";
import { parseTimeBound } from "../../transactions/values.ts";
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
        from: parseTimeBound(flags.from, "--from", false),
        to: parseTimeBound(flags.to, "--to", true),
        minAmount: amountOption(flags.minAmount, "--min-amount"),
        currency: flags.currency?.toUpperCase(),
        // One user's own process: no budget, unlike the server's shared thread.
        budget: Infinity,
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
  registerExposureCommand(program, global);
  registerDetectCommand(program, global);
}

interface ExposureFlags {
  hops: string;
  threshold: string;
  sanctioned?: string[];
  minAmount: string;
  limit: string;
  json?: boolean;
}

interface DetectFlags {
  typology?: string[];
  structuringThreshold: string;
  json?: boolean;
}

function registerExposureCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command("exposure")
    .description("share of each account's money that came from or went to sanctioned parties")
    .option("--hops <n>", "hops from a sanctioned account", "3")
    .option("--threshold <score>", "lowest account-link score that counts as sanctioned", "0.8")
    .option("--sanctioned <accounts...>", "treat these accounts as sanctioned too")
    .option("--min-amount <x>", "drop flows smaller than this", String(DEFAULT_MIN_AMOUNT))
    .option("--limit <n>", "accounts to print (JSON: all)", "50")
    .option("--json", "print as JSON")
    .action(async (flags: ExposureFlags) => {
      const hops = wholeNumber(flags.hops, "--hops");
      const threshold = amountOption(flags.threshold, "--threshold");
      await withStore(global(), async (store) => {
        const [ledger, links] = await Promise.all([
          loadLedger(store),
          // The single user reads every dataset: one link per account and entity, as the server's.
          store.ledger.listAccountLinks().then((all) => visibleLinks(all)),
        ]);
        const sanctioned = sanctionedAccounts(ledger, links, threshold, flags.sanctioned);
        if (sanctioned.size === 0) {
          throw new InvalidInputError(
            "exposure: no sanctioned accounts; run `moneytrail tx link` after importing lists, or name some with --sanctioned",
          );
        }
        const rows = computeExposure(ledger, sanctioned, {
          hops,
          minAmount: amountOption(flags.minAmount, "--min-amount"),
        });
        const sanctionedIds = [...sanctioned].map((a) => ledger.accountIds[a]!);
        const linked = links.filter(
          (l) => l.score >= threshold && sanctionedIds.includes(l.accountId),
        );
        if (flags.json) {
          return printJson({
            hops,
            sanctioned: sanctionedIds.map((account) => ({
              account,
              entities: linked
                .filter((l) => l.accountId === account)
                .map((l) => ({ id: l.entityId, caption: l.caption, score: l.score })),
            })),
            accounts: rows,
          });
        }
        process.stdout.write(
          `${sanctioned.size} sanctioned accounts; ${rows.length} accounts exposed within ${hops} hops\n`,
        );
        process.stdout.write(
          `${"account".padEnd(28)} cur ${"in exposed".padStart(14)} share ${"out exposed".padStart(14)} share hops\n`,
        );
        for (const r of rows.slice(0, wholeNumber(flags.limit, "--limit"))) {
          process.stdout.write(
            `${r.account.padEnd(28)} ${r.currency} ${r.inflow_exposed.toFixed(2).padStart(14)} ${r.inflow_share.toFixed(2).padStart(5)} ${r.outflow_exposed.toFixed(2).padStart(14)} ${r.outflow_share.toFixed(2).padStart(5)} ${String(r.hops).padStart(4)}\n`,
          );
        }
      });
    });
}

function registerDetectCommand(program: Command, global: () => GlobalOptions): void {
  program
    .command("detect")
    .description(
      "find laundering typologies: fan-in/out, cycles, scatter-gather, layering, structuring…",
    )
    .option("--typology <names...>", "only these typologies")
    .option(
      "--structuring-threshold <amount>",
      "reporting threshold for structuring",
      String(DEFAULT_DETECT_OPTIONS.structuringThreshold),
    )
    .option("--json", "print as JSON")
    .action(async (flags: DetectFlags) => {
      const wanted = parseTypologies(flags.typology);
      const structuringThreshold = amountOption(
        flags.structuringThreshold,
        "--structuring-threshold",
      );
      await withStore(global(), async (store) => {
        const ledger = await loadLedger(store);
        const alerts = detect(ledger, wanted, { structuringThreshold });
        if (flags.json) return printJson({ alerts });
        process.stdout.write(`${alerts.length} alerts\n`);
        for (const a of alerts) {
          process.stdout.write(
            `${a.id.padEnd(11)} ${a.typology.padEnd(19)} ${a.score.toFixed(2)}  ${a.accounts.length} accounts, ${a.transactions.length} transfers: ${a.reason}\n`,
          );
        }
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
