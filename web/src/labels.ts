import type { GraphEdge } from "./api.ts";

/** What an edge says: an unspecified link says its role ("reports to") when the source gives one. */
export function edgeLabel(edge: GraphEdge): string {
  return edge.kind === "UnknownLink" && edge.role ? edge.role : edge.label;
}
