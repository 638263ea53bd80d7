/**
 * The audit log's hash chain: each entry's hash covers its content and the previous entry's hash,
 * so changing, removing or reordering any entry breaks every hash after it.
 */
import { createHash } from "node:crypto";
import { jsonText } from "./canonical-json.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEvent {
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  /**
   * `detail`'s JSON text when it is already known (boundEvent makes it): the hash and the stored
   * column then reuse it instead of writing the same text twice more.
   */
  detailJson?: string;
}

export interface AuditEntry extends AuditEvent {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The entries that follow `head`, each hashed over the one before. */
export function chainEntries(
  head: { seq: number; hash: string },
  events: AuditEvent[],
  at: string,
): AuditEntry[] {
  let seq = head.seq;
  let prevHash = head.hash;
  return events.map((event) => {
    const entry = { ...event, seq: ++seq, at, prevHash };
    const hash = entryHash(entry);
    prevHash = hash;
    return { ...entry, hash };
  });
}

/**
 * The entry's hash over the JSON text of [seq, at, actor, action, target, detail, prevHash]. The
 * detail's text is taken as boundEvent made it when known (written once, reused by the stored
 * column); otherwise (entries read back to verify) it is written again, the same text.
 */
export function entryHash(entry: Omit<AuditEntry, "hash">): string {
  const detail = entry.detailJson ?? jsonText(entry.detail);
  const content = `[${entry.seq},${JSON.stringify(entry.at)},${JSON.stringify(entry.actor)},${JSON.stringify(entry.action)},${JSON.stringify(entry.target)},${detail},${JSON.stringify(entry.prevHash)}]`;
  return createHash("sha256").update(content).digest("hex");
}

export interface ChainCheck {
  entries: number;
  /** The first entry that does not follow from the one before, and why. */
  broken?: { seq: number; reason: string };
  lastHash: string;
}

/** Walks the chain in sequence order and stops at the first entry that does not hold. */
export async function verifyChain(entries: AsyncIterable<AuditEntry>): Promise<ChainCheck> {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for await (const entry of entries) {
    const broken = (reason: string): ChainCheck => ({
      entries: count,
      broken: { seq: entry.seq, reason },
      lastHash: previous,
    });
    if (entry.seq !== expectedSeq)
      return broken(`expected entry ${expectedSeq}, found ${entry.seq}`);
    if (entry.prevHash !== previous) return broken("does not follow the entry before it");
    if (entryHash(entry) !== entry.hash) return broken("its content does not match its hash");
    previous = entry.hash;
    expectedSeq++;
    count++;
  }
  return { entries: count, lastHash: previous };
}
