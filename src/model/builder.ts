/**
 * Builds entities value by value, cleaning each by its FtM property type and refusing property
 * names the schema does not have (a mapping bug, not a data problem).
 */
import type { Entity } from "./entity.ts";
import { getSchema, propertyTypeName } from "./ftm.ts";
import { cleanValues, type CleanOptions } from "./clean/values.ts";

export class EntityBuilder {
  readonly id: string;
  schema: string;
  private readonly props = new Map<string, Set<string>>();
  private readonly options: CleanOptions;

  constructor(schema: string, id: string, options: CleanOptions = {}) {
    getSchema(schema);
    this.schema = schema;
    this.id = id;
    this.options = options;
  }

  /** Adds cleaned values; undefined, empty and uncleanable values are skipped. */
  add(prop: string, raw: string | undefined | null | Array<string | undefined | null>): this {
    if (raw === undefined || raw === null) return this;
    if (Array.isArray(raw)) {
      for (const value of raw) this.add(prop, value);
      return this;
    }
    const type = propertyTypeName(this.schema, prop);
    if (type === undefined) throw new Error(`ftm: ${this.schema} has no property '${prop}'`);
    for (const value of cleanValues(type, raw, this.options)) {
      let set = this.props.get(prop);
      if (!set) this.props.set(prop, (set = new Set()));
      set.add(value);
    }
    return this;
  }

  /** Whether the current schema has this property. */
  supports(prop: string): boolean {
    return propertyTypeName(this.schema, prop) !== undefined;
  }

  has(prop: string): boolean {
    return (this.props.get(prop)?.size ?? 0) > 0;
  }

  get(prop: string): string[] {
    return [...(this.props.get(prop) ?? [])];
  }

  /**
   * Moves the entity to a more specific schema (LegalEntity → Organization) once the data tells;
   * every property it holds must exist on the new schema.
   */
  setSchema(schema: string): this {
    for (const prop of this.props.keys()) {
      if (propertyTypeName(schema, prop) === undefined) {
        throw new Error(`ftm: cannot move ${this.id} to ${schema}: no property '${prop}'`);
      }
    }
    this.schema = schema;
    return this;
  }

  build(): Entity {
    const properties: Record<string, string[]> = {};
    for (const [prop, set] of [...this.props.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      if (set.size > 0) properties[prop] = [...set];
    }
    return { id: this.id, schema: this.schema, properties };
  }
}
