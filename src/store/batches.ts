import type { Insertable, Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * Inserts rows a batch per statement: one INSERT of many rows instead of one per row, and each
 * batch small enough for SQLite's bound-parameter limit (batch × columns under 32,766).
 */
export async function insertInBatches<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Array<Insertable<Database[T]>>,
  batch: number,
): Promise<void> {
  for (let start = 0; start < rows.length; start += batch) {
    // SQLite runs on this thread: a turn of the event loop between batches keeps a document's
    // 70,000 mentions (seconds) from holding every other request. Store queries meanwhile wait
    // for the connection, which the transaction holds (Kysely's connection mutex).
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    // Kysely cannot tie a table name held in a type parameter to its row type; the signature does.
    await db
      .insertInto(table)
      .values(rows.slice(start, start + batch) as never)
      .execute();
  }
}
