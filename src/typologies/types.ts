import type { Ledger } from "../tracing/ledger.ts";
import type { PatternGroup, Signals } from "./signals.ts";

export const TYPOLOGIES = [
  "cycle",
  "scatter-gather",
  "gather-scatter",
  "bipartite",
  "fan-in",
  "fan-out",
  "stack",
  "repeated-transfers",
  "structuring",
  "pass-through",
] as const;
export type Typology = (typeof TYPOLOGIES)[number];

export interface DetectOptions {
  /** Reporting threshold for structuring (in the ledger's currency units). */
  structuringThreshold: number;
  /** How far below the threshold counts as "just under" (0.1 = the 10% below). */
  structuringMargin: number;
  /** Fewest distinct counterparties for fan-in/fan-out from one-off transfers. */
  minFan: number;
}

export const DEFAULT_DETECT_OPTIONS: DetectOptions = {
  structuringThreshold: 10_000,
  structuringMargin: 0.1,
  minFan: 5,
};

/** An alert with ledger indices; detect.ts turns it into ids. */
export interface RawAlert {
  typology: Typology;
  score: number;
  accounts: number[];
  transfers: number[];
  reason: string;
}

export interface Alert {
  id: string;
  typology: Typology;
  score: number;
  accounts: string[];
  transactions: string[];
  reason: string;
}

export interface DetectionContext {
  ledger: Ledger;
  signals: Signals;
  options: DetectOptions;
}

/**
 * A detector of one typology. Group detectors claim pattern groups (see signals.ts) whose shape
 * they recognise, in the order of TYPOLOGIES; ledger detectors scan the transfers themselves.
 */
export type Detector =
  | {
      typology: Typology;
      kind: "group";
      matches(group: PatternGroup, ctx: DetectionContext): string | undefined;
    }
  | { typology: Typology; kind: "ledger"; detect(ctx: DetectionContext): RawAlert[] };
