/**
 * Proportional ("haircut") tracing: every outflow carries the pool's traced share at that moment.
 * Both directions are one sweep over the transfers in time order (forward) or reverse time order
 * (backward), with per-account amounts kept per hop count so a hop limit is exact even when funds
 * of different hop counts mix in one pool.
 */
import type { Ledger } from "./ledger.ts";
import type { TraceOptions, TraceSink } from "./types.ts";

const EPSILON = 1e-9;

/** Per-account vectors of length hops+1, allocated only for accounts the trace touches. */
class LevelTable {
  readonly total: Float64Array;
  private readonly rows = new Map<number, Float64Array>();

  constructor(
    accounts: number,
    private readonly width: number,
  ) {
    this.total = new Float64Array(accounts);
  }

  row(account: number): Float64Array {
    let row = this.rows.get(account);
    if (!row) {
      row = new Float64Array(this.width);
      this.rows.set(account, row);
    }
    return row;
  }
}

function windowOf(ledger: Ledger, options: TraceOptions): [number, number] {
  const lo = options.from === undefined ? 0 : ledger.lowerBound(options.from);
  const hi = options.to === undefined ? ledger.size : ledger.lowerBound(options.to + 1);
  return [lo, hi];
}

export function traceProportionalForward(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
): void {
  const H = options.hops;
  const traced = new LevelTable(ledger.accountCount, H + 1);
  const moving = new Float64Array(H + 1);
  const [lo, hi] = windowOf(ledger, options);
  const { source, target, amount, currency, balanceBefore } = ledger;
  for (let j = lo; j < hi; j++) {
    if (currency[j] !== options.currency) continue;
    const s = source[j]!;
    const t = target[j]!;
    if (s === t) continue;
    const x = amount[j]!;
    let sum = 0;
    let firstHop = 0;
    if (origins[s]) {
      moving.fill(0);
      moving[1] = x;
      sum = x;
      firstHop = 1;
      sink.unknown(Math.max(0, x - balanceBefore[j]!));
    } else if (traced.total[s]! > 0) {
      const pool = balanceBefore[j]!;
      const share = pool > 0 ? Math.min(x, pool) / pool : 1;
      const levels = traced.row(s);
      moving.fill(0);
      for (let h = 1; h <= H; h++) {
        const carried = levels[h]! * share;
        if (carried === 0) continue;
        levels[h]! -= carried;
        traced.total[s]! -= carried;
        // Funds at the hop limit leave the pool but are followed no further.
        if (h < H) {
          moving[h + 1]! += carried;
          sum += carried;
          if (firstHop === 0) firstHop = h + 1;
        }
      }
      if (traced.total[s]! < EPSILON) traced.total[s] = 0;
    } else {
      continue;
    }
    if (sum < options.minAmount || sum === 0) continue;
    sink.flow(t, sum, firstHop);
    sink.edge(j, sum);
    if (origins[t]) continue;
    const levels = traced.row(t);
    for (let h = firstHop; h <= H; h++) levels[h]! += moving[h]!;
    traced.total[t]! += sum;
  }
}

/**
 * Backward: each account holds a demand per unit of its pool. Going back in time, an inflow of x
 * into an account with demand d per unit came (x·d) from the inflow's source; passing an outflow
 * that took share f of the pool scales later demands by (1 − f), since those units were gone.
 */
export function traceProportionalBackward(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
): void {
  const H = options.hops;
  const demand = new LevelTable(ledger.accountCount, H + 1);
  const arriving = new Float64Array(H + 1);
  const [lo, hi] = windowOf(ledger, options);
  const { source, target, amount, currency, balanceBefore } = ledger;
  for (let j = hi - 1; j >= lo; j--) {
    if (currency[j] !== options.currency) continue;
    const s = source[j]!;
    const t = target[j]!;
    if (s === t) continue;
    const x = amount[j]!;
    const pool = balanceBefore[j]!;
    let sum = 0;
    let firstHop = 0;
    if (origins[t]) {
      arriving.fill(0);
      arriving[1] = x;
      sum = x;
      firstHop = 1;
    } else if (demand.total[t]! > 0) {
      const levels = demand.row(t);
      arriving.fill(0);
      for (let h = 1; h < H; h++) {
        const share = x * levels[h]!;
        if (share === 0) continue;
        arriving[h + 1] = share;
        sum += share;
        if (firstHop === 0) firstHop = h + 1;
      }
    }
    if (!origins[s] && demand.total[s]! > 0) {
      const keep = pool > 0 ? Math.max(0, 1 - x / pool) : 0;
      const levels = demand.row(s);
      for (let h = 1; h <= H; h++) levels[h]! *= keep;
      demand.total[s]! *= keep;
      if (demand.total[s]! < EPSILON) demand.total[s] = 0;
    }
    if (sum < options.minAmount || sum === 0) continue;
    sink.flow(s, sum, firstHop);
    sink.edge(j, sum);
    if (origins[s]) continue;
    // Beyond the pool, the outflow was paid from an unknown source.
    if (x > pool) sink.unknown((sum * (x - pool)) / x);
    const perUnit = 1 / Math.max(x, pool);
    const levels = demand.row(s);
    for (let h = firstHop; h < H; h++) {
      if (arriving[h] === 0) continue;
      levels[h]! += arriving[h]! * perUnit;
      demand.total[s]! += arriving[h]! * perUnit;
    }
  }
}
