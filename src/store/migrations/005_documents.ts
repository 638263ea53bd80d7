import { sql, type Kysely } from "kysely";
import { byteOrder } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * Documents, the mentions extracted from them, and full-text search: an FTS5 table in SQLite, a
 * generated tsvector with a GIN index in PostgreSQL ('simple' configuration: no English stemming
 * of Korean, Chinese or romanised names).
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const byteOrdered = byteOrder(kind);
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (col) => byteOrdered(col.primaryKey()))
    .addColumn("collection", "text", (col) => col.notNull())
    .addColumn("parent_id", "text")
    .addColumn("path", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("schema", "text", (col) => col.notNull())
    .addColumn("format", "text")
    .addColumn("size", "bigint", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("error", "text")
    .addColumn("title", "text")
    .addColumn("author", "text")
    .addColumn("date", "text")
    .addColumn("sender", "text")
    .addColumn("recipients", "text", (col) => col.notNull())
    .addColumn("pages", "integer", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("ingested_at", "text", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("documents_parent").on("documents").column("parent_id").execute();
  await db.schema
    .createIndex("documents_content")
    .on("documents")
    .columns(["collection", "sha256"])
    .execute();
  await db.schema
    .createTable("document_mentions")
    .addColumn("document_id", "text", (col) => col.notNull())
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("start", "integer", (col) => col.notNull())
    .addColumn("end", "integer", (col) => col.notNull())
    .addColumn("confidence", "double precision", (col) => col.notNull())
    .addColumn("value", "text")
    .addColumn("entity_id", "text")
    .addColumn("entity_caption", "text")
    .addColumn("score", "double precision")
    .addPrimaryKeyConstraint("document_mentions_pk", ["document_id", "seq"])
    .execute();
  await db.schema
    .createIndex("document_mentions_entity")
    .on("document_mentions")
    .column("entity_id")
    .execute();
  if (kind === "sqlite") {
    await sql`create virtual table documents_fts using fts5(
      document_id unindexed, title, text, tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  } else {
    await sql`alter table documents add column search tsvector generated always as (
      to_tsvector('simple', coalesce(title, '') || ' ' || text)) stored`.execute(db);
    await sql`create index documents_search on documents using gin (search)`.execute(db);
  }
}
