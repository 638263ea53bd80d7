import type { Detector, RawAlert } from "./types.ts";

const WINDOW = 86_400_000;
/** Share of an inflow that must leave again for it to count as passed through. */
const KEPT_AT_MOST = 0.05;
const MIN_PASSES = 5;

/**
 * Rapid pass-through: money in and at least 95% of it out again to someone else within a day,
 * five times or more — the behaviour of a mule or a transit account.
 */
export const passThrough: Detector = {
  typology: "pass-through",
  kind: "ledger",
  detect({ ledger }) {
    const alerts: RawAlert[] = [];
    for (let a = 0; a < ledger.accountCount; a++) {
      const inEnd = ledger.inStart[a + 1]!;
      const outStart = ledger.outStart[a]!;
      const outEnd = ledger.outStart[a + 1]!;
      if (inEnd - ledger.inStart[a]! < MIN_PASSES || outEnd - outStart < MIN_PASSES) continue;
      const used = new Set<number>();
      const passes: number[] = [];
      const counterparties = new Set<number>();
      let first = outStart;
      for (let i = ledger.inStart[a]!; i < inEnd; i++) {
        const j = ledger.inList[i]!;
        const x = ledger.amount[j]!;
        while (first < outEnd && ledger.time[ledger.outList[first]!]! < ledger.time[j]!) first++;
        for (let o = first; o < outEnd; o++) {
          const k = ledger.outList[o]!;
          if (ledger.time[k]! - ledger.time[j]! > WINDOW) break;
          if (k < j || used.has(k) || ledger.target[k] === ledger.source[j]) continue;
          const y = ledger.amount[k]!;
          if (y <= x && y >= x * (1 - KEPT_AT_MOST)) {
            used.add(k);
            passes.push(j, k);
            counterparties.add(ledger.source[j]!).add(ledger.target[k]!);
            break;
          }
        }
      }
      if (passes.length / 2 < MIN_PASSES) continue;
      alerts.push({
        typology: "pass-through",
        score: Math.min(0.8, 0.3 + 0.05 * (passes.length / 2)),
        accounts: [a],
        transfers: passes,
        reason: `${passes.length / 2} times money came in and left again, nearly whole, within a day (${counterparties.size} counterparties)`,
      });
    }
    return alerts;
  },
};
