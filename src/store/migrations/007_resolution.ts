import type { Kysely } from "kysely";
import { byteOrder } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * Entity resolution: judgements on pairs of source entities (automatic merges and reviewers'
 * verdicts, kept across list updates) and the queue of pairs waiting for a reviewer.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("resolver_judgements")
    .addColumn("left_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("right_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("judgement", "text", (col) => col.notNull())
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("score", "double precision")
    .addColumn("reviewer", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("resolver_judgements_pk", ["left_id", "right_id"])
    .execute();
  await db.schema
    .createTable("resolver_candidates")
    .addColumn("left_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("right_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("score", "double precision", (col) => col.notNull())
    .addColumn("explanation", "text", (col) => col.notNull())
    .addColumn("created_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("resolver_candidates_pk", ["left_id", "right_id"])
    .execute();
  await db.schema
    .createIndex("resolver_candidates_score")
    .on("resolver_candidates")
    .column("score")
    .execute();
}
