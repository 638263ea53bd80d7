/** Screens a chunk of customer rows against an index: the work each worker thread does. */
import { caption } from "../../model/entity.ts";
import type { ScreeningIndex } from "../../matching/index.ts";
import type { MatchOptions, MatchQuery } from "../../matching/types.ts";
import { MoneytrailError } from "../../errors.ts";
import { queryFromRow } from "../query.ts";
import type { ScreenRow } from "./input.ts";
import type { ScreenedRow } from "./protocol.ts";

/**
 * A row's query, or why the row cannot be screened (no name nor identifier, a name too long …):
 * a value, so that one bad row becomes an error row and the rest of the batch goes on.
 *
 * @example rowQuery({ id: "c1", line: 2 }) // { error: "line 2: give at least a name or an identifier" }
 */
export function rowQuery(row: ScreenRow): { query: MatchQuery } | { error: string } {
  try {
    return { query: queryFromRow(row, `line ${row.line}`) };
  } catch (error) {
    if (error instanceof MoneytrailError) return { error: error.message };
    throw error;
  }
}

export function screenRows(
  index: ScreeningIndex,
  rows: ScreenRow[],
  options: MatchOptions,
): ScreenedRow[] {
  return rows.map((row) => {
    const parsed = rowQuery(row);
    if ("error" in parsed) return { row, hits: [], error: parsed.error };
    const hits = index.match(parsed.query, options).map((r) => ({
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
