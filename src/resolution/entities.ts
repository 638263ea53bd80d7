/** Entities as analysts see them: a canonical entity merged over every source record it has. */
import { mergeEntities } from "../model/merge.ts";
import { NotFoundError } from "../errors.ts";
import type { StoredEntity, Store } from "../store/store.ts";
import { Resolution } from "./clusters.ts";

export interface ResolvedEntity extends StoredEntity {
  /** The source entity ids merged into this one (itself alone when nothing was merged). */
  referents: string[];
}

export async function loadResolution(store: Store): Promise<Resolution> {
  return Resolution.fromJudgements(await store.resolution.judgements());
}

/** The canonical entity of any id: a cluster's own, or one of its members'. */
export async function findResolvedEntity(
  store: Store,
  id: string,
  resolution?: Resolution,
  readable: (dataset: string) => boolean = () => true,
): Promise<ResolvedEntity | undefined> {
  const clusters = resolution ?? (await loadResolution(store));
  const canonical = clusters.canonical(id);
  const referents = clusters.members(canonical);
  let merged: ResolvedEntity | undefined;
  for (const member of referents) {
    const found = await store.findEntity(member);
    // Records from collections the caller may not read take no part in what it is shown.
    if (!found || !found.datasets.some(readable)) continue;
    const entity = {
      ...found,
      datasets: found.datasets.filter(readable),
      provenance: found.provenance.filter((p) => readable(p.dataset)),
    };
    if (!merged) {
      merged = { ...entity, id: canonical, referents };
      continue;
    }
    merged = {
      ...mergeEntities(merged, entity),
      id: canonical,
      datasets: [...new Set([...merged.datasets, ...entity.datasets])],
      provenance: [...merged.provenance, ...entity.provenance],
      referents,
    };
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
