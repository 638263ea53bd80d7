/**
 * Structural and timing signals shared by the typology detectors. A laundering scheme shows in
 * how transfers are arranged, not in their amounts: AMLSim and real schemes move the same money
 * along the same pairs in bursts (several transfers on one pair within a day), or feed one account
 * from many counterparties that appear once, on a regular cadence. The pairs that carry such
 * signals form a "pattern graph"; its connected groups are what the group detectors classify.
 */
import type { Ledger } from "../tracing/ledger.ts";
import { scheduledRelays } from "./schedule.ts";

const DAY = 86_400_000;
/**
 * Fewest one-off counterparties for a cadence fan: with fewer, random timing looks regular too
 * often (five random arrivals have near-equal gaps by chance about once in fifty accounts).
 */
const CADENCE_MIN_FAN = 8;

export interface PatternEdge {
  source: number;
  target: number;
  transfers: number[];
}

export interface PatternGroup {
  accounts: number[];
  edges: PatternEdge[];
  /** Accounts outside the group that transact with two or more of its members. */
  associates: number[];
}

export interface Signals {
  /** Transfers per ordered pair, keyed source * accounts + target. */
  pairCount: Map<number, number>;
  groups: PatternGroup[];
}

const pairKey = (ledger: Ledger, s: number, t: number): number => s * ledger.accountCount + t;

/** Pairs with two or more transfers on the same day: the bursts schemes leave behind. */
function burstEdges(ledger: Ledger): {
  edges: Map<number, PatternEdge>;
  pairCount: Map<number, number>;
} {
  const pairCount = new Map<number, number>();
  const lastDay = new Map<number, number>();
  const edges = new Map<number, PatternEdge>();
  for (let j = 0; j < ledger.size; j++) {
    const s = ledger.source[j]!;
    const t = ledger.target[j]!;
    if (s === t) continue;
    const key = pairKey(ledger, s, t);
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
    const day = Math.floor(ledger.time[j]! / DAY);
    if (lastDay.get(key) !== day) lastDay.set(key, day);
    else if (!edges.has(key)) edges.set(key, { source: s, target: t, transfers: [] });
  }
  // Every transfer on a burst pair belongs to the pattern, on burst days or not, in time order.
  for (let j = 0; j < ledger.size; j++) {
    edges.get(pairKey(ledger, ledger.source[j]!, ledger.target[j]!))?.transfers.push(j);
  }
  return { edges, pairCount };
}

