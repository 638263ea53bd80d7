/**
 * SQLite fast paths for the two bulk operations on transfers, on the better-sqlite3 handle under
 * Kysely (same connection, so inside the import's transaction). Measured on 500k transfers:
 * a prepared multi-row INSERT is about 1.6× faster than the json_each statement the PostgreSQL
 * path uses, and raw array rows read about 3× faster than Kysely's objects.
 */
import type { Database, Statement } from "better-sqlite3";

/** seq, dataset, id, source, target, amount, currency, timestamp, reference */
export type TransferRow = [
  number,
  string,
  string,
  string,
  string,
  number,
  string,
  number,
  string | null,
];

const COLUMNS = "(seq, dataset, id, source, target, amount, currency, timestamp, reference)";
const TUPLE = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
/** 200 rows × 9 values stays far below SQLite's 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 200;

export class SqliteTransfers {
  private readonly many: Statement;
  private readonly one: Statement;
  private readonly page: Statement;
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_STATEMENT * 9);

  constructor(private readonly sqlite: Database) {
    const insert = (tuples: number): string =>
      `insert into tx_transfers ${COLUMNS} values ${Array<string>(tuples).fill(TUPLE).join(", ")}
       on conflict (dataset, id) do nothing`;
    this.many = sqlite.prepare(insert(ROWS_PER_STATEMENT));
    this.one = sqlite.prepare(insert(1));
    this.page = sqlite
      .prepare(
        `select seq, dataset, id, source, target, amount, currency, timestamp, reference
         from tx_transfers where seq > ? order by seq limit ?`,
      )
      .raw();
  }

  /**
   * Runs a bulk import with a page cache of up to 1 GiB (pages are allocated only as used): a
   * ledger's id index outgrows the usual 64 MB within a few million transfers, and every miss is
   * a page written twice. Measured on 5M transfers: 163k/s with 64 MB, 205k/s with 1 GiB.
   */
  async withBulkCache<T>(work: () => Promise<T>): Promise<T> {
    const usual = this.sqlite.pragma("cache_size", { simple: true }) as number;
    this.sqlite.pragma("cache_size = -1048576");
    try {
      return await work();
    } finally {
      this.sqlite.pragma(`cache_size = ${usual}`);
      this.sqlite.pragma("shrink_memory");
    }
  }

  /** Inserts the rows, skipping ids the dataset already has; returns how many went in. */
  insert(rows: TransferRow[]): number {
    let added = 0;
    let start = 0;
    for (; start + ROWS_PER_STATEMENT <= rows.length; start += ROWS_PER_STATEMENT) {
      for (let k = 0; k < ROWS_PER_STATEMENT; k++) {
        const row = rows[start + k]!;
        for (let c = 0; c < 9; c++) this.params[k * 9 + c] = row[c];
      }
      added += this.many.run(this.params).changes;
    }
    for (; start < rows.length; start++) added += this.one.run(rows[start]).changes;
    return added;
  }

  /** Up to `limit` transfers after `afterSeq`, in seq order, as column arrays. */
  readPage(afterSeq: number, limit: number): TransferRow[] {
    return this.page.all(afterSeq, limit) as TransferRow[];
  }
}
