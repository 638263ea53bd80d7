import { inDegree, shapeOf } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Many accounts pay into one: collection before the money moves on. */
export const fanIn: Detector = {
  typology: "fan-in",
  kind: "group",
  matches(group) {
    const shape = shapeOf(group);
    const hub = group.accounts.reduce((best, a) =>
      inDegree(shape, a) > inDegree(shape, best) ? a : best,
    );
    const sources = inDegree(shape, hub);
    return sources >= 2
      ? `${sources} accounts pay one account in a pattern of bursts or a regular cadence`
      : undefined;
  },
};
