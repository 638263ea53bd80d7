/**
 * Audit batches appended by a worker thread with a connection of its own to the SQLite file.
 * SQLite calls are synchronous: on the server's thread, a batch (hashing the chain, a multi-row
 * insert, now and then a WAL checkpoint, or a wait for the other process's write lock) held a busy
 * /match server's event loop for 2–20 ms every 50 ms, and every request queued behind it paid.
 * PostgreSQL's driver does not block, so servers on PostgreSQL append on their own thread.
 */
import { Worker } from "node:worker_threads";
import type { AuditEvent } from "../../access/audit-chain.ts";

export interface AuditThreadRequest {
  seq: number;
  events: AuditEvent[];
}

export interface AuditThreadReply {
  seq: number;
  /** Why the batch was not written; absent when it was. */
  error?: string;
}

export class AuditThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<
    number,
    { resolve: () => void; reject: (error: Error) => void }
  >();
  private seq = 0;

  constructor(private readonly db: string) {}

  /** Appends a batch; settles once the thread has committed it (or failed to). */
  append(events: AuditEvent[]): Promise<void> {
    const worker = this.started();
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, events } satisfies AuditThreadRequest);
    });
  }

  /** Stops the thread; call after the last batch has settled. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./audit-thread-entry.mjs", import.meta.url), {
      workerData: { db: this.db },
    });
    // A server that exits without closing must not be kept alive by its audit thread; close()
    // flushes first on every orderly stop.
    worker.unref();
    worker.on("message", (reply: AuditThreadReply) => {
      const waiting = this.pending.get(reply.seq);
      if (!waiting) return;
      this.pending.delete(reply.seq);
      if (reply.error === undefined) waiting.resolve();
      else waiting.reject(new Error(`audit thread: ${reply.error}`));
    });
    // A thread that dies fails what it held; the writer keeps those events and retries, and the
    // next batch starts a new thread.
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`audit thread exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
