/**
 * Entities as moneytrail passes them around: FtM's `{id, schema, properties}` with every value a
 * string, plus the provenance every listed entity carries.
 */
export interface Entity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Where an entity came from: the dataset, the list version, the source record and its raw form. */
export interface Provenance {
  dataset: string;
  version: string;
  /** The publisher's own id of the designation record: OFAC ent_num, UN `KPi.033`, UK `DPR0001`. */
  sourceId: string;
}

export function firstValue(entity: Entity, prop: string): string | undefined {
  return entity.properties[prop]?.[0];
}

export function values(entity: Entity, prop: string): string[] {
  return entity.properties[prop] ?? [];
}

/** The label people read: the first name-like property, falling back to the id. */
export function caption(entity: Entity): string {
  for (const prop of ["name", "caption", "title", "number", "publicKey", "imoNumber"]) {
    const value = firstValue(entity, prop);
    if (value) return value;
  }
  return entity.id;
}
