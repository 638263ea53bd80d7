/**
 * One trace from one or more origin accounts: runs the chosen method and assembles the result
 * in the shape the CLI and API return (`flows`, `edges`, `unknown_amount`).
 */
import { InvalidInputError } from "../errors.ts";
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

/** Accumulates a trace densely per account; edges keyed by (source, target). */
export class TraceAccumulator implements TraceSink {
  readonly amount: Float64Array;
  readonly hops: Uint8Array;
  readonly touched: number[] = [];
  readonly edges = new Map<number, { amount: number; transfers: number[] }>();
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
    const key =
      this.ledger.source[transfer]! * this.ledger.accountCount + this.ledger.target[transfer]!;
    let edge = this.edges.get(key);
    if (!edge) {
      edge = { amount: 0, transfers: [] };
      this.edges.set(key, edge);
    }
    edge.amount += amount;
    if (edge.transfers.at(-1) !== transfer) edge.transfers.push(transfer);
  }

  unknown(amount: number): void {
    this.unknownAmount += amount;
  }

  truncated(): void {
    this.wasTruncated = true;
  }
}

export function runTrace(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
): void {
  if (!Number.isInteger(options.hops) || options.hops < 1 || options.hops > 64) {
    throw new InvalidInputError(`hops must be a whole number from 1 to 64, not ${options.hops}`);
  }
  if (options.method === "fifo") return traceFifo(ledger, origins, options, sink);
  if (options.direction === "forward")
    return traceProportionalForward(ledger, origins, options, sink);
  return traceProportionalBackward(ledger, origins, options, sink);
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Traces from named accounts; the currency defaults to the one the origins move most. */
export function trace(
  ledger: Ledger,
  originIds: string[],
  options: Omit<TraceOptions, "currency"> & { currency?: string | undefined },
): TraceResult {
  const origins = new Uint8Array(ledger.accountCount);
  for (const id of originIds) {
    const index = ledger.indexOf(id);
    if (index === undefined) throw new InvalidInputError(`trace: no account '${id}' in the ledger`);
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
  runTrace(ledger, origins, { ...options, currency: currencyIndex }, sink);
  const flows = sink.touched
    .map((a) => ({
      account: ledger.accountIds[a]!,
      amount: round(sink.amount[a]!),
      hops: sink.hops[a]!,
    }))
    .sort((x, y) => y.amount - x.amount || x.hops - y.hops || (x.account < y.account ? -1 : 1));
  const edges = [...sink.edges.entries()]
    .map(([key, edge]) => ({
      source: ledger.accountIds[Math.floor(key / ledger.accountCount)]!,
      target: ledger.accountIds[key % ledger.accountCount]!,
      amount: round(edge.amount),
      transactions: [...new Set(edge.transfers)]
        .sort((a, b) => a - b)
        .map((j) => ledger.transferIds[j]!),
    }))
    .sort((x, y) => y.amount - x.amount);
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
