/** Entities as analysts see them: a canonical entity merged over every source record it has. */
import { mergeEntities } from "../model/merge.ts";
import { NotFoundError } from "../errors.ts";
import type { StoredEntity, Store } from "../store/store.ts";
import { Resolution } from "./clusters.ts";

export interface ResolvedEntity extends StoredEntity {
  /**
   * The source entity ids merged into this one that have a record the reader may see (itself
   * alone when nothing was merged).
   */
  referents: string[];
}

export async function loadResolution(store: Store): Promise<Resolution> {
  return Resolution.fromJudgements(await store.resolution.judgements());
}

/**
 * The canonical entity of any id: a cluster's own, or one of its members'. With `readable`, the
 * entity as a caller that may read only those collections sees it: merged over the readable
 * records alone, with only the members it can read as referents, and absent (as a missing id
 * is) when the id asked for is a member it cannot read: a merge with a private record must
 * reveal neither that record's values nor its id.
 */
export async function findResolvedEntity(
  store: Store,
  id: string,
  resolution?: Resolution,
  readable: (dataset: string) => boolean = () => true,
): Promise<ResolvedEntity | undefined> {
  const clusters = resolution ?? (await loadResolution(store));
  const canonical = clusters.canonical(id);
  const found = new Map<string, StoredEntity>();
  for (const member of clusters.members(canonical)) {
    const entity = await store.findEntity(member, readable);
    if (entity) found.set(member, entity);
  }
  if (id !== canonical && !found.has(id)) return undefined;
  const referents = [...found.keys()];
  let merged: ResolvedEntity | undefined;
  for (const entity of found.values()) {
    merged = merged
      ? {
          ...mergeEntities(merged, entity),
          id: canonical,
          datasets: [...new Set([...merged.datasets, ...entity.datasets])],
          provenance: [...merged.provenance, ...entity.provenance],
          referents,
        }
      : { ...entity, id: canonical, referents };
  }
  return merged;
}

export async function getResolvedEntity(
  store: Store,
  id: string,
  readable?: (dataset: string) => boolean,
): Promise<ResolvedEntity> {
  const entity = await findResolvedEntity(store, id, undefined, readable);
  if (!entity) throw new NotFoundError(`entity '${id}' not found in any active list version`);
  return entity;
}
