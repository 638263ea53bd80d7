/**
 * Decisions kept in memory for the hot path of screening, reloaded when the decisions table has
 * grown (checked at most every `checkMillis`), so that every query does not cost a database
 * round trip. Other server processes' decisions show within that interval.
 */
import type { Decision, Store } from "../store/store.ts";
import { decisionKey } from "./decisions.ts";
import { isStoreUnavailable } from "../store/unavailable.ts";

export class DecisionCache {
  private readonly store: Store;
  private readonly checkMillis: number;
  private newest = new Map<string, Decision>();
  private count = -1;
  private checkedAt = 0;

  constructor(store: Store, checkMillis: number) {
    this.store = store;
    this.checkMillis = checkMillis;
  }

  /** Forget what is loaded: the next lookup reloads (after this process recorded a decision). */
  invalidate(): void {
    this.checkedAt = 0;
    this.count = -1;
  }

  async newestDecisions(): Promise<Map<string, Decision>> {
    const now = Date.now();
    if (now - this.checkedAt < this.checkMillis) return this.newest;
    this.checkedAt = now;
    // The database is out: the decisions loaded last go on applying until it is back.
    const count = await this.store.countDecisions().catch((error: unknown) => {
      if (this.count >= 0 && isStoreUnavailable(error)) return this.count;
      throw error;
    });
    if (count === this.count) return this.newest;
    const newest = new Map<string, Decision>();
    for (const d of await this.store.listDecisions(Number.MAX_SAFE_INTEGER)) {
      const key = decisionKey(d.scope, d.queryKey, d.entityId);
      if (!newest.has(key)) newest.set(key, d);
    }
    this.newest = newest;
    this.count = count;
    return newest;
  }
}
