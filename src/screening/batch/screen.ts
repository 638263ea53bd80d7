/**
 * `moneytrail screen`: a customer file in, one row per (input, candidate) out, in input order.
 * Rows are screened by worker threads (or in-process with workers = 0); memory stays bounded by
 * the chunks in flight, whatever the file's size. Screened records are kept for re-screening.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { stringify } from "csv-stringify";
import { spreadsheetSafeCsv } from "../../io/spreadsheet-safe.ts";
import type { MatchOptions } from "../../matching/types.ts";
import type { ScreenedRecord, Store } from "../../store/store.ts";
import { LOCAL_SCOPE } from "../decisions.ts";
import { loadIndex } from "../load.ts";
import { readScreenInput, type ScreenRow } from "./input.ts";
import { ScreeningPool } from "./pool.ts";
import type { ScreenedRow } from "./protocol.ts";
import { screenRows } from "./screen-rows.ts";
import type { UploadHit } from "./upload-types.ts";

export const SCREEN_COLUMNS = [
  "input_id",
  "rank",
  "score",
  "match",
  "entity_id",
  "caption",
  "schema",
  "datasets",
  "source_id",
] as const;

/** The columns of `screen`'s output (and the server's results.csv): a hit's, then the row's error. */
export const SCREEN_OUTPUT_COLUMNS = [...SCREEN_COLUMNS, "error"] as const;

const CHUNK_ROWS = 250;
const KEEP_BATCH = 2000;

export interface ScreenFileOptions {
  input: string;
  output: string;
  store: Store;
  /** Where workers open the store themselves (path or URL). */
  db: string;
  match: MatchOptions;
  workers: number;
  keep: boolean;
  onStarted?: (info: { entities: number; millis: number }) => void;
  onProgress?: (bytes: number, rows: number) => void;
}

export interface ScreenSummary {
  rows: number;
  candidates: number;
  matches: number;
  /** Rows that could not be screened (no name nor identifier, a name too long …). */
  errors: number;
  startupMillis: number;
  millis: number;
}

export async function screenFile(options: ScreenFileOptions): Promise<ScreenSummary> {
  const started = performance.now();
  const engine = await startEngine(options);
  const startupMillis = performance.now() - started;
  options.onStarted?.({ entities: engine.entities, millis: startupMillis });
  const partial = `${options.output}.partial`;
  const out = stringify(spreadsheetSafeCsv({ header: true, columns: [...SCREEN_OUTPUT_COLUMNS] }));
  const file = createWriteStream(partial);
  out.pipe(file);
  const summary: ScreenSummary = {
    rows: 0,
    candidates: 0,
    matches: 0,
    errors: 0,
    startupMillis,
    millis: 0,
  };
  const kept: ScreenedRecord[] = [];
  let bytes = 0;
  const write = async (results: ScreenedRow[]): Promise<void> => {
    for (const result of results) {
      summary.rows++;
      for (const line of outputLines(result)) if (!out.write(line)) await once(out, "drain");
      // A row that cannot be screened is reported on its own line; the rest of the file goes on.
      if (result.error !== undefined) {
        summary.errors++;
        continue;
      }
      summary.candidates += result.hits.length;
      summary.matches += result.hits.filter((h) => h.match).length;
      if (options.keep) kept.push(keptRecord(result));
    }
    if (kept.length >= KEEP_BATCH) await options.store.saveScreenedRecords(kept.splice(0));
    options.onProgress?.(bytes, summary.rows);
  };
  try {
    let chunk: ScreenRow[] = [];
    let seq = 0;
    const inOrder: Array<Promise<ScreenedRow[]>> = [];
    for await (const row of readScreenInput(options.input, (b) => (bytes = b))) {
      chunk.push(row);
      if (chunk.length >= CHUNK_ROWS) {
        inOrder.push((await engine.submit(seq++, chunk)).done);
        chunk = [];
        // Write finished chunks in input order as soon as they are at the head of the queue.
        while (inOrder.length > engine.capacity) await write(await inOrder.shift()!);
      }
    }
    if (chunk.length > 0) inOrder.push((await engine.submit(seq++, chunk)).done);
    for (const pending of inOrder) await write(await pending);
    if (kept.length > 0) await options.store.saveScreenedRecords(kept.splice(0));
    out.end();
    await once(file, "finish");
    await rename(partial, options.output);
  } catch (error) {
    out.destroy();
    file.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await engine.close();
  }
  summary.millis = performance.now() - started;
  return summary;
}

interface Engine {
  entities: number;
  capacity: number;
  submit(seq: number, rows: ScreenRow[]): Promise<{ done: Promise<ScreenedRow[]> }>;
  close(): Promise<void>;
}

async function startEngine(options: ScreenFileOptions): Promise<Engine> {
  if (options.workers <= 0) {
    const { index } = await loadIndex(options.store, options.match.includeDatasets);
    return {
      entities: index.size,
      capacity: 1,
      submit: async (_seq, rows) => ({
        done: Promise.resolve(screenRows(index, rows, options.match)),
      }),
      close: async () => undefined,
    };
  }
  const { pool, entities } = await ScreeningPool.start(options.workers, options.db, options.match);
  return {
    entities,
    capacity: options.workers * 2,
    submit: (seq, rows) => pool.submit(seq, rows),
    close: () => pool.close(),
  };
}

function outputLines(result: ScreenedRow): string[][] {
  return screenCsvLines(
    result.row.id,
    result.hits.map((hit, i) => ({ ...hit, rank: i + 1 })),
    result.error,
  );
}

/**
 * The output rows of one customer in SCREEN_OUTPUT_COLUMNS order: one per candidate, or one
 * without a candidate (with the error, when the row could not be screened).
 */
export function screenCsvLines(
  inputId: string,
  hits: Array<
    Pick<
      UploadHit,
      "rank" | "score" | "match" | "entityId" | "caption" | "schema" | "datasets" | "sourceIds"
    >
  >,
  error?: string,
): string[][] {
  if (hits.length === 0) return [[inputId, "", "", "", "", "", "", "", "", error ?? ""]];
  return hits.map((hit) => [
    inputId,
    String(hit.rank),
    hit.score.toFixed(4),
    String(hit.match),
    hit.entityId,
    hit.caption,
    hit.schema,
    hit.datasets.join(";"),
    hit.sourceIds.join(";"),
    "",
  ]);
}

function keptRecord(result: ScreenedRow): ScreenedRecord {
  const query: Record<string, unknown> = { ...result.row };
  delete query.line;
  return {
    // `screen` is the command line's, whose scope is the single-user mode's (see decisionScope()).
    scope: LOCAL_SCOPE,
    recordId: result.row.id,
    query,
    results: result.hits.map((h) => ({ entityId: h.entityId, entityHash: h.hash, score: h.score })),
    screenedAt: new Date().toISOString(),
  };
}
