/**
 * A bound on the work one trace may do, counted in units that cost about the same time: a
 * transfer the sweep passes, a hop level moved, a FIFO piece or an overlap looked at. The server
 * answers on one thread, so a trace that ran on would hold every other request; past the budget
 * the trace stops with a 422 that says how to narrow it.
 */
import { UnprocessableError } from "../errors.ts";

/**
 * Units a trace may spend unless told otherwise. Measured on a 2-core machine, results assembled
 * included: 15 to 70 ms per million units on ledgers of 100,000 transfers (the worst with a
 * thousand origins), so a trace within this budget holds the thread for under 100 ms. About
 * 10,000 transfers carrying traced funds, or a sweep over 20 million transfers.
 */
export const DEFAULT_TRACE_BUDGET = 1_000_000;

export class WorkBudget {
  private left: number;

  /** `what` and `narrow` name the work and how to ask for less in the 422 (a trace's by default). */
  constructor(
    readonly limit: number = Infinity,
    private readonly what = "trace",
    private readonly narrow = "fewer hops, a shorter from/to date range, fewer accounts, or a higher min_amount",
  ) {
    this.left = limit;
  }

  /** Counts units of work; throws once more than the limit have been spent. */
  spend(units: number): void {
    this.left -= units;
    if (this.left < 0) {
      throw new UnprocessableError(
        `${this.what}: over the work budget of ${this.limit} steps; narrow it: ${this.narrow}`,
      );
    }
  }

  get spent(): number {
    return this.limit - this.left;
  }
}
