import { sql, type Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * SQLite: the transfer's `seq` becomes the table's own row id instead of a separate unique index,
 * one B-tree fewer to write per transfer (bulk imports are bound by SQLite's writes). PostgreSQL
 * keeps its heap table with the unique `seq` index; nothing to change there.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  if (kind !== "sqlite") return;
  await sql`create table tx_transfers_by_seq (
    seq integer primary key,
    dataset text not null,
    id text not null,
    source text not null,
    target text not null,
    amount double precision not null,
    currency text not null,
    timestamp double precision not null,
    reference text,
    constraint tx_transfers_pk unique (dataset, id)
  )`.execute(db);
  await sql`insert into tx_transfers_by_seq
    select seq, dataset, id, source, target, amount, currency, timestamp, reference
    from tx_transfers order by seq`.execute(db);
  await sql`drop table tx_transfers`.execute(db);
  await sql`alter table tx_transfers_by_seq rename to tx_transfers`.execute(db);
}
