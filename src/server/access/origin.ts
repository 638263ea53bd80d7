/**
 * Where a request says it comes from. Without sign-in (open mode) anyone who can make the
 * browser of the person at this machine send a request is that person, so:
 * - the `Host` must name this machine (localhost, 127.x, [::1], any port) or a configured host:
 *   a page on attacker.example whose name was rebound to 127.0.0.1 sends `Host: attacker.example`
 *   (DNS rebinding);
 * - a state-changing request (POST, PUT, PATCH, DELETE) that carries an `Origin` must come from
 *   this server's own origin: a page elsewhere may send a form or a simple fetch to 127.0.0.1.
 * Signed in, the session cookie is SameSite=Strict already; a state-changing request that rides
 * on it must not name a foreign `Origin` either (a second wall: an old browser, a sibling
 * subdomain). Requests with an API key carry no ambient credential and are not checked; neither
 * is a cookie request without `Origin` (browsers send it on every cross-site POST, PUT, PATCH and
 * DELETE, so its absence means no browser page on another site started it).
 */
import type { FastifyRequest } from "fastify";
import { ForbiddenError } from "../../errors.ts";
import { isLoopback } from "./authenticator.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The name in a Host header, lower-cased, without port or IPv6 brackets.
 *
 * @example hostName("[::1]:8080") // "::1"
 */
export function hostName(host: string): string {
  const lower = host.trim().toLowerCase();
  if (lower.startsWith("[")) return lower.slice(1).split("]")[0]!;
  const colon = lower.lastIndexOf(":");
  return colon >= 0 && lower.indexOf(":") === colon ? lower.slice(0, colon) : lower;
}

/** Whether an open-mode server answers a request with this Host header. */
export function isServedHost(host: string | undefined, allowedHosts: ReadonlySet<string>): boolean {
  if (!host) return false;
  const name = hostName(host);
  return isLoopback(name) || allowedHosts.has(name);
}

/** Whether `origin` (an Origin header) is the origin of a request sent to `host`. */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const from = new URL(origin);
    if (from.protocol !== "http:" && from.protocol !== "https:") return false;
    // Parsed with the origin's scheme, so default ports compare equal (":80" and none).
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and anything unparseable is foreign
  }
}

/** Throws ForbiddenError for a foreign Host (open mode) or a foreign Origin where it matters. */
export function checkOrigin(
  request: FastifyRequest,
  open: boolean,
  hasSessionCookie: boolean,
  allowedHosts: ReadonlySet<string>,
): void {
  const host = request.headers.host;
  if (open && !isServedHost(host, allowedHosts))
    throw new ForbiddenError(
      `Host '${host ?? ""}' is not served here: without sign-in this server answers only localhost, 127.0.0.1 or [::1] (or MONEYTRAIL_ALLOWED_HOSTS)`,
    );
  const origin = request.headers.origin;
  if (origin === undefined || !STATE_CHANGING.has(request.method)) return;
  if ((open || hasSessionCookie) && !isSameOrigin(origin, host))
    throw new ForbiddenError(
      `Origin '${origin}' is not this server's: ${request.method} requests from other sites are refused`,
    );
}
