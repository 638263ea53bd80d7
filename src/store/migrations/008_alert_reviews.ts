import type { Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Analysts' work on typology alerts: who has an alert, whether it is closed and why. Alerts
 * themselves are recomputed from the ledger; their ids come from their content, so a review
 * stays with its pattern across detection runs.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("alert_reviews")
    .addColumn("alert_id", "text", (col) => col.primaryKey())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("assignee", "text")
    .addColumn("note", "text")
    .addColumn("reviewer", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .execute();
}
