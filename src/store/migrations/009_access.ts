import { sql, type Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Users, their sessions and API keys (secrets stored as hashes), collections with their grants,
 * and the hash-chained audit log. Lists already in the store become public collections (they are
 * published law); ledgers and document sets become private ones, for admins until granted.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("username", "text", (col) => col.primaryKey())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("agency", "text")
    .addColumn("disabled", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("user_sessions")
    .addColumn("token_hash", "text", (col) => col.primaryKey())
    .addColumn("username", "text", (col) => col.notNull())
    .addColumn("expires_at", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("api_keys")
    .addColumn("key_hash", "text", (col) => col.primaryKey())
    .addColumn("id", "text", (col) => col.notNull().unique())
    .addColumn("username", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("hint", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    // Comma-separated collections the key is limited to; null: all its user may reach.
    .addColumn("collections", "text")
    .addColumn("expires_at", "text")
    .addColumn("revoked_at", "text")
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("collections")
    .addColumn("name", "text", (col) => col.primaryKey())
    .addColumn("public", "integer", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("collection_grants")
    .addColumn("collection", "text", (col) => col.notNull())
    .addColumn("grantee", "text", (col) => col.notNull())
    .addColumn("access", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("collection_grants_pk", ["collection", "grantee"])
    .execute();
  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (col) => col.primaryKey())
    .addColumn("at", "text", (col) => col.notNull())
    .addColumn("actor", "text", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("target", "text")
    // Text, not jsonb: the hash covers the exact serialisation, which jsonb would reorder.
    .addColumn("detail", "text", (col) => col.notNull())
    .addColumn("prev_hash", "text", (col) => col.notNull())
    .addColumn("hash", "text", (col) => col.notNull())
    .execute();
  const now = new Date().toISOString();
  await sql`insert into collections (name, public, created_at)
    select distinct dataset, 1, ${now} from list_versions`.execute(db);
  await sql`insert into collections (name, public, created_at)
    select distinct dataset, 0, ${now} from tx_imports
    where dataset not in (select name from collections)`.execute(db);
  await sql`insert into collections (name, public, created_at)
    select distinct collection, 0, ${now} from documents
    where collection not in (select name from collections)`.execute(db);
}
