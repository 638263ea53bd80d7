/**
 * Proportional ("haircut") tracing: every outflow carries the pool's traced share at that moment.
 * Both directions are one sweep over the transfers in time order (forward) or reverse time order
 * (backward), with per-account amounts kept per hop count so a hop limit is exact even when funds
 * of different hop counts mix in one pool.
 */
import { WorkBudget } from "./budget.ts";
import type { Ledger } from "./ledger.ts";
import type { TraceOptions, TraceSink } from "./types.ts";

const EPSILON = 1e-9;
/** Budget units (budget.ts) for a transfer the sweep passes without work, and for one that
 * carries traced funds (an edge of the result: grouping it and naming its transfer cost most). */
const SKIP_COST = 0.05;
const EDGE_COST = 100;

/**
 * Per-account vectors of length hops+1, allocated only for accounts the trace touches, and a
 * bitset of the accounts that hold any (or are origins). Most transfers of a large ledger touch
 * no such account; testing a 62 KB bitset, which stays in the CPU cache, instead of a 4 MB array
 * of totals made the sweep over 5M transfers about four times faster.
 */
class LevelTable {
  readonly total: Float64Array;
  readonly active: Uint32Array;
  /** Where an account's row starts in `levels`, or -1: typed lookups, no Map per transfer. */
  private readonly slot: Int32Array;
  levels: Float64Array;
  private used = 0;

  constructor(
    accounts: number,
    private readonly width: number,
    origins: Uint8Array,
  ) {
    this.total = new Float64Array(accounts);
    this.active = new Uint32Array((accounts >>> 5) + 1);
    this.slot = new Int32Array(accounts).fill(-1);
    this.levels = new Float64Array(width * 1024);
    for (let a = 0; a < accounts; a++) if (origins[a]) this.activate(a);
  }

  activate(account: number): void {
    this.active[account >>> 5]! |= 1 << (account & 31);
  }

  deactivate(account: number): void {
    this.active[account >>> 5]! &= ~(1 << (account & 31));
  }

  /** Offset of the account's row in `levels` (which may be reallocated: read it afterwards). */
  row(account: number): number {
    let at = this.slot[account]!;
    if (at === -1) {
      at = this.used;
      this.used += this.width;
      if (this.used > this.levels.length) {
        const grown = new Float64Array(this.levels.length * 2);
        grown.set(this.levels);
        this.levels = grown;
      }
      this.slot[account] = at;
    }
    return at;
  }
}

/**
 * The transfers a sweep must visit: the time window, narrowed to start at the origins' first
 * outflow (forward) or end at their last inflow (backward); nothing is traced outside that.
 */
function windowOf(ledger: Ledger, origins: Uint8Array, options: TraceOptions): [number, number] {
  let lo = options.from === undefined ? 0 : ledger.lowerBound(options.from);
  let hi = options.to === undefined ? ledger.size : ledger.lowerBound(options.to + 1);
  const forward = options.direction === "forward";
  const [start, list] = forward
    ? [ledger.outStart, ledger.outList]
    : [ledger.inStart, ledger.inList];
  let bound = forward ? hi : lo - 1;
  for (let a = 0; a < ledger.accountCount; a++) {
    if (!origins[a] || start[a] === start[a + 1]) continue;
    bound = forward ? Math.min(bound, list[start[a]!]!) : Math.max(bound, list[start[a + 1]! - 1]!);
  }
  if (forward) lo = Math.max(lo, bound);
  else hi = Math.min(hi, bound + 1);
  return [lo, hi];
}

