import { stat } from "node:fs/promises";
import type { Command } from "commander";
import { resolveAfterUpdate } from "../../resolution/after-update.ts";
import { InvalidInputError } from "../../errors.ts";
import { diffRecords, type ListDiff } from "../../lists/diff.ts";
import { importList } from "../../lists/import.ts";
import { readMapping } from "../../lists/csv/mapping.ts";
import { isListFormat, LIST_FORMATS, type ListFormat } from "../../lists/types.ts";
import { updateLists } from "../../lists/update/update.ts";
import { resolveVersion, statusRow } from "../../lists/versions.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { startProgress } from "../progress.ts";

interface ImportFlags {
  format?: string;
  dataset?: string;
  version?: string;
  mapping?: string;
}

export function registerListCommands(program: Command): void {
  const lists = program
    .command("lists")
    .description("sanctions lists: import, versions, diffs, updates");
  const global = (): GlobalOptions => program.opts<GlobalOptions>();

  lists
    .command("import <files...>")
    .description("import list files as a new version of a dataset (format detected unless given)")
    .option("--format <format>", LIST_FORMATS.join("|"))
    .option("--dataset <name>", "dataset name (default by format: us_ofac_sdn, un_sc_sanctions, …)")
    .option("--version <label>", "version label (default: the date in the file name, else now)")
    .option("--mapping <file>", "JSON column mapping for --format csv")
    .action(async (files: string[], flags: ImportFlags) => {
      const format = parseFormat(flags.format);
      const mapping = flags.mapping ? await readMapping(flags.mapping) : undefined;
      await withStore(global(), async (store) => {
        const total = (await stat(files[0]!).catch(() => undefined))?.size ?? 0;
        const progress = startProgress(`import ${files[0]}`, total);
        try {
          const started = Date.now();
          const { version, unresolvedLinks } = await importList(store, files, {
            format,
            dataset: flags.dataset,
            version: flags.version,
            mapping,
            onProgress: (bytes) => progress.update(bytes),
          });
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          progress.stop(
            `${version.dataset} ${version.label}: ${version.entries} entries imported in ${seconds}s` +
              (unresolvedLinks
                ? ` (${unresolvedLinks} links to unlisted names kept in the source records)`
                : ""),
          );
        } catch (error) {
          progress.stop("failed; the active version is unchanged");
          throw error;
        }
      });
    });

  lists
    .command("status")
    .description("the active version of every dataset")
    .option("--json", "print JSON")
    .action(async (flags: { json?: boolean }) => {
      await withStore(global(), async (store) => {
        const rows = (await store.activeVersions()).map(statusRow);
        if (flags.json) return printJson(rows);
        if (rows.length === 0)
          return void process.stdout.write(
            "no lists imported; try `moneytrail lists import <file>`\n",
          );
        for (const row of rows) {
          process.stdout.write(
            `${String(row.dataset).padEnd(26)} ${String(row.version).padEnd(22)} ${String(row.entries).padStart(7)} entries  ${String(row.imported_at)}\n`,
          );
        }
      });
    });

  lists
    .command("versions [dataset]")
    .description("every version kept, active one marked")
    .option("--json", "print JSON")
    .action(async (dataset: string | undefined, flags: { json?: boolean }) => {
      await withStore(global(), async (store) => {
        const versions = await store.listVersions(dataset);
        if (flags.json) return printJson(versions);
        for (const v of versions) {
          process.stdout.write(
            `${v.active ? "*" : " "} ${v.dataset.padEnd(26)} ${v.label.padEnd(22)} ${String(v.entries).padStart(7)} ${v.importedAt}\n`,
          );
        }
      });
    });

  lists
    .command("diff <dataset> <versionA> <versionB>")
    .description(
      "designations added, removed and changed from A to B (labels, ids, 'previous', 'active')",
    )
    .option("--json", "print JSON")
    .action(async (dataset: string, refA: string, refB: string, flags: { json?: boolean }) => {
      await withStore(global(), async (store) => {
        const a = await resolveVersion(store, dataset, refA);
        const b = await resolveVersion(store, dataset, refB);
        const diff = await diffRecords(store.iterateRecords(a.id), store.iterateRecords(b.id));
        if (flags.json) return printJson({ dataset, from: a.label, to: b.label, ...diff });
        process.stdout.write(formatDiff(dataset, a.label, b.label, diff));
      });
    });

  lists
    .command("update")
    .description("download the official lists from their publishers and import what changed")
    .option("--dataset <name...>", "only these datasets")
    .option(
      "--from-file <file>",
      "import this already-downloaded file instead (needs one --dataset)",
    )
    .option(
      "--offline-dir <dir>",
      "take files from this folder instead of downloading (air-gapped sites)",
    )
    .option("--no-resolve", "do not redo the automatic merges of `resolve` afterwards")
    .action(
      async (flags: {
        dataset?: string[];
        fromFile?: string;
        offlineDir?: string;
        resolve: boolean;
      }) => {
        await withStore(global(), async (store, config) => {
          const results = await updateLists(store, config, {
            datasets: flags.dataset,
            fromFile: flags.fromFile,
            offlineDir: flags.offlineDir ?? config.offlineDir,
            log: (line) => process.stderr.write(`${line}\n`),
          });
          const failed = results.filter((r) => r.status === "failed");
          for (const r of results)
            process.stdout.write(`${r.dataset.padEnd(26)} ${r.status.padEnd(10)} ${r.detail}\n`);
          if (failed.length > 0) process.exitCode = 1;
          const summary = flags.resolve ? await resolveAfterUpdate(store, results) : undefined;
          if (summary) {
            process.stdout.write(
              `resolve: ${summary.merged} merged, ${summary.review} waiting for review (${(summary.millis / 1000).toFixed(1)} s)\n`,
            );
          }
        });
      },
    );
}

function parseFormat(value: string | undefined): ListFormat | undefined {
  if (value === undefined) return undefined;
  if (!isListFormat(value))
    throw new InvalidInputError(
      `lists import: unknown format '${value}' (${LIST_FORMATS.join(", ")})`,
    );
  return value;
}

function formatDiff(dataset: string, from: string, to: string, diff: ListDiff): string {
  const lines = [
    `${dataset} ${from} → ${to}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged`,
  ];
  for (const e of diff.added) lines.push(`+ ${e.sourceId}  ${e.caption}`);
  for (const e of diff.removed) lines.push(`- ${e.sourceId}  ${e.caption}`);
  for (const e of diff.changed) {
    lines.push(`~ ${e.sourceId}  ${e.caption}`);
    for (const f of e.fields)
      lines.push(`    ${f.field}: ${truncate(f.before)} → ${truncate(f.after)}`);
  }
  return `${lines.join("\n")}\n`;
}

function truncate(value: string | undefined, max = 160): string {
  if (value === undefined) return "∅";
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
