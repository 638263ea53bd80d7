/**
 * Builds the screening index from the store: the matchable entities of every active list version,
 * merged by id across datasets (OFAC's `ofac-N` from the SDN and its supplement are one entity)
 * and by the resolver's judgements (the same designee on the UN and OFAC lists is one entity).
 */
import { getSchema } from "../model/ftm.ts";
import { mergeEntities } from "../model/merge.ts";
import { ScreeningIndex } from "../matching/index.ts";
import type { EntityPart, IndexedEntity } from "../matching/types.ts";
import type { Store } from "../store/store.ts";
import type { Entity } from "../model/entity.ts";
import { hashRaw } from "../store/hash.ts";
import { Resolution } from "../resolution/clusters.ts";
import { judgementStamp } from "../store/resolution/resolution-store.ts";

export interface LoadedIndex {
  index: ScreeningIndex;
  /** Active version ids the index was built from, to tell when it is stale. */
  versionKey: string;
  millis: number;
}

export interface LoadOptions {
  /**
   * Entities merged by the resolver's judgements into canonical entities (the default); false
   * keeps every source entity on its own, as the resolver itself needs them.
   */
  resolved?: boolean;
}

export async function loadIndex(
  store: Store,
  datasets?: string[],
  options: LoadOptions = {},
): Promise<LoadedIndex> {
  const started = performance.now();
  const versions = await store.activeVersions();
  const resolved = options.resolved ?? true;
  const judgements = resolved ? await store.resolution.judgements() : [];
  const resolution = Resolution.fromJudgements(judgements);
  const merged = new Map<string, IndexedEntity>();
  const parts = new Map<string, EntityPart[]>();
  for await (const row of store.iterateEntities(datasets ? { datasets } : {})) {
    if (!getSchema(row.schema).matchable) continue;
    const id = resolution.canonical(row.id);
    addRow(merged, id, row);
    const part = { dataset: row.dataset, sourceId: row.sourceId, entity: row };
    const list = parts.get(id);
    if (list) list.push(part);
    else parts.set(id, [part]);
  }
  // Only entities spanning datasets need their records: a caller may read some and not others.
  const index = buildIndex(merged.values(), (entity) =>
    entity.datasets.length > 1 ? parts.get(entity.id) : undefined,
  );
  return {
    index,
    versionKey: indexKeyOf(versions, judgementStamp(judgements)),
    millis: performance.now() - started,
  };
}

/** Adds a source row to the entity it belongs to, merging values, datasets and source ids. */
export function addRow(
  merged: Map<string, IndexedEntity>,
  id: string,
  row: Entity & { dataset: string; sourceId: string },
): void {
  const existing = merged.get(id);
  if (!existing) {
    merged.set(id, {
      id,
      schema: row.schema,
      properties: row.properties,
      datasets: [row.dataset],
      sourceIds: [row.sourceId],
      hash: "",
    });
    return;
  }
  const entity = mergeEntities(existing, row);
  merged.set(id, {
    ...entity,
    datasets: [...new Set([...existing.datasets, row.dataset])],
    sourceIds: [...new Set([...existing.sourceIds, row.sourceId])],
    hash: "",
  });
}

export function buildIndex(
  entities: Iterable<IndexedEntity>,
  partsOf: (entity: IndexedEntity) => EntityPart[] | undefined = () => undefined,
): ScreeningIndex {
  const index = new ScreeningIndex();
  for (const entity of entities)
    index.add({ ...entity, hash: entityHash(entity) }, partsOf(entity));
  return index.build();
}

/** What an index depends on: the active list versions and the resolver's judgements. */
export async function currentIndexKey(store: Store): Promise<string> {
  const versions = await store.activeVersions();
  return indexKeyOf(versions, await store.resolution.stamp());
}

function indexKeyOf(versions: Array<{ id: number }>, judgements: string): string {
  return `${versionKeyOf(versions)}|${judgements}`;
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
