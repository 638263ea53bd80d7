import type { Entity } from "./entity.ts";
import { getSchema, model } from "./ftm.ts";

/**
 * Merges two records of the same thing: values are united, and the schema becomes the more
 * specific of the two (LegalEntity + Person → Person). Schemata that do not fit together keep
 * the first one's.
 */
export function mergeEntities(a: Entity, b: Entity): Entity {
  const properties = unionProperties([a.properties, b.properties]);
  return { id: a.id, schema: commonSchema(a.schema, b.schema), properties };
}

/**
 * The values of each property united over several records, each value once, in the order first
 * seen.
 *
 * @example unionProperties([{ name: ["A"] }, { name: ["A", "B"] }]) // { name: ["A", "B"] }
 */
export function unionProperties(
  records: Array<Record<string, string[]>>,
): Record<string, string[]> {
  const properties: Record<string, string[]> = {};
  for (const source of records) {
    for (const [prop, values] of Object.entries(source)) {
      const merged = new Set(properties[prop] ?? []);
      for (const value of values) merged.add(value);
      properties[prop] = [...merged];
    }
  }
  return properties;
}

function commonSchema(a: string, b: string): string {
  if (a === b) return a;
  if (getSchema(a).isA(b)) return a;
  if (getSchema(b).isA(a)) return b;
  // Organization + Company and the like: a schema that extends both, if the model has one.
  const both = model.getSchemata().find((s) => s.isA(a) && s.isA(b));
  return both?.name ?? a;
}
