/**
 * Counting for eval:screening: labelled pairs (truth, score) in confusion cells by key, score
 * bins for calibration, and top-1 tallies. Pure; printing is done by the caller from `rows()`.
 */
import { DEFAULT_THRESHOLD } from "../../src/matching/types.ts";

export const THRESHOLD = DEFAULT_THRESHOLD;

export interface Cell {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Figures {
  key: string;
  pairs: number;
  positives: number;
  accuracy: number;
  /** NaN when nothing scored at or above the threshold. */
  precision: number;
  /** NaN when the key holds no true matches. */
  recall: number;
  cell: Cell;
}

export class Confusion {
  private readonly cells = new Map<string, Cell>();

  add(key: string, truth: boolean, score: number): void {
    const predicted = score >= THRESHOLD;
    let c = this.cells.get(key);
    if (!c) {
      c = { tp: 0, fp: 0, tn: 0, fn: 0 };
      this.cells.set(key, c);
    }
    if (truth && predicted) c.tp++;
    else if (truth) c.fn++;
    else if (predicted) c.fp++;
    else c.tn++;
  }

  rows(): Figures[] {
    return [...this.cells.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => figuresOf(key, c));
  }

  get(key: string): Figures | undefined {
    const c = this.cells.get(key);
    return c && figuresOf(key, c);
  }
}

function figuresOf(key: string, c: Cell): Figures {
  const pairs = c.tp + c.fp + c.tn + c.fn;
  return {
    key,
    pairs,
    positives: c.tp + c.fn,
    accuracy: (c.tp + c.tn) / pairs,
    precision: c.tp + c.fp === 0 ? Number.NaN : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? Number.NaN : c.tp / (c.tp + c.fn),
    cell: { ...c },
  };
}

/** Score bins of the calibration table, lowest first. */
export const BINS: ReadonlyArray<{ label: string; from: number; to: number }> = [
  { label: "< 0.5", from: Number.NEGATIVE_INFINITY, to: 0.5 },
  { label: "0.5–0.6", from: 0.5, to: 0.6 },
  { label: "0.6–0.7", from: 0.6, to: 0.7 },
  { label: "0.7–0.8", from: 0.7, to: 0.8 },
  { label: "0.8–0.9", from: 0.8, to: 0.9 },
  { label: "0.9–1.0", from: 0.9, to: Number.POSITIVE_INFINITY },
];

export interface BinFigures {
  label: string;
  pairs: number;
  matches: number;
  /** Observed share of true matches in the bin; NaN when empty. */
  share: number;
}

export class Calibration {
  private readonly counts = BINS.map(() => ({ pairs: 0, matches: 0 }));

  add(truth: boolean, score: number): void {
    const i = BINS.findIndex((b) => score >= b.from && score < b.to);
    const bin = this.counts[i === -1 ? BINS.length - 1 : i]!;
    bin.pairs++;
    if (truth) bin.matches++;
  }

  rows(): BinFigures[] {
    return BINS.map((b, i) => {
      const { pairs, matches } = this.counts[i]!;
      return { label: b.label, pairs, matches, share: pairs ? matches / pairs : Number.NaN };
    });
  }
}

/** Share of items where the wanted record came first, by key. */
export class Tally {
  private readonly counts = new Map<string, { ok: number; total: number }>();

  add(key: string, ok: boolean): void {
    const c = this.counts.get(key) ?? { ok: 0, total: 0 };
    c.total++;
    if (ok) c.ok++;
    this.counts.set(key, c);
  }

  rows(): Array<{ key: string; ok: number; total: number; share: number }> {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => ({ key, ...c, share: c.total ? c.ok / c.total : Number.NaN }));
  }

  get(key: string): { ok: number; total: number; share: number } | undefined {
    const c = this.counts.get(key);
    return c && { ...c, share: c.total ? c.ok / c.total : Number.NaN };
  }
}
