/**
 * Cleared and confirmed hits. A decision binds a query identity (a customer id, or the query's
 * names, dates and countries) to a listed entity as it was when decided; it stops applying when a
 * new list version changes that entity, so a changed designation is reviewed again.
 */
import { hashRaw } from "../store/hash.ts";
import type { Decision } from "../store/store.ts";
import type { MatchQuery } from "../matching/types.ts";

/** The identity of a query for decisions: the caller's record id when given, else its content. */
export function queryKey(query: MatchQuery, recordId?: string): string {
  if (recordId) return recordKey(recordId);
  const identity = {
    schema: query.schema,
    names: [...query.names].map((n) => n.trim().toLowerCase()).sort(),
    birthDates: [...query.birthDates].sort(),
    countries: [...query.countries].sort(),
    identifiers: [...query.identifiers].sort(),
  };
  return `q:${hashRaw(identity)}`;
}

/** The decision identity of a screened customer record. */
export function recordKey(recordId: string): string {
  return `id:${recordId}`;
}

export interface AppliedDecision {
  decision: Decision["decision"];
  reviewer: string;
  comment: string | null;
  decidedAt: string;
}

/** Finds the decisions still valid for hits: newest per (query, entity), same entity content. */
export function decisionLookup(
  newest: Map<string, Decision>,
): (queryKey: string, entityId: string, entityHash: string) => AppliedDecision | undefined {
  return (key, entityId, entityHash) => {
    const d = newest.get(`${key}\u0000${entityId}`);
    if (!d || d.entityHash !== entityHash) return undefined;
    return {
      decision: d.decision,
      reviewer: d.reviewer,
      comment: d.comment,
      decidedAt: d.createdAt,
    };
  };
}
