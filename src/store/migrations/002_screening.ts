import type { Kysely } from "kysely";
import { byteOrder, identityPrimaryKey } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/** Reviewers' decisions on screening hits, and the customer records kept for re-screening. */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("decisions")
    .addColumn("id", "integer", identityPrimaryKey(kind))
    .addColumn("query_key", "text", (col) => col.notNull())
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("entity_hash", "text", (col) => col.notNull())
    .addColumn("decision", "text", (col) => col.notNull())
    .addColumn("reviewer", "text", (col) => col.notNull())
    .addColumn("comment", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("decisions_query_entity")
    .on("decisions")
    .columns(["query_key", "entity_id"])
    .execute();
  await db.schema
    .createTable("screened_records")
    .addColumn("record_id", "text", (col) => byteOrder(kind)(col.primaryKey()))
    .addColumn("query", "text", (col) => col.notNull())
    .addColumn("results", "text", (col) => col.notNull())
    .addColumn("screened_at", "text", (col) => col.notNull())
    .execute();
}
