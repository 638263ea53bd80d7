import { ListFormatError } from "../../errors.ts";
import type { ProgressSink } from "../../lists/types.ts";
import type { LedgerItem } from "../types.ts";
import { ValueError } from "../values.ts";

export interface LedgerReadOptions {
  /** Column mapping (csv): ledger field → column name. */
  mapping?: Record<string, string>;
  /** Currency for rows that give none. */
  currency: string;
  /** Day zero for simulation steps (AMLSim). */
  baseDate: number;
  onProgress?: ProgressSink;
}

/** Yields the file's items in batches: per-item async steps cost more than parsing a row. */
export type LedgerReader = (
  file: string,
  options: LedgerReadOptions,
) => AsyncIterable<LedgerItem[]>;

const BATCH = 5_000;

/** A reader that yields item by item (small formats: statements, FtM) made to yield batches. */
export function batched(
  read: (file: string, options: LedgerReadOptions) => AsyncIterable<LedgerItem>,
): LedgerReader {
  return async function* (file, options) {
    let batch: LedgerItem[] = [];
    for await (const item of read(file, options)) {
      batch.push(item);
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  };
}

/** Turns a value problem in one row into an error naming the file, line and format. */
export function rowError(format: string, file: string, line: number, error: unknown): Error {
  if (error instanceof ValueError)
    return new ListFormatError(format, { file, line }, error.message);
  return error as Error;
}
