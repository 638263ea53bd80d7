/**
 * FtM entities as edges: relationship schemata (Ownership, Directorship, Membership, Family, …)
 * give one edge per source and target; entity-valued properties of other schemata (a vessel's
 * owner and operator, a wallet's holder, a company's parent) give an edge from the value to the
 * entity. Which properties are which is read from the FtM model, not listed here.
 */
import type { Entity } from "../model/entity.ts";
import { entityLinkProperties, getSchema } from "../model/ftm.ts";
import { hashId } from "../model/ids.ts";
import type { GraphEdge } from "./types.ts";

/** Entity properties that are not relationships between parties. */
const NOT_RELATIONS = new Set(["proof", "addressEntity", "entity"]);
/**
 * Schemata that state facts about one party (its sanction, its passport, a note) rather than
 * being a party or a link between two: neither nodes nor edges.
 */
export const PARTY_FACTS = new Set([
  "Sanction",
  "Identification",
  "Passport",
  "Address",
  "Note",
  "Mention",
]);

export function edgesFromEntity(entity: Entity, dataset: string, sourceId?: string): GraphEdge[] {
  const schema = getSchema(entity.schema);
  if (PARTY_FACTS.has(entity.schema)) return [];
  const p = entity.properties;
  const base = { dataset, ...(sourceId ? { sourceId } : {}) };
  if (schema.isEdge && schema.edge) {
    const edges: GraphEdge[] = [];
    const start = first(p, ["startDate", "date"]);
    const end = first(p, ["endDate"]);
    const percentage = parsePercentage(p.percentage?.[0]);
    const role = first(p, ["role", "relationship"]);
    const amount = p.amount?.[0] ? Number(p.amount[0]) : undefined;
    for (const source of p[schema.edge.source] ?? []) {
      for (const target of p[schema.edge.target] ?? []) {
        if (source === target) continue;
        edges.push({
          id: entity.id,
          source,
          target,
          kind: entity.schema,
          label: schema.edge.label ?? entity.schema,
          ...(start ? { start } : {}),
          ...(end ? { end } : {}),
          ...(percentage !== undefined ? { percentage } : {}),
          ...(role ? { role } : {}),
          ...(amount !== undefined && Number.isFinite(amount) ? { amount } : {}),
          ...(p.currency?.[0] ? { currency: p.currency[0] } : {}),
          ...base,
          properties: p,
        });
      }
    }
    return edges;
  }
  const edges: GraphEdge[] = [];
  for (const [prop, values] of Object.entries(p)) {
    if (NOT_RELATIONS.has(prop)) continue;
    const label = entityLinkProperties(entity.schema).get(prop);
    if (label === undefined) continue;
    for (const value of values) {
      if (value === entity.id) continue;
      edges.push({
        id: hashId("edge", entity.id, prop, value),
        source: value,
        target: entity.id,
        kind: prop,
        label: `${label.toLowerCase()} of`,
        ...base,
      });
    }
  }
  return edges;
}

/** "51", "51%", "51.5 %", "0.51" is left as it is written: percent. Ranges and words: unknown. */
export function parsePercentage(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /^\s*(\d{1,3}(?:[.,]\d+)?)\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]!.replace(",", "."));
  return value >= 0 && value <= 100 ? value : undefined;
}

function first(p: Record<string, string[]>, props: string[]): string | undefined {
  for (const prop of props) if (p[prop]?.[0]) return p[prop][0];
  return undefined;
}

/** Whether an edge is in force on an ISO date; a year or month bound covers the whole of it. */
export function inForce(edge: Pick<GraphEdge, "start" | "end">, asOf: string): boolean {
  if (edge.start && edge.start.slice(0, asOf.length) > asOf) return false;
  if (edge.end && edge.end < asOf.slice(0, edge.end.length)) return false;
  return true;
}