export function traceProportionalForward(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
  budget = new WorkBudget(),
): void {
  const H = options.hops;
  const traced = new LevelTable(ledger.accountCount, H + 1, origins);
  const active = traced.active;
  const moving = new Float64Array(H + 1);
  const [lo, hi] = windowOf(ledger, origins, options);
  // Passing a transfer of no traced account costs a bit test; one that moves funds, a level each.
  budget.spend((hi - lo) * SKIP_COST);
  const { source, target, amount, currency, balanceBefore } = ledger;
  for (let j = lo; j < hi; j++) {
    const s = source[j]!;
    if ((active[s >>> 5]! & (1 << (s & 31))) === 0) continue;
    if (currency[j] !== options.currency) continue;
    const t = target[j]!;
    if (s === t) continue;
    budget.spend(H);
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
      const at = traced.row(s);
      const levels = traced.levels;
      moving.fill(0);
      for (let h = 1; h <= H; h++) {
        const carried = levels[at + h]! * share;
        if (carried === 0) continue;
        levels[at + h]! -= carried;
        traced.total[s]! -= carried;
        // Funds at the hop limit leave the pool but are followed no further.
        if (h < H) {
          moving[h + 1]! += carried;
          sum += carried;
          if (firstHop === 0) firstHop = h + 1;
        }
      }
      if (traced.total[s]! < EPSILON) {
        traced.total[s] = 0;
        traced.deactivate(s);
      }
    } else {
      continue;
    }
    if (sum < options.minAmount || sum === 0) continue;
    budget.spend(EDGE_COST);
    sink.flow(t, sum, firstHop);
    sink.edge(j, sum);
    if (origins[t]) continue;
    const at = traced.row(t);
    const levels = traced.levels;
    for (let h = firstHop; h <= H; h++) levels[at + h]! += moving[h]!;
    traced.total[t]! += sum;
    traced.activate(t);
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
  budget = new WorkBudget(),
): void {
  const H = options.hops;
  const demand = new LevelTable(ledger.accountCount, H + 1, origins);
  const active = demand.active;
  const arriving = new Float64Array(H + 1);
  const [lo, hi] = windowOf(ledger, origins, options);
  budget.spend((hi - lo) * SKIP_COST);
  const { source, target, amount, currency, balanceBefore } = ledger;
  for (let j = hi - 1; j >= lo; j--) {
    const s = source[j]!;
    const t = target[j]!;
    const relevant = (active[t >>> 5]! & (1 << (t & 31))) | (active[s >>> 5]! & (1 << (s & 31)));
    if (relevant === 0) continue;
    if (currency[j] !== options.currency) continue;
    if (s === t) continue;
    budget.spend(H);
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
      const at = demand.row(t);
      const levels = demand.levels;
      arriving.fill(0);
      for (let h = 1; h < H; h++) {
        const share = x * levels[at + h]!;
        if (share === 0) continue;
        arriving[h + 1] = share;
        sum += share;
        if (firstHop === 0) firstHop = h + 1;
      }
    }
    if (!origins[s] && demand.total[s]! > 0) {
      const keep = pool > 0 ? Math.max(0, 1 - x / pool) : 0;
      const at = demand.row(s);
      const levels = demand.levels;
      for (let h = 1; h <= H; h++) levels[at + h]! *= keep;
      demand.total[s]! *= keep;
      if (demand.total[s]! < EPSILON) {
        demand.total[s] = 0;
        demand.deactivate(s);
      }
    }
    if (sum < options.minAmount || sum === 0) continue;
    budget.spend(EDGE_COST);
    sink.flow(s, sum, firstHop);
    sink.edge(j, sum);
    if (origins[s]) continue;
    // Beyond the pool, the outflow was paid from an unknown source.
    if (x > pool) sink.unknown((sum * (x - pool)) / x);
    const perUnit = 1 / Math.max(x, pool);
    const at = demand.row(s);
    const levels = demand.levels;
    for (let h = firstHop; h < H; h++) {
      if (arriving[h] === 0) continue;
      levels[at + h]! += arriving[h]! * perUnit;
      demand.total[s]! += arriving[h]! * perUnit;
    }
    if (demand.total[s]! > 0) demand.activate(s);
  }
}
