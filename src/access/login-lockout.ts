/**
 * The per-account sign-in lock-out: after FREE_FAILURES failed sign-ins a username is refused for
 * a while, whatever the address tries it, and each further failure doubles the wait (1 minute,
 * 2, 4, … up to an hour). A sign-in refused while locked does not count, so a stranger cannot
 * push the lock further out than the back-off already does; a success, or a day without
 * failures, starts the count again. The trade-off: anyone who knows a username can keep that
 * account from signing in with a password (API keys keep working); the audit log names them.
 */

/** Failed sign-ins of one username since it last signed in (or since the count started over). */
export interface LoginFailureCount {
  failures: number;
  lastFailedAt: string;
}

export const LOCKOUT = {
  freeFailures: 5,
  firstLockMillis: 60_000,
  maxLockMillis: 3600_000,
  startOverMillis: 24 * 3600_000,
} as const;

export type LockoutPolicy = typeof LOCKOUT;

/**
 * Until when a username is locked, or undefined when it may try now.
 *
 * @example lockedUntil({ failures: 5, lastFailedAt: "2026-01-01T00:00:00.000Z" }, LOCKOUT)
 *   // "2026-01-01T00:01:00.000Z"
 */
export function lockedUntil(
  count: LoginFailureCount | undefined,
  now: Date,
  policy: LockoutPolicy = LOCKOUT,
): string | undefined {
  if (!count || count.failures < policy.freeFailures) return undefined;
  const last = Date.parse(count.lastFailedAt);
  if (now.getTime() - last >= policy.startOverMillis) return undefined;
  const doublings = Math.min(count.failures - policy.freeFailures, 30);
  const lock = Math.min(policy.firstLockMillis * 2 ** doublings, policy.maxLockMillis);
  const until = last + lock;
  return until > now.getTime() ? new Date(until).toISOString() : undefined;
}

/** The time before which a count starts over at the next failure. */
export function startOverBefore(now: Date, policy: LockoutPolicy = LOCKOUT): string {
  return new Date(now.getTime() - policy.startOverMillis).toISOString();
}
