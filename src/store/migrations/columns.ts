/** Column definitions whose SQL differs between the backends, shared by the migrations. */
import { sql, type ColumnDefinitionBuilder } from "kysely";
import type { StoreKind } from "./index.ts";

type ColumnModifier = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

/** An integer primary key the database numbers itself. */
export function identityPrimaryKey(kind: StoreKind): ColumnModifier {
  return (col) =>
    kind === "postgres"
      ? col.primaryKey().generatedByDefaultAsIdentity()
      : col.primaryKey().autoIncrement();
}

/**
 * Byte order for text keys in PostgreSQL, as in SQLite and JavaScript: keyset paging and
 * merge-joined diffs depend on it.
 */
export function byteOrder(kind: StoreKind): ColumnModifier {
  return (col) => (kind === "postgres" ? col.modifyEnd(sql`collate "C"`) : col);
}
