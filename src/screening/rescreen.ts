/**
 * `moneytrail rescreen`: after a list update, screens every kept customer record again and reports
 * only what is new — a hit on an entity not hit before, or on an entity whose listing changed —
 * leaving out hits a reviewer cleared while the entity stayed the same.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import { stringify } from "csv-stringify";
import { spreadsheetSafeCsv } from "../io/spreadsheet-safe.ts";
import { caption } from "../model/entity.ts";
import type { MatchOptions } from "../matching/types.ts";
import type { ScreenedRecord, Store } from "../store/store.ts";
import { SCREEN_COLUMNS } from "./batch/screen.ts";
import { isEntityLikeQuery } from "./keep-screened.ts";
import { queryFromEntity, queryFromRow } from "./query.ts";
import { screenedRecord } from "./screened-record.ts";
import type { ScreeningService } from "./service.ts";

const BATCH = 500;

export interface RescreenSummary {
  records: number;
  newHits: number;
  changedHits: number;
}

/**
 * Screens the records of one scope (see decisionScope()) again, with that scope's decisions: an
 * agency's customers and clearings are never another's, so a run covers one scope. The command
 * line's is LOCAL_SCOPE.
 */
export async function rescreen(
  store: Store,
  service: ScreeningService,
  output: string,
  match: MatchOptions,
  scope: string,
): Promise<RescreenSummary> {
  const partial = `${output}.partial`;
  const out = stringify(
    spreadsheetSafeCsv({ header: true, columns: [...SCREEN_COLUMNS, "change"] }),
  );
  const file = createWriteStream(partial);
  out.pipe(file);
  const summary: RescreenSummary = { records: 0, newHits: 0, changedHits: 0 };
  let batch: ScreenedRecord[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    // Records kept by /match are in yente's shape; those of batch screens are file rows.
    const queries = batch.map((r) =>
      isEntityLikeQuery(r.query)
        ? queryFromEntity(r.query, `record ${r.recordId}`)
        : queryFromRow(r.query as Record<string, string>, `record ${r.recordId}`),
    );
    const answers = await service.match(
      queries,
      match,
      batch.map((r) => r.recordId),
      scope,
    );
    const updated: ScreenedRecord[] = [];
    for (const [i, record] of batch.entries()) {
      const before = new Map(record.results.map((r) => [r.entityId, r]));
      const results = answers[i]!.results;
      for (const [rank, hit] of results.entries()) {
        if (!hit.match || hit.decision?.decision === "cleared") continue;
        const previous = before.get(hit.entity.id);
        const change = !previous
          ? "new"
          : previous.entityHash !== hit.entity.hash
            ? "changed"
            : undefined;
        if (!change) continue;
        if (change === "new") summary.newHits++;
        else summary.changedHits++;
        const line = [
          record.recordId,
          String(rank + 1),
          hit.score.toFixed(4),
          "true",
          hit.entity.id,
          caption(hit.entity),
          hit.entity.schema,
          hit.entity.datasets.join(";"),
          hit.entity.sourceIds.join(";"),
          change,
        ];
        if (!out.write(line)) await once(out, "drain");
      }
      updated.push(screenedRecord(scope, record.recordId, record.query, results));
    }
    await store.saveScreenedRecords(updated);
    summary.records += batch.length;
    batch = [];
  };
  // Paging is by record id, which updates leave alone, so records can be rewritten as we go.
  for await (const record of store.iterateScreenedRecords(scope)) {
    batch.push(record);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  out.end();
  await once(file, "finish");
  await rename(partial, output);
  return summary;
}
