import { sql, type Kysely } from "kysely";
import { byteOrder } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * Ledger accounts and their links belong to the ledger dataset that brought them (issue 22): an
 * account is keyed by (dataset, id), so one agency's import can no longer overwrite the holder
 * another agency's ledger gave the same account id; a link names the dataset of the account
 * record it was made from and the list datasets of the entity it points to, so a caller sees it
 * only when it may read both.
 *
 * Existing data: an account row stays with the dataset that first recorded it (its `dataset`
 * column; details later imports merged into it cannot be told apart and stay with it; other
 * datasets get their own details back when their files are imported again). A link goes with
 * its account's row; its entity's list datasets come from the evidence it was stored with.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const byteOrdered = byteOrder(kind);
  await db.schema
    .createTable("tx_account_links_011")
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("account_id", "text", (col) => col.notNull())
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("caption", "text", (col) => col.notNull())
    .addColumn("score", "double precision", (col) => col.notNull())
    .addColumn("evidence", "text", (col) => col.notNull())
    // JSON array of the list datasets the linked entity was matched from.
    .addColumn("entity_datasets", "text", (col) => col.notNull())
    .addColumn("linked_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("tx_account_links_011_pk", ["dataset", "account_id", "entity_id"])
    .execute();
  const entityDatasets =
    kind === "postgres"
      ? sql`coalesce((l.evidence::json -> 'datasets')::text, '[]')`
      : sql`coalesce(json_extract(l.evidence, '$.datasets'), '[]')`;
  // Links are made only from account rows, so every link has one; an inner join drops none.
  await sql`insert into tx_account_links_011
      (dataset, account_id, entity_id, caption, score, evidence, entity_datasets, linked_at)
    select a.dataset, l.account_id, l.entity_id, l.caption, l.score, l.evidence,
           ${entityDatasets}, l.linked_at
    from tx_account_links l join tx_accounts a on a.id = l.account_id`.execute(db);
  await db.schema.dropTable("tx_account_links").execute();
  await db.schema.alterTable("tx_account_links_011").renameTo("tx_account_links").execute();

  await db.schema
    .createTable("tx_accounts_011")
    .addColumn("dataset", "text", (col) => col.notNull())
    .addColumn("id", "text", (col) => byteOrdered(col.notNull()))
    .addColumn("owner_name", "text")
    .addColumn("iban", "text")
    .addColumn("bic", "text")
    .addColumn("bank", "text")
    .addColumn("country", "text")
    .addPrimaryKeyConstraint("tx_accounts_011_pk", ["dataset", "id"])
    .execute();
  await sql`insert into tx_accounts_011 (dataset, id, owner_name, iban, bic, bank, country)
    select dataset, id, owner_name, iban, bic, bank, country from tx_accounts`.execute(db);
  await db.schema.dropTable("tx_accounts").execute();
  await db.schema.alterTable("tx_accounts_011").renameTo("tx_accounts").execute();
}
