/**
 * Sanctions exposure: for every account, how much of its inflows can be traced (proportionally,
 * within k hops) to sanctioned accounts, and how much of its outflows reached them. One forward
 * sweep from all sanctioned accounts at once gives the first, one backward sweep the second.
 */
import { WorkBudget } from "./budget.ts";
import type { Ledger } from "./ledger.ts";
import { runTrace, TraceAccumulator } from "./trace.ts";

/**
 * Work units (budget.ts) one exposure request may spend: both sweeps of every currency, the
 * totals and the rows. Measured on a 2-core machine on the AMLSim run of 118,000 transfers: 4 to
 * 10 ms per million units past a few million, so within this budget a request holds the thread
 * for under about 100 ms. There, exposure to 100 accounts takes 1.2 million units within 3 hops
 * and 4 million within 64; to 1,000 accounts, 7.6 million within 3 hops and 17 million within 64.
 */
export const DEFAULT_EXPOSURE_BUDGET = 10_000_000;
const NARROW = "fewer hops, fewer sanctioned accounts, or a higher threshold";
/** Units for a transfer the totals pass over, and for a row of the answer. */
const TOTALS_COST = 0.05;
const ROW_COST = 20;

export interface ExposureRow {
  account: string;
  currency: string;
  inflow: number;
  inflow_exposed: number;
  inflow_share: number;
  outflow: number;
  outflow_exposed: number;
  outflow_share: number;
  /** Fewest hops between the account and a sanctioned one, either way. */
  hops: number;
}

export interface ExposureOptions {
  hops: number;
  minAmount: number;
  /** Work units (DEFAULT_EXPOSURE_BUDGET unless given; Infinity for none): past it, a 422. */
  budget?: number;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Exposure of every account that has any; sanctioned accounts themselves are left out. Past the
 * work budget it throws an UnprocessableError saying how to narrow the request.
 *
 * @example
 * computeExposure(ledger, new Set([ledger.indexOf("ACC1")!]), { hops: 3, minAmount: 0 });
 */
export function computeExposure(
  ledger: Ledger,
  sanctioned: Set<number>,
  options: ExposureOptions,
): ExposureRow[] {
  const budget = new WorkBudget(options.budget ?? DEFAULT_EXPOSURE_BUDGET, "exposure", NARROW);
  const origins = new Uint8Array(ledger.accountCount);
  for (const a of sanctioned) origins[a] = 1;
  const rows: ExposureRow[] = [];
  for (let c = 0; c < ledger.currencies.length; c++) {
    const trace = {
      method: "proportional" as const,
      hops: options.hops,
      minAmount: options.minAmount,
      currency: c,
    };
    const received = new TraceAccumulator(ledger, false);
    runTrace(ledger, origins, { ...trace, direction: "forward" }, received, budget);
    const sent = new TraceAccumulator(ledger, false);
    runTrace(ledger, origins, { ...trace, direction: "backward" }, sent, budget);
    budget.spend(ledger.size * TOTALS_COST);
    const [inflow, outflow] = totals(ledger, c);
    for (const a of new Set([...received.touched, ...sent.touched])) {
      if (origins[a]) continue;
      budget.spend(ROW_COST);
      const inExposed = Math.min(received.amount[a]!, inflow[a]!);
      const outExposed = Math.min(sent.amount[a]!, outflow[a]!);
      const hopsIn = received.hops[a] || Infinity;
      const hopsOut = sent.hops[a] || Infinity;
      rows.push({
        account: ledger.accountIds[a]!,
        currency: ledger.currencies[c]!,
        inflow: round(inflow[a]!),
        inflow_exposed: round(inExposed),
        inflow_share: inflow[a]! > 0 ? round((inExposed / inflow[a]!) * 100) / 100 : 0,
        outflow: round(outflow[a]!),
        outflow_exposed: round(outExposed),
        outflow_share: outflow[a]! > 0 ? round((outExposed / outflow[a]!) * 100) / 100 : 0,
        hops: Math.min(hopsIn, hopsOut),
      });
    }
  }
  return rows.sort(
    (x, y) => y.inflow_exposed + y.outflow_exposed - (x.inflow_exposed + x.outflow_exposed),
  );
}

function totals(ledger: Ledger, currency: number): [Float64Array, Float64Array] {
  const inflow = new Float64Array(ledger.accountCount);
  const outflow = new Float64Array(ledger.accountCount);
  for (let j = 0; j < ledger.size; j++) {
    if (ledger.currency[j] !== currency || ledger.source[j] === ledger.target[j]) continue;
    outflow[ledger.source[j]!]! += ledger.amount[j]!;
    inflow[ledger.target[j]!]! += ledger.amount[j]!;
  }
  return [inflow, outflow];
}
