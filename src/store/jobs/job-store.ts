/**
 * The jobs part of the Store. A worker claims a job (one more attempt), reports progress (which
 * is its heartbeat too) and finishes it; every write after the claim names the attempt, so a
 * worker presumed dead that wakes up cannot overwrite the work of the one that took over.
 */
import type { Job, JobStatus, NewJob } from "../../jobs/types.ts";

export interface JobQuery {
  kind?: string;
  /** Only this owner's jobs. */
  owner?: string;
  /** Only jobs in these states. */
  statuses?: JobStatus[];
  limit?: number;
  /** Read each job's result too (a batch screen's can be megabytes); null otherwise. */
  withResults?: boolean;
}

export interface JobStore {
  create(job: NewJob & { id: string }): Promise<Job>;
  get(id: string): Promise<Job | undefined>;
  /** The uploaded file of an unfinished job. */
  input(id: string): Promise<Buffer | null>;
  /** Newest first. */
  list(query?: JobQuery): Promise<Job[]>;
  /** Marks the job running for `worker`; its attempt number, or undefined if it has ended. */
  claim(id: string, worker: string): Promise<number | undefined>;
  /** Progress and heartbeat of one attempt; false once another attempt has taken over. */
  progress(id: string, attempt: number, done: number, total: number | null): Promise<boolean>;
  /** Ends an attempt; drops the input. False when another attempt took over. */
  finish(
    id: string,
    attempt: number,
    outcome: { status: "done"; result: unknown } | { status: "failed"; error: string },
  ): Promise<boolean>;
  /**
   * Running jobs whose heartbeat is older than `before`: set back to queued, or failed once they
   * have had `maxAttempts` (a file that kills every worker must not go round for ever).
   */
  requeueStale(before: string, maxAttempts: number): Promise<{ requeued: Job[]; failed: Job[] }>;
  /** Deletes finished jobs that ended before `before`; how many. */
  prune(before: string): Promise<number>;
}
