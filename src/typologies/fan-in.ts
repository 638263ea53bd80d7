import { busiestDegree, inDegree } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Many accounts pay into one: collection before the money moves on. */
export const fanIn: Detector = {
  typology: "fan-in",
  kind: "group",
  matches(group) {
    const count = busiestDegree(group, inDegree);
    return count >= 2
      ? `${count} accounts pay one account in a pattern of bursts or a regular cadence`
      : undefined;
  },
};
