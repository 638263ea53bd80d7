/**
 * `moneytrail resolve`: scores candidate pairs across the active lists, merges the sure ones,
 * queues the doubtful ones for review, and stores both, leaving reviewers' judgements as they are.
 */
import type { ScreeningIndex } from "../matching/index.ts";
import type { IndexedEntity } from "../matching/types.ts";
import type { Entity } from "../model/entity.ts";
import { getSchema } from "../model/ftm.ts";
import { addRow, buildIndex } from "../screening/load.ts";
import type { NewJudgement, ReviewCandidate } from "../store/resolution/resolution-store.ts";
import type { Store } from "../store/store.ts";
import { Resolution } from "./clusters.ts";
import { UnionFind } from "./union-find.ts";
import {
  DEFAULT_PAIR_OPTIONS,
  referenceKeys,
  scorePairs,
  type PairOptions,
  type ScoredPair,
} from "./pairs.ts";

export interface Thresholds {
  /** Pairs at or above are merged without a reviewer. */
  merge: number;
  /** Pairs at or above (and below `merge`) wait for a reviewer. */
  review: number;
}

/**
 * Chosen on the development part of `npm run eval:resolution`: a perfect name (0.92) merges a
 * company or vessel; a person's name needs something else that agrees (pairs.ts caps it below).
 */
export const DEFAULT_THRESHOLDS: Thresholds = { merge: 0.92, review: 0.8 };

export interface SourceEntities {
  index: ScreeningIndex;
  /** Reference keys (`unsc:…`, `ofac:…`) of each party, from its Sanction entities. */
  references: Map<string, string[]>;
}

/** Every matchable entity of the active lists on its own (no judgements applied). */
export async function loadSourceEntities(
  store: Store,
  datasets?: string[],
): Promise<SourceEntities> {
  const merged = new Map<string, IndexedEntity>();
  const sanctions = new Map<string, Entity[]>();
  for await (const row of store.iterateEntities(datasets ? { datasets } : {})) {
    if (row.schema === "Sanction") {
      for (const party of row.properties.entity ?? []) {
        const list = sanctions.get(party);
        if (list) list.push(row);
        else sanctions.set(party, [row]);
      }
      continue;
    }
    if (!getSchema(row.schema).matchable) continue;
    addRow(merged, row.id, row);
  }
  const references = new Map<string, string[]>();
  for (const [party, list] of sanctions) {
    const keys = referenceKeys(list);
    if (keys.length > 0 && merged.has(party)) references.set(party, keys);
  }
  return { index: buildIndex(merged.values()), references };
}

/**
 * Splits scored pairs into automatic merges and the review queue. Pairs are taken surest first;
 * a sure pair that would put two records of one list into one entity is queued instead: a list
 * that names a designee twice (OFAC does, under two programmes) did so on purpose, and a chain of
 * merges that ends there has usually gone astray, so a reviewer decides.
 */
export function decide(
  pairs: ScoredPair[],
  thresholds: Thresholds,
  datasetsOf: (id: string) => string[],
): { merges: NewJudgement[]; review: ReviewCandidate[] } {
  const merges: NewJudgement[] = [];
  const review: ReviewCandidate[] = [];
  const clusters = new DatasetClusters(datasetsOf);
  for (const pair of pairs) {
    if (pair.score < thresholds.review) continue;
    const explanation = { features: pair.features, explanations: pair.explanations };
    if (pair.score < thresholds.merge) {
      review.push({ left: pair.left, right: pair.right, score: pair.score, explanation });
      continue;
    }
    const shared = clusters.join(pair.left, pair.right);
    if (shared) {
      review.push({
        left: pair.left,
        right: pair.right,
        score: pair.score,
        explanation: { ...explanation, held: `would join two records of ${shared}` },
      });
      continue;
    }
    merges.push({
      left: pair.left,
      right: pair.right,
      judgement: "positive",
      source: "auto",
      score: pair.score,
      user: "resolver",
    });
  }
  return { merges, review };
}

/** Clusters of entity ids that know which datasets each holds. */
class DatasetClusters {
  private readonly roots = new UnionFind();
  private readonly datasets = new Map<string, Set<string>>();

  constructor(private readonly datasetsOf: (id: string) => string[]) {}

  /** Joins the two clusters, or names a dataset both already hold and leaves them apart. */
  join(a: string, b: string): string | undefined {
    const rootA = this.roots.find(a);
    const rootB = this.roots.find(b);
    if (rootA === rootB) return undefined;
    const setA = this.datasetsOfRoot(rootA);
    const setB = this.datasetsOfRoot(rootB);
    for (const dataset of setA) if (setB.has(dataset)) return dataset;
    this.roots.attach(rootB, rootA);
    for (const dataset of setB) setA.add(dataset);
    this.datasets.delete(rootB);
    return undefined;
  }

  private datasetsOfRoot(root: string): Set<string> {
    let set = this.datasets.get(root);
    if (!set) this.datasets.set(root, (set = new Set(this.datasetsOf(root))));
    return set;
  }
}

export interface ResolveOptions {
  thresholds?: Thresholds;
  pairs?: Partial<PairOptions>;
  datasets?: string[];
  onStart?: (entities: number) => void;
  onEntity?: (done: number) => void;
}

export interface ResolveSummary {
  entities: number;
  pairsScored: number;
  merged: number;
  review: number;
  /** Canonical entities made of two or more source entities, reviewers' merges included. */
  clusters: number;
  /** Positive judgements left out because they would join entities judged different. */
  conflicts: number;
  millis: number;
}

export async function resolve(store: Store, options: ResolveOptions = {}): Promise<ResolveSummary> {
  const started = performance.now();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { index, references } = await loadSourceEntities(store, options.datasets);
  options.onStart?.(index.size);
  const pairs = scorePairs(
    index,
    references,
    { ...DEFAULT_PAIR_OPTIONS, floor: thresholds.review, ...options.pairs },
    options.onEntity,
  );
  const { merges, review } = decide(pairs, thresholds, (id) => index.get(id)?.datasets ?? []);
  await store.resolution.replaceAutomatic(merges, review);
  const resolution = Resolution.fromJudgements(await store.resolution.judgements());
  return {
    entities: index.size,
    pairsScored: pairs.length,
    merged: merges.length,
    review: await store.resolution.countReviewQueue(),
    clusters: resolution.clusterCount,
    conflicts: resolution.conflicts.length,
    millis: performance.now() - started,
  };
}
