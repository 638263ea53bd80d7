import { outDegree, shapeOf } from "./shape.ts";
import type { Detector } from "./types.ts";

/** One account pays many: distribution to mules or fronts. */
export const fanOut: Detector = {
  typology: "fan-out",
  kind: "group",
  matches(group) {
    const shape = shapeOf(group);
    const hub = group.accounts.reduce((best, a) =>
      outDegree(shape, a) > outDegree(shape, best) ? a : best,
    );
    const targets = outDegree(shape, hub);
    return targets >= 2
      ? `one account pays ${targets} accounts in a pattern of bursts or a regular cadence`
      : undefined;
  },
};
