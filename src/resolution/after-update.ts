/**
 * After a list update: a store that was resolved before gets its new and changed designees merged
 * too. Reviewers' judgements carry over by entity id whatever happens here; a store nobody
 * resolved stays unresolved (resolution is a choice, and costs time on large lists).
 */
import type { UpdateResult } from "../lists/update/update.ts";
import type { Store } from "../store/store.ts";
import { resolve, type ResolveSummary } from "./resolve.ts";

export async function resolveAfterUpdate(
  store: Store,
  results: UpdateResult[],
): Promise<ResolveSummary | undefined> {
  if (!results.some((r) => r.status === "imported")) return undefined;
  if ((await store.resolution.judgements()).length === 0) return undefined;
  return resolve(store);
}
