/** Screens a chunk of customer rows against an index: the work each worker thread does. */
import { caption } from "../../model/entity.ts";
import type { ScreeningIndex } from "../../matching/index.ts";
import type { MatchOptions } from "../../matching/types.ts";
import { MoneytrailError } from "../../errors.ts";
import { queryFromRow } from "../query.ts";
import type { ScreenRow } from "./input.ts";
import type { ScreenedRow } from "./protocol.ts";

export function screenRows(
  index: ScreeningIndex,
  rows: ScreenRow[],
  options: MatchOptions,
): ScreenedRow[] {
  return rows.map((row) => {
    let query;
    try {
      query = queryFromRow(row, `line ${row.line}`);
    } catch (error) {
      if (error instanceof MoneytrailError) return { row, hits: [], error: error.message };
      throw error;
    }
    const hits = index.match(query, options).map((r) => ({
      entityId: r.entity.id,
      caption: caption(r.entity),
      schema: r.entity.schema,
      datasets: r.entity.datasets,
      sourceIds: r.entity.sourceIds,
      score: r.score,
      match: r.match,
      hash: r.entity.hash,
    }));
    return { row, hits };
  });
}
