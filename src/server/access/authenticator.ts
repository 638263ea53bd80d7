/**
 * Who is calling: an API key (`Authorization: ApiKey <key>`, as yente's hosted API takes it, or
 * `Bearer <key>`), or a session cookie from a password login. Keys and sessions are looked up by
 * their hash and kept in memory (known-good.ts): a busy /match client costs a query every
 * REFRESH_MILLIS, a revoked key or disabled user stops working within that time, and through a
 * database outage a known-good key or session goes on working until its own expiry or for at most
 * MAX_STALE_MILLIS since the database last confirmed it.
 */
import { isIP } from "node:net";
import type { Caller } from "../../access/collections.ts";
import { lockedUntil, startOverBefore } from "../../access/login-lockout.ts";
import { hashPassword, verifyPassword } from "../../access/passwords.ts";
import { ROLES, type Role } from "../../access/roles.ts";
import { newSecret, secretHash } from "../../access/secrets.ts";
import { UnauthenticatedError } from "../../errors.ts";
import type { AccessStore } from "../../store/access/access-store.ts";
import { KnownGood, type Loaded } from "./known-good.ts";

export const SESSION_COOKIE = "moneytrail_session";
export const SESSION_HOURS = 12;
/** While the database answers, a key or session is confirmed at least this often. */
export const REFRESH_MILLIS = 5000;
/** Through an outage, a known-good key or session works this long after its last confirmation. */
export const MAX_STALE_MILLIS = 15 * 60_000;
/**
 * The one answer to every failed sign-in (unknown user, wrong password, disabled, locked), so a
 * stranger learns nothing about which it was; the timing is kept equal too (see login).
 */
export const LOGIN_REFUSED =
  "sign-in failed: wrong username or password, or too many failed attempts; try again later";
/** Failure counts older than the lock-out's start-over time are pruned at most this often. */
const PRUNE_MILLIS = 3600_000;

/** A caller with what its credential limits it to (an API key's collections). */
export interface Authenticated extends Caller {
  onlyCollections: string[] | null;
  keyId: string | null;
}

/** The single user of an embedded store when authentication is off. */
export const OPEN_CALLER: Authenticated = {
  user: "local",
  role: "admin",
  agency: null,
  via: "open",
  onlyCollections: null,
  keyId: null,
};

export class Authenticator {
  private readonly known = new KnownGood<Authenticated>({
    refreshMillis: REFRESH_MILLIS,
    maxStaleMillis: MAX_STALE_MILLIS,
    maxEntries: 50_000,
    waitMillis: 1000,
  });
  /**
   * A hash compared against when the user does not exist, so a miss takes as long as a hit; made
   * on the first miss, not at start-up (scrypt is deliberately slow).
   */
  private decoy: Promise<string> | undefined;
  private prunedAt = 0;

  /** The last secrets' hashes: the rate limit and the look-up both need one per request. */
  private readonly hashes = new Map<string, string>();

  constructor(private readonly access: AccessStore) {}

  private hashOf(secret: string): string {
    let hash = this.hashes.get(secret);
    if (hash === undefined) {
      if (this.hashes.size >= 1000) this.hashes.clear();
      hash = secretHash(secret);
      this.hashes.set(secret, hash);
    }
    return hash;
  }

  /** The caller behind an Authorization header or session cookie; undefined when neither was sent. */
  async identify(
    authorization: string | undefined,
    sessionToken: string | undefined,
  ): Promise<Authenticated | undefined> {
    if (authorization) {
      const key = apiKeyOf(authorization);
      if (!key) throw new UnauthenticatedError("Authorization must be 'ApiKey <key>'");
      const hash = this.hashOf(key);
      const caller = await this.known.get(`k:${hash}`, () => this.byKey(hash));
      if (!caller) throw new UnauthenticatedError("unknown, expired or revoked API key");
      return caller;
    }
    if (sessionToken) {
      const hash = this.hashOf(sessionToken);
      const caller = await this.known.get(`s:${hash}`, () => this.bySession(hash));
      if (!caller) throw new UnauthenticatedError("session expired; sign in again");
      return caller;
    }
    return undefined;
  }

