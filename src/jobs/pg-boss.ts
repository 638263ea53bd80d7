/**
 * The PostgreSQL job queue, on pg-boss: servers send jobs to it, `moneytrail worker` processes on
 * any machine take them. pg-boss gives each job to one worker at a time and retries it when told
 * it failed. What it (version 10, the last to run on Node 20) does not do is notice that a
 * worker died mid-job until the job's expiry, hours later for a long import: the workers' sweep
 * does that from our heartbeats, and fails the job in pg-boss so it retries at once.
 */
import PgBoss from "pg-boss";
import { JOB_KINDS, type WorkContext } from "./handlers.ts";
import { MAX_ATTEMPTS, sweepJobs, sweepMillis, type Dispatcher } from "./queue.ts";
import { runJob } from "./runner.ts";
import type { Job } from "./types.ts";

const SCHEMA = "pgboss";
/** A backstop only: the heartbeat sweep finds dead workers long before this. */
const EXPIRE_HOURS = 12;
const POLL_SECONDS = 1;

export async function startBoss(
  url: string,
  options: { supervise: boolean; logError: (error: unknown) => void },
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    supervise: options.supervise,
    schedule: false,
    max: 4,
  });
  boss.on("error", options.logError);
  await boss.start();
  for (const kind of Object.values(JOB_KINDS)) {
    await boss.createQueue(kind, {
      name: kind,
      retryLimit: MAX_ATTEMPTS - 1,
      retryDelay: 1,
      expireInHours: EXPIRE_HOURS,
    });
  }
  return boss;
}

/** A server's side: jobs go to the queue, for whichever worker is free. */
export class QueueDispatcher implements Dispatcher {
  constructor(private readonly boss: PgBoss) {}

  async dispatch(job: Job): Promise<void> {
    await this.boss.send(job.kind, {}, { id: job.id });
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

export interface WorkerOptions {
  /** Names this worker in the jobs it runs. */
  name: string;
  /** Jobs of each kind this process runs at once. */
  concurrency: number;
  staleSeconds: number;
  logError: (error: unknown) => void;
}

/** Takes jobs from the queue and runs them here, and sweeps for jobs whose worker died. */
export class QueueWorker {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly boss: PgBoss,
    private readonly ctx: WorkContext,
    private readonly options: WorkerOptions,
  ) {}

  async start(): Promise<void> {
    for (const kind of Object.values(JOB_KINDS)) {
      for (let i = 0; i < this.options.concurrency; i++) {
        await this.boss.work(
          kind,
          { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS },
          async ([job]) => {
            if (job) await runJob(this.ctx, job.id, this.options.name, this.options.logError);
          },
        );
      }
    }
    this.sweeper = setInterval(() => void this.sweep(), sweepMillis(this.options.staleSeconds));
  }

  async sweep(): Promise<void> {
    try {
      const { requeued, failed } = await sweepJobs(this.ctx.store, this.options.staleSeconds);
      for (const job of [...requeued, ...failed]) {
        this.ctx.log(`job ${job.id} (${job.kind}): its worker stopped; ${job.status} again`);
        await this.boss.fail(job.kind, job.id, { message: "its worker stopped" });
      }
    } catch (error) {
      this.options.logError(error);
    }
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
