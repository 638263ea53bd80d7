/**
 * Every write of a list version, a ledger import or a document registers its collection in the
 * same transaction, so no data exists outside a collection. Lists are public by default (they are
 * published law); ledgers and documents private until an admin grants them.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export async function registerCollection(
  db: Kysely<Database>,
  name: string,
  isPublic: boolean,
): Promise<void> {
  await db
    .insertInto("collections")
    .values({ name, public: isPublic ? 1 : 0, created_at: new Date().toISOString() })
    .onConflict((conflict) => conflict.column("name").doNothing())
    .execute();
}
