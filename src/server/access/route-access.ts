/**
 * Who may call each route, in one table: the server refuses to start with a route missing from
 * it, and the authorisation test walks it. Collections are checked inside the routes, on top.
 */
import type { RouteAccess } from "../../access/roles.ts";

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  "GET /": "public",
  "GET /healthz": "public",
  "GET /readyz": "public",
  "GET /openapi.json": "public",
  "POST /auth/login": "public",
  "POST /auth/logout": "public",
  "GET /auth/me": "viewer",

  "GET /algorithms": "viewer",
  "GET /catalog": "viewer",
  "GET /jobs": "viewer",
  "GET /jobs/:id": "viewer",
  "POST /transactions/import": "analyst",
  "POST /transactions/link": "admin",
  "POST /resolve": "admin",
  "POST /alerts/detect": "admin",
  "POST /match/:dataset": "viewer",
  "GET /search/:dataset": "viewer",
  "GET /entities/:id": "viewer",
  "GET /entities/:id/timeline": "viewer",
  "GET /entities/:id/transactions": "viewer",
  "GET /entities/:id/documents": "viewer",
  "GET /entities/:id/expand": "viewer",
  "GET /entities/:id/paths": "viewer",
  "GET /entities/:id/ownership": "viewer",
  "GET /decisions": "viewer",
  "POST /decisions": "analyst",
  "POST /trace": "viewer",
  "GET /exposure": "viewer",
  "GET /alerts": "viewer",
  "GET /alerts/:id": "viewer",
  "POST /alerts/:id/review": "analyst",
  "POST /documents": "analyst",
  "GET /documents/:id": "viewer",
  "GET /documents/:id/mentions": "viewer",
  "GET /documents/:id/relations": "viewer",
  "GET /search/documents": "viewer",
  "GET /lists": "viewer",
  "GET /lists/:dataset/diff": "viewer",
  "POST /lists/update": "admin",
  "POST /screen": "analyst",
  "GET /screen/jobs": "viewer",
  "GET /screen/jobs/:id": "viewer",
  "GET /screen/jobs/:id/results": "viewer",
  "GET /screen/jobs/:id/results.csv": "viewer",
  "POST /screen/jobs/:id/rescreen": "analyst",

  "GET /keys": "viewer",
  "POST /keys": "viewer",
  "DELETE /keys/:id": "viewer",
  "GET /collections": "viewer",
  "PUT /collections/:name": "admin",
  "PUT /collections/:name/grants/:grantee": "admin",
  "DELETE /collections/:name/grants/:grantee": "admin",
  "GET /users": "admin",
  "POST /users": "admin",
  "PATCH /users/:username": "admin",
  "GET /audit": "admin",
  "GET /audit/verify": "admin",
};

/** The table's entry for a route; HEAD routes are the GET routes' shadows. */
export function routeAccess(method: string, url: string): RouteAccess | undefined {
  return ROUTE_ACCESS[`${method === "HEAD" ? "GET" : method} ${url}`];
}
