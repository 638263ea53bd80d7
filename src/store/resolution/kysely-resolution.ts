/** The ResolutionStore over Kysely, the same SQL in both backends. */
import type { Kysely, Transaction } from "kysely";
import { insertInBatches } from "../batches.ts";
import type { Database } from "../schema.ts";
import {
  judgementStamp,
  orderedPair,
  type Judgement,
  type JudgementKind,
  type JudgementSource,
  type NewJudgement,
  type ResolutionStore,
  type ReviewCandidate,
} from "./resolution-store.ts";

/** Rows per INSERT: well under SQLite's bound-parameter limit at 7 columns. */
const ROW_BATCH = 1000;

export class KyselyResolution implements ResolutionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async judgements(): Promise<Judgement[]> {
    const rows = await this.db
      .selectFrom("resolver_judgements")
      .selectAll()
      .orderBy("left_id")
      .orderBy("right_id")
      .execute();
    return rows.map((row) => ({
      left: row.left_id,
      right: row.right_id,
      judgement: row.judgement as JudgementKind,
      source: row.source as JudgementSource,
      score: row.score,
      user: row.reviewer,
      createdAt: row.created_at,
    }));
  }

  async judge(judgement: NewJudgement): Promise<Judgement> {
    const [left, right] = orderedPair(judgement.left, judgement.right);
    const stored: Judgement = { ...judgement, left, right, createdAt: new Date().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      await deletePair(trx, "resolver_judgements", left, right);
      await deletePair(trx, "resolver_candidates", left, right);
      await trx.insertInto("resolver_judgements").values(judgementRow(stored)).execute();
    });
    return stored;
  }

  async replaceAutomatic(merges: NewJudgement[], review: ReviewCandidate[]): Promise<void> {
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const human = new Set(
        (
          await trx
            .selectFrom("resolver_judgements")
            .select(["left_id", "right_id"])
            .where("source", "=", "human")
            .execute()
        ).map((row) => `${row.left_id}\u0000${row.right_id}`),
      );
      const unjudged = <T extends { left: string; right: string }>(pairs: T[]): T[] => {
        const seen = new Set<string>();
        return pairs
          .map((pair) => {
            const [left, right] = orderedPair(pair.left, pair.right);
            return { ...pair, left, right };
          })
          .filter((pair) => {
            const key = `${pair.left}\u0000${pair.right}`;
            if (human.has(key) || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
      };
      await trx.deleteFrom("resolver_judgements").where("source", "=", "auto").execute();
      await trx.deleteFrom("resolver_candidates").execute();
      const mergeRows = unjudged(merges).map((m) => judgementRow({ ...m, createdAt: now }));
      await insertInBatches(trx, "resolver_judgements", mergeRows, ROW_BATCH);
      const reviewRows = unjudged(review).map((c) => ({
        left_id: c.left,
        right_id: c.right,
        score: c.score,
        explanation: JSON.stringify(c.explanation),
        created_at: now,
      }));
      await insertInBatches(trx, "resolver_candidates", reviewRows, ROW_BATCH);
    });
  }

  async reviewQueue(limit: number): Promise<ReviewCandidate[]> {
    const rows = await this.db
      .selectFrom("resolver_candidates")
      .selectAll()
      .orderBy("score", "desc")
      .orderBy("left_id")
      .orderBy("right_id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      left: row.left_id,
      right: row.right_id,
      score: row.score,
      explanation: JSON.parse(row.explanation) as Record<string, unknown>,
    }));
  }

  async countReviewQueue(): Promise<number> {
    const row = await this.db
      .selectFrom("resolver_candidates")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async stamp(): Promise<string> {
    const row = await this.db
      .selectFrom("resolver_judgements")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("created_at").as("last")])
      .executeTakeFirst();
    return judgementStamp(Number(row?.n ?? 0), String(row?.last ?? ""));
  }
}

function judgementRow(j: Judgement): Database["resolver_judgements"] {
  return {
    left_id: j.left,
    right_id: j.right,
    judgement: j.judgement,
    source: j.source,
    score: j.score,
    reviewer: j.user,
    created_at: j.createdAt,
  };
}

async function deletePair(
  trx: Transaction<Database>,
  table: "resolver_judgements" | "resolver_candidates",
  left: string,
  right: string,
): Promise<void> {
  await trx.deleteFrom(table).where("left_id", "=", left).where("right_id", "=", right).execute();
}
