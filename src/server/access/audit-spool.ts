/**
 * Audit events that could not reach the database, kept in a local file until they can: a server
 * restarted during a PostgreSQL outage must not lose the record of who screened whom. One file
 * per process (`audit-spool-<pid>.jsonl`, one event a line, appended synchronously), so processes
 * never write into each other's files; a file whose process has died is claimed by renaming it
 * (atomic: of two servers claiming it, one wins) and drained by whoever claimed it.
 */
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import type { AuditEvent } from "../../access/audit-chain.ts";

const SPOOL_FILE = /^audit-spool-(\d+)(?:-claimed-(\d+))?\.jsonl$/;

export class AuditSpool {
  private readonly own: string;
  private claims = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.own = path.join(dir, `audit-spool-${process.pid}.jsonl`);
  }

  /** Appends events to this process's file; on disk before it returns. */
  append(events: AuditEvent[]): void {
    if (events.length === 0) return;
    appendFileSync(this.own, events.map((e) => JSON.stringify(e)).join("\n") + "\n", {
      flush: true,
    });
  }

  /** Whether there are files to drain: this process's own, or those of processes now dead. */
  waiting(): boolean {
    return readdirSync(this.dir).some((name) => {
      const match = SPOOL_FILE.exec(name);
      return match !== null && (Number(match[1]) === process.pid || !isAlive(Number(match[1])));
    });
  }

  /**
   * Every file to drain now, each renamed to a claimed name first: this process's own (so events
   * appended while it drains start a new file instead of being lost with the old one) and those
   * of processes that have died (the rename is atomic: of two servers claiming one, one wins).
   * Oldest first, so the chain keeps the order events happened in as far as it can.
   */
  claim(): string[] {
    const files: Array<{ file: string; order: string }> = [];
    for (const name of readdirSync(this.dir)) {
      const match = SPOOL_FILE.exec(name);
      if (!match) continue;
      const file = path.join(this.dir, name);
      const pid = Number(match[1]);
      if (pid === process.pid && match[2]) {
        files.push({ file, order: match[2] }); // claimed earlier, not fully drained
        continue;
      }
      if (pid !== process.pid && isAlive(pid)) continue;
      const order = `${Date.now()}`.padStart(15, "0") + String(this.claims++).padStart(6, "0");
      const claimed = path.join(this.dir, `audit-spool-${process.pid}-claimed-${order}.jsonl`);
      try {
        renameSync(file, claimed);
        files.push({ file: claimed, order });
      } catch {
        // Another server claimed it first.
      }
    }
    return files.sort((a, b) => a.order.localeCompare(b.order)).map((f) => f.file);
  }

  /** Puts back what is left of a claimed file after part of it was written. */
  keep(file: string, events: AuditEvent[]): void {
    const partial = `${file}.part`;
    writeFileSync(partial, events.map((e) => JSON.stringify(e)).join("\n") + "\n", {
      flush: true,
    });
    renameSync(partial, file);
  }

  /** The events of a file; lines that do not parse (a torn last line after a crash) are skipped. */
  read(file: string): AuditEvent[] {
    const events: AuditEvent[] = [];
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as AuditEvent);
      } catch {
        // A line cut short by a crash carries nothing that can be verified; it is dropped.
      }
    }
    return events;
  }

  /** Removes a file once its events are in the database. */
  done(file: string): void {
    unlinkSync(file);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
