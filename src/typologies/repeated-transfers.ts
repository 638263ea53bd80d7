import type { Detector } from "./types.ts";

/** The residue of a scheme: one pair moving money in same-day bursts. */
export const repeatedTransfers: Detector = {
  typology: "repeated-transfers",
  kind: "group",
  matches: (group) => {
    const edge = group.edges[0]!;
    return `${edge.transfers.length} transfers on one pair, several on the same day`;
  },
};
