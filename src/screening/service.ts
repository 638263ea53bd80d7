/**
 * Screening over the store: keeps the in-memory index, rebuilds it when the active list versions
 * or the resolver's judgements change, and answers queries with reviewers' decisions applied.
 */
import { setImmediate } from "node:timers/promises";
import type { ScreeningIndex } from "../matching/index.ts";
import {
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type MatchOptions,
  type MatchQuery,
  type MatchResult,
} from "../matching/types.ts";
import type { Store } from "../store/store.ts";
import { DecisionCache } from "./decision-cache.ts";
import { decisionLookup, LOCAL_SCOPE, queryKey, type AppliedDecision } from "./decisions.ts";
import { currentIndexKey, loadIndex } from "./load.ts";
import { isStoreUnavailable } from "../store/unavailable.ts";

/** How long one request's queries may hold the thread before others get a turn. */
const YIELD_AFTER_MILLIS = 10;

export interface ScreeningHit extends MatchResult {
  decision?: AppliedDecision;
}

export interface ScreeningAnswer {
  query: MatchQuery;
  results: ScreeningHit[];
}

export interface ServiceOptions {
  /** How often (ms) to check whether the active list versions changed; 0 checks every call. */
  staleCheckMillis?: number;
}

export class ScreeningService {
  private readonly store: Store;
  private index: ScreeningIndex | undefined;
  private versionKey = "";
  private checkedAt = 0;
  private loading: Promise<ScreeningIndex> | undefined;
  private readonly staleCheckMillis: number;
  readonly decisions: DecisionCache;

  constructor(store: Store, options: ServiceOptions = {}) {
    this.store = store;
    this.staleCheckMillis = options.staleCheckMillis ?? 5000;
    this.decisions = new DecisionCache(store, Math.min(this.staleCheckMillis, 2000));
  }

  /** The current index, rebuilt first if a list version was activated since it was built. */
  async ready(): Promise<ScreeningIndex> {
    const now = Date.now();
    if (this.index && now - this.checkedAt < this.staleCheckMillis) return this.index;
    this.checkedAt = now;
    const key = await currentIndexKey(this.store).catch((error: unknown) => {
      // The database is out: screen from the index in memory until it is back (README).
      if (this.index && isStoreUnavailable(error)) return this.versionKey;
      throw error;
    });
    if (this.index && key === this.versionKey) return this.index;
    this.loading ??= loadIndex(this.store).then(
      (loaded) => {
        this.index = loaded.index;
        this.versionKey = loaded.versionKey;
        this.loading = undefined;
        return loaded.index;
      },
      (error: unknown) => {
        // A failed build is retried on the next call rather than remembered.
        this.loading = undefined;
        this.checkedAt = 0;
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * Answers several queries; `recordIds` (same order) give the identities decisions bind to, and
   * only decisions of `decisionScope` apply (the caller's: see decisionScope(); null for none).
   * The default is the single-user mode's, for the command line.
   */
  async match(
    queries: MatchQuery[],
    options: Partial<MatchOptions> = {},
    recordIds?: Array<string | undefined>,
    decisionScope: string | null = LOCAL_SCOPE,
  ): Promise<ScreeningAnswer[]> {
    const index = await this.ready();
    const full: MatchOptions = { limit: DEFAULT_LIMIT, threshold: DEFAULT_THRESHOLD, ...options };
    const newest = await this.decisions.newestDecisions();
    const lookup = decisionScope === null ? undefined : decisionLookup(newest, decisionScope);
    const answer = (query: MatchQuery, i: number): ScreeningAnswer => {
      const results: ScreeningHit[] = index.match(query, full);
      // A query key costs a hash; with no decision recorded there is nothing to look up.
      if (newest.size === 0 || !lookup) return { query, results };
      const key = queryKey(query, recordIds?.[i]);
      return {
        query,
        results: results.map((result) => {
          const decision = lookup(key, result.entity.id, result.entity.hash);
          return decision ? { ...result, decision } : result;
        }),
      };
    };
    // A hundred queries of long non-Latin names take seconds: other requests get their turn
    // between queries whenever this one has held the thread for a few milliseconds.
    const answers: ScreeningAnswer[] = [];
    let since = performance.now();
    for (const [i, query] of queries.entries()) {
      answers.push(answer(query, i));
      if (performance.now() - since > YIELD_AFTER_MILLIS && i < queries.length - 1) {
        await setImmediate();
        since = performance.now();
      }
    }
    return answers;
  }
}
