/**
 * Where jobs are started and looked up. The store keeps every job; a dispatcher decides who runs
 * it: this process (the embedded single-user store) or the PostgreSQL queue that `moneytrail
 * worker` processes on any machine take work from (pg-boss.ts).
 */
import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import type { JobQuery } from "../store/jobs/job-store.ts";
import type { WorkContext } from "./handlers.ts";
import { HEARTBEAT_MILLIS, runJob } from "./runner.ts";
import { jobVisibleTo, type Job, type JobViewer, type NewJob } from "./types.ts";

/** Attempts a job gets when workers die under it. */
export const MAX_ATTEMPTS = 3;
/** Finished jobs are kept this long, then pruned. */
const KEEP_FINISHED_DAYS = 30;

export interface Dispatcher {
  /** Hands a job just written to the store to whoever runs jobs. */
  dispatch(job: Job): Promise<void>;
  close(): Promise<void>;
}

export class JobQueue {
  constructor(
    private readonly store: Store,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Records the job and dispatches it; with `exclusive`, refuses while one of its kind is unfinished. */
  async submit(job: NewJob, options: { exclusive?: boolean } = {}): Promise<Job> {
    if (options.exclusive) {
      const [busy] = await this.store.jobs.list({
        kind: job.kind,
        statuses: ["queued", "running"],
        limit: 1,
      });
      if (busy) throw new ConflictError(`a ${job.kind} job is already ${busy.status}`);
    }
    const created = await this.store.jobs.create({ ...job, id: randomUUID() });
    await this.dispatcher.dispatch(created);
    return created;
  }

  /** A job its caller may see (its owner, or an admin); others' jobs do not exist for them. */
  async get(id: string, caller: JobViewer, kind?: string): Promise<Job> {
    const job = await this.store.jobs.get(id);
    if (!job || (kind && job.kind !== kind) || !jobVisibleTo(job, caller))
      throw new NotFoundError(`job '${id}' not found`);
    return job;
  }

  /** The jobs a caller may see, newest first. */
  listFor(caller: JobViewer, query: JobQuery = {}): Promise<Job[]> {
    return this.store.jobs.list(caller.role === "admin" ? query : { ...query, owner: caller.user });
  }

  async find(id: string): Promise<Job | undefined> {
    return this.store.jobs.get(id);
  }

  list(query: JobQuery = {}): Promise<Job[]> {
    return this.store.jobs.list(query);
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/**
 * Finds the jobs whose worker died (set back to queued, or failed after MAX_ATTEMPTS) and prunes
 * old finished ones; each job system then hands the requeued ones on in its own way.
 */
export async function sweepJobs(store: Store, staleSeconds: number, now = Date.now()) {
  const stale = await store.jobs.requeueStale(
    new Date(now - staleSeconds * 1000).toISOString(),
    MAX_ATTEMPTS,
  );
  await store.jobs.prune(new Date(now - KEEP_FINISHED_DAYS * 86_400_000).toISOString());
  return stale;
}

/**
 * Runs every job in this process as soon as it is submitted: the embedded store's way. Jobs a
 * previous process left running (it crashed) are taken up again by the sweep.
 */
export class InProcessDispatcher implements Dispatcher {
  private readonly running = new Set<Promise<unknown>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ctx: WorkContext,
    private readonly worker: string,
    private readonly logError: (error: unknown) => void,
    staleSeconds: number,
  ) {
    this.sweeper = setInterval(() => void this.sweep(staleSeconds), sweepMillis(staleSeconds));
    this.sweeper.unref();
  }

  async dispatch(job: Job): Promise<void> {
    const run = runJob(this.ctx, job.id, this.worker, this.logError).catch(this.logError);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async sweep(staleSeconds: number): Promise<void> {
    try {
      const { requeued } = await sweepJobs(this.ctx.store, staleSeconds);
      for (const job of requeued) await this.dispatch(job);
    } catch (error) {
      this.logError(error);
    }
  }

  /** Waits for the jobs this process runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.idle();
  }
}

/** How often to look for jobs whose worker died: a few times per stale period. */
export function sweepMillis(staleSeconds: number): number {
  return Math.max(HEARTBEAT_MILLIS, (staleSeconds * 1000) / 3);
}
