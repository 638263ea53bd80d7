/**
 * Union-find over string ids, with path compression. What each cluster holds (members, datasets)
 * is kept by the caller against the root ids this returns.
 */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  /** The root of the id's cluster (the id itself when it stands alone). */
  find(id: string): string {
    let root = id;
    for (let up = this.parent.get(root); up !== undefined; up = this.parent.get(root)) root = up;
    // Path compression: later finds on this chain take one step.
    for (let node = id; node !== root;) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Hangs the cluster rooted at `child` under the root `root`. Both must be roots. */
  attach(child: string, root: string): void {
    if (child !== root) this.parent.set(child, root);
  }
}
