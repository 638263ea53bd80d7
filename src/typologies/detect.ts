/**
 * Runs the typology detectors over a ledger. Each pattern group goes to the first group detector
 * (in TYPOLOGIES order) that recognises its shape; ledger detectors scan on their own.
 */
import { createHash } from "node:crypto";
import { InvalidInputError } from "../errors.ts";
import type { Ledger } from "../tracing/ledger.ts";
import { bipartite } from "./bipartite.ts";
import { cycle } from "./cycle.ts";
import { fanIn } from "./fan-in.ts";
import { fanOut } from "./fan-out.ts";
import { gatherScatter } from "./gather-scatter.ts";
import { passThrough } from "./pass-through.ts";
import { repeatedTransfers } from "./repeated-transfers.ts";
import { scatterGather } from "./scatter-gather.ts";
import { computeSignals, type PatternGroup } from "./signals.ts";
import { stack } from "./stack.ts";
import { structuring } from "./structuring.ts";
import {
  DEFAULT_DETECT_OPTIONS,
  TYPOLOGIES,
  type Alert,
  type DetectOptions,
  type DetectionContext,
  type Detector,
  type RawAlert,
  type Typology,
} from "./types.ts";

export const DETECTORS: Detector[] = [
  cycle,
  scatterGather,
  gatherScatter,
  bipartite,
  fanIn,
  fanOut,
  stack,
  repeatedTransfers,
  structuring,
  passThrough,
];

export function parseTypologies(names: string[] | undefined): Set<Typology> {
  if (!names || names.length === 0) return new Set(TYPOLOGIES);
  for (const name of names) {
    if (!(TYPOLOGIES as readonly string[]).includes(name)) {
      throw new InvalidInputError(`unknown typology '${name}' (${TYPOLOGIES.join(", ")})`);
    }
  }
  return new Set(names as Typology[]);
}

export function detect(
  ledger: Ledger,
  wanted: Set<Typology> = new Set(TYPOLOGIES),
  options: Partial<DetectOptions> = {},
): Alert[] {
  const ctx = detectionContext(ledger, options);
  return finishAlerts(ledger, [
    ...groupAlerts(ctx).filter((a) => wanted.has(a.typology)),
    ...DETECTORS.flatMap((d) =>
      d.kind === "ledger" && wanted.has(d.typology) ? d.detect(ctx) : [],
    ),
  ]);
}

/** The signals of a ledger (the costly part of detection) with the options filled in. */
export function detectionContext(
  ledger: Ledger,
  options: Partial<DetectOptions> = {},
): DetectionContext {
  const settings = { ...DEFAULT_DETECT_OPTIONS, ...options };
  return { ledger, signals: computeSignals(ledger, settings.minFan), options: settings };
}

/** Each pattern group's alert, from the first group detector that recognises its shape. */
export function groupAlerts(ctx: DetectionContext): RawAlert[] {
  const raw: RawAlert[] = [];
  for (const group of ctx.signals.groups) {
    for (const detector of DETECTORS) {
      if (detector.kind !== "group") continue;
      const reason = detector.matches(group, ctx);
      if (reason === undefined) continue;
      raw.push(groupAlert(detector.typology, group, reason));
      break;
    }
  }
  return raw;
}

/**
 * Raw alerts ranked and named. Group alerts come first, then each ledger detector's in DETECTORS
 * order: ties keep that order, so the same alerts always rank the same.
 */
export function finishAlerts(ledger: Ledger, raw: RawAlert[]): Alert[] {
  raw.sort((a, b) => b.score - a.score || b.accounts.length - a.accounts.length);
  return raw.map((alert) => {
    const transactions = [...new Set(alert.transfers)]
      .sort((x, y) => x - y)
      .map((j) => ledger.transferIds.get(j));
    const accounts = alert.accounts.map((a) => ledger.accountIds[a]!);
    return {
      id: alertId(alert.typology, accounts, transactions),
      typology: alert.typology,
      score: Math.round(alert.score * 1000) / 1000,
      accounts,
      transactions,
      reason: alert.reason,
    };
  });
}

/**
 * An alert's id comes from what it is (typology, accounts, transfers), not from its rank, so that
 * a reviewer's assignment or closing stays with the same pattern when detection runs again.
 */
function alertId(typology: Typology, accounts: string[], transactions: string[]): string {
  const digest = createHash("sha1")
    .update(typology)
    .update("\n")
    .update([...accounts].sort().join("\n"))
    .update("\n\n")
    .update(transactions.join("\n"));
  return `alert-${digest.digest("hex").slice(0, 12)}`;
}

/** Scores grow with the evidence: pattern transfers and accounts in the group. */
function groupAlert(typology: Typology, group: PatternGroup, reason: string): RawAlert {
  const transfers = group.edges.flatMap((e) => e.transfers);
  const score = Math.min(0.99, 0.5 + 0.04 * group.edges.length + 0.01 * transfers.length);
  const associates = group.associates.length;
  return {
    typology,
    score,
    accounts: [...group.accounts, ...group.associates],
    transfers,
    reason:
      associates > 0
        ? `${reason}; ${associates} more account(s) take money from them and pay money back`
        : reason,
  };
}
