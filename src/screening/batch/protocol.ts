/** Messages between the batch screener and its worker threads. */
import type { MatchOptions } from "../../matching/types.ts";
import type { ScreenRow } from "./input.ts";

export interface WorkerInit {
  db: string;
  options: MatchOptions;
}

export interface ChunkRequest {
  seq: number;
  rows: ScreenRow[];
}

export interface ScreenedHit {
  entityId: string;
  caption: string;
  schema: string;
  datasets: string[];
  sourceIds: string[];
  score: number;
  match: boolean;
  hash: string;
}

export interface ScreenedRow {
  row: ScreenRow;
  hits: ScreenedHit[];
  /** Set when the row could not be turned into a query (no name and no identifier …). */
  error?: string;
}

export type WorkerMessage =
  | { type: "ready"; entities: number; millis: number }
  | { type: "chunk"; seq: number; results: ScreenedRow[] }
  | { type: "error"; message: string };
