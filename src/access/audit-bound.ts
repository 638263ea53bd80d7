/**
 * What the audit log keeps of an event: a bounded copy of its detail. A request may carry
 * megabytes of notes or thousands of nested objects; recorded whole, 110 such requests added
 * 540 MB to the log and one of them overflowed the stack while it was hashed. The copy is taken
 * breadth first, so the outline (which queries, which fields) survives and the depths are cut
 * first; when anything is cut the entry keeps the SHA-256 and size of the whole detail, so a
 * copy of the original request kept elsewhere can still be proven to be the one that was logged.
 */
import { createHash } from "node:crypto";
import type { AuditEvent } from "./audit-chain.ts";
import { jsonText, writeJson } from "./canonical-json.ts";

export const AUDIT_DETAIL_LIMITS = {
  /** Bytes of JSON a detail may take (roughly: each value is priced as it is copied). */
  bytes: 32 * 1024,
  /** Nesting below the detail object itself. */
  depth: 8,
  /** Characters of one string. */
  string: 1024,
  /** Items of one array or members of one object. */
  items: 200,
  /** Characters of the actor, action and target. */
  label: 256,
};

/** Stands where a value was cut. */
export const CUT_MARK = "…";

export interface CutSummary {
  /** SHA-256 of the whole detail's JSON text. */
  sha256: string;
  bytes: number;
}

/**
 * The event as it is stored: labels shortened, the detail bounded, with `_cut` when cut, and the
 * detail's JSON text (`detailJson`), written here once for the hash and the stored column.
 */
export function boundEvent(event: AuditEvent): AuditEvent {
  const labels = {
    actor: shorten(event.actor),
    action: shorten(event.action),
    target: event.target === null ? null : shorten(event.target),
  };
  const whole = jsonText(event.detail);
  if (whole.length <= SMALL_DETAIL) return { ...labels, detail: event.detail, detailJson: whole };
  const { value, cut } = boundValue(event.detail);
  const bounded = (value ?? {}) as Record<string, unknown>;
  const detail = cut ? { ...bounded, _cut: digestOf(event.detail) } : bounded;
  return { ...labels, detail, detailJson: JSON.stringify(detail) };
}

/**
 * Details this small are kept whole, as they came (the common case: a screening's query and its
 * ten results): no string in them can pass its bound, and a list past 200 items that fits in a
 * kilobyte costs no more than the bound is there to prevent.
 */
const SMALL_DETAIL = 1024;

/** SHA-256 and size of a value's JSON text, streamed: no copy of the text is made. */
export function digestOf(value: unknown): CutSummary {
  const hash = createHash("sha256");
  let bytes = 0;
  writeJson(value, (piece) => {
    hash.update(piece);
    bytes += Buffer.byteLength(piece);
  });
  return { sha256: hash.digest("hex"), bytes };
}

function shorten(label: string): string {
  const max = AUDIT_DETAIL_LIMITS.label;
  return label.length > max ? label.slice(0, max) + CUT_MARK : label;
}

interface Pending {
  source: unknown;
  depth: number;
  /** Puts the copy in its place in the parent. */
  place: (copy: unknown) => void;
}

/** A bounded copy, built breadth first without recursion; `cut` says whether anything was left out. */
export function boundValue(input: unknown): { value: unknown; cut: boolean } {
  const limits = AUDIT_DETAIL_LIMITS;
  let budget = limits.bytes;
  let cut = false;
  let root: unknown;
  const queue: Pending[] = [{ source: input, depth: 0, place: (copy) => (root = copy) }];
  for (let head = 0; head < queue.length; head++) {
    const { source, depth, place } = queue[head]!;
    queue[head] = undefined as unknown as Pending; // let the original be collected as we go
    if (budget <= 0) {
      cut = true;
      place(CUT_MARK);
      continue;
    }
    if (source === null || typeof source !== "object") {
      const scalar = boundScalar(source);
      if (scalar.cut) cut = true;
      budget -= typeof scalar.value === "string" ? scalar.value.length + 2 : 8;
      place(scalar.value);
      continue;
    }
    if (depth >= limits.depth) {
      cut = true;
      budget -= CUT_MARK.length + 2;
      place(CUT_MARK);
      continue;
    }
    if (Array.isArray(source)) {
      const copy: unknown[] = [];
      const kept = Math.min(source.length, limits.items);
      if (kept < source.length) cut = true;
      budget -= 2 + kept;
      for (let i = 0; i < kept; i++) {
        copy.push(null);
        queue.push({ source: source[i], depth: depth + 1, place: (v) => (copy[i] = v) });
      }
      if (kept < source.length) copy.push(CUT_MARK);
      place(copy);
      continue;
    }
    const copy: Record<string, unknown> = {};
    const keys = Object.keys(source);
    const kept = Math.min(keys.length, limits.items);
    if (kept < keys.length) cut = true;
    budget -= 2;
    for (const key of keys.slice(0, kept)) {
      const name = key.length > limits.string ? key.slice(0, limits.string) + CUT_MARK : key;
      budget -= name.length + 4;
      copy[name] = null;
      queue.push({
        source: (source as Record<string, unknown>)[key],
        depth: depth + 1,
        place: (v) => (copy[name] = v),
      });
    }
    place(copy);
  }
  return { value: root, cut };
}

function boundScalar(value: unknown): { value: unknown; cut: boolean } {
  if (typeof value === "string")
    return value.length > AUDIT_DETAIL_LIMITS.string
      ? { value: value.slice(0, AUDIT_DETAIL_LIMITS.string) + CUT_MARK, cut: true }
      : { value, cut: false };
  if (typeof value === "number")
    return { value: Number.isFinite(value) ? value : null, cut: false };
  if (typeof value === "boolean" || value === null) return { value, cut: false };
  if (typeof value === "bigint") return { value: value.toString(), cut: false };
  return { value: null, cut: false };
}
