import type { Detector, RawAlert } from "./types.ts";

const WINDOW = 30 * 86_400_000;
const MIN_TRANSFERS = 3;

/**
 * Smurfing: three or more transfers just under the reporting threshold within 30 days, from one
 * account or into one account.
 */
export const structuring: Detector = {
  typology: "structuring",
  kind: "ledger",
  detect({ ledger, options }) {
    const high = options.structuringThreshold;
    const low = high * (1 - options.structuringMargin);
    const alerts: RawAlert[] = [];
    const scan = (start: Int32Array, list: Int32Array, side: "from" | "into"): void => {
      for (let a = 0; a < ledger.accountCount; a++) {
        const under: number[] = [];
        for (let i = start[a]!; i < start[a + 1]!; i++) {
          const x = ledger.amount[list[i]!]!;
          if (x >= low && x < high) under.push(list[i]!);
        }
        if (under.length < MIN_TRANSFERS) continue;
        let best: number[] = [];
        for (let lo = 0, hi = 0; hi < under.length; hi++) {
          while (ledger.time[under[hi]!]! - ledger.time[under[lo]!]! > WINDOW) lo++;
          if (hi - lo + 1 > best.length) best = under.slice(lo, hi + 1);
        }
        if (best.length < MIN_TRANSFERS) continue;
        const others = best.map((j) => (side === "from" ? ledger.target[j]! : ledger.source[j]!));
        alerts.push({
          typology: "structuring",
          score: Math.min(1, 0.5 + 0.1 * best.length),
          accounts: [a],
          transfers: best,
          reason: `${best.length} transfers ${side} one account within 30 days, each just under ${high} (${new Set(others).size} counterparties)`,
        });
      }
    };
    scan(ledger.outStart, ledger.outList, "from");
    scan(ledger.inStart, ledger.inList, "into");
    return alerts;
  },
};
