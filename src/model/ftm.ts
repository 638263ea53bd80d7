/**
 * The FollowTheMoney model, loaded once from the JSON that ships with @alephdata/followthemoney.
 * Schema and property names are data from that model; code asks it instead of copying them.
 */
import ftm from "@alephdata/followthemoney";
import type { Schema } from "@alephdata/followthemoney";

export const model = new ftm.Model(ftm.defaultModel);

export function findSchema(name: string): Schema | undefined {
  return model.schemata[name];
}

export function getSchema(name: string): Schema {
  const schema = findSchema(name);
  if (!schema) throw new Error(`ftm: unknown schema '${name}'`);
  return schema;
}

// The JS model rebuilds a schema's property map on every lookup; imports ask millions of times.
const propertyTypes = new Map<string, Map<string, string>>();

/** The FtM type name (`name`, `date`, `country`, …) of a property, or undefined if absent. */
export function propertyTypeName(schemaName: string, prop: string): string | undefined {
  let types = propertyTypes.get(schemaName);
  if (!types) {
    types = new Map();
    for (const [name, property] of getSchema(schemaName).getProperties())
      types.set(name, property.type.name);
    propertyTypes.set(schemaName, types);
  }
  return types.get(prop);
}

const entityLinks = new Map<string, Map<string, string>>();

/**
 * The entity-valued properties of a schema that link to another party (not stubs, the reverse
 * sides that FtM computes), each with its label, looked up once per schema.
 */
export function entityLinkProperties(schemaName: string): Map<string, string> {
  let links = entityLinks.get(schemaName);
  if (!links) {
    links = new Map();
    for (const [name, property] of getSchema(schemaName).getProperties())
      if (property.type.name === "entity" && !property.stub) links.set(name, property.label);
    entityLinks.set(schemaName, links);
  }
  return links;
}

export function isA(schemaName: string, parent: string): boolean {
  return getSchema(schemaName).isA(parent);
}
