/** Records a reviewer's decision against the listed entity as it is now. */
import { InvalidInputError, NotFoundError } from "../errors.ts";
import type { Decision, DecisionKind, Store } from "../store/store.ts";
import { queryKey, recordKey } from "./decisions.ts";
import { queryFromEntity, type EntityLikeQuery } from "./query.ts";
import type { ScreeningService } from "./service.ts";

export interface DecisionInput {
  entityId: string;
  decision: DecisionKind;
  reviewer: string;
  comment?: string;
  /** Whose decision it is (see decisionScope()): only that scope's screenings see it. */
  scope: string;
  /** The customer record id the hit was for; or else the query itself. */
  recordId?: string;
  query?: EntityLikeQuery;
}

export async function recordDecision(
  store: Store,
  screening: ScreeningService,
  input: DecisionInput,
): Promise<Decision> {
  if (!input.recordId && !input.query)
    throw new InvalidInputError("decision: give the query's record id or the query");
  const index = await screening.ready();
  const entity = index.get(input.entityId);
  if (!entity)
    throw new NotFoundError(`decision: entity '${input.entityId}' is not in the screening index`);
  // A decision on a record never screened would wait, unseen, to hide the record's first hit
  // (or be a typo that decides nothing): a decision is on a hit that was shown. Only the
  // decider's own scope's screenings count, with the same answer as for an unknown id, so no
  // scope learns which customer ids another one screened.
  if (input.recordId) {
    const screened = await store.findScreenedRecord(input.scope, input.recordId);
    if (!screened)
      throw new InvalidInputError(
        `decision: query id '${input.recordId}' was never screened; screen it first (a batch screen, \`moneytrail screen\`, or /match with this id)`,
      );
    if (!screened.results.some((hit) => hit.entityId === entity.id))
      throw new InvalidInputError(
        `decision: entity '${entity.id}' was not a hit of query id '${input.recordId}' when it was last screened`,
      );
  }
  const key = input.recordId ? recordKey(input.recordId) : queryKey(queryFromEntity(input.query!));
  const decision = await store.addDecision({
    queryKey: key,
    entityId: entity.id,
    entityHash: entity.hash,
    decision: input.decision,
    reviewer: input.reviewer,
    comment: input.comment ?? null,
    scope: input.scope,
  });
  screening.decisions.invalidate();
  return decision;
}
