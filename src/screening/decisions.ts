/**
 * Cleared and confirmed hits. A decision binds a query identity (a customer id, or the query's
 * names, dates and countries) to a listed entity as it was when decided; it stops applying when a
 * new list version changes that entity, so a changed designation is reviewed again. A decision
 * belongs to its scope (the reviewer's agency) and applies only to that scope's screenings: one
 * agency's clearing must never hide a hit from another.
 */
import type { Caller } from "../access/collections.ts";
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

/** The scope of the single-user mode (no sign-in) and of the command line. */
export const LOCAL_SCOPE = "local";

/**
 * Whose decisions a caller makes and sees applied: its agency's, or its own when it has none.
 *
 *     decisionScope({ user: "kim", agency: "fiu", role: "analyst", via: "session" }) // "agency:fiu"
 */
export function decisionScope(caller: Caller): string {
  if (caller.via === "open") return LOCAL_SCOPE;
  return caller.agency ? `agency:${caller.agency}` : `user:${caller.user}`;
}

/** The key of the newest decision of a scope on a (query, entity) pair. */
export function decisionKey(scope: string, queryKey: string, entityId: string): string {
  return `${scope}\u0000${queryKey}\u0000${entityId}`;
}

export interface AppliedDecision {
  decision: Decision["decision"];
  reviewer: string;
  comment: string | null;
  decidedAt: string;
}

/**
 * Finds the decisions of one scope still valid for hits: newest per (query, entity), same entity
 * content.
 */
export function decisionLookup(
  newest: Map<string, Decision>,
  scope: string,
): (queryKey: string, entityId: string, entityHash: string) => AppliedDecision | undefined {
  return (key, entityId, entityHash) => {
    const d = newest.get(decisionKey(scope, key, entityId));
    if (!d || d.entityHash !== entityHash) return undefined;
    return {
      decision: d.decision,
      reviewer: d.reviewer,
      comment: d.comment,
      decidedAt: d.createdAt,
    };
  };
}
