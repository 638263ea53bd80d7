import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "../kysely-store.ts";
import type { Database as Schema } from "../schema.ts";

/** Connects to PostgreSQL at a postgres:// URL; the schema is created by migrate(). */
export function openPostgresStore(url: string): KyselyStore {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return new KyselyStore(db, "postgres");
}
