/**
 * Who is calling: an API key (`Authorization: ApiKey <key>`, as yente's hosted API takes it, or
 * `Bearer <key>`), or a session cookie from a password login. Keys and sessions are looked up by
 * their hash; answers are kept a few seconds so a busy /match client costs no query per request
 * (a revoked key or disabled user stops working within that time).
 */
import { isIP } from "node:net";
import type { Caller } from "../../access/collections.ts";
import { hashPassword, verifyPassword } from "../../access/passwords.ts";
import { ROLES, type Role } from "../../access/roles.ts";
import { newSecret, secretHash } from "../../access/secrets.ts";
import { UnauthenticatedError } from "../../errors.ts";
import type { AccessStore } from "../../store/access/access-store.ts";

export const SESSION_COOKIE = "moneytrail_session";
export const SESSION_HOURS = 12;
const CACHE_MILLIS = 5000;

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
  private readonly cache = new Map<string, { at: number; caller: Authenticated | undefined }>();
  /**
   * A hash compared against when the user does not exist, so a miss takes as long as a hit; made
   * on the first miss, not at start-up (scrypt is deliberately slow).
   */
  private decoy: Promise<string> | undefined;

  constructor(private readonly access: AccessStore) {}

  /** The caller behind an Authorization header or session cookie; undefined when neither was sent. */
  async identify(
    authorization: string | undefined,
    sessionToken: string | undefined,
  ): Promise<Authenticated | undefined> {
    if (authorization) {
      const match = /^(ApiKey|Bearer)\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw new UnauthenticatedError("Authorization must be 'ApiKey <key>'");
      const caller = await this.cached(`k:${secretHash(match[2]!)}`, (hash) => this.byKey(hash));
      if (!caller) throw new UnauthenticatedError("unknown, expired or revoked API key");
      return caller;
    }
    if (sessionToken) {
      const caller = await this.cached(`s:${secretHash(sessionToken)}`, (hash) =>
        this.bySession(hash),
      );
      if (!caller) throw new UnauthenticatedError("session expired; sign in again");
      return caller;
    }
    return undefined;
  }

  /** Checks a password and opens a session; the token goes into the cookie, its hash into the store. */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; caller: Authenticated; expiresAt: string }> {
    const user = await this.access.findUser(username);
    const ok = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyPassword(password, await (this.decoy ??= hashPassword(newSecret()))).then(
          () => false,
        );
    if (!user || !ok || user.disabled)
      throw new UnauthenticatedError("unknown user or wrong password");
    const token = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
    await this.access.createSession({ tokenHash: secretHash(token), username, expiresAt });
    return { token, caller: callerOf(user, null, null, "session"), expiresAt };
  }

  async logout(sessionToken: string): Promise<void> {
    const hash = secretHash(sessionToken);
    this.cache.delete(`s:${hash}`);
    await this.access.deleteSession(hash);
  }

  /** Forget cached answers at once (after a revocation or a change to a user on this server). */
  forget(): void {
    this.cache.clear();
  }

  private async cached(
    key: string,
    load: (hash: string) => Promise<Authenticated | undefined>,
  ): Promise<Authenticated | undefined> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MILLIS) return hit.caller;
    const caller = await load(key.slice(2));
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { at: Date.now(), caller });
    return caller;
  }

  private async byKey(hash: string): Promise<Authenticated | undefined> {
    const key = await this.access.findApiKey(hash);
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt < new Date().toISOString()))
      return undefined;
    const user = await this.access.findUser(key.username);
    if (!user || user.disabled) return undefined;
    // A key never does more than its user may, even if the user was demoted after it was made.
    const role = ROLES[Math.min(ROLES.indexOf(key.role), ROLES.indexOf(user.role))]!;
    return callerOf({ ...user, role }, key.collections, key.id, "apikey");
  }

  private async bySession(hash: string): Promise<Authenticated | undefined> {
    const session = await this.access.findSession(hash);
    if (!session) return undefined;
    const user = await this.access.findUser(session.username);
    if (!user || user.disabled) return undefined;
    return callerOf(user, null, null, "session");
  }
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
