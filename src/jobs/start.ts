/**
 * Starts the job system a process needs. On the embedded SQLite store, jobs run in the process
 * that starts them. On PostgreSQL they go through the shared queue: `serve` sends them (and runs
 * them too unless told to leave them to `moneytrail worker` processes), workers run them.
 */
import os from "node:os";
import { isPostgresUrl } from "../config.ts";
import type { WorkContext } from "./handlers.ts";
import { startBoss, QueueDispatcher, QueueWorker } from "./pg-boss.ts";
import { InProcessDispatcher, JobQueue } from "./queue.ts";

export interface JobSystem {
  queue: JobQueue;
  close(): Promise<void>;
}

export interface JobSystemOptions {
  /** Whether this process runs jobs (a server with --no-worker does not). */
  work: boolean;
  /** Jobs of each kind a worker runs at once. */
  concurrency?: number;
  logError: (error: unknown) => void;
}

/** How a process names itself in the jobs it runs. */
export function workerName(): string {
  return `${os.hostname()}:${process.pid}`;
}

export function inProcessQueue(ctx: WorkContext, logError: (error: unknown) => void): JobSystem {
  const dispatcher = new InProcessDispatcher(
    ctx,
    workerName(),
    logError,
    ctx.config.jobStaleSeconds,
  );
  return { queue: new JobQueue(ctx.store, dispatcher), close: () => dispatcher.close() };
}

export async function startJobSystem(
  ctx: WorkContext,
  options: JobSystemOptions,
): Promise<JobSystem> {
  if (!isPostgresUrl(ctx.config.db)) return inProcessQueue(ctx, options.logError);
  const boss = await startBoss(ctx.config.db, {
    supervise: options.work,
    logError: options.logError,
  });
  const dispatcher = new QueueDispatcher(boss);
  if (!options.work)
    return { queue: new JobQueue(ctx.store, dispatcher), close: () => dispatcher.close() };
  const worker = new QueueWorker(boss, ctx, {
    name: workerName(),
    concurrency: options.concurrency ?? 1,
    staleSeconds: ctx.config.jobStaleSeconds,
    logError: options.logError,
  });
  await worker.start();
  return { queue: new JobQueue(ctx.store, dispatcher), close: () => worker.stop() };
}
