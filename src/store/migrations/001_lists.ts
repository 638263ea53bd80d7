import { sql, type Kysely } from "kysely";
import { byteOrder, identityPrimaryKey } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/** Versioned lists: versions, their source records, and the entities made from them. */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const byteOrdered = byteOrder(kind);
  await db.schema
    .createTable("list_versions")
    .addColumn("id", "integer", identityPrimaryKey(kind))
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("label", "text", (col) => col.notNull())
    .addColumn("format", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("active", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("entries", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("schemata", "text", (col) => col.notNull().defaultTo("{}"))
    .addColumn("files", "text", (col) => col.notNull().defaultTo("[]"))
    .addColumn("imported_at", "text", (col) => col.notNull())
    .addUniqueConstraint("list_versions_dataset_label", ["dataset", "label"])
    .execute();
  // At most one active version per dataset, even with concurrent imports.
  await sql`CREATE UNIQUE INDEX list_versions_one_active ON list_versions (dataset) WHERE active = 1`.execute(
    db,
  );
  await db.schema
    .createTable("records")
    .addColumn("version_id", "integer", (col) =>
      col.notNull().references("list_versions.id").onDelete("cascade"),
    )
    .addColumn("source_id", "text", (col) => byteOrdered(col.notNull()))
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull())
    .addColumn("raw", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("records_pk", ["version_id", "source_id"])
    .execute();
  await db.schema
    .createTable("entities")
    .addColumn("version_id", "integer", (col) =>
      col.notNull().references("list_versions.id").onDelete("cascade"),
    )
    .addColumn("id", "text", (col) => byteOrdered(col.notNull()))
    .addColumn("schema", "text", (col) => col.notNull())
    .addColumn("caption", "text", (col) => col.notNull())
    .addColumn("source_id", "text", (col) => byteOrdered(col.notNull()))
    .addColumn("properties", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("entities_pk", ["version_id", "id"])
    .execute();
  await db.schema.createIndex("entities_id").on("entities").column("id").execute();
}
