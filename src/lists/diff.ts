/**
 * What changed between two versions of a list: designations added, removed, and changed (same
 * source id, different record content), with the fields that differ. Works on the stored source
 * records, so it says what the publisher changed, not what our mapping made of it.
 */
import type { RecordWithCaption } from "../store/store.ts";

export interface DiffEntry {
  sourceId: string;
  entityId: string;
  caption: string;
  schema: string;
}

export interface FieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

export interface ListDiff {
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: Array<DiffEntry & { fields: FieldChange[] }>;
  unchanged: number;
}

/** Merge-joins two record streams sorted by source id. */
export async function diffRecords(
  before: AsyncIterable<RecordWithCaption>,
  after: AsyncIterable<RecordWithCaption>,
): Promise<ListDiff> {
  const diff: ListDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const left = before[Symbol.asyncIterator]();
  const right = after[Symbol.asyncIterator]();
  let a = await left.next();
  let b = await right.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && a.value.sourceId < b.value.sourceId)) {
      diff.removed.push(entry(a.value as RecordWithCaption));
      a = await left.next();
    } else if (a.done || b.value.sourceId < a.value.sourceId) {
      diff.added.push(entry(b.value));
      b = await right.next();
    } else {
      if (a.value.hash === b.value.hash) diff.unchanged++;
      else diff.changed.push({ ...entry(b.value), fields: fieldChanges(a.value.raw, b.value.raw) });
      a = await left.next();
      b = await right.next();
    }
  }
  return diff;
}

function entry(record: RecordWithCaption): DiffEntry {
  return {
    sourceId: record.sourceId,
    entityId: record.entityId,
    caption: record.caption,
    schema: record.schema,
  };
}

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(field) !== b.get(field))
      changes.push({ field, before: a.get(field), after: b.get(field) });
  }
  return changes;
}

function flatten(
  value: unknown,
  prefix = "",
  out = new Map<string, string>(),
): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${prefix}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value))
      flatten(item, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined && value !== null && value !== "") out.set(prefix, String(value));
  return out;
}
