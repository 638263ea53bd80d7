/** Shape facts about a pattern group: degrees within the group and whether it has a cycle. */
import type { PatternGroup } from "./signals.ts";

export interface Shape {
  out: Map<number, Set<number>>;
  in: Map<number, Set<number>>;
}

const shapes = new WeakMap<PatternGroup, Shape>();

export function shapeOf(group: PatternGroup): Shape {
  let shape = shapes.get(group);
  if (shape) return shape;
  shape = { out: new Map(), in: new Map() };
  for (const a of group.accounts) {
    shape.out.set(a, new Set());
    shape.in.set(a, new Set());
  }
  for (const { source, target } of group.edges) {
    shape.out.get(source)!.add(target);
    shape.in.get(target)!.add(source);
  }
  shapes.set(group, shape);
  return shape;
}

export const outDegree = (shape: Shape, a: number): number => shape.out.get(a)!.size;
export const inDegree = (shape: Shape, a: number): number => shape.in.get(a)!.size;

/** Distinct counterparties of the group's busiest account by `degree`. */
export function busiestDegree(
  group: PatternGroup,
  degree: (shape: Shape, a: number) => number,
): number {
  const shape = shapeOf(group);
  return group.accounts.reduce((most, a) => Math.max(most, degree(shape, a)), 0);
}

/** Kahn's algorithm: a directed cycle exists when some accounts never reach in-degree zero. */
export function hasCycle(group: PatternGroup): boolean {
  const shape = shapeOf(group);
  const remaining = new Map(group.accounts.map((a) => [a, inDegree(shape, a)]));
  const ready = group.accounts.filter((a) => remaining.get(a) === 0);
  let removed = 0;
  while (ready.length > 0) {
    const a = ready.pop()!;
    removed++;
    for (const b of shape.out.get(a)!) {
      const left = remaining.get(b)! - 1;
      remaining.set(b, left);
      if (left === 0) ready.push(b);
    }
  }
  return removed < group.accounts.length;
}

/** Longest chain of transfers in an acyclic group. */
export function longestPath(group: PatternGroup): number {
  const shape = shapeOf(group);
  const depth = new Map<number, number>();
  const visit = (a: number): number => {
    const known = depth.get(a);
    if (known !== undefined) return known;
    depth.set(a, 0);
    let best = 0;
    for (const b of shape.out.get(a)!) best = Math.max(best, 1 + visit(b));
    depth.set(a, best);
    return best;
  };
  return Math.max(0, ...group.accounts.map(visit));
}
