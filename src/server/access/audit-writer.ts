/**
 * Appends audit events in small batches: a busy /match server would otherwise take the chain's
 * lock once per request. Events wait at most FLUSH_MILLIS; `flush` (also on close) writes the rest.
 * Security changes (logins, grants, keys) are awaited by their routes, so they are on disk before
 * the answer.
 */
import type { AuditEvent } from "../../access/audit-chain.ts";
import type { AccessStore } from "../../store/access/access-store.ts";

const FLUSH_MILLIS = 50;
const MAX_BATCH = 500;

export class AuditWriter {
  private queue: AuditEvent[] = [];
  private waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly access: AccessStore,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues an event; the promise settles when it is written (callers on hot paths need not wait). */
  record(event: AuditEvent): Promise<void> {
    this.queue.push(event);
    const written = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    // Hot paths do not wait; the failure is already reported through onError.
    written.catch(() => undefined);
    if (this.queue.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MILLIS);
    return written;
  }

  /** Records an event and waits until it is written. */
  async recordNow(event: AuditEvent): Promise<void> {
    const written = this.record(event);
    await this.flush();
    await written;
  }

  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.queue;
    const waiting = this.waiting;
    this.queue = [];
    this.waiting = [];
    // One batch at a time, in order, so the chain follows the order events were recorded.
    this.writing = this.writing.then(async () => {
      if (events.length === 0) return;
      try {
        await this.access.appendAudit(events);
        for (const w of waiting) w.resolve();
      } catch (error) {
        this.onError(error);
        for (const w of waiting) w.reject(error);
      }
    });
    return this.writing;
  }
}
