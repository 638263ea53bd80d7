/**
 * The network held in a graphology multi-graph: several edges may join two entities (an
 * Ownership and a Directorship, payments and co-mentions). Walks go both ways along edges: a
 * director is as close to the company as the company to the director.
 */
import { MultiDirectedGraph } from "graphology";
import { getSchema } from "../model/ftm.ts";
import { inForce } from "./edges.ts";
import type { EdgeFilter, GraphEdge, GraphNode } from "./types.ts";

export class Network {
  readonly graph = new MultiDirectedGraph<GraphNode, GraphEdge>();

  get order(): number {
    return this.graph.order;
  }

  get size(): number {
    return this.graph.size;
  }

  /** Adds a node, or merges it into the one already there (datasets, sanctioned, properties). */
  addNode(node: GraphNode): void {
    if (!this.graph.hasNode(node.id)) {
      this.graph.addNode(node.id, node);
      return;
    }
    const existing = this.graph.getNodeAttributes(node.id);
    const stub = existing.datasets.length === 0;
    this.graph.replaceNodeAttributes(node.id, {
      ...existing,
      ...(stub ? { schema: node.schema, caption: node.caption } : {}),
      datasets: [...new Set([...existing.datasets, ...node.datasets])],
      sanctioned: existing.sanctioned || node.sanctioned,
      ...(node.properties || existing.properties
        ? { properties: mergeProperties(existing.properties, node.properties) }
        : {}),
      ...(node.referents || existing.referents
        ? { referents: [...new Set([...(existing.referents ?? []), ...(node.referents ?? [])])] }
        : {}),
    });
  }

  /** Adds an edge; an end not seen yet becomes a stub node until its entity arrives. */
  addEdge(edge: GraphEdge): void {
    for (const id of [edge.source, edge.target]) {
      if (!this.graph.hasNode(id))
        this.graph.addNode(id, {
          id,
          schema: "LegalEntity",
          caption: id,
          datasets: [],
          sanctioned: false,
        });
    }
    this.graph.addEdge(edge.source, edge.target, edge);
  }

  markSanctioned(id: string): void {
    if (this.graph.hasNode(id)) this.graph.setNodeAttribute(id, "sanctioned", true);
  }

  has(id: string): boolean {
    return this.graph.hasNode(id);
  }

  node(id: string): GraphNode | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  /** Every edge at a node that the filter allows, with the node at its other end. */
  forEachStep(id: string, step: StepFilter, visit: (edge: GraphEdge, other: string) => void): void {
    this.graph.forEachOutEdge(id, (_key, edge, _source, target, _sa, targetAttributes) => {
      if (step.edge(edge) && step.node(targetAttributes)) visit(edge, target);
    });
    this.graph.forEachInEdge(id, (_key, edge, source, _target, sourceAttributes) => {
      if (step.edge(edge) && step.node(sourceAttributes)) visit(edge, source);
    });
  }

  nodes(): IterableIterator<GraphNode> {
    return (function* (graph) {
      for (const { attributes } of graph.nodeEntries()) yield attributes;
    })(this.graph);
  }

  edges(): IterableIterator<GraphEdge> {
    return (function* (graph) {
      for (const { attributes } of graph.edgeEntries()) yield attributes;
    })(this.graph);
  }
}

/** A filter made ready once per query: walks ask it at every step. */
export interface StepFilter {
  edge(edge: GraphEdge): boolean;
  node(node: GraphNode): boolean;
}

export function compileFilter(filter: EdgeFilter): StepFilter {
  return { edge: allowEdge(filter), node: allowNode(filter) };
}

function allowEdge(filter: EdgeFilter): (edge: GraphEdge) => boolean {
  const kinds = filter.kinds ? new Set(filter.kinds) : undefined;
  const asOf = filter.asOf;
  const readable = filter.readable;
  return (edge) =>
    (!kinds || kinds.has(edge.kind)) &&
    (!asOf || inForce(edge, asOf)) &&
    (!readable || readable(edge.dataset));
}

function allowNode(filter: EdgeFilter): (node: GraphNode) => boolean {
  const readable = filter.readable;
  const bySchema = allowSchema(filter);
  if (!readable) return bySchema;
  return (node) => (node.datasets.length === 0 || node.datasets.some(readable)) && bySchema(node);
}

function allowSchema(filter: EdgeFilter): (node: GraphNode) => boolean {
  if (!filter.schemata) return () => true;
  const wanted = filter.schemata;
  const cache = new Map<string, boolean>();
  return (node) => {
    let ok = cache.get(node.schema);
    if (ok === undefined) {
      const schema = getSchema(node.schema);
      ok = wanted.some((name) => schema.isA(name));
      cache.set(node.schema, ok);
    }
    return ok;
  };
}

function mergeProperties(
  a: Record<string, string[]> | undefined,
  b: Record<string, string[]> | undefined,
): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [prop, values] of Object.entries(b ?? {}))
    out[prop] = [...new Set([...(out[prop] ?? []), ...values])];
  return out;
}
