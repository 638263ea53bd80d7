/**
 * A node as one caller may see it. The network is built once from every dataset, and a node merges
 * the records of one entity from all of them; a caller is told only what the datasets it may read
 * say: their names, caption, schema, properties and record ids, and "sanctioned" only when one of
 * those records' topics, or a Sanction of a readable dataset, says so. A node none of whose
 * records the caller reads is what a network without them would hold: a bare stub. This is the
 * rule /entities/{id} follows too (resolution/entities.ts): what the caller cannot read takes no
 * part in what it is shown.
 */
import { unionProperties } from "../model/merge.ts";
import type { GraphNode, NodeSource } from "./types.ts";

/** The collections a caller may read; undefined: all (admins, the command line). */
export type Readable = ((dataset: string) => boolean) | undefined;

/**
 * The node as the caller sees it, for every node of every answer (and the sums behind them).
 *
 * @example nodeFor(network.node("mt-1a2b")!, (d) => d !== "a_watch").datasets
 */
export function nodeFor(node: GraphNode, readable: Readable): GraphNode {
  const sources = node.sources;
  // Each record's word stays in the network: it is not part of any answer.
  const own: GraphNode = { ...node };
  delete own.sources;
  delete own.sanctionedBy;
  if (!readable) return own;
  if (!sources) {
    // One record's word, an account of the caller's own view or a stub.
    if (own.datasets.every(readable)) return own;
    const datasets = own.datasets.filter(readable);
    return datasets.length > 0 ? { ...own, datasets } : stub(node.id, false);
  }
  const seen = sources.filter((s) => readable(s.dataset));
  const sanctioned = isSanctionedFor(node, readable);
  const first = seen[0];
  if (!first) return stub(node.id, sanctioned);
  const properties = mergeProperties(seen);
  const referents = [...new Set(seen.flatMap((s) => s.referents ?? []))];
  return {
    id: node.id,
    schema: first.schema,
    caption: first.caption,
    datasets: [...new Set(seen.map((s) => s.dataset))],
    sanctioned,
    ...(properties ? { properties } : {}),
    ...(referents.length > 0 ? { referents } : {}),
  };
}

/** nodeFor(node, readable).sanctioned, without making the node: walks ask it at every step. */
export function isSanctionedFor(node: GraphNode, readable: Readable): boolean {
  if (!readable || !node.sources)
    return node.sanctioned && (!readable || visibleTo(node, readable));
  return (
    node.sources.some((s) => s.sanctioned && readable(s.dataset)) ||
    (node.sanctionedBy?.some(readable) ?? false)
  );
}

/** nodeFor(node, readable).schema, without making the node: schema filters ask it at every step. */
export function schemaFor(node: GraphNode, readable: Readable): string {
  if (!readable || !node.sources) return visibleTo(node, readable) ? node.schema : STUB_SCHEMA;
  return node.sources.find((s) => readable(s.dataset))?.schema ?? STUB_SCHEMA;
}

/**
 * Whether a caller may enter or start from a node: one of its datasets is readable, or it has
 * none (a stub for an edge's end that no list describes).
 */
export function visibleTo(node: GraphNode, readable: Readable): boolean {
  return !readable || node.datasets.length === 0 || node.datasets.some(readable);
}

/** The records of a node as the network merges them: its sources, or its own fields as one. */
export function sourcesOf(node: GraphNode): NodeSource[] {
  if (node.sources) return node.sources;
  return node.datasets.map((dataset) => ({
    dataset,
    schema: node.schema,
    caption: node.caption,
    sanctioned: node.sanctioned,
    ...(node.properties ? { properties: node.properties } : {}),
    ...(node.referents ? { referents: node.referents } : {}),
  }));
}

const STUB_SCHEMA = "LegalEntity";

/** What the network holds of an entity that only edges name (network.ts addEdge). */
export function stub(id: string, sanctioned: boolean): GraphNode {
  return { id, schema: STUB_SCHEMA, caption: id, datasets: [], sanctioned };
}

/** The properties of the records that have some, united; undefined when none has any. */
export function mergeProperties(
  sources: Array<{ properties?: Record<string, string[]> | undefined }>,
): Record<string, string[]> | undefined {
  const present = sources.flatMap((s) => (s.properties ? [s.properties] : []));
  return present.length > 0 ? unionProperties(present) : undefined;
}
