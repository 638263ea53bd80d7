import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "../kysely-store.ts";
import type { Database as Schema } from "../schema.ts";

/** Seconds to wait for a connection before the request fails (503) instead of hanging. */
const CONNECT_TIMEOUT_MILLIS = 5000;

/**
 * Connects to PostgreSQL at a postgres:// URL; the schema is created by migrate(). When the
 * server goes away, connections report errors: logged or left to the failing query, never fatal,
 * and the pool connects afresh for the next query once the database is back.
 */
export function openPostgresStore(
  url: string,
  onIdleError: (error: Error) => void = (error) =>
    process.stderr.write(`store: a PostgreSQL connection was lost (${error.message})\n`),
): KyselyStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MILLIS,
  });
  pool.on("error", onIdleError);
  // A connection lost while checked out emits "error" on its client as well as failing the
  // query; without a listener that would end the process. The query's caller handles it.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, "postgres");
}
