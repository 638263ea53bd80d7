/**
 * The alert part of the Store: analysts' assignments and closings of typology alerts. A review
 * belongs to a scope (the reviewer's agency; see decisionScope()): an alert's id comes from its
 * content, which another agency can reproduce in its own ledger, so one scope's review must never
 * show in, or be overwritten by, another's queue.
 */
export const ALERT_STATUSES = ["open", "assigned", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertReview {
  alertId: string;
  /** Whose review it is: `agency:<a>`, `user:<u>` or `local`. */
  scope: string;
  status: AlertStatus;
  assignee: string | null;
  note: string | null;
  /** Who made this change. */
  user: string;
  updatedAt: string;
}

export type NewAlertReview = Omit<AlertReview, "updatedAt">;

export interface AlertReviewStore {
  /** The latest review of every alert that has one in `scope`; of every scope when absent. */
  reviews(scope?: string): Promise<AlertReview[]>;
  /** Replaces the alert's review in the review's scope; other scopes' reviews stay. */
  review(review: NewAlertReview): Promise<AlertReview>;
}
