/**
 * Questions asked of the network: who is within k hops, how two entities are connected, and
 * which sanctioned parties an entity reaches. Walks are written here rather than taken from
 * graphology-traversal and graphology-shortest-path because they must go both ways along
 * directed edges, skip edges not in force on a date or of unwanted kinds, and stop within a
 * budget on hubs.
 */
import { NotFoundError } from "../errors.ts";
import { StepBudget } from "./budget.ts";
import { compileFilter, type Network } from "./network.ts";
import { isSanctionedFor, nodeFor } from "./node-view.ts";
import type { EdgeFilter, GraphEdge, GraphPath, Subgraph } from "./types.ts";

export interface ExpandOptions extends EdgeFilter {
  hops: number;
  /** Nodes returned at most; the nearest are kept. */
  maxNodes?: number;
  /** Edges stepped over at most, in the walk and again in gathering edges (none when absent). */
  maxSteps?: number;
}

const DEFAULT_MAX_NODES = 2000;

/**
 * The entities within `hops` of one, nearest first, and the edges among them. Cut short at
 * `maxNodes` or at the step budget, and then flagged `truncated`: hubs are what analysts expand.
 *
 * @example expand(network, "ofac-123", { hops: 2 }).nodes.length
 */
export function expand(
  network: Network,
  id: string,
  options: ExpandOptions,
): Subgraph & { truncated: boolean } {
  requireNode(network, id);
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const step = compileFilter(options);
  const walk = new StepBudget(options.maxSteps);
  const seen = new Set([id]);
  let nodesCut = false;
  let frontier = [id];
  for (let hop = 0; hop < options.hops && frontier.length > 0 && !walk.exhausted; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      // A node's edges are looked at whole or not at all, so what is kept is every edge of it.
      if (seen.size >= maxNodes || !walk.take(network.graph.degree(node))) break;
      network.forEachStep(node, step, (_edge, other) => {
        if (seen.has(other)) return;
        if (seen.size >= maxNodes) {
          nodesCut = true;
          return;
        }
        seen.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  // The edges among the nodes found have a budget of their own: a walk cut at its budget still
  // shows how what it reached is joined.
  const gather = new StepBudget(options.maxSteps);
  const edges: GraphEdge[] = [];
  for (const node of seen) {
    if (!gather.take(network.graph.outDegree(node))) break;
    network.graph.forEachOutEdge(node, (_key, edge, _source, target) => {
      if (seen.has(target) && step.edge(edge)) edges.push(edge);
    });
  }
  return {
    // Each as the caller may see it: a private list's name, caption or word "sanctioned" is not.
    nodes: [...seen].map((n) => nodeFor(network.node(n)!, options.readable)),
    edges,
    truncated: nodesCut || walk.exhausted || gather.exhausted,
  };
}

export interface PathOptions extends EdgeFilter {
  maxHops?: number;
  /** Edges stepped over at most (none when absent). */
  maxSteps?: number;
}

const DEFAULT_PATH_HOPS = 6;

/** One shortest path (fewest edges) between two entities, searched from both ends at once. */
export function shortestPath(
  network: Network,
  from: string,
  to: string,
  options: PathOptions = {},
): GraphPath | undefined {
  return shortestPathWithin(network, from, to, options).path;
}

/**
 * As shortestPath, saying whether the search ran out of steps (`truncated`) before it found a
 * path or knew there was none within `maxHops`.
 */
export function shortestPathWithin(
  network: Network,
  from: string,
  to: string,
  options: PathOptions = {},
): { path: GraphPath | undefined; truncated: boolean } {
  requireNode(network, from);
  requireNode(network, to);
  if (from === to) return { path: { nodes: [from], edges: [] }, truncated: false };
  const maxHops = options.maxHops ?? DEFAULT_PATH_HOPS;
  const step = compileFilter(options);
  const budget = new StepBudget(options.maxSteps);
  const cameFrom = [
    new Map<string, [string, GraphEdge] | null>(),
    new Map<string, [string, GraphEdge] | null>(),
  ] as const;
  cameFrom[0].set(from, null);
  cameFrom[1].set(to, null);
  let frontiers: [string[], string[]] = [[from], [to]];
  for (let hops = 0; hops < maxHops; hops++) {
    // Grow the smaller side: the search stays near the square root of a one-sided one.
    const side = frontiers[0].length <= frontiers[1].length ? 0 : 1;
    const mine = cameFrom[side];
    const theirs = cameFrom[1 - side]!;
    const next: string[] = [];
    let meeting: string | undefined;
    for (const node of frontiers[side]) {
      if (!budget.take(network.graph.degree(node))) return { path: undefined, truncated: true };
      network.forEachStep(node, step, (edge, other) => {
        if (meeting || mine.has(other)) return;
        mine.set(other, [node, edge]);
        if (theirs.has(other)) meeting = other;
        next.push(other);
      });
      if (meeting) break;
    }
    if (meeting) return { path: joinHalves(meeting, cameFrom[0], cameFrom[1]), truncated: false };
    if (next.length === 0) return { path: undefined, truncated: false };
    frontiers[side] = next;
    frontiers = [frontiers[0], frontiers[1]];
  }
  return { path: undefined, truncated: false };
}

function joinHalves(
  meeting: string,
  fromStart: Map<string, [string, GraphEdge] | null>,
  fromEnd: Map<string, [string, GraphEdge] | null>,
): GraphPath {
  const nodes = [meeting];
  const edges: GraphEdge[] = [];
  for (let step = fromStart.get(meeting); step; step = fromStart.get(step[0])) {
    nodes.unshift(step[0]);
    edges.unshift(step[1]);
  }
  for (let step = fromEnd.get(meeting); step; step = fromEnd.get(step[0])) {
    nodes.push(step[0]);
    edges.push(step[1]);
  }
  return { nodes, edges };
}

export interface SanctionedPathOptions extends EdgeFilter {
  maxHops?: number;
  /** Paths returned at most, shortest first. */
  limit?: number;
  /** Edge steps tried at most: a bound on time at hubs of thousands of edges. */
  budget?: number;
  /** Edges looked at (tried or filtered out) at most (none when absent). */
  maxSteps?: number;
}

export interface SanctionedPaths {
  paths: GraphPath[];
  /** True when the step budget ran out before every path was tried. */
  truncated: boolean;
}

const DEFAULT_SANCTIONED_HOPS = 4;
const DEFAULT_SANCTIONED_LIMIT = 50;
const DEFAULT_BUDGET = 200_000;

/**
 * Every simple path of up to `maxHops` edges from an entity to a sanctioned one. A path ends at
 * the first sanctioned entity it meets: going on through it adds nothing an analyst needs.
 */
export function pathsToSanctioned(
  network: Network,
  from: string,
  options: SanctionedPathOptions = {},
): SanctionedPaths {
  requireNode(network, from);
  const maxHops = options.maxHops ?? DEFAULT_SANCTIONED_HOPS;
  const limit = options.limit ?? DEFAULT_SANCTIONED_LIMIT;
  let budget = options.budget ?? DEFAULT_BUDGET;
  const looked = new StepBudget(options.maxSteps);
  const step = compileFilter(options);
  const found: GraphPath[] = [];
  const onPath = new Set([from]);
  const nodes = [from];
  const edges: GraphEdge[] = [];
  // Deepening by one hop at a time returns the shortest paths first and stops early at `limit`.
  for (let depth = 1; depth <= maxHops && found.length < limit && budget > 0; depth++) {
    const walk = (node: string): void => {
      if (found.length >= limit || budget <= 0) return;
      // Deepening walks a hub's edges again at every depth: each time counts.
      if (!looked.take(network.graph.degree(node))) {
        budget = 0;
        return;
      }
      const steps: Array<[GraphEdge, string]> = [];
      network.forEachStep(node, step, (edge, other) => {
        if (!onPath.has(other)) steps.push([edge, other]);
      });
      for (const [edge, other] of steps) {
        if (--budget <= 0 || found.length >= limit) return;
        // Sanctioned as far as the caller's lists say: a path must not tell of a private listing.
        const sanctioned = isSanctionedFor(network.node(other)!, options.readable);
        if (edges.length + 1 === depth) {
          if (sanctioned) found.push({ nodes: [...nodes, other], edges: [...edges, edge] });
          continue;
        }
        if (sanctioned) continue;
        onPath.add(other);
        nodes.push(other);
        edges.push(edge);
        walk(other);
        edges.pop();
        nodes.pop();
        onPath.delete(other);
      }
    };
    walk(from);
  }
  return { paths: dedupe(found), truncated: budget <= 0 };
}

/** Two edges joining the same nodes give the same path of entities twice: kept once. */
function dedupe(paths: GraphPath[]): GraphPath[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const key = path.nodes.join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function requireNode(network: Network, id: string): void {
  if (!network.has(id)) throw new NotFoundError(`no entity '${id}' in the network`);
}
