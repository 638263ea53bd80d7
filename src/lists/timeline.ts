/**
 * An entity's listing history from the list versions loaded: when it first appeared, when the
 * publisher changed its record, when it left a list and came back. Pure: the store supplies the
 * versions and the record's hash in each.
 */
import type { ListVersion } from "../store/store.ts";

export const LISTING_EVENTS = ["listed", "changed", "delisted", "relisted"] as const;
export type ListingEventKind = (typeof LISTING_EVENTS)[number];

export interface ListingEvent {
  kind: ListingEventKind;
  dataset: string;
  sourceId: string;
  version: string;
  /** When the version was imported: the earliest we know of the change. */
  date: string;
}

export function listingTimeline(
  dataset: string,
  sourceId: string,
  versions: ListVersion[],
  hashes: Array<{ versionId: number; hash: string }>,
): ListingEvent[] {
  const hashOf = new Map(hashes.map((h) => [h.versionId, h.hash]));
  const events: ListingEvent[] = [];
  let previous: string | undefined;
  let seen = false;
  const ordered = versions
    .filter((v) => v.dataset === dataset && v.status === "complete")
    .sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id - b.id);
  for (const version of ordered) {
    const hash = hashOf.get(version.id);
    const event = (kind: ListingEventKind): void => {
      events.push({ kind, dataset, sourceId, version: version.label, date: version.importedAt });
    };
    if (hash !== undefined && previous === undefined) event(seen ? "relisted" : "listed");
    else if (hash === undefined && previous !== undefined) event("delisted");
    else if (hash !== undefined && hash !== previous) event("changed");
    if (hash !== undefined) seen = true;
    previous = hash;
  }
  return events;
}
