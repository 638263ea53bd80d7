/**
 * Canonical entities out of pairwise judgements: positive pairs are joined (union-find), a
 * negative pair keeps two clusters apart whatever chain of positives would join them. Reviewers'
 * judgements are applied before the resolver's own, and among those the surest first, so a
 * doubtful automatic merge never overrides a reviewer.
 */
import { hashId } from "../model/ids.ts";
import type { Judgement } from "../store/resolution/resolution-store.ts";
import { UnionFind } from "./union-find.ts";

export interface ClusterConflict {
  left: string;
  right: string;
  /** Why the positive judgement was not applied. */
  reason: string;
}

export class Resolution {
  private readonly roots = new UnionFind();
  private readonly clusterMembers = new Map<string, string[]>();
  private readonly negatives = new Map<string, Set<string>>();
  private canonicalIds = new Map<string, string>();
  private membersByCanonical = new Map<string, string[]>();
  readonly conflicts: ClusterConflict[] = [];

  static fromJudgements(judgements: Judgement[]): Resolution {
    const resolution = new Resolution();
    for (const j of judgements)
      if (j.judgement === "negative") resolution.keepApart(j.left, j.right);
    const positives = judgements
      .filter((j) => j.judgement === "positive")
      .sort(
        (a, b) =>
          (a.source === "human" ? 0 : 1) - (b.source === "human" ? 0 : 1) ||
          (b.score ?? 1) - (a.score ?? 1) ||
          a.left.localeCompare(b.left) ||
          a.right.localeCompare(b.right),
      );
    for (const j of positives) resolution.join(j.left, j.right);
    resolution.finish();
    return resolution;
  }

  /** The canonical id of an entity: its cluster's id, or its own when it stands alone. */
  canonical(id: string): string {
    return this.canonicalIds.get(id) ?? id;
  }

  /** The source entity ids behind an id (itself alone unless it is a cluster's). */
  members(id: string): string[] {
    return this.membersByCanonical.get(id) ?? [id];
  }

  isCluster(id: string): boolean {
    return this.membersByCanonical.has(id);
  }

  get clusterCount(): number {
    return this.membersByCanonical.size;
  }

  clusters(): IterableIterator<[string, string[]]> {
    return this.membersByCanonical.entries();
  }

  private keepApart(a: string, b: string): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let set = this.negatives.get(x);
      if (!set) this.negatives.set(x, (set = new Set()));
      set.add(y);
    }
  }

  private membersOfRoot(root: string): string[] {
    return this.clusterMembers.get(root) ?? [root];
  }

  private join(a: string, b: string): void {
    const rootA = this.roots.find(a);
    const rootB = this.roots.find(b);
    if (rootA === rootB) return;
    let small = this.membersOfRoot(rootA);
    let large = this.membersOfRoot(rootB);
    let [smallRoot, largeRoot] = [rootA, rootB];
    if (small.length > large.length) {
      [small, large] = [large, small];
      [smallRoot, largeRoot] = [largeRoot, smallRoot];
    }
    for (const member of small) {
      for (const other of this.negatives.get(member) ?? []) {
        if (this.roots.find(other) === largeRoot) {
          this.conflicts.push({
            left: a,
            right: b,
            reason: `${member} and ${other} are judged different`,
          });
          return;
        }
      }
    }
    this.roots.attach(smallRoot, largeRoot);
    this.clusterMembers.set(largeRoot, [...large, ...small]);
    this.clusterMembers.delete(smallRoot);
  }

  private finish(): void {
    this.canonicalIds = new Map();
    this.membersByCanonical = new Map();
    for (const members of this.clusterMembers.values()) {
      const sorted = [...members].sort();
      // Named after its smallest member: stable while that member stays in the cluster.
      const canonical = hashId("mt", sorted[0]!);
      this.membersByCanonical.set(canonical, sorted);
      for (const member of sorted) this.canonicalIds.set(member, canonical);
    }
  }
}
