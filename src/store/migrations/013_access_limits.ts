import type { Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Limits that must hold across server processes: failed sign-ins per username (the lock-out
 * lives in the database, so a second server does not offer fresh attempts) and request counts per
 * rate-limit key and fixed window (PostgreSQL servers behind one load balancer share them).
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("login_failures")
    .addColumn("username", "text", (col) => col.primaryKey())
    .addColumn("failures", "integer", (col) => col.notNull())
    .addColumn("last_failed_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("rate_limit_counts")
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("window_start", "text", (col) => col.notNull())
    .addColumn("count", "integer", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("rate_limit_counts_pk", ["key", "window_start"])
    .execute();
  await db.schema
    .createIndex("rate_limit_counts_expires")
    .on("rate_limit_counts")
    .column("expires_at")
    .execute();
}
