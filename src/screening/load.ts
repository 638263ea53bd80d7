/**
 * Builds the screening index from the store: the matchable entities of every active list version,
 * merged by id across datasets (OFAC's `ofac-N` from the SDN and its supplement are one entity).
 */
import { getSchema } from "../model/ftm.ts";
import { mergeEntities } from "../model/merge.ts";
import { ScreeningIndex } from "../matching/index.ts";
import type { IndexedEntity } from "../matching/types.ts";
import type { Store } from "../store/store.ts";
import type { Entity } from "../model/entity.ts";
import { hashRaw } from "../store/hash.ts";

export interface LoadedIndex {
  index: ScreeningIndex;
  /** Active version ids the index was built from, to tell when it is stale. */
  versionKey: string;
  millis: number;
}

export async function loadIndex(store: Store, datasets?: string[]): Promise<LoadedIndex> {
  const started = performance.now();
  const versions = await store.activeVersions();
  const merged = new Map<string, IndexedEntity>();
  for await (const row of store.iterateEntities(datasets ? { datasets } : {})) {
    if (!getSchema(row.schema).matchable) continue;
    const existing = merged.get(row.id);
    if (!existing) {
      merged.set(row.id, {
        id: row.id,
        schema: row.schema,
        properties: row.properties,
        datasets: [row.dataset],
        sourceIds: [row.sourceId],
        hash: "",
      });
      continue;
    }
    const entity = mergeEntities(existing, row);
    merged.set(row.id, {
      ...entity,
      datasets: [...new Set([...existing.datasets, row.dataset])],
      sourceIds: [...new Set([...existing.sourceIds, row.sourceId])],
      hash: "",
    });
  }
  const index = new ScreeningIndex();
  for (const entity of merged.values()) index.add({ ...entity, hash: entityHash(entity) });
  index.build();
  return { index, versionKey: versionKeyOf(versions), millis: performance.now() - started };
}

export function versionKeyOf(versions: Array<{ id: number }>): string {
  return versions
    .map((v) => v.id)
    .sort((a, b) => a - b)
    .join(",");
}

/** A content hash of an entity, independent of the order values were added in. */
export function entityHash(entity: Entity): string {
  const sorted = Object.fromEntries(
    Object.entries(entity.properties)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([prop, values]) => [prop, [...values].sort()]),
  );
  return hashRaw({ schema: entity.schema, properties: sorted });
}
