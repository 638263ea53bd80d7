/**
 * The ledger as compact arrays for tracing and detection: one slot per transfer in typed arrays,
 * accounts numbered 0..n-1, transfers in time order (ties keep import order), and per account its
 * outgoing and incoming transfers in time order (CSR layout). A 5-million-transfer ledger takes
 * about 40 bytes per transfer plus its id bytes, instead of an object per transfer.
 *
 * Balances follow DOMAIN.md: every account starts at 0; an outflow larger than the balance takes
 * the excess from an unknown source, leaving the balance at 0.
 */
import type { PackedStrings } from "./packed-strings.ts";
import { PackedStringsBuilder } from "./packed-strings.ts";

export interface LedgerInput {
  accountIds: string[];
  source: Int32Array;
  target: Int32Array;
  amount: Float64Array;
  time: Float64Array;
  /** Index into `currencies` per transfer. */
  currency: Uint16Array;
  currencies: string[];
  transferIds: PackedStrings;
}

export class Ledger {
  readonly accountIds: string[];
  readonly accountIndex: Map<string, number>;
  readonly currencies: string[];
  readonly size: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly amount: Float64Array;
  readonly time: Float64Array;
  readonly currency: Uint16Array;
  readonly transferIds: PackedStrings;
  /** CSR: transfers leaving account a are outList[outStart[a] .. outStart[a+1]), by time. */
  readonly outStart: Int32Array;
  readonly outList: Int32Array;
  readonly inStart: Int32Array;
  readonly inList: Int32Array;
  /** The source's balance (in the transfer's currency) just before each transfer. */
  readonly balanceBefore: Float64Array;
  /** FIFO pool coordinates: where each transfer starts in its target's cumulative inflows… */
  readonly inPosition: Float64Array;
  /** …and in its source's cumulative outflows (overdrafts add unknown inflow, never gaps here). */
  readonly outPosition: Float64Array;

  constructor(input: LedgerInput) {
    const order = timeOrder(input.time);
    const n = input.time.length;
    this.size = n;
    this.accountIds = input.accountIds;
    this.accountIndex = new Map(input.accountIds.map((id, i) => [id, i]));
    this.currencies = input.currencies;
    this.source = permute(input.source, order, new Int32Array(n));
    this.target = permute(input.target, order, new Int32Array(n));
    this.amount = permute(input.amount, order, new Float64Array(n));
    this.time = permute(input.time, order, new Float64Array(n));
    this.currency = permute(input.currency, order, new Uint16Array(n));
    this.transferIds = order ? input.transferIds.permute(order) : input.transferIds;
    const accounts = input.accountIds.length;
    [this.outStart, this.outList] = adjacency(this.source, accounts);
    [this.inStart, this.inList] = adjacency(this.target, accounts);
    this.balanceBefore = new Float64Array(n);
    this.inPosition = new Float64Array(n);
    this.outPosition = new Float64Array(n);
    this.computePools();
  }

  get accountCount(): number {
    return this.accountIds.length;
  }

  /** Balances per (account, currency) walked in time order; multi-currency pools never mix. */
  private computePools(): void {
    const currencies = Math.max(1, this.currencies.length);
    const key = (a: number, j: number): number => a * currencies + this.currency[j]!;
    const slots = this.accountCount * currencies;
    const balance = new Float64Array(slots);
    const inflowTotal = new Float64Array(slots);
    const outflowTotal = new Float64Array(slots);
    for (let j = 0; j < this.size; j++) {
      const s = key(this.source[j]!, j);
      const t = key(this.target[j]!, j);
      const x = this.amount[j]!;
      this.balanceBefore[j] = balance[s]!;
      if (s === t) {
        this.inPosition[j] = inflowTotal[t]!;
        this.outPosition[j] = outflowTotal[s]!;
        continue;
      }
      if (x > balance[s]!) {
        // The overdraft came from outside the ledger: an unknown inflow just in time.
        inflowTotal[s]! += x - balance[s]!;
        balance[s] = 0;
      } else {
        balance[s]! -= x;
      }
      this.outPosition[j] = outflowTotal[s]!;
      outflowTotal[s]! += x;
      this.inPosition[j] = inflowTotal[t]!;
      inflowTotal[t]! += x;
      balance[t]! += x;
    }
  }

  indexOf(accountId: string): number | undefined {
    return this.accountIndex.get(accountId);
  }

