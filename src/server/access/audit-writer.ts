/**
 * Appends audit events in small batches: a busy /match server would otherwise take the chain's
 * lock once per request. Events wait at most FLUSH_MILLIS; `flush` (also on close) writes the rest.
 * Security changes (logins, grants, keys) are awaited by their routes, so they are on disk before
 * the answer. While the database is unreachable, events wait here (up to MAX_PENDING) and are
 * written, in order, when it is back: an outage must not leave holes in the record of who
 * screened whom.
 */
import type { AuditEvent } from "../../access/audit-chain.ts";
import type { AccessStore } from "../../store/access/access-store.ts";

const FLUSH_MILLIS = 50;
const MAX_BATCH = 500;
/** Events kept in memory while writes fail; beyond this the oldest are dropped, and logged. */
const MAX_PENDING = 100_000;
const RETRY_MILLIS = 1000;

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
        this.requeue(events);
      }
    });
    return this.writing;
  }

  /** Puts failed events back ahead of newer ones and tries again shortly. */
  private requeue(events: AuditEvent[]): void {
    this.queue = events.concat(this.queue);
    const excess = this.queue.length - MAX_PENDING;
    if (excess > 0) {
      this.queue.splice(0, excess);
      this.onError(new Error(`audit: ${excess} events dropped while the store was unreachable`));
    }
    this.timer ??= setTimeout(() => void this.flush(), RETRY_MILLIS);
    this.timer.unref();
  }
}
