/**
 * Whether an error means the database cannot be reached just now (it is restarting, the network
 * dropped, it refuses connections), as opposed to a bug or bad data: the server answers those
 * with 503 and a Retry-After, and the pool reconnects by itself when the database is back.
 */

/** Node's socket errors and PostgreSQL's connection-class and shutdown SQLSTATEs. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "53300", // too_many_connections
  // Another process holds SQLite's write lock past the busy timeout, or committed between a
  // deferred transaction's read and its write: worth a retry, not a bug.
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
]);

/** node-postgres reports some losses only in its messages. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
    // AggregateError (a connection refused on both IPv4 and IPv6) and wrapped causes.
    const inner = (e as { errors?: unknown[] }).errors?.[0] ?? e.cause;
    e = inner;
  }
  return false;
}
