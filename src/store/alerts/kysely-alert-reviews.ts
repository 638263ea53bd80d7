/** The AlertReviewStore over Kysely, the same SQL in both backends. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type {
  AlertReview,
  AlertReviewStore,
  AlertStatus,
  NewAlertReview,
} from "./alert-review-store.ts";

export class KyselyAlertReviews implements AlertReviewStore {
  constructor(private readonly db: Kysely<Database>) {}

  async reviews(scope?: string): Promise<AlertReview[]> {
    let query = this.db.selectFrom("alert_reviews").selectAll();
    if (scope !== undefined) query = query.where("scope", "=", scope);
    const rows = await query.orderBy("alert_id").orderBy("scope").execute();
    return rows.map((row) => ({
      alertId: row.alert_id,
      scope: row.scope,
      status: row.status as AlertStatus,
      assignee: row.assignee,
      note: row.note,
      user: row.reviewer,
      updatedAt: row.updated_at,
    }));
  }

  async review(review: NewAlertReview): Promise<AlertReview> {
    const stored: AlertReview = { ...review, updatedAt: new Date().toISOString() };
    const row = {
      scope: stored.scope,
      alert_id: stored.alertId,
      status: stored.status,
      assignee: stored.assignee,
      note: stored.note,
      reviewer: stored.user,
      updated_at: stored.updatedAt,
    };
    await this.db
      .insertInto("alert_reviews")
      .values(row)
      .onConflict((conflict) => conflict.columns(["scope", "alert_id"]).doUpdateSet(row))
      .execute();
    return stored;
  }
}
