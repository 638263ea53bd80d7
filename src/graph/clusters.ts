/**
 * Shared-attribute clusters for front-company hunting: entities at one street address, behind
 * one phone number or e-mail address, under one director, or represented by one agent. Clusters
 * with a sanctioned member come first: a front shares something with the party it fronts for.
 */
import { foldName } from "../names/normalize.ts";
import type { Network } from "./network.ts";
import type { GraphNode } from "./types.ts";

export const CLUSTER_KINDS = ["address", "phone", "email", "director", "agent"] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export interface SharedCluster {
  kind: ClusterKind;
  /** The shared value: the address or number as normalised, or the director's or agent's id. */
  key: string;
  label: string;
  members: Array<Pick<GraphNode, "id" | "caption" | "schema" | "sanctioned">>;
  sanctioned: number;
}

export interface ClusterOptions {
  kinds?: ClusterKind[];
  minSize?: number;
  /** Bigger groups are a city or a registry's mass address, not a lead. */
  maxSize?: number;
}

const EDGE_KINDS: Partial<Record<ClusterKind, string>> = {
  director: "Directorship",
  agent: "Representation",
};

export function sharedAttributeClusters(
  network: Network,
  options: ClusterOptions = {},
): SharedCluster[] {
  const kinds = new Set(options.kinds ?? CLUSTER_KINDS);
  const minSize = options.minSize ?? 2;
  const maxSize = options.maxSize ?? 50;
  const groups = new Map<
    string,
    { kind: ClusterKind; key: string; label: string; ids: Set<string> }
  >();
  const add = (kind: ClusterKind, key: string, label: string, id: string): void => {
    const groupKey = `${kind}\u0000${key}`;
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { kind, key, label, ids: new Set() }));
    group.ids.add(id);
  };
  for (const node of network.nodes()) {
    const p = node.properties ?? {};
    if (kinds.has("address"))
      for (const value of p.address ?? []) {
        const key = addressKey(value);
        if (key) add("address", key, value, node.id);
      }
    if (kinds.has("phone"))
      for (const value of p.phone ?? []) {
        const digits = value.replace(/\D/g, "");
        if (digits.length >= 7) add("phone", digits, value, node.id);
      }
    if (kinds.has("email"))
      for (const value of p.email ?? []) add("email", value.trim().toLowerCase(), value, node.id);
  }
  for (const edge of network.edges()) {
    for (const kind of ["director", "agent"] as const) {
      if (kinds.has(kind) && edge.kind === EDGE_KINDS[kind]) {
        add(kind, edge.source, network.node(edge.source)?.caption ?? edge.source, edge.target);
      }
    }
  }
  const clusters: SharedCluster[] = [];
  for (const group of groups.values()) {
    if (group.ids.size < minSize || group.ids.size > maxSize) continue;
    const members = [...group.ids].map((id) => {
      const node = network.node(id)!;
      return { id, caption: node.caption, schema: node.schema, sanctioned: node.sanctioned };
    });
    clusters.push({
      kind: group.kind,
      key: group.key,
      label: group.label,
      members,
      sanctioned: members.filter((m) => m.sanctioned).length,
    });
  }
  // Mixed clusters (some sanctioned, some not) are the leads; wholly listed ones are known.
  const lead = (c: SharedCluster): number =>
    c.sanctioned > 0 && c.sanctioned < c.members.length ? 1 : 0;
  return clusters.sort(
    (a, b) =>
      lead(b) - lead(a) ||
      b.sanctioned - a.sanctioned ||
      b.members.length - a.members.length ||
      a.key.localeCompare(b.key),
  );
}

/**
 * An address as a key, or nothing when it is too vague to mean one building: a city and a
 * country ("Pyongyang, KP") would join every entity there.
 */
export function addressKey(address: string): string | undefined {
  const key = foldName(address)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  const words = key.split(" ").filter(Boolean);
  if (words.length < 3) return undefined;
  if (!/\d/.test(key) && words.length < 5) return undefined;
  return key;
}
