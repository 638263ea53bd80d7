/**
 * Appends audit events in small batches: a busy /match server would otherwise take the chain's
 * lock once per request. Events wait at most FLUSH_MILLIS; `flush` (also on close) writes the rest.
 * Security changes (logins, grants, keys) are awaited by their routes, so they are on disk before
 * the answer.
 *
 * What can go wrong, and what happens then:
 * - An event too large or too deep: it is bounded before it is queued (audit-bound.ts), so no
 *   client can make an entry that cannot be hashed or stored.
 * - An entry the database refuses for what it is: the batch is written one event at a time, and
 *   an event refused alone is recorded as `audit.unwritable` with its digest. One bad entry never
 *   holds up the others (before, the writer retried the same failing batch forever and every
 *   sign-in, decision and grant answered 500 behind it).
 * - The database unreachable: events go to a local spool file (when the server has one) and are
 *   written, in order, when it is back, also by the next process if this one is restarted first;
 *   without a spool they wait in memory (up to MAX_PENDING).
 */
import type { AuditEvent } from "../../access/audit-chain.ts";
import { boundEvent, digestOf } from "../../access/audit-bound.ts";
import type { AccessStore } from "../../store/access/access-store.ts";
import { isStoreUnavailable } from "../../store/unavailable.ts";
import type { AuditSpool } from "./audit-spool.ts";

const FLUSH_MILLIS = 50;
const MAX_BATCH = 500;
/** Events kept in memory while writes fail and there is no spool; beyond this the oldest go. */
const MAX_PENDING = 100_000;
const RETRY_MILLIS = 1000;

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class AuditWriter {
  private queue: AuditEvent[] = [];
  private waiting: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Whether spooled events wait to be written (new ones then go behind them). */
  private spooled: boolean;

  private readonly spool: AuditSpool | undefined;
  /** False only to measure what the log costs (MONEYTRAIL_AUDIT=off, refused with sign-in on). */
  private readonly enabled: boolean;

  constructor(
    private readonly access: AccessStore,
    private readonly onError: (error: unknown) => void,
    options: { spool?: AuditSpool | undefined; enabled?: boolean } = {},
  ) {
    this.spool = options.spool;
    this.enabled = options.enabled ?? true;
    // Events a previous process spooled before it stopped: written as soon as the store answers.
    this.spooled = this.spool?.waiting() ?? false;
    if (this.spooled) this.retrySoon();
  }

  /** Queues an event; the promise settles when it is written (callers on hot paths need not wait). */
  record(event: AuditEvent): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.queue.push(boundEvent(event));
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
    this.writing = this.writing.then(() => this.write(events, waiting));
    return this.writing;
  }

  private async write(events: AuditEvent[], waiting: Waiter[]): Promise<void> {
    if (events.length === 0 && !this.spooled) return;
    if (this.spool && this.spooled) {
      // Older events are in the spool: these go behind them, and all are written together.
      this.spool.append(events);
      const error = await this.drain();
      settle(waiting, error);
      return;
    }
    try {
      await this.access.appendAudit(events);
      settle(waiting, undefined);
    } catch (error) {
      if (isStoreUnavailable(error)) {
        this.onError(error);
        settle(waiting, error);
        this.keepForLater(events);
        return;
      }
      await this.writeOneByOne(events, waiting);
    }
  }

  /** After a batch was refused for its content: each event alone, a refused one as its digest. */
  private async writeOneByOne(events: AuditEvent[], waiting: Waiter[]): Promise<void> {
    for (const [i, event] of events.entries()) {
      try {
        await this.access.appendAudit([event]);
        waiting[i]?.resolve();
      } catch (error) {
        if (isStoreUnavailable(error)) {
          this.onError(error);
          settle(waiting.slice(i), error);
          this.keepForLater(events.slice(i));
          return;
        }
        this.onError(error);
        waiting[i]?.reject(error);
        await this.access
          .appendAudit([unwritable(event, error)])
          .catch((again: unknown) => this.onError(again));
      }
    }
  }

  /** Writes every spooled file; the error that stopped it, if any. */
  private async drain(): Promise<unknown> {
    const spool = this.spool!;
    for (const file of spool.claim()) {
      const events = spool.read(file);
      for (let start = 0; start < events.length; start += MAX_BATCH) {
        const batch = events.slice(start, start + MAX_BATCH);
        try {
          await this.access.appendAudit(batch).catch(async (error: unknown) => {
            if (isStoreUnavailable(error)) throw error;
            await this.writeOneByOne(batch, []);
          });
        } catch (error) {
          // Only the events not yet written stay, so none is written twice.
          spool.keep(file, events.slice(start));
          this.onError(error);
          this.retrySoon();
          return error;
        }
      }
      spool.done(file);
    }
    this.spooled = spool.waiting();
    return undefined;
  }

  private keepForLater(events: AuditEvent[]): void {
    if (this.spool) {
      this.spool.append(events);
      this.spooled = true;
    } else {
      // Their callers were told of the failure already; the queue keeps one waiter per event.
      this.queue = events.concat(this.queue);
      this.waiting = events.map(() => IGNORED).concat(this.waiting);
      const excess = this.queue.length - MAX_PENDING;
      if (excess > 0) {
        this.queue.splice(0, excess);
        this.waiting.splice(0, excess);
        this.onError(new Error(`audit: ${excess} events dropped while the store was unreachable`));
      }
    }
    this.retrySoon();
  }

  private retrySoon(): void {
    this.timer ??= setTimeout(() => void this.flush(), RETRY_MILLIS);
    this.timer.unref();
  }
}

const IGNORED: Waiter = { resolve: () => undefined, reject: () => undefined };

function settle(waiting: Waiter[], error: unknown): void {
  for (const w of waiting) {
    if (error === undefined) w.resolve();
    else w.reject(error);
  }
}

/** What stands in the chain for an event the store refused: who, what, and its digest. */
function unwritable(event: AuditEvent, error: unknown): AuditEvent {
  return {
    actor: event.actor,
    action: "audit.unwritable",
    target: event.target,
    detail: {
      action: event.action,
      // The event as recorded, without the copy of its detail's text made for writing it.
      event: digestOf({ ...event, detailJson: undefined }),
      error: String((error as Error)?.message ?? error).slice(0, 200),
    },
  };
}
