import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { caption } from "../../model/entity.ts";
import { resolve, DEFAULT_THRESHOLDS } from "../../resolution/resolve.ts";
import { JUDGEMENTS, type JudgementKind } from "../../store/resolution/resolution-store.ts";
import type { Store } from "../../store/store.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { score, wholeNumber } from "../options.ts";
import { startProgress, type Progress } from "../progress.ts";

export function registerResolutionCommands(program: Command): void {
  const resolveCommand = program
    .command("resolve")
    .description(
      "merge the records of one designee across the active lists: sure pairs are merged, doubtful ones queued for review",
    )
    .option(
      "--merge-threshold <score>",
      "merge pairs at or above",
      String(DEFAULT_THRESHOLDS.merge),
    )
    .option(
      "--review-threshold <score>",
      "queue pairs at or above",
      String(DEFAULT_THRESHOLDS.review),
    )
    .option("--dataset <name...>", "only these datasets")
    .option("--json", "print JSON")
    .action(
      async (options: {
        mergeThreshold: string;
        reviewThreshold: string;
        dataset?: string[];
        json?: boolean;
      }) => {
        const merge = score(options.mergeThreshold, "resolve: --merge-threshold");
        const review = score(options.reviewThreshold, "resolve: --review-threshold");
        if (review > merge)
          throw new InvalidInputError("resolve: --review-threshold is above --merge-threshold");
        await withStore(program.opts<GlobalOptions>(), async (store) => {
          let progress: Progress | undefined;
          const summary = await resolve(store, {
            thresholds: { merge, review },
            ...(options.dataset ? { datasets: options.dataset } : {}),
            onStart: (total) => (progress = startProgress("resolve", total)),
            onEntity: (done) => progress?.update(done),
          });
          progress?.stop();
          if (options.json) return printJson(summary);
          process.stdout.write(
            `${summary.entities} entities, ${summary.pairsScored} candidate pairs: ` +
              `${summary.merged} merged, ${summary.review} waiting for review ` +
              `(moneytrail resolve review); ${summary.clusters} canonical entities of 2 or more records` +
              (summary.conflicts
                ? `; ${summary.conflicts} merges refused by negative judgements`
                : "") +
              ` (${(summary.millis / 1000).toFixed(1)} s)\n`,
          );
        });
      },
    );

  resolveCommand
    .command("review")
    .description("pairs waiting for a reviewer, surest first")
    .option("--limit <n>", "pairs to show", "20")
    .option("--json", "print JSON")
    .action(async (options: { limit: string; json?: boolean }) => {
      const limit = wholeNumber(options.limit, "resolve review: --limit");
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const queue = await store.resolution.reviewQueue(limit);
        const rows = [];
        for (const pair of queue) {
          rows.push({
            ...pair,
            leftCaption: await captionOf(store, pair.left),
            rightCaption: await captionOf(store, pair.right),
          });
        }
        if (options.json) return printJson(rows);
        const total = await store.resolution.countReviewQueue();
        const lines = rows.map((row) => {
          const explanations = (row.explanation.explanations ?? {}) as Record<
            string,
            { detail: string }
          >;
          const evidence = Object.entries(explanations)
            .map(([key, e]) => `${key}: ${e.detail}`)
            .join("; ");
          const held = row.explanation.held ? ` [${String(row.explanation.held)}]` : "";
          return `${row.score.toFixed(3)}  ${row.left} ${row.leftCaption}  ~  ${row.right} ${row.rightCaption}${held}\n       ${evidence}`;
        });
        lines.push(
          `${rows.length} of ${total} pairs; judge with: moneytrail resolve judge <left> <right> positive|negative|unsure`,
        );
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });

  resolveCommand
    .command("judge <left> <right> <judgement>")
    .description(
      "record a reviewer's judgement on a pair: positive (same), negative (different), unsure",
    )
    .option("--user <name>", "who judges", process.env.USER ?? "reviewer")
    .action(async (left: string, right: string, judgement: string, options: { user: string }) => {
      if (!(JUDGEMENTS as readonly string[]).includes(judgement))
        throw new InvalidInputError(
          `resolve judge: judgement must be one of ${JUDGEMENTS.join(", ")}, not '${judgement}'`,
        );
      if (left === right)
        throw new InvalidInputError("resolve judge: a pair needs two different ids");
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        for (const id of [left, right]) {
          if (!(await store.findEntity(id)))
            throw new InvalidInputError(`resolve judge: no entity '${id}' in the active lists`);
        }
        const stored = await store.resolution.judge({
          left,
          right,
          judgement: judgement as JudgementKind,
          source: "human",
          score: null,
          user: options.user,
        });
        process.stdout.write(
          `${stored.left} ~ ${stored.right}: ${stored.judgement} (${stored.user})\n`,
        );
      });
    });
}

async function captionOf(store: Store, id: string): Promise<string> {
  const entity = await store.findEntity(id);
  return entity ? caption(entity) : "(no longer listed)";
}
