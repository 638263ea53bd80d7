/**
 * A bound on the edges one request may step over. Walks run on the server's one thread: a hub
 * with a million edges, or an ownership tree of thousands of owners, would hold every other
 * request while it is walked. Each edge looked at (kept or filtered out) is one step.
 */
import { UnprocessableError } from "../errors.ts";

/**
 * Steps one HTTP request may take in each walk (the CLI, one user's own process, takes no
 * limit). Measured in CPU time on a shared 2-core machine: about a million steps a second,
 * nodes and edges of the answer gathered included (ownership's holdings cost the most), so a
 * walk within it holds the thread for about 50 ms.
 */
export const REQUEST_MAX_STEPS = 50_000;

export class StepBudget {
  private left: number;
  /** True once a walk asked for more steps than were left. */
  exhausted = false;

  constructor(readonly limit: number = Infinity) {
    this.left = limit;
  }

  /** Takes `steps` if that many are left; false (and exhausted) when not. */
  take(steps: number): boolean {
    if (steps > this.left) {
      this.exhausted = true;
      return false;
    }
    this.left -= steps;
    return true;
  }

  /** As take, for answers that cannot be cut short without misleading: throws a 422 instead. */
  spend(steps: number, what: string): void {
    if (!this.take(steps))
      throw new UnprocessableError(
        `${what}: more than ${this.limit} edges to walk; narrow it (as_of, a smaller entity)`,
      );
  }
}
