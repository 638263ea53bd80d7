/** The access limits kept in the store, so that every server process sees the same counts. */
import type { LoginFailureCount } from "../../access/login-lockout.ts";

export type { LoginFailureCount };

export interface LoginFailureStore {
  find(username: string): Promise<LoginFailureCount | undefined>;
  /**
   * Counts one more failure at `at`, atomically across servers; a count whose last failure was
   * before `startOverBefore` starts again from one.
   */
  record(username: string, at: string, startOverBefore: string): Promise<LoginFailureCount>;
  clear(username: string): Promise<void>;
  /** Drops counts whose last failure was before `before`; how many were dropped. */
  prune(before: string): Promise<number>;
}

/** Requests counted under one rate-limit key in one fixed window. */
export interface RateCount {
  key: string;
  windowStart: string;
  count: number;
}

export interface RateCountStore {
  /** Adds each increment to its window's count, in one statement; the new totals. */
  add(increments: Array<RateCount & { expiresAt: string }>): Promise<RateCount[]>;
  /** Forgets windows that ended before `before`. */
  prune(before: string): Promise<void>;
}
