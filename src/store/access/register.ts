/**
 * Every write of a list version, a ledger import or a document registers its collection in the
 * same transaction, so no data exists outside a collection. Lists are public by default (they are
 * published law); ledgers and documents private until an admin grants them.
 */
import type { Kysely } from "kysely";
import { ConflictError } from "../../errors.ts";
import type { Database } from "../schema.ts";

export async function registerCollection(
  db: Kysely<Database>,
  name: string,
  isPublic: boolean,
): Promise<void> {
  await createCollectionRow(db, name, isPublic);
}

/**
 * Creates a collection unless it exists, in one statement (insert … on conflict do nothing), and
 * says whether this call made it: of two servers creating one name at once, exactly one is told
 * true, in SQLite (one writer at a time) as in PostgreSQL (the primary key decides).
 */
export async function createCollectionRow(
  db: Kysely<Database>,
  name: string,
  isPublic: boolean,
): Promise<boolean> {
  const result = await db
    .insertInto("collections")
    .values({ name, public: isPublic ? 1 : 0, created_at: new Date().toISOString() })
    .onConflict((conflict) => conflict.column("name").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * A list version's collection: made public by the dataset's first version; later versions keep
 * whatever an admin set since. A name some other kind of collection (documents, a ledger, one an
 * upload claimed) holds already is refused: the list would silently take that collection's
 * privacy and grants, and making it public instead would publish what is in it. Run inside the
 * version's transaction (`versionId` is the version being written), so a refusal leaves nothing.
 */
export async function registerListCollection(
  db: Kysely<Database>,
  dataset: string,
  versionId: number,
): Promise<void> {
  if (await createCollectionRow(db, dataset, true)) return;
  const earlier = await db
    .selectFrom("list_versions")
    .select("id")
    .where("dataset", "=", dataset)
    .where("id", "<>", versionId)
    .limit(1)
    .executeTakeFirst();
  if (earlier) return;
  throw new ConflictError(
    `lists: dataset '${dataset}' is already the name of a collection that is not a list (documents or a ledger); importing the list there would give it that collection's privacy and grants, so it is refused: import the list under another dataset name, or have the other collection's contents moved first`,
  );
}
