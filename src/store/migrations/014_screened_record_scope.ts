import { sql, type Kysely } from "kysely";
import { byteOrder } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * Screened records belong to the scope that screened them (issue 22), as decisions do since 012:
 * `agency:<a>`, `user:<u>` or `local`. Keyed by (scope, record id), so one agency's customer
 * "c1" no longer overwrites another's, and whether an id was screened is answered per scope.
 *
 * Existing records all go to `local` (the command line and the single-user mode). Nothing kept
 * says who screened them: /match and batch uploads stored no caller, and a record id sent by two
 * agencies holds only the last one's query. Giving a record to a guessed agency could hand it
 * another agency's customer, which is the leak this closes; `local` is what the operator's
 * `rescreen` already read. An agency screens its customers again (a batch or /match with the id)
 * before deciding on their hits by id.
 *
 * SQLite cannot change a primary key in place, so the table is copied into a new one.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("screened_records_014")
    .addColumn("scope", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("record_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("query", "text", (col) => col.notNull())
    .addColumn("results", "text", (col) => col.notNull())
    .addColumn("screened_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("screened_records_scope_pk", ["scope", "record_id"])
    .execute();
  await sql`insert into screened_records_014 (scope, record_id, query, results, screened_at)
    select 'local', record_id, query, results, screened_at from screened_records`.execute(db);
  await db.schema.dropTable("screened_records").execute();
  await db.schema.alterTable("screened_records_014").renameTo("screened_records").execute();
}
