import { longestPath } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Layering: money handed down a chain of accounts. */
export const stack: Detector = {
  typology: "stack",
  kind: "group",
  matches(group) {
    const length = longestPath(group);
    return length >= 2 ? `money handed down a chain of ${length + 1} accounts` : undefined;
  },
};
