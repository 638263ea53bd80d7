import type { Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * A mention's candidates (issue 23): the listed entities a name could be when more than one came
 * close (homonyms) or the text contradicts the one it names, each with what the text says for or
 * against it, as JSON. Null for every mention stored before, and for plain links: those stand as
 * they were.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await db.schema.alterTable("document_mentions").addColumn("link_candidates", "text").execute();
}
