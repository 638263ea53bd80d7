/**
 * The access guard on every request: finds the route's entry in the access table (a route
 * without one stops the server from starting), checks where the request comes from (origin.ts),
 * counts it against the rate limit, identifies the caller, checks its role, and leaves the caller
 * and its collection permissions on the request for the route to use.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Permissions } from "../../access/collections.ts";
import { allows, type RouteAccess } from "../../access/roles.ts";
import { ForbiddenError, UnauthenticatedError } from "../../errors.ts";
import {
  OPEN_CALLER,
  SESSION_COOKIE,
  type Authenticated,
  type Authenticator,
} from "./authenticator.ts";
import { checkOrigin } from "./origin.ts";
import type { PermissionCache } from "./permissions.ts";
import { routeAccess } from "./route-access.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    caller: Authenticated | null;
    permissions: Permissions | null;
    /** What the rate limit counts this request under: a known-good credential; else unset. */
    rateKey: string | null;
  }
}

export type AuthMode = "open" | "required";

/** Every route this server registered with the access it needs, for the authorisation test. */
export type RouteTable = Array<{ method: string; url: string; access: RouteAccess }>;

export interface GuardOptions {
  /** Host names an open-mode server answers besides the loopback ones. */
  allowedHosts?: ReadonlySet<string>;
  /**
   * The general rate limit (authentication required): run here, before the caller is looked
   * up, so that a request with an unknown or junk credential is counted against its address
   * before it costs a database query.
   */
  rateLimit?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** Needs @fastify/cookie registered first. */
export async function registerAccessGuard(
  app: FastifyInstance,
  mode: AuthMode,
  authenticator: Authenticator,
  permissionCache: PermissionCache,
  options: GuardOptions = {},
): Promise<RouteTable> {
  const allowedHosts = options.allowedHosts ?? new Set<string>();
  app.decorateRequest("caller", null);
  app.decorateRequest("permissions", null);
  app.decorateRequest("rateKey", null);
  const table: RouteTable = [];
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const access = routeAccess(method, route.url);
      if (!access) throw new Error(`route ${method} ${route.url} is missing from ROUTE_ACCESS`);
      route.config = { ...(route.config ?? {}), access } as typeof route.config;
      if (method !== "HEAD") table.push({ method, url: route.url, access });
    }
  });
  app.addHook("onRequest", async (request, reply) => {
    // Routes registered before the guard (the web app's files) have no entry: public.
    const needed = request.routeOptions.config.access ?? "public";
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    checkOrigin(request, mode === "open", cookie !== undefined, allowedHosts);
    // Routes with a limit of their own (sign-in) are counted by it alone.
    if (mode === "required" && options.rateLimit && !request.routeOptions.config.rateLimit) {
      request.rateKey = authenticator.knownCredential(authorization, cookie) ?? null;
      await options.rateLimit(request, reply);
    }
    const identified =
      mode === "open"
        ? Promise.resolve(OPEN_CALLER)
        : authenticator.identify(authorization, cookie);
    // A stale cookie must not keep anyone from the public routes (signing in again among them).
    const caller = needed === "public" ? await identified.catch(() => undefined) : await identified;
    if (!caller) {
      if (needed === "public") return;
      throw new UnauthenticatedError("sign in, or send 'Authorization: ApiKey <key>'");
    }
    // Known before the checks below, so a refused request is recorded under its caller too.
    request.caller = caller;
    if (!allows(caller.role, needed))
      throw new ForbiddenError(
        `${request.method} ${request.routeOptions.url} needs the ${needed} role`,
      );
    // A key limited to some collections is limited in what it can change too: with the admin
    // routes it could make a user, a grant or a key without the limit, and so escape it.
    if (needed === "admin" && caller.onlyCollections)
      throw new ForbiddenError(
        `${request.method} ${request.routeOptions.url}: a key limited to some collections cannot use admin routes`,
      );
    request.permissions = await permissionCache.of(caller);
  });
  return table;
}

/** The caller of a route that is not public (the guard made sure there is one). */
export function callerOf(request: FastifyRequest): {
  caller: Authenticated;
  permissions: Permissions;
} {
  if (!request.caller || !request.permissions)
    throw new UnauthenticatedError("sign in, or send 'Authorization: ApiKey <key>'");
  return { caller: request.caller, permissions: request.permissions };
}

/** What the caller may read, as a test on collection names; undefined when it may read everything. */
export function readerOf(request: FastifyRequest): ((collection: string) => boolean) | undefined {
  const { permissions } = callerOf(request);
  if (permissions.all) return undefined;
  return (collection) => permissions.read.has(collection);
}

/**
 * Who a review or decision is recorded under: signed in, always the signed-in user; without
 * sign-in (the single-user embedded mode), the name the request gives, if any.
 */
export function reviewerOf(request: FastifyRequest, named: string | undefined): string {
  const { caller } = callerOf(request);
  return caller.via === "open" ? (named ?? caller.user) : caller.user;
}
