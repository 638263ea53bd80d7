/**
 * Alerts kept per ledger build, so that a request for them costs a look-up, not a detection.
 * Detection over a large ledger takes seconds and the server answers on one thread: without
 * this, a caller alternating `typology` or `structuring_threshold` had every request detect
 * afresh and held every other request meanwhile. The signals and each detector's raw alerts are
 * computed once per ledger; a typology filter is a filter; another structuring threshold reruns
 * only that detector (one pass over the accounts), kept for the next request with it.
 */
import type { Ledger } from "../tracing/ledger.ts";
import { DETECTORS, detectionContext, finishAlerts, groupAlerts } from "./detect.ts";
import {
  DEFAULT_DETECT_OPTIONS,
  type Alert,
  type DetectionContext,
  type RawAlert,
  type Typology,
} from "./types.ts";

/** Answers (typology sets × thresholds) and structuring thresholds kept per ledger. */
const MAX_KEPT = 16;

interface LedgerAlerts {
  ctx: DetectionContext;
  groups: RawAlert[];
  /** Each ledger detector's raw alerts with the default options. */
  detected: Map<Typology, RawAlert[]>;
  /** The structuring detector's raw alerts by threshold. */
  structuring: Map<number, RawAlert[]>;
  answers: Map<string, Alert[]>;
}

export class AlertCache {
  /** Weak: a ledger replaced by a newer build takes its alerts with it. */
  private readonly ledgers = new WeakMap<Ledger, LedgerAlerts>();

  /**
   * The alerts of the wanted typologies, as `detect(ledger, wanted, { structuringThreshold })`
   * gives them.
   *
   * @example
   * cache.alerts(ledger, new Set(["cycle"])); // detects once, then filters
   */
  alerts(ledger: Ledger, wanted: Set<Typology>, structuringThreshold?: number): Alert[] {
    const state = this.stateOf(ledger);
    const threshold = structuringThreshold ?? DEFAULT_DETECT_OPTIONS.structuringThreshold;
    const key = `${[...wanted].sort().join(",")}|${threshold}`;
    let answer = state.answers.get(key);
    if (!answer) {
      const raw = [...state.groups.filter((a) => wanted.has(a.typology))];
      for (const detector of DETECTORS) {
        if (detector.kind !== "ledger" || !wanted.has(detector.typology)) continue;
        raw.push(
          ...(detector.typology === "structuring"
            ? this.structuring(state, threshold)
            : state.detected.get(detector.typology)!),
        );
      }
      answer = finishAlerts(ledger, raw);
      keep(state.answers, key, answer);
    }
    return answer;
  }

  private stateOf(ledger: Ledger): LedgerAlerts {
    let state = this.ledgers.get(ledger);
    if (!state) {
      const ctx = detectionContext(ledger);
      const detected = new Map<Typology, RawAlert[]>();
      for (const detector of DETECTORS)
        if (detector.kind === "ledger") detected.set(detector.typology, detector.detect(ctx));
      const structuring = new Map<number, RawAlert[]>();
      structuring.set(ctx.options.structuringThreshold, detected.get("structuring") ?? []);
      state = { ctx, groups: groupAlerts(ctx), detected, structuring, answers: new Map() };
      this.ledgers.set(ledger, state);
    }
    return state;
  }

  private structuring(state: LedgerAlerts, threshold: number): RawAlert[] {
    let raw = state.structuring.get(threshold);
    if (!raw) {
      const detector = DETECTORS.find((d) => d.typology === "structuring");
      const ctx = {
        ...state.ctx,
        options: { ...state.ctx.options, structuringThreshold: threshold },
      };
      raw = detector?.kind === "ledger" ? detector.detect(ctx) : [];
      keep(state.structuring, threshold, raw);
    }
    return raw;
  }
}

/** Adds to a map that keeps the MAX_KEPT newest entries. */
function keep<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  if (map.size > MAX_KEPT) map.delete(map.keys().next().value!);
}
