/** What the screening engine takes and gives; no I/O anywhere in matching/. */
import type { Entity } from "../model/entity.ts";

/** A screening query: an entity-like description of who or what is looked for. */
export interface MatchQuery {
  schema: string;
  names: string[];
  birthDates: string[];
  countries: string[];
  gender?: string;
  identifiers: string[];
}

/** A listed entity as the index holds it: merged over datasets, with its source record ids. */
export interface IndexedEntity extends Entity {
  datasets: string[];
  sourceIds: string[];
  /** Content hash of the merged entity: changes when a list version changes it. */
  hash: string;
}

export interface FeatureExplanation {
  /** The feature's contribution to the score (negative for conflicts). */
  weight: number;
  detail: string;
}

export interface MatchResult {
  entity: IndexedEntity;
  score: number;
  match: boolean;
  features: Record<string, number>;
  explanations: Record<string, FeatureExplanation>;
}

export interface MatchOptions {
  limit: number;
  threshold: number;
  includeDatasets?: string[];
  excludeDatasets?: string[];
  excludeEntityIds?: string[];
  /** Restrict candidates to these schemata (and their descendants). */
  schema?: string;
  /**
   * Access control: the caller sees an entity only through its records in these datasets. An
   * entity merged from a list it may read and one it may not is scored and shown from the
   * readable records alone. Undefined: everything.
   */
  readableDatasets?: string[];
}

/** One dataset's record of a merged entity, kept so a caller's view can leave others out. */
export interface EntityPart {
  dataset: string;
  sourceId: string;
  entity: Entity;
}

export const DEFAULT_THRESHOLD = 0.7;
export const DEFAULT_LIMIT = 5;
