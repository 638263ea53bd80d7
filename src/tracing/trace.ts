/**
 * One trace from one or more origin accounts: runs the chosen method and assembles the result
 * in the shape the CLI and API return (`flows`, `edges`, `unknown_amount`).
 */
import { InvalidInputError, NotFoundError } from "../errors.ts";
import { DEFAULT_TRACE_BUDGET, WorkBudget } from "./budget.ts";
import { traceFifo } from "./fifo.ts";
import type { Ledger } from "./ledger.ts";
import { traceProportionalBackward, traceProportionalForward } from "./proportional.ts";
import type { TraceDirection, TraceMethod, TraceOptions, TraceSink } from "./types.ts";

export interface TraceFlow {
  account: string;
  amount: number;
  hops: number;
}

export interface TraceEdge {
  source: string;
  target: string;
  amount: number;
  transactions: string[];
}

export interface TraceResult {
  origin: string | string[];
  direction: TraceDirection;
  method: TraceMethod;
  currency: string;
  hops: number;
  flows: TraceFlow[];
  edges: TraceEdge[];
  unknown_amount: number;
  truncated: boolean;
}

/**
 * Accumulates a trace densely per account, and the transfers that carried traced funds as a
 * plain list (grouped into edges once, at the end: cheaper than a map lookup per transfer).
 */
export class TraceAccumulator implements TraceSink {
  readonly amount: Float64Array;
  readonly hops: Uint8Array;
  readonly touched: number[] = [];
  readonly carried: number[] = [];
  readonly carriedAmount: number[] = [];
  unknownAmount = 0;
  wasTruncated = false;

  constructor(
    private readonly ledger: Ledger,
    private readonly keepEdges: boolean,
  ) {
    this.amount = new Float64Array(ledger.accountCount);
    this.hops = new Uint8Array(ledger.accountCount);
  }

  flow(account: number, amount: number, hops: number): void {
    if (this.hops[account] === 0) {
      this.touched.push(account);
      this.hops[account] = hops;
    } else if (hops < this.hops[account]!) {
      this.hops[account] = hops;
    }
    this.amount[account]! += amount;
  }

  edge(transfer: number, amount: number): void {
    if (!this.keepEdges) return;
    this.carried.push(transfer);
    this.carriedAmount.push(amount);
  }

  /** Accounts reached, largest amount first (then fewer hops, then id). */
  flows(): TraceFlow[] {
    const { accountIds } = this.ledger;
    const amount = this.amount;
    const hops = this.hops;
    const order = Uint32Array.from(this.touched);
    for (const a of order) amount[a] = round(amount[a]!);
    order.sort(
      (a, b) =>
        amount[b]! - amount[a]! ||
        hops[a]! - hops[b]! ||
        (accountIds[a]! < accountIds[b]! ? -1 : 1),
    );
    return Array.from(order, (a) => ({
      account: accountIds[a]!,
      amount: amount[a]!,
      hops: hops[a]!,
    }));
  }

  /** Carried transfers grouped by (source, target), largest amount first. */
  edges(): TraceEdge[] {
    const { source, target, accountIds, transferIds } = this.ledger;
    const carried = this.carried;
    const order = new Uint32Array(carried.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort(
      (a, b) =>
        source[carried[a]!]! - source[carried[b]!]! ||
        target[carried[a]!]! - target[carried[b]!]! ||
        carried[a]! - carried[b]!,
    );
    const edges: TraceEdge[] = [];
    let last: TraceEdge | undefined;
    let lastPair = -1;
    let lastTransfer = -1;
    for (const i of order) {
      const j = carried[i]!;
      const pair = source[j]! * this.ledger.accountCount + target[j]!;
      if (pair !== lastPair) {
        last = {
          source: accountIds[source[j]!]!,
          target: accountIds[target[j]!]!,
          amount: 0,
          transactions: [],
        };
        edges.push(last);
        lastPair = pair;
      }
      last!.amount += this.carriedAmount[i]!;
      if (j !== lastTransfer) last!.transactions.push(transferIds.get(j));
      lastTransfer = j;
    }
    for (const edge of edges) edge.amount = round(edge.amount);
    return edges.sort((x, y) => y.amount - x.amount);
  }

  unknown(amount: number): void {
    this.unknownAmount += amount;
  }

  truncated(): void {
    this.wasTruncated = true;
  }
}

/** Runs one trace into the sink; past the budget (unbounded when none is given) it throws. */
export function runTrace(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
  budget = new WorkBudget(),
): void {
  if (!Number.isInteger(options.hops) || options.hops < 1 || options.hops > 64) {
    throw new InvalidInputError(`hops must be a whole number from 1 to 64, not ${options.hops}`);
  }
  if (options.method === "fifo") return traceFifo(ledger, origins, options, sink, budget);
  if (options.direction === "forward")
    return traceProportionalForward(ledger, origins, options, sink, budget);
  return traceProportionalBackward(ledger, origins, options, sink, budget);
}

const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Traces from named accounts; the currency defaults to the one the origins move most. The work
 * is bounded by `budget` (DEFAULT_TRACE_BUDGET units unless given; Infinity for none): past it,
 * an UnprocessableError (422) asks for a narrower trace.
 *
 * @example trace(ledger, ["A"], { direction: "forward", method: "fifo", hops: 3, minAmount: 0 })
 */
export function trace(
  ledger: Ledger,
  originIds: string[],
  options: Omit<TraceOptions, "currency"> & { currency?: string | undefined; budget?: number },
): TraceResult {
  const origins = new Uint8Array(ledger.accountCount);
  for (const id of originIds) {
    const index = ledger.indexOf(id);
    if (index === undefined) throw new NotFoundError(`trace: no account '${id}' in the ledger`);
    origins[index] = 1;
  }
  const currency = options.currency ?? busiestCurrency(ledger, origins, options.direction);
  const currencyIndex = ledger.currencies.indexOf(currency);
  if (currencyIndex === -1) {
    throw new InvalidInputError(
      `trace: no transfers in ${currency} (ledger has ${ledger.currencies.join(", ") || "none"})`,
    );
  }
  const sink = new TraceAccumulator(ledger, true);
  const { budget = DEFAULT_TRACE_BUDGET, ...traceOptions } = options;
  runTrace(
    ledger,
    origins,
    { ...traceOptions, currency: currencyIndex },
    sink,
    new WorkBudget(budget),
  );
  const flows = sink.flows();
  const edges = sink.edges();
  return {
    origin: originIds.length === 1 ? originIds[0]! : originIds,
    direction: options.direction,
    method: options.method,
    currency,
    hops: options.hops,
    flows,
    edges,
    unknown_amount: round(sink.unknownAmount),
    truncated: sink.wasTruncated,
  };
}

function busiestCurrency(ledger: Ledger, origins: Uint8Array, direction: TraceDirection): string {
  const volume = new Float64Array(Math.max(1, ledger.currencies.length));
  const [start, list] =
    direction === "forward" ? [ledger.outStart, ledger.outList] : [ledger.inStart, ledger.inList];
  for (let a = 0; a < origins.length; a++) {
    if (!origins[a]) continue;
    for (let i = start[a]!; i < start[a + 1]!; i++)
      volume[ledger.currency[list[i]!]!]! += ledger.amount[list[i]!]!;
  }
  let best = 0;
  for (let c = 1; c < volume.length; c++) if (volume[c]! > volume[best]!) best = c;
  return ledger.currencies[best] ?? "XXX";
}
