/**
 * Managing users, API keys and grants, shared by the CLI and the HTTP API so both check the same
 * things. The audit entry each change needs is written by the caller (it knows who acted).
 */
import { randomUUID } from "node:crypto";
import { InvalidInputError, NotFoundError, ForbiddenError } from "../errors.ts";
import type { AccessStore, ApiKey, User } from "../store/access/access-store.ts";
import type { CollectionAccess } from "./collections.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";
import { isRole, ROLES, type Role } from "./roles.ts";
import { API_KEY_PREFIX, keyHint, newSecret, secretHash } from "./secrets.ts";

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;
const GRANTEE = /^(user|agency):[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const MAX_KEY_DAYS = 3650;

export function checkRole(role: string): Role {
  if (!isRole(role))
    throw new InvalidInputError(`role must be one of ${ROLES.join(", ")}, not '${role}'`);
  return role;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new InvalidInputError(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new InvalidInputError("password: at most 1024 characters");
}

export async function addUser(
  access: AccessStore,
  user: {
    username: string;
    password?: string | undefined;
    role: string;
    agency?: string | null | undefined;
  },
): Promise<User> {
  if (!USERNAME.test(user.username))
    throw new InvalidInputError(
      `username '${user.username}': 2 to 64 letters, digits, '.', '_', '@' or '-'`,
    );
  if (await access.findUser(user.username))
    throw new InvalidInputError(`user '${user.username}' exists already`);
  if (user.password !== undefined) checkPassword(user.password);
  return access.createUser({
    username: user.username,
    role: checkRole(user.role),
    agency: user.agency || null,
    passwordHash: user.password === undefined ? null : await hashPassword(user.password),
  });
}

export async function changeUser(
  access: AccessStore,
  username: string,
  change: {
    role?: string | undefined;
    agency?: string | null | undefined;
    disabled?: boolean | undefined;
    password?: string | undefined;
  },
): Promise<User> {
  if (!(await access.findUser(username))) throw new NotFoundError(`no user '${username}'`);
  if (change.password !== undefined) checkPassword(change.password);
  return access.updateUser(username, {
    ...(change.role !== undefined ? { role: checkRole(change.role) } : {}),
    ...(change.agency !== undefined ? { agency: change.agency || null } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
  });
}

/**
 * What a new key may not exceed when it is made with another API key: that key's role,
 * collections and expiry. Without this a scoped, short-lived viewer key could mint an unscoped,
 * everlasting key with its user's full role (a leaked read-only key would become the account).
 */
export interface KeyLimits {
  role: Role;
  /** null: the parent key reaches whatever its user may. */
  collections: string[] | null;
  expiresAt: string | null;
}

/** Makes a key for a user; the secret is in the answer and nowhere else. */
export async function createApiKey(
  access: AccessStore,
  request: {
    username: string;
    name: string;
    role?: string | undefined;
    collections?: string[] | undefined;
    expiresInDays?: number | undefined;
    /** Set when the request comes with an API key rather than a signed-in session. */
    within?: KeyLimits | undefined;
  },
): Promise<{ key: ApiKey; secret: string }> {
  const user = await access.findUser(request.username);
  if (!user) throw new NotFoundError(`no user '${request.username}'`);
  const ceiling = request.within
    ? ROLES[Math.min(ROLES.indexOf(request.within.role), ROLES.indexOf(user.role))]!
    : user.role;
  const role = request.role === undefined ? ceiling : checkRole(request.role);
  if (ROLES.indexOf(role) > ROLES.indexOf(user.role))
    throw new ForbiddenError(`a key cannot have more than its user's role (${user.role})`);
  if (ROLES.indexOf(role) > ROLES.indexOf(ceiling))
    throw new ForbiddenError(
      `a key cannot have more than the role of the key making it (${ceiling})`,
    );
  const days = request.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > MAX_KEY_DAYS))
    throw new InvalidInputError(`expiry: 1 to ${MAX_KEY_DAYS} days`);
  const name = request.name.trim();
  if (!name || name.length > 100) throw new InvalidInputError("key name: 1 to 100 characters");
  const collections = keyCollections(request.collections, request.within);
  const expiresAt = keyExpiry(days, request.within);
  const secret = newSecret(API_KEY_PREFIX);
  const key = await access.createApiKey({
    id: randomUUID(),
    keyHash: secretHash(secret),
    username: user.username,
    name,
    hint: keyHint(secret),
    role,
    collections,
    expiresAt,
  });
  return { key, secret };
}

/** The collections of a new key: those asked for, never beyond the parent key's. */
function keyCollections(
  asked: string[] | undefined,
  within: KeyLimits | undefined,
): string[] | null {
  const wanted = asked?.length ? [...new Set(asked)] : null;
  const parent = within?.collections ?? null;
  if (!parent) return wanted;
  if (!wanted) return parent;
  const outside = wanted.filter((c) => !parent.includes(c));
  if (outside.length > 0)
    throw new ForbiddenError(
      `a key cannot reach collections the key making it cannot: ${outside.join(", ")}`,
    );
  return wanted;
}

/** The expiry of a new key: the days asked for, never later than the parent key's expiry. */
function keyExpiry(days: number | undefined, within: KeyLimits | undefined): string | null {
  const asked = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
  const parent = within?.expiresAt ?? null;
  if (!parent) return asked;
  if (!asked) return parent;
  // Days are whole: a key asking for as many days as its parent had left gets the parent's end.
  if (Date.parse(asked) - Date.parse(parent) >= 86_400_000)
    throw new ForbiddenError(`a key cannot outlive the key making it (expires ${parent})`);
  return asked < parent ? asked : parent;
}

export async function grantCollection(
  access: AccessStore,
  collection: string,
  grantee: string,
  level: string,
): Promise<void> {
  if (!GRANTEE.test(grantee))
    throw new InvalidInputError(`grantee '${grantee}': user:<name> or agency:<name>`);
  if (level !== "read" && level !== "write")
    throw new InvalidInputError(`access must be read or write, not '${level}'`);
  const known = await access.listCollections();
  if (!known.some((c) => c.name === collection))
    throw new NotFoundError(`no collection '${collection}'`);
  await access.grant(collection, grantee, level as CollectionAccess);
}
