/**
 * Background jobs as users see them: long work (list updates, imports, batch screens,
 * resolution, detection) started over HTTP and polled for progress. The store keeps them, so any
 * server answers for a job any worker runs.
 */

/** queued: waiting for a worker (again, after a worker died); running; done; failed. */
export type JobStatus = "queued" | "running" | "done" | "failed";

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
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  result: Result | null;
  /** Who started it: only they (and admins) see it. */
  owner: string;
  /** How many times a worker has taken it up (more than one after a worker died). */
  attempts: number;
  /** The worker (host:pid) that runs or ran it. */
  worker: string | null;
  /** The work's parameters, as the handler of its kind reads them. */
  payload: unknown;
}

export interface NewJob {
  kind: string;
  subject: string;
  unit: string;
  owner: string;
  payload: unknown;
  /** The uploaded file the job works on, kept until the job ends. */
  input?: Buffer;
}

export type ReportProgress = (done: number, total?: number | null) => void;

export function isFinished(job: Pick<Job, "status">): boolean {
  return job.status === "done" || job.status === "failed";
}

/** A job as the API shows it: everything but its (possibly large) result and its payload. */
export function jobSummary(job: Job): Omit<Job, "result" | "payload"> {
  const summary: Omit<Job, "result" | "payload"> & { result?: unknown; payload?: unknown } = {
    ...job,
  };
  delete summary.result;
  delete summary.payload;
  return summary;
}

export interface JobViewer {
  user: string;
  role: string;
}

/** Whether a caller sees a job: its owner does, and so do admins. */
export function jobVisibleTo(job: Job, caller: JobViewer): boolean {
  return caller.role === "admin" || job.owner === caller.user;
}
