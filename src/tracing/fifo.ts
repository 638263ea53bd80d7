/**
 * FIFO tracing: outflows consume inflows in order of arrival. Each account's pool is a line of
 * positions: inflows occupy [inPosition, inPosition + amount), outflows consume
 * [outPosition, outPosition + amount) of the same line (ledger.ts), an overdraft having added
 * unknown inflow just in time. A traced piece is a slice of one transfer; following it means
 * finding, by binary search, the transfers whose slices of the line overlap it.
 */
import { WorkBudget } from "./budget.ts";
import type { Ledger } from "./ledger.ts";
import type { TraceOptions, TraceSink } from "./types.ts";

const DEFAULT_MAX_PIECES = 2_000_000;
/**
 * Budget units (budget.ts) for following one piece, an edge of the result (grouping it and
 * naming its transfer cost most), and for each transfer on a line looked at for a piece.
 */
const PIECE_COST = 100;
const SCAN_COST = 2;

interface Piece {
  transfer: number;
  from: number;
  to: number;
  hops: number;
}

/** First index k in list[start..end) whose slice [pos, pos+amount) ends after p. */
function firstEndingAfter(
  list: Int32Array,
  start: number,
  end: number,
  position: Float64Array,
  amount: Float64Array,
  p: number,
): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = list[mid]!;
    if (position[k]! + amount[k]! <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function traceFifo(
  ledger: Ledger,
  origins: Uint8Array,
  options: TraceOptions,
  sink: TraceSink,
  budget = new WorkBudget(),
): void {
  const forward = options.direction === "forward";
  const { source, target, amount, time, currency, balanceBefore } = ledger;
  // Binary search needs one currency's positions in order; mixed lists are scanned instead.
  const singleCurrency = ledger.currencies.length <= 1;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const maxPieces = options.maxPieces ?? DEFAULT_MAX_PIECES;
  const queue: Piece[] = [];

  const seed = (j: number): void => {
    if (currency[j] !== options.currency || source[j] === target[j]) return;
    if (time[j]! < from || time[j]! > to) return;
    queue.push({ transfer: j, from: 0, to: amount[j]!, hops: 1 });
    if (forward) sink.unknown(Math.max(0, amount[j]! - balanceBefore[j]!));
  };
  for (let a = 0; a < origins.length; a++) {
    if (!origins[a]) continue;
    const [start, end, list] = forward
      ? [ledger.outStart[a]!, ledger.outStart[a + 1]!, ledger.outList]
      : [ledger.inStart[a]!, ledger.inStart[a + 1]!, ledger.inList];
    for (let i = start; i < end; i++) seed(list[i]!);
  }

  for (let head = 0; head < queue.length; head++) {
    if (queue.length > maxPieces) {
      sink.truncated();
      break;
    }
    budget.spend(PIECE_COST);
    const piece = queue[head]!;
    const j = piece.transfer;
    const size = piece.to - piece.from;
    // Forward, the piece reached j's target; backward, it came from j's source.
    const reached = forward ? target[j]! : source[j]!;
    sink.flow(reached, size, piece.hops);
    sink.edge(j, size);
    if (origins[reached] || piece.hops >= options.hops) continue;

    // The piece's place on the reached account's line…
    const p = (forward ? ledger.inPosition[j]! : ledger.outPosition[j]!) + piece.from;
    const q = p + size;
    // …and the transfers on the other side of that line: outflows (forward) or inflows (backward).
    const [start, end, list, position] = forward
      ? [
          ledger.outStart[reached]!,
          ledger.outStart[reached + 1]!,
          ledger.outList,
          ledger.outPosition,
        ]
      : [ledger.inStart[reached]!, ledger.inStart[reached + 1]!, ledger.inList, ledger.inPosition];
    let k = singleCurrency ? firstEndingAfter(list, start, end, position, amount, p) : start;
    // Mixed currencies: every transfer on the line is looked at; else only those overlapping.
    if (!singleCurrency) budget.spend((end - start) * SCAN_COST);
    let covered = 0;
    let cutByWindow = false;
    for (; k < end; k++) {
      const m = list[k]!;
      if (currency[m] !== options.currency || source[m] === target[m]) continue;
      const lo = position[m]!;
      const hi = lo + amount[m]!;
      if (lo >= q) {
        if (singleCurrency) break;
        continue;
      }
      if (hi <= p) continue;
      const overlapFrom = Math.max(p, lo);
      const overlapTo = Math.min(q, hi);
      if (forward ? time[m]! > to : time[m]! < from) {
        cutByWindow = true;
        continue;
      }
      covered += overlapTo - overlapFrom;
      if (singleCurrency) budget.spend(SCAN_COST);
      if (overlapTo - overlapFrom < options.minAmount) continue;
      queue.push({ transfer: m, from: overlapFrom - lo, to: overlapTo - lo, hops: piece.hops + 1 });
    }
    // Backward, a part no inflow covers was an overdraft: paid from an unknown source.
    if (!forward && !cutByWindow && size - covered > 1e-9) sink.unknown(size - covered);
  }
}
