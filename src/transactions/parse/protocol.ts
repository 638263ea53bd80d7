/** Messages between an import and the worker thread that parses its file. */
import { InvalidInputError, ListFormatError, type SourcePosition } from "../../errors.ts";
import type { Account, LedgerFormat } from "../types.ts";

export interface ParseRequest {
  file: string;
  format: LedgerFormat;
  mapping?: Record<string, string> | undefined;
  currency: string;
  baseDate: number;
}

/** Transfers column by column: cheaper to copy between threads than one object per row. */
export interface TransferColumns {
  id: string[];
  source: string[];
  target: string[];
  amount: Float64Array;
  currency: string[];
  timestamp: Float64Array;
  reference: (string | null)[];
}

/** An error as it crosses the thread boundary; the importer rebuilds the named error. */
export type ParseFailure =
  | { kind: "format"; format: string; position: SourcePosition; detail: string }
  | { kind: "input" | "internal"; message: string };

export type ParseMessage =
  | { type: "batch"; transfers: TransferColumns; accounts: Account[]; bytes: number }
  | { type: "done"; bytes: number }
  | { type: "error"; failure: ParseFailure };

/** The importer's answer to each batch: one more may come. */
export const CREDIT = "credit";

export function toFailure(error: unknown): ParseFailure {
  if (error instanceof ListFormatError)
    return { kind: "format", format: error.format, position: error.position, detail: error.detail };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: error instanceof InvalidInputError ? "input" : "internal", message };
}

export function fromFailure(failure: ParseFailure): Error {
  if (failure.kind === "format")
    return new ListFormatError(failure.format, failure.position, failure.detail);
  if (failure.kind === "input") return new InvalidInputError(failure.message);
  return new Error(`ledger parser: ${failure.message}`);
}
