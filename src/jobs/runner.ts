/**
 * Runs one job on this process: claims it (one more attempt), runs its kind's handler while
 * writing progress, which doubles as the heartbeat, and records the outcome. A worker that dies
 * leaves its job "running" with a heartbeat that stops; `requeueStale` (any worker's sweep) gives
 * it to another worker, and the attempt number keeps the two from overwriting each other.
 */
import { MoneytrailError } from "../errors.ts";
import { JOB_HANDLERS, isJobKind, type WorkContext } from "./handlers.ts";

/** The heartbeat goes out at least this often; progress is written at most four times as often. */
export const HEARTBEAT_MILLIS = 2000;

export type RunOutcome = "done" | "failed" | "not-mine";

export async function runJob(
  ctx: WorkContext,
  id: string,
  worker: string,
  logError: (error: unknown) => void,
): Promise<RunOutcome> {
  const { jobs } = ctx.store;
  const attempt = await jobs.claim(id, worker);
  if (attempt === undefined) return "not-mine";
  const job = await jobs.get(id);
  if (!job) return "not-mine";
  let latest: { done: number; total: number | null } = { done: 0, total: null };
  let written = 0;
  // A write refused because another attempt took over needs no handling here: finish() is
  // refused for the same reason.
  const write = () => {
    written = Date.now();
    jobs.progress(id, attempt, latest.done, latest.total).catch(logError);
  };
  const heartbeat = setInterval(write, HEARTBEAT_MILLIS);
  heartbeat.unref();
  try {
    if (!isJobKind(job.kind))
      throw new MoneytrailError(`no handler for jobs of kind '${job.kind}'`);
    const input = await jobs.input(id);
    const result = await JOB_HANDLERS[job.kind](ctx, job, input, (done, total) => {
      latest = { done, total: total === undefined ? latest.total : total };
      if (Date.now() - written >= HEARTBEAT_MILLIS / 4) write();
    });
    clearInterval(heartbeat);
    const finished = await jobs.finish(id, attempt, { status: "done", result });
    return finished ? "done" : "not-mine";
  } catch (error) {
    clearInterval(heartbeat);
    // Our own errors are meant for users; anything else is a bug, kept out of the answer.
    const message =
      error instanceof MoneytrailError ? error.message : "internal error (see the worker's log)";
    if (!(error instanceof MoneytrailError)) logError(error);
    await jobs.finish(id, attempt, { status: "failed", error: message });
    return "failed";
  }
}
