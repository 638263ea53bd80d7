/**
 * Collections: every list dataset, ledger dataset and document collection is one, by name. A
 * collection is public (any signed-in user reads it) or private, and grants give users or
 * agencies read or write. Admins read and write everything; so does the single user when
 * authentication is off. A collection nobody registered is private: only admins see it.
 */
import type { Role } from "./roles.ts";

export type CollectionAccess = "read" | "write";

export interface Collection {
  name: string;
  public: boolean;
  createdAt: string;
}

export interface Grant {
  collection: string;
  /** `user:<name>` or `agency:<name>`. */
  grantee: string;
  access: CollectionAccess;
}

export interface Caller {
  user: string;
  role: Role;
  agency: string | null;
  /** How the caller proved who it is. */
  via: "session" | "apikey" | "open";
}

/** Which collections a caller may read or write; `all` for admins and the open single-user mode. */
export interface Permissions {
  all: boolean;
  read: ReadonlySet<string>;
  write: ReadonlySet<string>;
}

export function granteesOf(caller: Caller): string[] {
  return [`user:${caller.user}`, ...(caller.agency ? [`agency:${caller.agency}`] : [])];
}

/** Admins and the open single-user mode read and write every collection. */
export function readsEverything(caller: Caller): boolean {
  return caller.role === "admin" || caller.via === "open";
}

export const EVERYTHING: Permissions = { all: true, read: new Set(), write: new Set() };

export function permissionsOf(
  caller: Caller,
  collections: Collection[],
  grants: Grant[],
): Permissions {
  if (readsEverything(caller)) return EVERYTHING;
  const mine = new Set(granteesOf(caller));
  const read = new Set(collections.filter((c) => c.public).map((c) => c.name));
  const write = new Set<string>();
  for (const grant of grants) {
    if (!mine.has(grant.grantee)) continue;
    read.add(grant.collection);
    // Viewers only ever read, whatever a grant says.
    if (grant.access === "write" && caller.role !== "viewer") write.add(grant.collection);
  }
  return { all: false, read, write };
}

export function canRead(permissions: Permissions, collection: string): boolean {
  return permissions.all || permissions.read.has(collection);
}

export function canWrite(permissions: Permissions, collection: string): boolean {
  return permissions.all || permissions.write.has(collection);
}

/** The names among `names` the caller may read. */
export function readableOf(permissions: Permissions, names: Iterable<string>): string[] {
  return [...names].filter((name) => canRead(permissions, name));
}
