/**
 * The resolution part of the Store: judgements on pairs of source entities and the review queue.
 * A pair is kept in id order (left < right) so each pair has one row.
 */
export const JUDGEMENTS = ["positive", "negative", "unsure"] as const;
export type JudgementKind = (typeof JUDGEMENTS)[number];

/** `auto`: the resolver's own merge, redone on every run; `human`: a reviewer's, kept for good. */
export type JudgementSource = "auto" | "human";

export interface Judgement {
  left: string;
  right: string;
  judgement: JudgementKind;
  source: JudgementSource;
  score: number | null;
  user: string;
  createdAt: string;
}

export type NewJudgement = Omit<Judgement, "createdAt">;

/** A pair the resolver could not decide alone, with the features behind its score. */
export interface ReviewCandidate {
  left: string;
  right: string;
  score: number;
  explanation: Record<string, unknown>;
}

export interface ResolutionStore {
  /** Every judgement, automatic and human. */
  judgements(): Promise<Judgement[]>;
  /** Records a reviewer's judgement (replacing any earlier one on the pair) and dequeues the pair. */
  judge(judgement: NewJudgement): Promise<Judgement>;
  /**
   * Replaces the automatic merges and the review queue in one transaction; human judgements
   * stay, and a pair a human judged is neither merged automatically nor queued again.
   */
  replaceAutomatic(merges: NewJudgement[], review: ReviewCandidate[]): Promise<void>;
  /** Queued pairs, highest score first. */
  reviewQueue(limit: number): Promise<ReviewCandidate[]>;
  countReviewQueue(): Promise<number>;
  /** Changes whenever judgements change: caches of resolved entities compare it. */
  stamp(): Promise<string>;
}

/**
 * What `stamp()` returns for a set of judgements: how many there are and when the newest was
 * made. Whoever holds the judgements themselves works out the same stamp without a query.
 */
export function judgementStamp(judgements: Array<Pick<Judgement, "createdAt">>): string;
export function judgementStamp(count: number, newest: string): string;
export function judgementStamp(
  countOrJudgements: number | Array<Pick<Judgement, "createdAt">>,
  newest = "",
): string {
  if (typeof countOrJudgements === "number") return `${countOrJudgements}:${newest}`;
  let last = "";
  for (const j of countOrJudgements) if (j.createdAt > last) last = j.createdAt;
  return `${countOrJudgements.length}:${last}`;
}

/** The pair in canonical order. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
