/**
 * Printing and the JSON summary of eval:screening. Misses are printed for the tune half only:
 * `tuneMisses` refuses report-half pairs, so no flag can show them.
 */
import { Calibration, Confusion, THRESHOLD, type Figures, type Tally } from "./metrics.ts";
import type { LabelledPair } from "./pairs.ts";
import type { Half } from "./split.ts";

const f = (x: number, digits = 4): string => (Number.isNaN(x) ? "   –  " : x.toFixed(digits));

export function confusionBy(
  pairs: LabelledPair[],
  half: Half,
  keyOf: (p: LabelledPair) => string,
): Confusion {
  const c = new Confusion();
  for (const p of pairs) if (p.half === half) c.add(keyOf(p), p.truth, p.score);
  return c;
}

export function printFigures(title: string, rows: Figures[]): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"".padEnd(26)} ${"pairs".padStart(5)} ${"pos".padStart(4)} accuracy precision recall  (tp fp tn fn)`,
  );
  for (const r of rows) {
    const { tp, fp, tn, fn } = r.cell;
    console.log(
      `  ${r.key.padEnd(26)} ${String(r.pairs).padStart(5)} ${String(r.positives).padStart(4)} ${f(r.accuracy).padStart(8)} ${f(r.precision).padStart(9)} ${f(r.recall).padStart(6)}  (${tp} ${fp} ${tn} ${fn})`,
    );
  }
}

export function printTally(title: string, tally: Tally): void {
  console.log(`\n${title}`);
  for (const r of tally.rows())
    console.log(`  ${r.key.padEnd(26)} ${f(r.share)}  (${r.ok}/${r.total})`);
}

export function calibrationOf(pairs: LabelledPair[], half: Half): Calibration {
  const c = new Calibration();
  for (const p of pairs) if (p.half === half) c.add(p.truth, p.score);
  return c;
}

export function printCalibration(title: string, calibration: Calibration): void {
  console.log(`\n${title}`);
  console.log(`  ${"score".padEnd(10)} ${"pairs".padStart(6)} ${"matches".padStart(8)}  share`);
  for (const b of calibration.rows())
    console.log(
      `  ${b.label.padEnd(10)} ${String(b.pairs).padStart(6)} ${String(b.matches).padStart(8)}  ${f(b.share, 3)}`,
    );
}

/** Tune-half pairs on the wrong side of the threshold, at most `perClass` per class. */
export function tuneMisses(pairs: LabelledPair[], limit: number, perClass: number): string[] {
  const byClass = new Map<string, string[]>();
  for (const p of pairs) {
    if (p.half !== "tune") continue;
    if (p.truth === p.score >= THRESHOLD) continue;
    const list = byClass.get(p.class) ?? [];
    if (list.length < perClass) {
      list.push(
        `${p.truth ? "missed" : "wrongly matched"}  ${p.name1} ~ ${p.name2}  ${p.score.toFixed(3)}`,
      );
      byClass.set(p.class, list);
    }
  }
  const lines: string[] = [];
  for (const [cls, list] of [...byClass.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (lines.length >= limit) break;
    lines.push(`  ${cls}:`);
    for (const line of list.slice(0, Math.max(1, limit - lines.length))) lines.push(`    ${line}`);
  }
  return lines;
}

export interface Goal {
  name: string;
  value: number;
  goal: number;
  detail: string;
}

export function printGoals(goals: Goal[]): void {
  console.log("\nGoals (report half)");
  for (const g of goals)
    console.log(
      `  ${g.value >= g.goal ? "PASS" : "FAIL"}  ${g.name.padEnd(44)} ${f(g.value)} (goal ≥ ${g.goal})  ${g.detail}`,
    );
}

/** Report-half figures only, no pair texts: what the README quotes. */
export function jsonFigures(rows: Figures[]): Record<string, object> {
  return Object.fromEntries(
    rows.map((r) => [
      r.key,
      {
        pairs: r.pairs,
        positives: r.positives,
        accuracy: round(r.accuracy),
        precision: round(r.precision),
        recall: round(r.recall),
      },
    ]),
  );
}

export const round = (x: number): number | null =>
  Number.isNaN(x) ? null : Math.round(x * 10000) / 10000;
