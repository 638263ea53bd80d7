import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Command } from "commander";
import type { MatchOptions } from "../../matching/types.ts";
import { screenFile } from "../../screening/batch/screen.ts";
import { rescreen } from "../../screening/rescreen.ts";
import { startProgress, type Progress } from "../progress.ts";
import { InvalidInputError } from "../../errors.ts";
import { caption } from "../../model/entity.ts";
import { comparePairsFile } from "../../screening/compare.ts";
import { queryFromEntity } from "../../screening/query.ts";
import { LOCAL_SCOPE } from "../../screening/decisions.ts";
import { recordDecision } from "../../screening/record-decision.ts";
import { ScreeningService } from "../../screening/service.ts";
import { toYenteResult } from "../../screening/yente.ts";
import { DECISIONS, type DecisionKind } from "../../store/store.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";

interface MatchFlags {
  schema: string;
  birthDate?: string;
  country?: string[];
  id?: string[];
  dataset?: string[];
  limit: string;
  threshold: string;
  json?: boolean;
}

export function registerScreeningCommands(program: Command): void {
  const global = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command("match <name>")
    .description("screen one name against the active lists, with an explanation per feature")
    .option(
      "--schema <schema>",
      "Person, Organization, Company, Vessel, LegalEntity …",
      "LegalEntity",
    )
    .option("--birth-date <date>", "birth date (any of the forms lists use)")
    .option("--country <code...>", "nationality or country")
    .option("--id <value...>", "passport, IMO, BIC, wallet or other identifier")
    .option("--dataset <name...>", "only these datasets")
    .option("--limit <n>", "results", "5")
    .option("--threshold <t>", "score from which a result is a match", "0.7")
    .option("--json", "print yente-style JSON")
    .action(async (name: string, flags: MatchFlags) => {
      const query = queryFromEntity({
        schema: flags.schema,
        properties: {
          name: [name],
          birthDate: flags.birthDate ? [flags.birthDate] : [],
          country: flags.country ?? [],
          idNumber: flags.id ?? [],
        },
      });
      const limit = Number(flags.limit);
      const threshold = Number(flags.threshold);
      if (!Number.isInteger(limit) || limit < 1 || !(threshold >= 0 && threshold <= 1)) {
        throw new InvalidInputError(
          "match: --limit must be a positive whole number and --threshold in [0, 1]",
        );
      }
      await withStore(global(), async (store) => {
        const service = new ScreeningService(store);
        const [answer] = await service.match([query], {
          limit,
          threshold,
          includeDatasets: flags.dataset,
        });
        const results = answer!.results;
        if (flags.json)
          return printJson({ query, results: results.map((r) => toYenteResult(r, () => null)) });
        if (results.length === 0) return void process.stdout.write("no candidates\n");
        for (const [rank, r] of results.entries()) {
          const decided = r.decision ? `  [${r.decision.decision} by ${r.decision.reviewer}]` : "";
          process.stdout.write(
            `${rank + 1}. ${r.score.toFixed(3)} ${r.match ? "MATCH" : "     "} ${caption(r.entity)} [${r.entity.schema}] ${r.entity.id} (${r.entity.datasets.join(", ")})${decided}\n`,
          );
          for (const [feature, e] of Object.entries(r.explanations)) {
            process.stdout.write(
              `     ${feature.padEnd(10)} ${e.weight >= 0 ? "+" : ""}${e.weight.toFixed(3)}  ${e.detail}\n`,
            );
          }
        }
      });
    });

  program
    .command("compare")
    .description("score labelled name pairs (columns schema,name1,name2; others passed through)")
    .requiredOption("--pairs <file>", "input CSV")
    .requiredOption("--out <file>", "output CSV with score and match added")
    .option("--threshold <t>", "score from which a pair is a match", "0.7")
    .action(async (flags: { pairs: string; out: string; threshold: string }) => {
      const count = await comparePairsFile(flags.pairs, flags.out, Number(flags.threshold));
      process.stderr.write(`compare: ${count} pairs scored into ${flags.out}\n`);
    });

  program
    .command("screen <input>")
    .description(
      "screen a customer file (CSV or XLSX: id,name[,schema,birth_date,country,identifier])",
    )
    .requiredOption(
      "--out <file>",
      "results CSV: input_id,rank,score,match,entity_id,caption,schema,datasets,source_id,error",
    )
    .option("--threshold <t>", "score from which a candidate is a match", "0.7")
    .option("--limit <n>", "candidates per input row", "5")
    .option("--dataset <name...>", "only these datasets")
    .option(
      "--workers <n>",
      "worker threads (0 screens in this thread)",
      String(Math.max(1, availableParallelism())),
    )
    .option("--no-keep", "do not keep the screened records for re-screening")
    .action(
      async (
        input: string,
        flags: {
          out: string;
          threshold: string;
          limit: string;
          dataset?: string[];
          workers: string;
          keep: boolean;
        },
      ) => {
        const match = parseMatchFlags(flags);
        await withStore(global(), async (store, config) => {
          const total = (await stat(input).catch(() => undefined))?.size ?? 0;
          let progress: Progress | undefined;
          const summary = await screenFile({
            input,
            output: flags.out,
            store,
            db: config.db,
            match,
            workers: Number(flags.workers),
            keep: flags.keep,
            onStarted: ({ entities, millis }) => {
              process.stderr.write(
                `screen: index of ${entities} entities ready in ${(millis / 1000).toFixed(1)} s\n`,
              );
              progress = startProgress(`screen ${input}`, total);
            },
            onProgress: (bytes) => progress?.update(bytes),
          });
          const seconds = summary.millis / 1000;
          progress?.stop(
            `${summary.rows} rows screened in ${seconds.toFixed(1)} s (${Math.round(summary.rows / seconds)} rows/s), ${summary.matches} matches, ${summary.errors} rows with errors (error column), results in ${flags.out}`,
          );
        });
      },
    );

  program
    .command("rescreen")
    .description("screen the kept customer records again; report only new or changed hits")
    .requiredOption("--out <file>", "CSV of new and changed hits (screen's columns plus change)")
    .option("--threshold <t>", "score from which a candidate is a match", "0.7")
    .option("--limit <n>", "candidates per record", "5")
    .option("--dataset <name...>", "only these datasets")
    .action(
      async (flags: { out: string; threshold: string; limit: string; dataset?: string[] }) => {
        const match = parseMatchFlags(flags);
        await withStore(global(), async (store) => {
          // The command line's records and decisions, as `screen` and `decisions add` keep them.
          const summary = await rescreen(
            store,
            new ScreeningService(store),
            flags.out,
            match,
            LOCAL_SCOPE,
          );
          process.stderr.write(
            `rescreen: ${summary.records} records, ${summary.newHits} new hits, ${summary.changedHits} changed hits, in ${flags.out}\n`,
          );
        });
      },
    );

  const decisions = program
    .command("decisions")
    .description("reviewers' decisions on screening hits");
  decisions
    .command("add")
    .description("clear or confirm a hit; it stays so until the listed entity changes")
    .requiredOption("--entity <id>", "the listed entity of the hit")
    .requiredOption("--decision <kind>", DECISIONS.join("|"))
    .requiredOption("--reviewer <name>", "who decided")
    .option("--query-id <id>", "the screened record's id (as in the screen input)")
    .option("--name <name>", "the screened name, when there is no record id")
    .option("--schema <schema>", "schema of the screened name", "LegalEntity")
    .option("--birth-date <date>", "birth date of the screened name")
    .option("--country <code...>", "country of the screened name")
    .option("--comment <text>", "why")
    .action(
      async (flags: {
        entity: string;
        decision: string;
        reviewer: string;
        queryId?: string;
        name?: string;
        schema: string;
        birthDate?: string;
        country?: string[];
        comment?: string;
      }) => {
        if (!(DECISIONS as readonly string[]).includes(flags.decision))
          throw new InvalidInputError(`decisions: --decision must be ${DECISIONS.join(" or ")}`);
        await withStore(global(), async (store) => {
          const decision = await recordDecision(store, new ScreeningService(store), {
            entityId: flags.entity,
            decision: flags.decision as DecisionKind,
            reviewer: flags.reviewer,
            comment: flags.comment,
            // The command line works as the single-user mode does (see decisionScope()).
            scope: LOCAL_SCOPE,
            recordId: flags.queryId,
            query: flags.name
              ? {
                  schema: flags.schema,
                  properties: {
                    name: [flags.name],
                    birthDate: flags.birthDate ? [flags.birthDate] : [],
                    country: flags.country ?? [],
                  },
                }
              : undefined,
          });
          printJson(decision);
        });
      },
    );
  decisions
    .command("list")
    .option("--limit <n>", "how many", "100")
    .option("--json", "print JSON")
    .action(async (flags: { limit: string; json?: boolean }) => {
      await withStore(global(), async (store) => {
        const list = await store.listDecisions(Number(flags.limit));
        if (flags.json) return printJson(list);
        for (const d of list)
          process.stdout.write(
            `${d.createdAt}  ${d.decision.padEnd(9)} ${d.entityId.padEnd(20)} ${d.queryKey}  by ${d.reviewer} (${d.scope})${d.comment ? `: ${d.comment}` : ""}\n`,
          );
      });
    });
}

function parseMatchFlags(flags: {
  threshold: string;
  limit: string;
  dataset?: string[];
}): MatchOptions {
  const limit = Number(flags.limit);
  const threshold = Number(flags.threshold);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new InvalidInputError("--limit must be a whole number from 1 to 500");
  if (!(threshold >= 0 && threshold <= 1))
    throw new InvalidInputError("--threshold must be between 0 and 1");
  return { limit, threshold, includeDatasets: flags.dataset };
}
