import { sql, type Kysely } from "kysely";
import type { StoreKind } from "./index.ts";

/**
 * Reviewers' decisions belong to whoever made them (issue 22): `scope` is `agency:<a>` for a
 * decision by a user of an agency, `user:<u>` for a user without one, and `local` for the
 * single-user mode (no sign-in, and the command line). A decision only applies to screenings in
 * its own scope.
 *
 * Existing decisions: one whose reviewer is a known user goes to that user's agency (or to the
 * user alone when it has none), since a signed-in server always recorded the signed-in user as
 * reviewer. Any other reviewer name was typed in the single-user mode (no sign-in records what
 * the request names), so those decisions stay with the single-user mode: `local`.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await db.schema
    .alterTable("decisions")
    .addColumn("scope", "text", (col) => col.notNull().defaultTo("local"))
    .execute();
  await sql`update decisions set scope = coalesce(
      (select 'agency:' || u.agency from users u where u.username = decisions.reviewer
        and u.agency is not null),
      'user:' || reviewer)
    where reviewer in (select username from users)`.execute(db);
  await db.schema.createIndex("decisions_scope").on("decisions").columns(["scope", "id"]).execute();
}
