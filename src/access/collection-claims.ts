/**
 * Taking a collection name for a write, shared by the server (uploads, ledger import jobs) and the
 * command line, so both refuse the same names and undo a failed first write the same way.
 */
import { ConflictError } from "../errors.ts";
import { isOfficialDataset } from "../lists/update/sources.ts";
import type { Store } from "../store/store.ts";

/**
 * Official list names are nobody's to write into (issue 22): a document set or ledger under a
 * list's name would take the list's collection, so a later list import either makes the list
 * private to its maker or publishes what was written there. Reserved: every source `lists update`
 * knows, and every dataset a list import made. `hint` ends the message (the command line's way
 * round it).
 *
 *     await refuseListName(store, "us_ofac_sdn") // throws ConflictError
 */
export async function refuseListName(store: Store, collection: string, hint = ""): Promise<void> {
  if (isOfficialDataset(collection) || (await store.listVersions(collection)).length > 0)
    throw new ConflictError(
      `collection '${collection}' is the name of an official list and is reserved for it; choose another name${hint}`,
    );
}

/** The command line's way round refuseListName(), said in its message. */
export const FORCE_HINT =
  " (or give --force to write there anyway: whoever may read the list would read this too, and a list not imported yet could not be imported there)";

/**
 * Undoes the creation of a collection claimed for a write that then failed: removes it and its
 * grants, so a refused upload or failed import leaves no empty collection with its submitter.
 * A collection something was written into meanwhile (another upload or import by the claimant,
 * who held the grant) is kept: data never stays outside a collection. True when removed.
 */
export async function releaseClaim(store: Store, collection: string): Promise<boolean> {
  const [ledgers, documents, versions] = await Promise.all([
    store.ledger.collections(),
    store.documents.listDocuments({ collection, limit: 1 }),
    store.listVersions(collection),
  ]);
  if (ledgers.ledgers.includes(collection) || documents.length > 0 || versions.length > 0)
    return false;
  await store.access.dropCollection(collection);
  return true;
}