  /** First transfer index with time ≥ t. */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.time[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The permutation that sorts transfers by time, ties in input order; undefined when already
 * sorted (the usual case: ledgers arrive in time order). Sorting 5M keys through a comparator is
 * slow, so times are ranked and packed with the input position into one float64 and sorted natively.
 */
function timeOrder(time: Float64Array): Int32Array | undefined {
  let sorted = true;
  for (let j = 1; j < time.length && sorted; j++) sorted = time[j - 1]! <= time[j]!;
  if (sorted) return undefined;
  const distinct = Float64Array.from(time).sort();
  let unique = 0;
  for (let i = 0; i < distinct.length; i++) {
    if (i === 0 || distinct[i] !== distinct[unique - 1]) distinct[unique++] = distinct[i]!;
  }
  const ranks = distinct.subarray(0, unique);
  const POSITION_BITS = 2 ** 26;
  if (time.length >= POSITION_BITS) throw new RangeError("ledger too large to order in memory");
  const keys = new Float64Array(time.length);
  for (let j = 0; j < time.length; j++) keys[j] = rankOf(ranks, time[j]!) * POSITION_BITS + j;
  keys.sort();
  return Int32Array.from(keys, (k) => k % POSITION_BITS);
}

function rankOf(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function permute<T extends Int32Array | Float64Array | Uint16Array>(
  values: T,
  order: Int32Array | undefined,
  out: T,
): T {
  if (!order) return values;
  for (let j = 0; j < order.length; j++) out[j] = values[order[j]!]!;
  return out;
}

function adjacency(endpoint: Int32Array, accounts: number): [Int32Array, Int32Array] {
  const start = new Int32Array(accounts + 1);
  for (let j = 0; j < endpoint.length; j++) start[endpoint[j]! + 1]!++;
  for (let a = 0; a < accounts; a++) start[a + 1]! += start[a]!;
  const fill = start.slice(0, accounts);
  const list = new Int32Array(endpoint.length);
  for (let j = 0; j < endpoint.length; j++) list[fill[endpoint[j]!]!++] = j;
  return [start, list];
}

/** Collects transfers one at a time into growing typed arrays, numbering accounts on the way. */
export class LedgerBuilder {
  private readonly ids = new Map<string, number>();
  private readonly accountIds: string[] = [];
  private readonly currencyIds = new Map<string, number>();
  private readonly currencies: string[] = [];
  private readonly transferIds = new PackedStringsBuilder();
  private capacity = 1024;
  private count = 0;
  private source = new Int32Array(this.capacity);
  private target = new Int32Array(this.capacity);
  private amount = new Float64Array(this.capacity);
  private time = new Float64Array(this.capacity);
  private currency = new Uint16Array(this.capacity);

  account(id: string): number {
    let index = this.ids.get(id);
    if (index === undefined) {
      index = this.accountIds.length;
      this.ids.set(id, index);
      this.accountIds.push(id);
    }
    return index;
  }

  add(
    id: string,
    source: string,
    target: string,
    amount: number,
    time: number,
    currency: string,
  ): void {
    if (this.count === this.capacity) this.grow();
    let c = this.currencyIds.get(currency);
    if (c === undefined) {
      c = this.currencies.length;
      this.currencyIds.set(currency, c);
      this.currencies.push(currency);
    }
    const j = this.count++;
    this.source[j] = this.account(source);
    this.target[j] = this.account(target);
    this.amount[j] = amount;
    this.time[j] = time;
    this.currency[j] = c;
    this.transferIds.push(id);
  }

  private grow(): void {
    this.capacity *= 2;
    const grow = <T extends Int32Array | Float64Array | Uint16Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(this.capacity);
      next.set(old as never);
      return next;
    };
    this.source = grow(this.source, (n) => new Int32Array(n));
    this.target = grow(this.target, (n) => new Int32Array(n));
    this.amount = grow(this.amount, (n) => new Float64Array(n));
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.currency = grow(this.currency, (n) => new Uint16Array(n));
  }

  build(): Ledger {
    const n = this.count;
    return new Ledger({
      accountIds: this.accountIds,
      source: this.source.slice(0, n),
      target: this.target.slice(0, n),
      amount: this.amount.slice(0, n),
      time: this.time.slice(0, n),
      currency: this.currency.slice(0, n),
      currencies: this.currencies,
      transferIds: this.transferIds.build(),
    });
  }
}
