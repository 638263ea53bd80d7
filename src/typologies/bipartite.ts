import { inDegree, outDegree, shapeOf } from "./shape.ts";
import type { Detector } from "./types.ts";

/** Two sets of accounts, one only paying, the other only receiving, crosswise. */
export const bipartite: Detector = {
  typology: "bipartite",
  kind: "group",
  matches(group) {
    const shape = shapeOf(group);
    const senders = group.accounts.filter((a) => inDegree(shape, a) === 0);
    const receivers = group.accounts.filter((a) => outDegree(shape, a) === 0);
    const crossing = senders.filter((a) => outDegree(shape, a) >= 2).length;
    const fed = receivers.filter((a) => inDegree(shape, a) >= 2).length;
    if (senders.length + receivers.length !== group.accounts.length) return undefined;
    if (crossing < 2 || fed < 2) return undefined;
    return `${senders.length} payers and ${receivers.length} payees transact crosswise`;
  },
};
