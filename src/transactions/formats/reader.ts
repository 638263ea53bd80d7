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

export type LedgerReader = (file: string, options: LedgerReadOptions) => AsyncIterable<LedgerItem>;

/** Turns a value problem in one row into an error naming the file, line and format. */
export function rowError(format: string, file: string, line: number, error: unknown): Error {
  if (error instanceof ValueError)
    return new ListFormatError(format, { file, line }, error.message);
  return error as Error;
}
