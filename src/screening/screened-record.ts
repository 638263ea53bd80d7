import type { ScreenedRecord } from "../store/store.ts";

interface ScoredHit {
  entity: { id: string; hash: string };
  score: number;
}

/**
 * What the store keeps of one screened record, in the scope that screened it (see
 * decisionScope()): the query and the hits' versions, to tell later what changed.
 */
export function screenedRecord(
  scope: string,
  recordId: string,
  query: Record<string, unknown>,
  hits: ScoredHit[],
): ScreenedRecord {
  return {
    scope,
    recordId,
    query,
    results: hits.map((h) => ({
      entityId: h.entity.id,
      entityHash: h.entity.hash,
      score: h.score,
    })),
    screenedAt: new Date().toISOString(),
  };
}
