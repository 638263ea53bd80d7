import type { Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Background jobs (list updates, imports, batch screens, resolution, detection) with their
 * progress and results, in the shared store so any server answers a poll for a job any worker
 * runs. The uploaded file a job works on is kept with it until the job ends, so a retry on
 * another machine has it too.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("owner", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("unit", "text", (col) => col.notNull())
    .addColumn("progress_done", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("progress_total", "integer")
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("input", kind === "postgres" ? "bytea" : "blob")
    .addColumn("result", "text")
    .addColumn("error", "text")
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("worker", "text")
    .addColumn("heartbeat_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_by_kind").on("jobs").columns(["kind", "created_at"]).execute();
  await db.schema.createIndex("jobs_by_status").on("jobs").columns(["status"]).execute();
}
