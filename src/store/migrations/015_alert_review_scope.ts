import { sql, type Kysely } from "kysely";
import { byteOrder } from "./columns.ts";
import type { StoreKind } from "./index.ts";

/**
 * Alert reviews belong to the scope that made them (issue 22), as decisions do since 012:
 * `agency:<a>`, `user:<u>` or `local`. Keyed by (scope, alert id): alert ids come from the
 * pattern's content (typology, accounts, transfer ids), which another agency can reproduce by
 * importing the same ids into its own ledger, and then it read and overwrote the first agency's
 * assignee, note and status.
 *
 * Existing reviews: one whose reviewer is a known user goes to that user's agency (or to the user
 * alone when it has none), since a signed-in server always recorded the signed-in user as
 * reviewer; any other reviewer name was typed in the single-user mode, so it stays `local`.
 *
 * SQLite cannot change a primary key in place, so the table is copied into a new one.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  await db.schema
    .createTable("alert_reviews_015")
    .addColumn("scope", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("alert_id", "text", (col) => byteOrder(kind)(col.notNull()))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("assignee", "text")
    .addColumn("note", "text")
    .addColumn("reviewer", "text", (col) => col.notNull())
    .addColumn("updated_at", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("alert_reviews_scope_pk", ["scope", "alert_id"])
    .execute();
  await sql`insert into alert_reviews_015
      (scope, alert_id, status, assignee, note, reviewer, updated_at)
    select
      case
        when r.reviewer in (select username from users) then coalesce(
          (select 'agency:' || u.agency from users u
            where u.username = r.reviewer and u.agency is not null),
          'user:' || r.reviewer)
        else 'local'
      end,
      r.alert_id, r.status, r.assignee, r.note, r.reviewer, r.updated_at
    from alert_reviews r`.execute(db);
  await db.schema.dropTable("alert_reviews").execute();
  await db.schema.alterTable("alert_reviews_015").renameTo("alert_reviews").execute();
}
