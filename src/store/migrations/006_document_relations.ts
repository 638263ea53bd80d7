import { sql, type Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Relations read out of documents (names mentioned together, "a subsidiary of", "paid"), and how
 * many scanned pages or images of a document are still unread (so a later run with OCR reads them
 * instead of skipping the file as already ingested).
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  if (kind === "sqlite") {
    // Search rows take their document's row id, so replacing a document deletes its search row by
    // key; before, the delete scanned the whole index (FTS5 does not index other columns).
    await sql`delete from documents_fts`.execute(db);
    await sql`insert into documents_fts (rowid, document_id, title, text)
      select rowid, id, coalesce(title, ''), text from documents`.execute(db);
  }
  await db.schema
    .alterTable("documents")
    .addColumn("unread_images", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("documents")
    .addColumn("ocr_pages", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("document_relations")
    .addColumn("document_id", "text", (col) => col.notNull())
    .addColumn("seq", "integer", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("source_text", "text", (col) => col.notNull())
    .addColumn("source_type", "text", (col) => col.notNull())
    .addColumn("source_entity_id", "text")
    .addColumn("target_text", "text", (col) => col.notNull())
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_entity_id", "text")
    .addColumn("weight", "double precision", (col) => col.notNull())
    .addColumn("value", "text")
    .addColumn("start", "integer", (col) => col.notNull())
    .addColumn("end", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("document_relations_pk", ["document_id", "seq"])
    .execute();
  await db.schema
    .createIndex("document_relations_source")
    .on("document_relations")
    .column("source_entity_id")
    .execute();
  await db.schema
    .createIndex("document_relations_target")
    .on("document_relations")
    .column("target_entity_id")
    .execute();
}
