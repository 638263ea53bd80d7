import { inDegree, outDegree, shapeOf } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Many accounts pay one hub, which pays many others. */
export const gatherScatter: Detector = {
  typology: "gather-scatter",
  kind: "group",
  matches(group) {
    const shape = shapeOf(group);
    const hub = group.accounts.find((a) => inDegree(shape, a) >= 2 && outDegree(shape, a) >= 2);
    if (hub === undefined) return undefined;
    return `one account gathers from ${inDegree(shape, hub)} and scatters to ${outDegree(shape, hub)} counterparties`;
  },
};