  /**
   * A name for the credential if it is known to be good right now without asking the database
   * (the rate limit counts such callers by credential, anyone else by address).
   */
  knownCredential(
    authorization: string | undefined,
    sessionToken: string | undefined,
  ): string | undefined {
    const key = authorization ? apiKeyOf(authorization) : undefined;
    const name = key
      ? `k:${this.hashOf(key)}`
      : !authorization && sessionToken
        ? `s:${this.hashOf(sessionToken)}`
        : undefined;
    return name && this.known.peek(name) ? name : undefined;
  }

  /**
   * Checks a password and opens a session; the token goes into the cookie, its hash into the
   * store. Every failure takes one scrypt verification (against a decoy hash when there is no
   * user or password) and one write of the failure count, and throws the same LOGIN_REFUSED.
   */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; caller: Authenticated; expiresAt: string }> {
    const failures = this.access.loginFailures;
    const [user, count] = await Promise.all([
      this.access.findUser(username),
      failures.find(username),
    ]);
    const now = new Date();
    const locked = lockedUntil(count, now) !== undefined;
    const ok = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await (this.decoy ??= hashPassword(newSecret()))).then(
          () => false,
        );
    if (!user || !ok || user.disabled || locked) {
      // Counted for unknown names too, so a lock-out says nothing about who exists. Refusals
      // while locked are not counted (the back-off alone decides when the next try comes); a
      // read in place of the write keeps their time alike.
      if (locked) await failures.find(username);
      else await failures.record(username, now.toISOString(), startOverBefore(now));
      await this.pruneFailures(now);
      throw new UnauthenticatedError(LOGIN_REFUSED);
    }
    if (count) await failures.clear(username);
    const token = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
    await this.access.createSession({ tokenHash: secretHash(token), username, expiresAt });
    return { token, caller: callerOf(user, null, null, "session"), expiresAt };
  }

  async logout(sessionToken: string): Promise<void> {
    const hash = secretHash(sessionToken);
    this.known.delete(`s:${hash}`);
    await this.access.deleteSession(hash);
  }

  /** Forget kept answers at once (after a revocation or a change to a user on this server). */
  forget(): void {
    this.known.clear();
  }

  /** Unknown names are counted too, so old counts are dropped now and then. */
  private async pruneFailures(now: Date): Promise<void> {
    if (now.getTime() - this.prunedAt < PRUNE_MILLIS) return;
    this.prunedAt = now.getTime();
    await this.access.loginFailures.prune(startOverBefore(now));
  }

  private async byKey(hash: string): Promise<Loaded<Authenticated> | undefined> {
    const key = await this.access.findApiKey(hash);
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt < new Date().toISOString()))
      return undefined;
    const user = await this.access.findUser(key.username);
    if (!user || user.disabled) return undefined;
    // A key never does more than its user may, even if the user was demoted after it was made.
    const role = ROLES[Math.min(ROLES.indexOf(key.role), ROLES.indexOf(user.role))]!;
    return {
      value: callerOf({ ...user, role }, key.collections, key.id, "apikey"),
      expiresAt: key.expiresAt ? Date.parse(key.expiresAt) : undefined,
    };
  }

  private async bySession(hash: string): Promise<Loaded<Authenticated> | undefined> {
    const session = await this.access.findSession(hash);
    if (!session) return undefined;
    const user = await this.access.findUser(session.username);
    if (!user || user.disabled) return undefined;
    return {
      value: callerOf(user, null, null, "session"),
      expiresAt: Date.parse(session.expiresAt),
    };
  }
}

/** The key in an `ApiKey <key>` or `Bearer <key>` header; undefined when malformed. */
function apiKeyOf(authorization: string): string | undefined {
  return /^(ApiKey|Bearer)\s+(\S+)$/i.exec(authorization.trim())?.[2];
}

function callerOf(
  user: { username: string; role: Role; agency: string | null },
  onlyCollections: string[] | null,
  keyId: string | null,
  via: "session" | "apikey",
): Authenticated {
  return { user: user.username, role: user.role, agency: user.agency, via, onlyCollections, keyId };
}

/** Whether a listen address reaches only this machine (where authentication may be off). */
export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  const kind = isIP(host);
  if (kind === 4) return host.startsWith("127.");
  if (kind === 6) return host === "::1";
  return false;
}
