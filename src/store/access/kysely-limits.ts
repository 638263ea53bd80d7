/** Login failures and shared rate-limit counts over Kysely: the same SQL in both backends. */
import { sql, type Kysely } from "kysely";
import type {
  LoginFailureCount,
  LoginFailureStore,
  RateCount,
  RateCountStore,
} from "./limit-stores.ts";
import type { Database } from "../schema.ts";

/** The tables of migration 013 (kept out of schema.ts: only these classes touch them). */
type LimitTables = {
  login_failures: { username: string; failures: number; last_failed_at: string };
  rate_limit_counts: { key: string; window_start: string; count: number; expires_at: string };
};

/** Rows per statement: 4 parameters each, well under both backends' limits. */
const ADD_BATCH = 500;

export class KyselyLoginFailures implements LoginFailureStore {
  private readonly db: Kysely<Database & LimitTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<LimitTables>();
  }

  async find(username: string): Promise<LoginFailureCount | undefined> {
    const row = await this.db
      .selectFrom("login_failures")
      .select(["failures", "last_failed_at"])
      .where("username", "=", username)
      .executeTakeFirst();
    return row && { failures: Number(row.failures), lastFailedAt: row.last_failed_at };
  }

  async record(username: string, at: string, startOverBefore: string): Promise<LoginFailureCount> {
    // One statement, so failures counted at once on two servers both count.
    const row = await this.db
      .insertInto("login_failures")
      .values({ username, failures: 1, last_failed_at: at })
      .onConflict((conflict) =>
        conflict.column("username").doUpdateSet({
          failures: sql<number>`case when login_failures.last_failed_at < ${startOverBefore}
            then 1 else login_failures.failures + 1 end`,
          last_failed_at: at,
        }),
      )
      .returning(["failures", "last_failed_at"])
      .executeTakeFirstOrThrow();
    return { failures: Number(row.failures), lastFailedAt: row.last_failed_at };
  }

  async clear(username: string): Promise<void> {
    await this.db.deleteFrom("login_failures").where("username", "=", username).execute();
  }

  async prune(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom("login_failures")
      .where("last_failed_at", "<", before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

export class KyselyRateCounts implements RateCountStore {
  private readonly db: Kysely<Database & LimitTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<LimitTables>();
  }

  async add(increments: Array<RateCount & { expiresAt: string }>): Promise<RateCount[]> {
    const totals: RateCount[] = [];
    for (let i = 0; i < increments.length; i += ADD_BATCH) {
      const rows = increments.slice(i, i + ADD_BATCH).map((inc) => ({
        key: inc.key,
        window_start: inc.windowStart,
        count: inc.count,
        expires_at: inc.expiresAt,
      }));
      const done = await this.db
        .insertInto("rate_limit_counts")
        .values(rows)
        .onConflict((conflict) =>
          conflict.columns(["key", "window_start"]).doUpdateSet({
            count: sql<number>`rate_limit_counts.count + excluded.count`,
          }),
        )
        .returning(["key", "window_start", "count"])
        .execute();
      for (const row of done)
        totals.push({ key: row.key, windowStart: row.window_start, count: Number(row.count) });
    }
    return totals;
  }

  async prune(before: string): Promise<void> {
    await this.db.deleteFrom("rate_limit_counts").where("expires_at", "<", before).execute();
  }
}
