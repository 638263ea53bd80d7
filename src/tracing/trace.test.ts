/**
 * Hand-worked traces. The ledger (day: transfer):
 *   1: X→A 100   2: A→B 60   3: Y→B 40   4: B→C 50   5: B→D 50   6: C→E 30   7: D→E 50
 *   8: A→F 80 (A holds only 40: 40 come from an unknown source)
 * A split (B pays C and D) and a merge (C and D pay E), an outflow before any inflow (Y's
 * pool is empty when it pays B), and an overdraft of the origin itself.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LedgerBuilder, type Ledger } from "./ledger.ts";
import { trace, type TraceResult } from "./trace.ts";
import type { TraceDirection, TraceMethod } from "./types.ts";

const DAY = 86_400_000;

function ledgerOf(rows: Array<[string, string, number]>): Ledger {
  const builder = new LedgerBuilder();
  rows.forEach(([source, target, amount], i) =>
    builder.add(`t${i + 1}`, source, target, amount, (i + 1) * DAY, "USD"),
  );
  return builder.build();
}

const LEDGER = ledgerOf([
  ["X", "A", 100],
  ["A", "B", 60],
  ["Y", "B", 40],
  ["B", "C", 50],
  ["B", "D", 50],
  ["C", "E", 30],
  ["D", "E", 50],
  ["A", "F", 80],
]);

function run(
  origin: string,
  direction: TraceDirection,
  method: TraceMethod,
  extra: { hops?: number; to?: number } = {},
): TraceResult {
  return trace(LEDGER, [origin], {
    direction,
    method,
    hops: extra.hops ?? 6,
    to: extra.to,
    minAmount: 0.01,
  });
}

function flows(result: TraceResult): Record<string, [number, number]> {
  return Object.fromEntries(result.flows.map((f) => [f.account, [f.amount, f.hops]]));
}

function edges(result: TraceResult): Record<string, number> {
  return Object.fromEntries(result.edges.map((e) => [`${e.source}>${e.target}`, e.amount]));
}

test("forward proportional: each outflow carries the pool's traced share", () => {
  const result = run("A", "forward", "proportional");
  assert.deepEqual(flows(result), { B: [60, 1], C: [30, 2], D: [30, 2], E: [48, 3], F: [80, 1] });
  assert.deepEqual(edges(result), {
    "A>B": 60,
    "B>C": 30,
    "B>D": 30,
    "C>E": 18,
    "D>E": 30,
    "A>F": 80,
  });
  assert.equal(result.unknown_amount, 40, "A sent 80 holding 40");
  assert.deepEqual(result.edges.find((e) => e.source === "C")?.transactions, ["t6"]);
});

test("forward FIFO: outflows consume inflows in order of arrival", () => {
  const result = run("A", "forward", "fifo");
  assert.deepEqual(flows(result), { B: [60, 1], C: [50, 2], D: [10, 2], E: [40, 3], F: [80, 1] });
  assert.deepEqual(edges(result), {
    "A>B": 60,
    "B>C": 50,
    "B>D": 10,
    "C>E": 30,
    "D>E": 10,
    "A>F": 80,
  });
  assert.equal(result.unknown_amount, 40);
});

test("backward proportional: where E's 80 came from, down to unknown sources", () => {
  const result = run("E", "backward", "proportional");
  assert.deepEqual(flows(result), {
    D: [50, 1],
    C: [30, 1],
    B: [80, 2],
    A: [48, 3],
    Y: [32, 3],
    X: [48, 4],
  });
  assert.deepEqual(edges(result), {
    "D>E": 50,
    "C>E": 30,
    "B>D": 50,
    "B>C": 30,
    "Y>B": 32,
    "A>B": 48,
    "X>A": 48,
  });
  assert.equal(result.unknown_amount, 80, "X and Y paid out money the ledger never saw arrive");
});

test("backward FIFO", () => {
  const result = run("E", "backward", "fifo");
  assert.deepEqual(flows(result), {
    D: [50, 1],
    C: [30, 1],
    B: [80, 2],
    A: [40, 3],
    Y: [40, 3],
    X: [40, 4],
  });
  assert.equal(result.unknown_amount, 80);
});

test("hop limit and time window stop the trace where the funds are", () => {
  assert.deepEqual(flows(run("A", "forward", "proportional", { hops: 2 })), {
    B: [60, 1],
    C: [30, 2],
    D: [30, 2],
    F: [80, 1],
  });
  assert.deepEqual(flows(run("A", "forward", "fifo", { hops: 2 })), {
    B: [60, 1],
    C: [50, 2],
    D: [10, 2],
    F: [80, 1],
  });
  assert.deepEqual(flows(run("A", "forward", "proportional", { to: 5 * DAY })), {
    B: [60, 1],
    C: [30, 2],
    D: [30, 2],
  });
  assert.deepEqual(flows(run("E", "backward", "proportional", { hops: 1 })), {
    D: [50, 1],
    C: [30, 1],
  });
});

test("money moves on only after it arrived", () => {
  // B pays C before A's money reaches B: none of A's money can be in that payment.
  const ledger = ledgerOf([
    ["B", "C", 10],
    ["A", "B", 50],
    ["B", "D", 20],
  ]);
  for (const method of ["proportional", "fifo"] as const) {
    const result = trace(ledger, ["A"], { direction: "forward", method, hops: 3, minAmount: 0 });
    assert.deepEqual(flows(result), { B: [50, 1], D: [20, 2] }, method);
  }
});

test("pools of different currencies never mix; unknown accounts are refused", () => {
  const builder = new LedgerBuilder();
  builder.add("1", "A", "B", 100, DAY, "USD");
  builder.add("2", "B", "C", 100, 2 * DAY, "EUR");
  builder.add("3", "B", "D", 70, 3 * DAY, "USD");
  const ledger = builder.build();
  const result = trace(ledger, ["A"], {
    direction: "forward",
    method: "proportional",
    hops: 3,
    minAmount: 0,
  });
  assert.equal(result.currency, "USD");
  assert.deepEqual(flows(result), { B: [100, 1], D: [70, 2] });
  assert.throws(
    () => trace(ledger, ["Z"], { direction: "forward", method: "fifo", hops: 3, minAmount: 0 }),
    /no account 'Z'/,
  );
});
