import { busiestDegree, outDegree } from "./shape.ts";
import type { Detector } from "./types.ts";

/** One account pays many: distribution to mules or fronts. */
export const fanOut: Detector = {
  typology: "fan-out",
  kind: "group",
  matches(group) {
    const count = busiestDegree(group, outDegree);
    return count >= 2
      ? `one account pays ${count} accounts in a pattern of bursts or a regular cadence`
      : undefined;
  },
};
