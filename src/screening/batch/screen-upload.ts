/**
 * Screening an uploaded customer file (the web app's batch screen): rows matched through the
 * server's own index in small batches, so the server keeps answering meanwhile, with reviewers'
 * decisions applied and the records kept for `rescreen`. Files past MAX_UPLOAD_ROWS belong to
 * the `screen` command, which streams any size through worker threads.
 */
import { caption } from "../../model/entity.ts";
import { InvalidInputError } from "../../errors.ts";
import type { MatchOptions } from "../../matching/types.ts";
import type { ScreenedRecord, Store } from "../../store/store.ts";
import { LOCAL_SCOPE } from "../decisions.ts";
import { screenedRecord } from "../screened-record.ts";
import type { ScreeningService } from "../service.ts";
import { readScreenInput, type ScreenRow } from "./input.ts";
import { rowQuery } from "./screen-rows.ts";
import type { UploadRow } from "./upload-types.ts";

export type { UploadHit, UploadRow } from "./upload-types.ts";

export const MAX_UPLOAD_ROWS = 50_000;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const BATCH_ROWS = 100;

/** The rows of an uploaded file, with the bytes read so far for progress. */
export function uploadRows(file: string): {
  rows: AsyncIterable<ScreenRow>;
  bytesRead: () => number;
} {
  let bytes = 0;
  return { rows: readScreenInput(file, (b) => (bytes = b)), bytesRead: () => bytes };
}

export async function screenUpload(
  store: Store,
  service: ScreeningService,
  rows: AsyncIterable<ScreenRow> | Iterable<ScreenRow>,
  match: Partial<MatchOptions>,
  onProgress: (rows: number) => void,
  /** Whose decisions apply and whose records these are (the job's caller's); null: none apply. */
  decisionScope: string | null = null,
): Promise<UploadRow[]> {
  const out: UploadRow[] = [];
  let batch: ScreenRow[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    // A row that cannot be screened gets its error in the results; the rest of the file goes on.
    const parsed = batch.map(rowQuery);
    const queries = parsed.flatMap((p) => ("query" in p ? [p.query] : []));
    const ids = batch.filter((_, i) => "query" in parsed[i]!).map((row) => row.id);
    const answers = await service.match(queries, match, ids, decisionScope);
    const kept: ScreenedRecord[] = [];
    let answered = 0;
    for (const [i, row] of batch.entries()) {
      const outcome = parsed[i]!;
      if ("error" in outcome) {
        out.push({ input: row, hits: [], error: outcome.error });
        continue;
      }
      const results = answers[answered++]!.results;
      const query: Record<string, unknown> = { ...row };
      delete query.line;
      out.push({
        input: row,
        hits: results.map((hit, rank) => ({
          rank: rank + 1,
          score: hit.score,
          match: hit.match,
          entityId: hit.entity.id,
          caption: caption(hit.entity),
          schema: hit.entity.schema,
          datasets: hit.entity.datasets,
          sourceIds: hit.entity.sourceIds,
          entityHash: hit.entity.hash,
          decision: hit.decision ?? null,
        })),
      });
      // Kept in the submitter's scope; a job queued without one (before scopes) in the local one.
      kept.push(screenedRecord(decisionScope ?? LOCAL_SCOPE, row.id, query, results));
    }
    await store.saveScreenedRecords(kept);
    batch = [];
    onProgress(out.length);
    // Let the server answer other requests between batches.
    await new Promise((resolve) => setImmediate(resolve));
  };
  for await (const row of rows) {
    if (out.length + batch.length >= MAX_UPLOAD_ROWS) {
      throw new InvalidInputError(
        `screen: the file has more than ${MAX_UPLOAD_ROWS} rows; screen it with \`moneytrail screen\`, which streams any size`,
      );
    }
    batch.push(row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  return out;
}
