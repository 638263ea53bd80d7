import type { Kysely, Selectable } from "kysely";
import type { Job, JobStatus, NewJob } from "../../jobs/types.ts";
import type { Database, JobsTable } from "../schema.ts";
import type { JobQuery, JobStore } from "./job-store.ts";

/** Every column but the input, which only the worker reads. */
const SUMMARY_COLUMNS = [
  "id",
  "kind",
  "subject",
  "owner",
  "status",
  "unit",
  "progress_done",
  "progress_total",
  "payload",
  "result",
  "error",
  "attempts",
  "worker",
  "created_at",
  "started_at",
  "finished_at",
] as const;

/** Lists leave out the result unless asked: a batch screen's can be megabytes. */
const LIST_COLUMNS = SUMMARY_COLUMNS.filter(
  (column): column is Exclude<(typeof SUMMARY_COLUMNS)[number], "result"> => column !== "result",
);

type JobRow = Pick<Selectable<JobsTable>, (typeof SUMMARY_COLUMNS)[number]>;

export class KyselyJobs implements JobStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(job: NewJob & { id: string }): Promise<Job> {
    const row = await this.db
      .insertInto("jobs")
      .values({
        id: job.id,
        kind: job.kind,
        subject: job.subject,
        owner: job.owner,
        status: "queued",
        unit: job.unit,
        progress_done: 0,
        progress_total: null,
        payload: JSON.stringify(job.payload ?? null),
        input: job.input ?? null,
        result: null,
        error: null,
        attempts: 0,
        created_at: new Date().toISOString(),
      })
      .returning(SUMMARY_COLUMNS)
      .executeTakeFirstOrThrow();
    return fromRow(row);
  }

  async get(id: string): Promise<Job | undefined> {
    const row = await this.db
      .selectFrom("jobs")
      .select(SUMMARY_COLUMNS)
      .where("id", "=", id)
      .executeTakeFirst();
    return row && fromRow(row);
  }

  async input(id: string): Promise<Buffer | null> {
    const row = await this.db
      .selectFrom("jobs")
      .select("input")
      .where("id", "=", id)
      .executeTakeFirst();
    return row?.input ? Buffer.from(row.input) : null;
  }

  async list(query: JobQuery = {}): Promise<Job[]> {
    let select = this.db
      .selectFrom("jobs")
      .select(LIST_COLUMNS)
      .$if(query.withResults === true, (qb) => qb.select("result"));
    if (query.kind) select = select.where("kind", "=", query.kind);
    if (query.owner) select = select.where("owner", "=", query.owner);
    if (query.statuses) select = select.where("status", "in", query.statuses);
    const rows = await select
      .orderBy("created_at", "desc")
      .orderBy("id")
      .limit(query.limit ?? 50)
      .execute();
    return rows.map((row) => fromRow({ ...row, result: row.result ?? null }));
  }

  async claim(id: string, worker: string): Promise<number | undefined> {
    const now = new Date().toISOString();
    const row = await this.db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        attempts: eb("attempts", "+", 1),
        worker,
        heartbeat_at: now,
        started_at: now,
        error: null,
      }))
      .where("id", "=", id)
      .where("status", "in", ["queued", "running"])
      .returning("attempts")
      .executeTakeFirst();
    return row ? Number(row.attempts) : undefined;
  }

  async progress(id: string, attempt: number, done: number, total: number | null) {
    const result = await this.db
      .updateTable("jobs")
      .set({
        progress_done: Math.round(done),
        progress_total: total === null ? null : Math.round(total),
        heartbeat_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      .where("attempts", "=", attempt)
      .where("status", "=", "running")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async finish(
    id: string,
    attempt: number,
    outcome: { status: "done"; result: unknown } | { status: "failed"; error: string },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("jobs")
      .set({
        status: outcome.status,
        result: outcome.status === "done" ? JSON.stringify(outcome.result ?? null) : null,
        error: outcome.status === "failed" ? outcome.error : null,
        input: null,
        finished_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      .where("attempts", "=", attempt)
      .where("status", "=", "running")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async requeueStale(before: string, maxAttempts: number) {
    const failed = await this.db
      .updateTable("jobs")
      .set({
        status: "failed",
        error: `the worker running it stopped ${maxAttempts} times`,
        input: null,
        finished_at: new Date().toISOString(),
      })
      .where("status", "=", "running")
      .where("heartbeat_at", "<", before)
      .where("attempts", ">=", maxAttempts)
      .returning(SUMMARY_COLUMNS)
      .execute();
    const requeued = await this.db
      .updateTable("jobs")
      .set({ status: "queued", worker: null })
      .where("status", "=", "running")
      .where("heartbeat_at", "<", before)
      .returning(SUMMARY_COLUMNS)
      .execute();
    return { requeued: requeued.map(fromRow), failed: failed.map(fromRow) };
  }

  async prune(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom("jobs")
      .where("status", "in", ["done", "failed"])
      .where("finished_at", "<", before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function fromRow(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    owner: row.owner,
    status: row.status as JobStatus,
    progress: {
      done: Number(row.progress_done),
      total: row.progress_total === null ? null : Number(row.progress_total),
      unit: row.unit,
    },
    payload: JSON.parse(row.payload) as unknown,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    attempts: Number(row.attempts),
    worker: row.worker,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
