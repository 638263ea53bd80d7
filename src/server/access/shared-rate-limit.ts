/**
 * The rate limit's count shared by every server on one PostgreSQL store, so that a key flooding
 * two servers behind a load balancer gets `max` answers in all, not `max` from each.
 *
 * Each server counts in memory (no query on the /match hot path) and every SYNC_MILLIS adds what
 * it counted to a fixed-window counter in the database, one upsert for all keys, learning the
 * total across servers in return. The overshoot is bounded: a server learns the others' requests
 * at most one sync (plus a query) late, so a key can get up to about `max` plus what the other
 * servers answered it within the last SYNC_MILLIS (~200 ms) before every server refuses it.
 * Windows are aligned to the clock (start = floor(now / window) × window), so servers agree on
 * them as far as their clocks agree. While the database is unreachable each server goes on
 * counting alone and adds its counts once it is back.
 */
import type { FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { RateCountStore } from "../../store/access/limit-stores.ts";

export const SYNC_MILLIS = 200;
const PRUNE_MILLIS = 60_000;
/** Keys counted in memory at most; past it the least recently started windows are dropped. */
const MAX_KEYS = 200_000;

interface Window {
  start: number;
  end: number;
  /** This window's total in the database as last seen (our synced requests included). */
  known: number;
  /** Requests counted here and not yet added to the database. */
  pending: number;
  /** Requests being added by the sync under way. */
  sending: number;
}

export class SharedRateCounter {
  private readonly windows = new Map<string, Window>();
  private readonly timer: NodeJS.Timeout;
  private syncing: Promise<void> | undefined;
  private prunedAt = Date.now();
  private failing = false;

  constructor(
    private readonly counts: RateCountStore,
    private readonly onError: (error: unknown) => void,
    syncMillis = SYNC_MILLIS,
  ) {
    this.timer = setInterval(() => void this.sync(), syncMillis);
    this.timer.unref();
  }

  /** Counts one request under `key`: the count so far in its window and the time left. */
  incr(key: string, timeWindow: number): { current: number; ttl: number } {
    const now = Date.now();
    const start = Math.floor(now / timeWindow) * timeWindow;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      // Re-inserted, so the map's order is the order windows started in.
      this.windows.delete(key);
      if (this.windows.size >= MAX_KEYS) this.dropOldest();
      window = { start, end: start + timeWindow, known: 0, pending: 0, sending: 0 };
      this.windows.set(key, window);
    }
    window.pending++;
    return { current: window.known + window.sending + window.pending, ttl: window.end - now };
  }

  /** Adds the pending counts to the database and learns the totals; one sync at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  /** Stops syncing, after adding what is pending. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.sync();
  }

  private async syncOnce(): Promise<void> {
    const now = Date.now();
    const sent: Array<{ key: string; window: Window; count: number }> = [];
    for (const [key, window] of this.windows) {
      if (window.pending > 0) {
        sent.push({ key, window, count: window.pending });
        window.sending = window.pending;
        window.pending = 0;
      } else if (window.end <= now) this.windows.delete(key);
    }
    try {
      if (sent.length > 0) {
        const totals = await this.counts.add(
          sent.map(({ key, window, count }) => ({
            key,
            windowStart: new Date(window.start).toISOString(),
            expiresAt: new Date(window.end).toISOString(),
            count,
          })),
        );
        const byKey = new Map(sent.map((s) => [`${s.key}\n${s.window.start}`, s.window]));
        for (const total of totals) {
          const window = byKey.get(`${total.key}\n${Date.parse(total.windowStart)}`);
          if (window) window.known = Math.max(window.known, total.count);
        }
        for (const { window } of sent) window.sending = 0;
      }
      if (now - this.prunedAt >= PRUNE_MILLIS) {
        this.prunedAt = now;
        await this.counts.prune(new Date(now).toISOString());
      }
      this.failing = false;
    } catch (error) {
      // Counted again next time (the database may be away): nothing counted is lost.
      for (const { window, count } of sent) {
        window.sending = 0;
        window.pending += count;
      }
      // Once per outage, not five times a second.
      if (!this.failing) this.onError(error);
      this.failing = true;
    }
  }

  private dropOldest(): void {
    let drop = Math.ceil(MAX_KEYS / 10);
    for (const key of this.windows.keys()) {
      if (drop-- <= 0) break;
      this.windows.delete(key);
    }
  }
}

/** The counter as a store for @fastify/rate-limit (every route's limit shares it; keys differ). */
export function sharedRateLimitStore(counter: SharedRateCounter): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      callback(null, counter.incr(key, timeWindow));
    }

    child(): SharedRateLimitStore {
      return this;
    }
  };
}
