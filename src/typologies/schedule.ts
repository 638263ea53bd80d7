/**
 * Payers on a schedule: an account paid by a different counterparty every p days, like clockwork
 * (a relay of mules each handing over their share in turn). Unlike the one-off cadence fans, the
 * payers may also trade with the account in the ordinary way, so the pattern is found in the days
 * of the transfers, not in the pairs. The mirror image (paying a different counterparty every p
 * days) is not searched: it is what payrolls and supplier runs look like, and what AMLSim's
 * ordinary accounts do, so it flagged thousands of ordinary accounts on the labelled runs.
 *
 * A busy account has transfers on most days, and such an account shows long runs of equally
 * spaced days by chance; a run is only reported when the expected number of chance runs as long,
 * over every account, start day and period tried, is below CHANCE_RUNS.
 */
import type { Ledger } from "../tracing/ledger.ts";

const DAY = 86_400_000;
/**
 * Periods tried, in days. Transfers on consecutive days are a busy spell, not a schedule; and
 * activity comes in spells, which a uniform chance model cannot tell from a daily relay.
 */
const MIN_PERIOD = 2;
const MAX_PERIOD = 60;
/** Accounts whose transfers span more days than this are not searched (memory per account). */
const MAX_SPAN_DAYS = 4000;
/** Expected number of chance runs at or above which a run is not reported. */
const CHANCE_RUNS = 0.01;

/** Each receiver's run of scheduled payments, as transfer numbers in time order. */
export function scheduledRelays(ledger: Ledger, minRun: number): number[][] {
  const { inStart, inList, source } = ledger;
  const receives = (a: number): number => inStart[a + 1]! - inStart[a]!;
  let searched = 0;
  for (let a = 0; a < ledger.accountCount; a++) if (receives(a) >= minRun) searched++;
  const relays: number[][] = [];
  for (let a = 0; a < ledger.accountCount; a++) {
    if (receives(a) < minRun) continue;
    const transfers: number[] = [];
    for (let i = inStart[a]!; i < inStart[a + 1]!; i++) {
      const j = inList[i]!;
      if (source[j] !== a) transfers.push(j);
    }
    const run = longestRelay(ledger, transfers, minRun, searched);
    if (run) relays.push(run);
  }
  return relays;
}

/**
 * The longest run of transfers on equally spaced days, each with a counterparty not seen earlier
 * in the run, if it is long enough not to be chance; undefined otherwise.
 */
function longestRelay(
  ledger: Ledger,
  transfers: number[],
  minRun: number,
  accounts: number,
): number[] | undefined {
  if (transfers.length < minRun) return undefined;
  let first = Infinity;
  let last = -Infinity;
  for (const j of transfers) {
    const day = Math.floor(ledger.time[j]! / DAY);
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const span = last - first + 1;
  if (span > MAX_SPAN_DAYS || span < minRun) return undefined;
  // Transfers of each day, as a linked list through `next`, heads by day offset.
  const head = new Int32Array(span).fill(-1);
  const next = new Int32Array(transfers.length).fill(-1);
  let activeDays = 0;
  transfers.forEach((j, k) => {
    const day = Math.floor(ledger.time[j]! / DAY) - first;
    if (head[day] === -1) activeDays++;
    next[k] = head[day]!;
    head[day] = k;
  });
  const density = activeDays / span;
  // An account with transfers every day shows every schedule.
  if (density >= 1) return undefined;
  const periods = Math.min(MAX_PERIOD, Math.floor((span - 1) / (minRun - 1)));
  if (periods < MIN_PERIOD) return undefined;
  // Runs needed before chance alone would produce one this long less than CHANCE_RUNS times.
  const tries = activeDays * (periods - MIN_PERIOD + 1) * accounts;
  const needed = Math.max(minRun, Math.ceil(Math.log(CHANCE_RUNS / tries) / Math.log(density)));
  if (!Number.isFinite(needed) || needed > activeDays) return undefined;
  let best: number[] = [];
  const used = new Set<number>();
  for (let period = MIN_PERIOD; period <= periods; period++) {
    for (let day = 0; day + (needed - 1) * period < span; day++) {
      // Only runs that cannot be extended backwards: the others are parts of a longer run.
      if (head[day] === -1 || (day >= period && head[day - period] !== -1)) continue;
      used.clear();
      const run: number[] = [];
      for (let d = day; d < span; d += period) {
        let k = head[d]!;
        while (k !== -1 && used.has(ledger.source[transfers[k]!]!)) k = next[k]!;
        if (k === -1) break;
        used.add(ledger.source[transfers[k]!]!);
        run.push(transfers[k]!);
      }
      if (run.length > best.length) best = run;
    }
  }
  return best.length >= needed ? best : undefined;
}
