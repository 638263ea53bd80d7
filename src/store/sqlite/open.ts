import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { KyselyStore } from "../kysely-store.ts";
import type { Database as Schema } from "../schema.ts";

/** Opens (creating if needed) the embedded SQLite store; `:memory:` gives a throwaway one. */
export function openSqliteStore(file: string): KyselyStore {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers (the server) go on while an import writes; NORMAL sync is safe with WAL.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 10000");
  // 64 MB of page cache (default 2 MB): bulk ledger imports touch the id index all over.
  sqlite.pragma("cache_size = -65536");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return new KyselyStore(db, "sqlite", sqlite);
}
