/** The access part of the Store: users, sessions, API keys, collections and grants, the audit log. */
import type { AuditEntry, AuditEvent } from "../../access/audit-chain.ts";
import type { Collection, CollectionAccess, Grant } from "../../access/collections.ts";
import type { Role } from "../../access/roles.ts";
import type { LoginFailureStore, RateCountStore } from "./limit-stores.ts";

export interface User {
  username: string;
  role: Role;
  agency: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  role: Role;
  agency: string | null;
  passwordHash: string | null;
}

export interface ApiKey {
  id: string;
  username: string;
  name: string;
  /** The key's first characters, to tell keys apart; never enough to use. */
  hint: string;
  /** The most the key may do; its user's role caps it too. */
  role: Role;
  /** Collections the key is limited to; null: whatever its user may reach. */
  collections: string[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export type NewApiKey = Omit<ApiKey, "revokedAt" | "createdAt"> & { keyHash: string };

export interface AccessStore {
  /** Failed sign-ins per username, for the lock-out (limit-stores.ts). */
  readonly loginFailures: LoginFailureStore;
  /** Rate-limit counts shared by the servers of one PostgreSQL store (limit-stores.ts). */
  readonly rateCounts: RateCountStore;

  createUser(user: NewUser): Promise<User>;
  findUser(username: string): Promise<(User & { passwordHash: string | null }) | undefined>;
  listUsers(): Promise<User[]>;
  updateUser(
    username: string,
    change: { role?: Role; agency?: string | null; disabled?: boolean; passwordHash?: string },
  ): Promise<User>;
  countUsers(): Promise<number>;

  createSession(session: { tokenHash: string; username: string; expiresAt: string }): Promise<void>;
  /** The session's user while the session has not expired. */
  findSession(tokenHash: string): Promise<{ username: string; expiresAt: string } | undefined>;
  deleteSession(tokenHash: string): Promise<void>;

  createApiKey(key: NewApiKey): Promise<ApiKey>;
  findApiKey(keyHash: string): Promise<ApiKey | undefined>;
  listApiKeys(username?: string): Promise<ApiKey[]>;
  /** Marks the key revoked; false when there is no such key. */
  revokeApiKey(id: string): Promise<boolean>;

  /** Registers a collection unless it exists; an existing one keeps its setting. */
  ensureCollection(name: string, options: { public: boolean }): Promise<void>;
  /**
   * Creates a collection atomically: true when this call made it, false when it existed (of
   * callers racing for one name, on any number of servers, exactly one gets true).
   */
  createCollection(name: string, options: { public: boolean }): Promise<boolean>;
  /** Removes a collection and its grants (undoing a creation whose write then failed). */
  dropCollection(name: string): Promise<void>;
  setCollectionPublic(name: string, isPublic: boolean): Promise<void>;
  listCollections(): Promise<Collection[]>;
  grant(collection: string, grantee: string, access: CollectionAccess): Promise<void>;
  /** False when there was no such grant. */
  revokeGrant(collection: string, grantee: string): Promise<boolean>;
  listGrants(): Promise<Grant[]>;

  /** Appends events to the audit chain, in order, as one transaction. */
  appendAudit(events: AuditEvent[]): Promise<AuditEntry[]>;
  /** Entries in sequence order from `afterSeq` on. */
  iterateAudit(afterSeq?: number): AsyncIterable<AuditEntry>;
  /** The newest entries first, older than `beforeSeq` when given (the next page). */
  recentAudit(options: {
    limit: number;
    actor?: string;
    action?: string;
    beforeSeq?: number;
  }): Promise<AuditEntry[]>;
}
