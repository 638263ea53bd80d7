import type { Kysely } from "kysely";
import { byteOrder, identityPrimaryKey } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * The transaction ledger: transfers between accounts as imported, account details, the imports
 * themselves, and the links from account owners to listed entities (with the screening evidence).
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const byteOrdered = byteOrder(kind);
  await db.schema
    .createTable("tx_imports")
    .addColumn("id", "integer", identityPrimaryKey(kind))
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("format", "text", (col) => col.notNull())
    .addColumn("file", "text", (col) => col.notNull())
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("rows", "integer", (col) => col.notNull())
    .addColumn("added", "integer", (col) => col.notNull())
    .addColumn("imported_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("tx_transfers")
    // Import order: ties between equal timestamps keep the order the source gave them.
    .addColumn("seq", "bigint", (col) => col.notNull().unique())
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => byteOrdered(col.notNull()))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("target", "text", (col) => col.notNull())
    .addColumn("amount", "double precision", (col) => col.notNull())
    .addColumn("currency", "text", (col) => col.notNull())
    // Milliseconds since 1970 UTC.
    .addColumn("timestamp", "double precision", (col) => col.notNull())
    .addColumn("reference", "text")
    .addPrimaryKeyConstraint("tx_transfers_pk", ["dataset", "id"])
    .execute();
  await db.schema
    .createTable("tx_accounts")
    .addColumn("id", "text", (col) => byteOrdered(col.primaryKey()))
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("owner_name", "text")
    .addColumn("iban", "text")
    .addColumn("bic", "text")
    .addColumn("bank", "text")
    .addColumn("country", "text")
    .execute();
  await db.schema
    .createTable("tx_account_links")
    .addColumn("account_id", "text", (col) => col.notNull())
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("caption", "text", (col) => col.notNull())
    .addColumn("score", "double precision", (col) => col.notNull())
    .addColumn("evidence", "text", (col) => col.notNull())
    .addColumn("linked_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("tx_account_links_pk", ["account_id", "entity_id"])
    .execute();
}
