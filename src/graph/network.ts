/**
 * The network held in a graphology multi-graph: several edges may join two entities (an
 * Ownership and a Directorship, payments and co-mentions). Walks go both ways along edges: a
 * director is as close to the company as the company to the director.
 */
import { MultiDirectedGraph } from "graphology";
import { getSchema } from "../model/ftm.ts";
import { inForce } from "./edges.ts";
import { mergeProperties, schemaFor, sourcesOf, stub, visibleTo } from "./node-view.ts";
import type { EdgeFilter, GraphEdge, GraphNode } from "./types.ts";

export class Network {
  readonly graph = new MultiDirectedGraph<GraphNode, GraphEdge>();

  get order(): number {
    return this.graph.order;
  }

  get size(): number {
    return this.graph.size;
  }

  /**
   * Adds a node, or merges it into the one already there (datasets, sanctioned, properties),
   * keeping each record's word apart for callers who may not read them all (node-view.ts).
   */
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
        ? { properties: mergeProperties([existing, node])! }
        : {}),
      ...(node.referents || existing.referents
        ? { referents: [...new Set([...(existing.referents ?? []), ...(node.referents ?? [])])] }
        : {}),
      sources: [...sourcesOf(existing), ...sourcesOf(node)],
    });
  }

  /** Adds an edge; an end not seen yet becomes a stub node until its entity arrives. */
  addEdge(edge: GraphEdge): void {
    for (const id of [edge.source, edge.target]) {
      if (!this.graph.hasNode(id)) this.graph.addNode(id, stub(id, false));
    }
    this.graph.addEdge(edge.source, edge.target, edge);
  }

  /** Marks a node sanctioned because a Sanction entity of `dataset` names it. */
  markSanctioned(id: string, dataset: string): void {
    const node = this.node(id);
    if (!node) return;
    this.graph.replaceNodeAttributes(id, {
      ...node,
      sanctioned: true,
      sources: sourcesOf(node),
      sanctionedBy: [...new Set([...(node.sanctionedBy ?? []), dataset])],
    });
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
  return (node) => visibleTo(node, readable) && bySchema(node);
}

function allowSchema(filter: EdgeFilter): (node: GraphNode) => boolean {
  if (!filter.schemata) return () => true;
  const wanted = filter.schemata;
  const cache = new Map<string, boolean>();
  return (node) => {
    // The schema the caller is shown: a private record's must not decide what is entered.
    const name = schemaFor(node, filter.readable);
    let ok = cache.get(name);
    if (ok === undefined) {
      const schema = getSchema(name);
      ok = wanted.some((wantedName) => schema.isA(wantedName));
      cache.set(name, ok);
    }
    return ok;
  };
}
