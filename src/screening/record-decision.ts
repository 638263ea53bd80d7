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
  const key = input.recordId ? recordKey(input.recordId) : queryKey(queryFromEntity(input.query!));
  const decision = await store.addDecision({
    queryKey: key,
    entityId: entity.id,
    entityHash: entity.hash,
    decision: input.decision,
    reviewer: input.reviewer,
    comment: input.comment ?? null,
  });
  screening.decisions.invalidate();
  return decision;
}
