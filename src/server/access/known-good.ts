/**
 * Answers from the database kept in memory so that screening goes on through a database outage:
 * API keys, sessions and collection grants.
 *
 * While the database answers, an entry older than `refreshMillis` is looked up again before it is
 * used, so a revocation (on any server) takes effect within that time. When the look-up fails
 * because the database is unreachable, a known-good entry keeps working until its own expiry (a
 * key's or session's) or until `maxStaleMillis` after it was last confirmed, whichever is first;
 * then it answers 503 like everything else. The trade-off, stated in docs/SECURITY.md: a key
 * revoked during an outage (or on a server that cannot reach the database) keeps working here
 * until the database is back (then within `refreshMillis`) or for at most `maxStaleMillis`.
 * Answers of "no such key" are kept for `refreshMillis` only and never outlive an outage.
 */
import { isStoreUnavailable } from "../../store/unavailable.ts";

export interface KnownGoodOptions {
  refreshMillis: number;
  maxStaleMillis: number;
  /** Known-good entries kept; beyond it the longest-unconfirmed go first. */
  maxEntries: number;
  /**
   * How long a request waits on a refresh that has not answered before it is given the stale
   * entry (a database that hangs rather than refuses).
   */
  waitMillis: number;
}

/** What a load found: the value and, if it has one, when it expires (ms since the epoch). */
export interface Loaded<T> {
  value: T;
  expiresAt?: number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
  confirmedAt: number;
}

/** After a failed refresh, stale entries are served without asking again for this long. */
const UNAVAILABLE_BACKOFF_MILLIS = 1000;
const MAX_MISSES = 10_000;

export class KnownGood<T> {
  private readonly good = new Map<string, Entry<T>>();
  private readonly misses = new Map<string, number>();
  private readonly loading = new Map<string, Promise<Loaded<T> | undefined>>();
  private unavailableUntil = 0;

  constructor(
    private readonly options: KnownGoodOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value for `key`, looked up with `load` unless a fresh enough answer is kept. */
  async get(key: string, load: () => Promise<Loaded<T> | undefined>): Promise<T | undefined> {
    const now = this.now();
    const entry = this.usable(key, now);
    if (entry && now - entry.confirmedAt < this.options.refreshMillis) return entry.value;
    if (!entry) {
      const missedAt = this.misses.get(key);
      if (missedAt !== undefined && now - missedAt < this.options.refreshMillis) return undefined;
      return (await this.refresh(key, load))?.value;
    }
    // Stale but still within its bounds: ask the database, fall back on the entry if it is out.
    if (now < this.unavailableUntil) return entry.value;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"waited">((resolve) => {
      timer = setTimeout(() => resolve("waited"), this.options.waitMillis);
    });
    try {
      const loaded = await Promise.race([this.refresh(key, load), waited]);
      return loaded === "waited" ? entry.value : loaded?.value;
    } catch (error) {
      if (isStoreUnavailable(error)) return entry.value;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A kept value usable now without asking the database (fresh or not), if there is one. */
  peek(key: string): T | undefined {
    return this.usable(key, this.now())?.value;
  }

  delete(key: string): void {
    this.good.delete(key);
    this.misses.delete(key);
  }

  clear(): void {
    this.good.clear();
    this.misses.clear();
  }

  private usable(key: string, now: number): Entry<T> | undefined {
    const entry = this.good.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now || now - entry.confirmedAt >= this.options.maxStaleMillis) {
      this.good.delete(key);
      return undefined;
    }
    return entry;
  }

  /** One look-up per key at a time; its answer replaces the entry, whatever it is. */
  private refresh(key: string, load: () => Promise<Loaded<T> | undefined>) {
    const running = this.loading.get(key);
    if (running) return running;
    const started = load().then(
      (loaded) => {
        this.loading.delete(key);
        const at = this.now();
        this.good.delete(key);
        if (loaded) {
          if (this.good.size >= this.options.maxEntries) {
            const oldest = this.good.keys().next();
            if (!oldest.done) this.good.delete(oldest.value);
          }
          this.good.set(key, {
            value: loaded.value,
            expiresAt: loaded.expiresAt ?? Infinity,
            confirmedAt: at,
          });
          this.misses.delete(key);
        } else {
          if (this.misses.size >= MAX_MISSES) this.misses.clear();
          this.misses.set(key, at);
        }
        return loaded;
      },
      (error: unknown) => {
        this.loading.delete(key);
        if (isStoreUnavailable(error))
          this.unavailableUntil = this.now() + UNAVAILABLE_BACKOFF_MILLIS;
        // Anything but an outage ends the entry: a bug must not keep a key alive.
        else this.good.delete(key);
        throw error;
      },
    );
    this.loading.set(key, started);
    return started;
  }
}
