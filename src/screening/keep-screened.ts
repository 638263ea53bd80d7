/**
 * `/match` queries that carry the client's record id are kept as screened records, as batch
 * screens keep theirs: a reviewer may then decide on their hits by that id (a decision needs a
 * record that was screened, see record-decision.ts), and `rescreen` screens them again.
 */
import type { Store } from "../store/store.ts";
import type { EntityLikeQuery } from "./query.ts";
import { screenedRecord } from "./screened-record.ts";
import type { ScreeningAnswer } from "./service.ts";

/**
 * Keeps the queries with an id (same order as `answers`) as records of `scope`, the caller's (see
 * decisionScope()); the last of one id wins. Another scope's record of the same id stays as it is.
 */
export async function keepIdentifiedQueries(
  store: Store,
  scope: string,
  queries: Array<EntityLikeQuery & { id?: string }>,
  answers: ScreeningAnswer[],
): Promise<void> {
  const byId = new Map<string, ReturnType<typeof screenedRecord>>();
  queries.forEach((q, i) => {
    if (!q.id) return;
    const query = { schema: q.schema, properties: q.properties };
    byId.set(q.id, screenedRecord(scope, q.id, query, answers[i]!.results));
  });
  await store.saveScreenedRecords([...byId.values()]);
}

/** Whether a kept query is in yente's shape (from /match) rather than a customer-file row. */
export function isEntityLikeQuery(query: Record<string, unknown>): query is EntityLikeQuery & {
  [key: string]: unknown;
} {
  return typeof query.schema === "string" && typeof query.properties === "object";
}
