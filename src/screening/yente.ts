/**
 * moneytrail's screening answers in the wire shape of yente's API (OpenSanctions), so that
 * existing yente clients work unchanged.
 */
import { caption } from "../model/entity.ts";
import type { ScreeningHit } from "./service.ts";

export interface YenteResult {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  first_seen: string | null;
  last_seen: string | null;
  last_change: string | null;
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanations: Record<string, { score: number; description: string }>;
  /** moneytrail: the publishers' record ids behind the entity. */
  source_ids: string[];
  /** moneytrail: a reviewer's still-valid decision on this hit for this query. */
  decision?: { status: string; reviewer: string; comment: string | null; decided_at: string };
}

export function toYenteResult(
  hit: ScreeningHit,
  seen: (datasets: string[]) => string | null,
): YenteResult {
  const entity = hit.entity;
  const when = seen(entity.datasets);
  const result: YenteResult = {
    id: entity.id,
    caption: caption(entity),
    schema: entity.schema,
    properties: entity.properties,
    datasets: entity.datasets,
    referents: [],
    target: entity.properties.topics?.includes("sanction") ?? false,
    first_seen: when,
    last_seen: when,
    last_change: when,
    score: hit.score,
    match: hit.match,
    features: hit.features,
    explanations: Object.fromEntries(
      Object.entries(hit.explanations).map(([key, e]) => [
        key,
        { score: e.weight, description: e.detail },
      ]),
    ),
    source_ids: entity.sourceIds,
  };
  if (hit.decision) {
    result.decision = {
      status: hit.decision.decision,
      reviewer: hit.decision.reviewer,
      comment: hit.decision.comment,
      decided_at: hit.decision.decidedAt,
    };
  }
  return result;
}
