export const TRACE_DIRECTIONS = ["forward", "backward"] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];
export const TRACE_METHODS = ["proportional", "fifo"] as const;
export type TraceMethod = (typeof TRACE_METHODS)[number];

export interface TraceOptions {
  direction: TraceDirection;
  method: TraceMethod;
  /** Transfers followed from the origin; funds that took more hops stop where they are. */
  hops: number;
  /** Only transfers at or after / before this time (ms since 1970). */
  from?: number | undefined;
  to?: number | undefined;
  /** Flows smaller than this are dropped (proportional tracing otherwise smears crumbs everywhere). */
  minAmount: number;
  /** Index into the ledger's currencies: pools of different currencies never mix. */
  currency: number;
  /** Upper bound on FIFO pieces followed; the result says when it was reached. */
  maxPieces?: number;
}

export const DEFAULT_HOPS = 6;
export const DEFAULT_MIN_AMOUNT = 0.01;

/** What a trace accumulates; assembled into the public result by trace.ts. */
export interface TraceSink {
  /** Traced funds reaching (forward) or coming from (backward) an account at a hop count. */
  flow(account: number, amount: number, hops: number): void;
  /** Traced funds carried by one transfer. */
  edge(transfer: number, amount: number): void;
  unknown(amount: number): void;
  truncated(): void;
}
