/**
 * Long work started over HTTP (a batch screen, a list update) runs here in the background while
 * the client polls its progress. In-process and bounded: the newest MAX_JOBS are kept. With
 * `serve --workers N` a job lives in the process that started it, so a poll answered by another
 * process does not find it: the multi-agency server moves jobs into the shared store's queue.
 */
import { randomUUID } from "node:crypto";
import { ConflictError, MoneytrailError, NotFoundError } from "../errors.ts";

const MAX_JOBS = 50;

export type JobStatus = "running" | "done" | "failed";

export interface JobProgress {
  done: number;
  /** Unknown until the work knows its size. */
  total: number | null;
  unit: string;
}

export interface Job<Result = unknown> {
  id: string;
  kind: string;
  /** What the job works on, for lists of jobs (a file name, datasets). */
  subject: string;
  status: JobStatus;
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  result: Result | null;
  /** Who started it: only they (and admins) see it. */
  owner: string;
}

export type ReportProgress = (done: number, total?: number | null) => void;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly logError: (error: unknown) => void) {}

  /** Starts `work` now; with `exclusive`, refuses while another job of the kind is running. */
  start<Result>(
    kind: string,
    subject: string,
    unit: string,
    work: (report: ReportProgress) => Promise<Result>,
    options: { exclusive?: boolean; owner?: string } = {},
  ): Job<Result> {
    if (options.exclusive && this.list(kind).some((job) => job.status === "running")) {
      throw new ConflictError(`a ${kind} job is already running`);
    }
    const job: Job<Result> = {
      id: randomUUID(),
      kind,
      subject,
      status: "running",
      progress: { done: 0, total: null, unit },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
      result: null,
      owner: options.owner ?? "local",
    };
    this.jobs.set(job.id, job as Job);
    this.prune();
    const report: ReportProgress = (done, total) => {
      job.progress = { done, total: total === undefined ? job.progress.total : total, unit };
    };
    void work(report).then(
      (result) => {
        job.result = result;
        job.status = "done";
        job.finishedAt = new Date().toISOString();
      },
      (error: unknown) => {
        job.status = "failed";
        job.finishedAt = new Date().toISOString();
        // Our own errors are meant for users; anything else is a bug, kept out of the answer.
        job.error =
          error instanceof MoneytrailError ? error.message : "internal error (see server log)";
        if (!(error instanceof MoneytrailError)) this.logError(error);
      },
    );
    return job;
  }

  /** The job, if it is still kept. */
  find(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  get(id: string, kind?: string): Job {
    const job = this.jobs.get(id);
    if (!job || (kind && job.kind !== kind)) throw new NotFoundError(`job '${id}' not found`);
    return job;
  }

  list(kind?: string): Job[] {
    return [...this.jobs.values()].filter((job) => !kind || job.kind === kind).reverse();
  }

  private prune(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= MAX_JOBS) break;
      if (job.status !== "running") this.jobs.delete(id);
    }
  }
}

/** A job as the API shows it: everything but its (possibly large) result. */
export function jobSummary(job: Job): Omit<Job, "result"> {
  const summary: Omit<Job, "result"> & { result?: unknown } = { ...job };
  delete summary.result;
  return summary;
}

/** Whether a caller sees a job: its owner does, and so do admins. */
export function jobVisibleTo(job: Job, caller: { user: string; role: string }): boolean {
  return caller.role === "admin" || job.owner === caller.user;
}
