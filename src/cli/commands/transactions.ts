/** `moneytrail tx …`: the transaction ledger (import, status, links to listed entities). */
import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { FORCE_HINT, refuseListName } from "../../access/collection-claims.ts";
import { InvalidInputError } from "../../errors.ts";
import { readMapping } from "../../lists/csv/mapping.ts";
import { ScreeningService } from "../../screening/service.ts";
import { defaultDataset, importLedgerFile } from "../../transactions/import.ts";
import { linkAccounts } from "../../transactions/link.ts";
import { LEDGER_FORMATS, type LedgerFormat } from "../../transactions/types.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { startProgress } from "../progress.ts";

interface ImportFlags {
  force?: boolean;
  format?: string;
  mapping?: string;
  dataset?: string;
  currency?: string;
  baseDate?: string;
  json?: boolean;
}

export function registerTransactionCommands(program: Command): void {
  const global = (): GlobalOptions => program.opts<GlobalOptions>();
  const tx = program
    .command("tx")
    .description("transaction ledger: import transfers, link account owners");

  tx.command("import <file>")
    .description(
      "import transfers (format detected unless given); re-importing a file adds nothing",
    )
    .option("--format <format>", LEDGER_FORMATS.join("|"))
    .option("--mapping <file>", 'JSON column mapping for csv: {"source": "from_acct", …}')
    .option(
      "--dataset <name>",
      "dataset name (default: the file name, or its folder for transactions.csv)",
    )
    .option("--currency <code>", "currency of rows that name none (default XXX, unknown)")
    .option("--base-date <date>", "day zero of AMLSim time steps", "2017-01-01")
    .option("--json", "print the result as JSON")
    .option("--force", "import even into an official list's dataset name (reserved otherwise)")
    .action(async (file: string, flags: ImportFlags) => {
      const format = parseLedgerFormat(flags.format);
      const mapping = flags.mapping ? await readMapping(flags.mapping) : undefined;
      await withStore(global(), async (store) => {
        // The server's rule (writable.ts): a ledger under a list's name takes the list's
        // collection. The operator may insist, knowing what it does.
        if (!flags.force)
          await refuseListName(store, flags.dataset ?? defaultDataset(file), FORCE_HINT);
        const total = (await stat(file).catch(() => undefined))?.size ?? 0;
        const progress = startProgress(`import ${file}`, total);
        const started = performance.now();
        try {
          const result = await importLedgerFile(store, file, {
            format,
            mapping,
            dataset: flags.dataset,
            currency: flags.currency,
            baseDate: flags.baseDate,
            onProgress: (bytes) => progress.update(bytes),
          });
          const seconds = (performance.now() - started) / 1000;
          progress.stop(
            `${result.dataset}: ${result.rows} transfers read, ${result.added} new, ${result.accounts} account records (${result.format}, ${seconds.toFixed(1)}s, ${Math.round(result.rows / seconds)} transfers/s)`,
          );
          if (flags.json) printJson({ ...result, seconds });
        } catch (error) {
          progress.stop("failed; the ledger is unchanged");
          throw error;
        }
      });
    });

  registerLinkCommand(tx, global);

  tx.command("status")
    .description("transfers and accounts in the ledger, by dataset")
    .option("--json", "print as JSON")
    .action(async (flags: { json?: boolean }) => {
      await withStore(global(), async (store) => {
        const summary = await store.ledger.summary();
        if (flags.json) return printJson(summary);
        for (const d of summary.datasets)
          process.stdout.write(
            `${d.dataset.padEnd(30)} ${String(d.transfers).padStart(10)} transfers\n`,
          );
        process.stdout.write(
          `${summary.transfers} transfers, ${summary.accounts} accounts with details, ${summary.links} links to listed entities\n`,
        );
      });
    });
}

function registerLinkCommand(tx: Command, global: () => GlobalOptions): void {
  tx.command("link")
    .description(
      "screen every account owner against the active lists; keep the matches as evidence",
    )
    .option("--threshold <score>", "lowest score kept as a link", "0.8")
    .option("--json", "print the links as JSON")
    .action(async (flags: { threshold: string; json?: boolean }) => {
      const threshold = Number(flags.threshold);
      if (!(threshold > 0 && threshold <= 1))
        throw new InvalidInputError(`--threshold: '${flags.threshold}' is not a score in (0, 1]`);
      await withStore(global(), async (store) => {
        const accounts = await store.ledger.listAccounts();
        const screening = new ScreeningService(store);
        const progress = startProgress("link accounts", accounts.length);
        const links = await linkAccounts(accounts, screening, {
          threshold,
          onProgress: (n) => progress.update(n),
        });
        await store.ledger.replaceAccountLinks(links);
        // Counted per dataset's account record: the same id in two datasets is linked twice.
        progress.stop(
          `${links.length} links for ${new Set(links.map((l) => l.accountId)).size} of ${accounts.length} accounts`,
        );
        if (flags.json) return printJson(links);
        for (const l of links)
          process.stdout.write(
            `${l.accountId.padEnd(30)} ${l.score.toFixed(2)}  ${l.entityId}  ${l.caption}  (${l.dataset})\n`,
          );
      });
    });
}

function parseLedgerFormat(value: string | undefined): LedgerFormat | undefined {
  if (value === undefined) return undefined;
  if (!(LEDGER_FORMATS as readonly string[]).includes(value)) {
    throw new InvalidInputError(
      `tx import: unknown format '${value}' (${LEDGER_FORMATS.join(", ")})`,
    );
  }
  return value as LedgerFormat;
}
