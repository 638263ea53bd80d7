import { shapeOf } from "./shape.ts";
import type { Detector } from "./types.ts";

/** One account spreads money over intermediaries that all pass it on to one collector. */
export const scatterGather: Detector = {
  typology: "scatter-gather",
  kind: "group",
  matches(group) {
    const shape = shapeOf(group);
    for (const origin of group.accounts) {
      const middles = shape.out.get(origin)!;
      if (middles.size < 2) continue;
      const collectors = new Map<number, number>();
      for (const m of middles)
        for (const c of shape.out.get(m)!)
          if (c !== origin) collectors.set(c, (collectors.get(c) ?? 0) + 1);
      for (const via of collectors.values()) {
        if (via >= 2)
          return `money scattered over ${via} intermediaries and gathered again in one account`;
      }
    }
    return undefined;
  },
};
