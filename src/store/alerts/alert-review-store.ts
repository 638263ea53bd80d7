/** The alert part of the Store: analysts' assignments and closings of typology alerts. */
export const ALERT_STATUSES = ["open", "assigned", "closed"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export interface AlertReview {
  alertId: string;
  status: AlertStatus;
  assignee: string | null;
  note: string | null;
  /** Who made this change. */
  user: string;
  updatedAt: string;
}

export type NewAlertReview = Omit<AlertReview, "updatedAt">;

export interface AlertReviewStore {
  /** The latest review of every alert that has one. */
  reviews(): Promise<AlertReview[]>;
  /** Replaces the alert's review with this one. */
  review(review: NewAlertReview): Promise<AlertReview>;
}
