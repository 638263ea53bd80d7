import { hasCycle } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Round-tripping: the group's money comes back to where it started. */
export const cycle: Detector = {
  typology: "cycle",
  kind: "group",
  matches: (group) =>
    hasCycle(group)
      ? `${group.accounts.length} accounts pass money around a closed loop`
      : undefined,
};