/** Weakly connected groups of the pattern graph, each with its associates. */
function groupsOf(ledger: Ledger, edges: Iterable<PatternEdge>): PatternGroup[] {
  const parent = new Map<number, number>();
  const find = (a: number): number => {
    let root = a;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = a;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const all = [...edges];
  for (const { source, target } of all) {
    if (!parent.has(source)) parent.set(source, source);
    if (!parent.has(target)) parent.set(target, target);
    parent.set(find(source), find(target));
  }
  const byRoot = new Map<number, PatternGroup>();
  for (const account of parent.keys()) {
    const root = find(account);
    let group = byRoot.get(root);
    if (!group) {
      group = { accounts: [], edges: [], associates: [] };
      byRoot.set(root, group);
    }
    group.accounts.push(account);
  }
  for (const edge of all) byRoot.get(find(edge.source))!.edges.push(edge);
  const groups = [...byRoot.values()];
  attachAssociates(ledger, groups);
  return groups;
}

/**
 * Money passes through accomplices outside the bursts: an account that takes money from a group's
 * members and also pays money to them sits inside the scheme's flow, and is reported with the
 * group, unless an account that busy would deal with the group both ways by chance (in a small,
 * dense ledger everyone deals with everyone). Accomplices have accomplices: the search runs again
 * with the associates found so far counted in their group, until no more join. On the labelled
 * AMLSim runs such two-way outsiders are scheme members three times in four; outsiders that only
 * pay to (or only take from) members were members about one time in three, less than the alerts
 * they would join, and are left out.
 */
function attachAssociates(ledger: Ledger, groups: PatternGroup[]): void {
  for (let round = 0; round < MAX_ASSOCIATE_ROUNDS; round++) {
    if (associateRound(ledger, groups) === 0) return;
  }
}

/** Adds the two-way outsiders of each group (members and associates so far); returns how many. */
function associateRound(ledger: Ledger, groups: PatternGroup[]): number {
  const groupOf = new Map<number, PatternGroup>();
  for (const group of groups) {
    for (const a of group.accounts) groupOf.set(a, group);
    for (const a of group.associates) groupOf.set(a, group);
  }
  const FROM_GROUP = 1;
  const TO_GROUP = 2;
  const contacts = new Map<number, Map<PatternGroup, number>>();
  for (let j = 0; j < ledger.size; j++) {
    const s = ledger.source[j]!;
    const t = ledger.target[j]!;
    const sGroup = groupOf.get(s);
    const tGroup = groupOf.get(t);
    if ((sGroup === undefined) === (tGroup === undefined)) continue;
    const outsider = sGroup ? t : s;
    const group = (sGroup ?? tGroup)!;
    let byGroup = contacts.get(outsider);
    if (!byGroup) contacts.set(outsider, (byGroup = new Map()));
    byGroup.set(group, (byGroup.get(group) ?? 0) | (sGroup ? FROM_GROUP : TO_GROUP));
  }
  let added = 0;
  for (const [outsider, byGroup] of contacts) {
    const inflows = ledger.inStart[outsider + 1]! - ledger.inStart[outsider]!;
    const outflows = ledger.outStart[outsider + 1]! - ledger.outStart[outsider]!;
    for (const [group, directions] of byGroup) {
      if (directions !== (FROM_GROUP | TO_GROUP)) continue;
      // Accounts as busy as this one that would deal with the group both ways by chance.
      const share = (group.accounts.length + group.associates.length) / ledger.accountCount;
      const byChance = inflows * share * (outflows * share) * ledger.accountCount;
      if (byChance > CHANCE_ASSOCIATES) continue;
      group.associates.push(outsider);
      added++;
    }
  }
  return added;
}

/** Chance two-way outsiders of a group above which an outsider is not an associate. */
const CHANCE_ASSOCIATES = 1;
/** Rounds of accomplices of accomplices, at most (the labelled runs settle in three). */
const MAX_ASSOCIATE_ROUNDS = 5;

/**
 * One-off inflows (outflows) on a regular cadence: an account that hears from many counterparties
 * exactly once each, at near-equal intervals, is being fed (is feeding) by a scheduled scheme.
 */
export function cadenceFans(
  ledger: Ledger,
  pairCount: Map<number, number>,
  minFan: number,
  direction: "in" | "out",
): number[][] {
  const fans: number[][] = [];
  const [start, list] =
    direction === "in" ? [ledger.inStart, ledger.inList] : [ledger.outStart, ledger.outList];
  for (let a = 0; a < ledger.accountCount; a++) {
    const count = start[a + 1]! - start[a]!;
    if (count < minFan) continue;
    const oneOff: number[] = [];
    for (let i = start[a]!; i < start[a + 1]!; i++) {
      const j = list[i]!;
      const s = ledger.source[j]!;
      const t = ledger.target[j]!;
      if (s !== t && pairCount.get(pairKey(ledger, s, t)) === 1) oneOff.push(j);
    }
    if (oneOff.length < minFan || !regular(oneOff.map((j) => ledger.time[j]!))) continue;
    fans.push(oneOff);
  }
  return fans;
}

/** Near-equal gaps between consecutive times (coefficient of variation under 0.25). */
function regular(times: number[]): boolean {
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  const mean = gaps.reduce((x, y) => x + y, 0) / gaps.length;
  if (mean <= 0) return false;
  const variance = gaps.reduce((x, g) => x + (g - mean) ** 2, 0) / gaps.length;
  return Math.sqrt(variance) / mean < 0.25;
}

/**
 * When most transfers in a ledger go over pairs that trade only once (retail payments, the
 * original AMLSim runs), a one-off counterparty is ordinary and cadence fans say nothing.
 */
const ONE_OFF_ORDINARY = 0.5;

function oneOffShare(ledger: Ledger, pairCount: Map<number, number>): number {
  let oneOff = 0;
  for (const count of pairCount.values()) if (count === 1) oneOff++;
  return ledger.size ? oneOff / ledger.size : 0;
}

export function computeSignals(ledger: Ledger, minFan: number): Signals {
  const { edges, pairCount } = burstEdges(ledger);
  const groups = groupsOf(ledger, edges.values());
  // A cadence fan is a scheme of its own: merging it with burst groups through a shared
  // account would chain unrelated groups together.
  const cadenceMin = Math.max(minFan, CADENCE_MIN_FAN);
  const fans = scheduledRelays(ledger, cadenceMin);
  if (oneOffShare(ledger, pairCount) <= ONE_OFF_ORDINARY) {
    fans.push(
      ...cadenceFans(ledger, pairCount, cadenceMin, "in"),
      ...cadenceFans(ledger, pairCount, cadenceMin, "out"),
    );
  }
  for (const fan of fans) {
    const edges = fan.map((j) => ({
      source: ledger.source[j]!,
      target: ledger.target[j]!,
      transfers: [j],
    }));
    groups.push(...groupsOf(ledger, edges));
  }
  return { pairCount, groups };
}
