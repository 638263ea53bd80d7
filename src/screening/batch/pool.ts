/**
 * Worker threads for batch screening, each with its own copy of the index (built from the store
 * in parallel at start-up), fed chunks of rows with a bounded number in flight.
 */
import { Worker } from "node:worker_threads";
import type { MatchOptions } from "../../matching/types.ts";
import type { ScreenRow } from "./input.ts";
import type { ScreenedRow, WorkerMessage } from "./protocol.ts";

const IN_FLIGHT_PER_WORKER = 2;

interface PoolWorker {
  worker: Worker;
  busy: number;
}

export class ScreeningPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<
    number,
    { resolve: (rows: ScreenedRow[]) => void; reject: (e: Error) => void; worker: PoolWorker }
  >();
  private waiters: Array<() => void> = [];
  private failure: Error | undefined;

  static async start(
    count: number,
    db: string,
    options: MatchOptions,
  ): Promise<{ pool: ScreeningPool; entities: number }> {
    const pool = new ScreeningPool();
    const ready = await Promise.all(Array.from({ length: count }, () => pool.spawn(db, options)));
    return { pool, entities: ready[0] ?? 0 };
  }

  private spawn(db: string, options: MatchOptions): Promise<number> {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData: { db, options },
    });
    const entry: PoolWorker = { worker, busy: 0 };
    this.workers.push(entry);
    return new Promise((resolve, reject) => {
      worker.on("message", (message: WorkerMessage) => {
        if (message.type === "ready") resolve(message.entities);
        else if (message.type === "error")
          this.fail(new Error(`screening worker: ${message.message}`), reject);
        else {
          const job = this.pending.get(message.seq);
          if (!job) return;
          this.pending.delete(message.seq);
          job.worker.busy--;
          job.resolve(message.results);
          this.wake();
        }
      });
      worker.on("error", (error) => this.fail(error, reject));
      worker.on("exit", (code) => {
        if (code !== 0 && !this.failure)
          this.fail(new Error(`screening worker exited with code ${code}`), reject);
      });
    });
  }

  private fail(error: Error, reject: (e: Error) => void): void {
    this.failure ??= error;
    reject(error);
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Sends a chunk to the least busy worker, waiting while all are full; the result comes back
   * wrapped, so that awaiting the hand-over does not wait for the work.
   */
  async submit(seq: number, rows: ScreenRow[]): Promise<{ done: Promise<ScreenedRow[]> }> {
    for (;;) {
      if (this.failure) throw this.failure;
      const free = this.workers
        .filter((w) => w.busy < IN_FLIGHT_PER_WORKER)
        .sort((a, b) => a.busy - b.busy)[0];
      if (free) {
        free.busy++;
        const result = new Promise<ScreenedRow[]>((resolve, reject) =>
          this.pending.set(seq, { resolve, reject, worker: free }),
        );
        // Observed when awaited in order; this keeps an early failure from going unhandled meanwhile.
        result.catch(() => undefined);
        free.worker.postMessage({ seq, rows });
        return { done: result };
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
