import { isPostgresUrl } from "../config.ts";
import { openPostgresStore } from "./postgres/open.ts";
import { openSqliteStore } from "./sqlite/open.ts";
import type { Store } from "./store.ts";

/** Opens the store named by a SQLite path or a postgres:// URL and brings its schema up to date. */
export async function openStore(db: string): Promise<Store> {
  const store = isPostgresUrl(db) ? openPostgresStore(db) : openSqliteStore(db);
  await store.migrate();
  return store;
}
