/**
 * Every request a caller makes goes in the audit log: reads as much as changes. Who opened which
 * entity or document (its full text included), searched documents, traced which account, read
 * exposure, alerts, decisions or the audit log itself is what an oversight body asks first, and
 * what an insider looking for a colleague's case does. One hook instead of a line in each route,
 * so a new route is recorded without anyone remembering to; denied requests (403, 404) are
 * recorded too, since probing another agency's things is worth knowing about.
 *
 * A few routes record richer entries themselves (a screening keeps its query and results, a
 * grant its grantee) and are left to do so; status polls and the caller's own profile are not
 * recorded at all: they reveal nothing and a progress bar polls twice a second.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AuditWriter } from "./audit-writer.ts";

/** Routes that write their own entry. */
const SELF_RECORDED = new Set([
  "POST /match/:dataset",
  "GET /search/:dataset",
  "POST /auth/login",
  "POST /auth/logout",
  "POST /decisions",
  "POST /alerts/:id/review",
  "GET /screen/jobs/:id/results.csv",
  "POST /keys",
  "DELETE /keys/:id",
  "PUT /collections/:name",
  "PUT /collections/:name/grants/:grantee",
  "DELETE /collections/:name/grants/:grantee",
  "POST /users",
  "PATCH /users/:username",
]);

/** Routes not worth an entry: status polls and what the caller may always know of itself. */
const NOT_RECORDED = new Set([
  "GET /auth/me",
  "GET /jobs/:id",
  "GET /screen/jobs/:id",
  "GET /algorithms",
]);

/** Whether a request is recorded by the hook (the route access table's keys). */
export function recordedByHook(route: string): boolean {
  return !SELF_RECORDED.has(route) && !NOT_RECORDED.has(route);
}

/** Records each finished request of an identified caller; needs the access guard registered. */
export function registerRequestAudit(app: FastifyInstance, audit: AuditWriter): void {
  app.addHook("onResponse", async (request, reply) => {
    const caller = request.caller;
    const url = request.routeOptions.url;
    // Public routes (health checks, the web app's files) say nothing about anyone.
    if (!caller || !url || request.routeOptions.config.access === "public") return;
    const route = `${request.method === "HEAD" ? "GET" : request.method} ${url}`;
    if (NOT_RECORDED.has(route)) return;
    // Routes that write their own entry do so only when they succeed; refusals are recorded here.
    if (SELF_RECORDED.has(route) && reply.statusCode < 400) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    void audit.record({
      actor: caller.user,
      action: route,
      target: targetOf(params),
      detail: {
        status: reply.statusCode,
        ...(Object.keys(params).length > 0 ? { params } : {}),
        ...queryOf(request),
        ...bodyOf(request),
        ...(caller.keyId ? { key: caller.keyId } : {}),
        ip: request.ip,
      },
    });
  });
}

/** The thing a request is about: its first path parameter (an entity, document or job id). */
function targetOf(params: Record<string, unknown>): string | null {
  const first = Object.values(params)[0];
  return typeof first === "string" ? first : null;
}

function queryOf(request: FastifyRequest): { query?: unknown } {
  const query = request.query as Record<string, unknown> | undefined;
  return query && Object.keys(query).length > 0 ? { query } : {};
}

/** JSON bodies (a trace's accounts, a rescreen's options); an upload's file is not copied. */
function bodyOf(request: FastifyRequest): { body?: unknown } {
  const body = request.body;
  if (body === undefined || body === null || Buffer.isBuffer(body) || typeof body !== "object")
    return {};
  return { body };
}
