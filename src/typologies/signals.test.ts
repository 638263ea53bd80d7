/**
 * The two signals that find scheme accounts outside the bursts: payers on a schedule, and
 * outsiders that take money from a group and pay money back to it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LedgerBuilder } from "../tracing/ledger.ts";
import { scheduledRelays } from "./schedule.ts";
import { computeSignals } from "./signals.ts";

const DAY = 86_400_000;

/** Ordinary traffic: each of `accounts` pays a random other account every few days. */
function background(builder: LedgerBuilder, accounts: number, days: number, seed = 1): void {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let n = 0;
  for (let day = 0; day < days; day++) {
    for (let a = 0; a < accounts; a++) {
      if (random() > 0.2) continue;
      const b = (a + 1 + Math.floor(random() * (accounts - 1))) % accounts;
      builder.add(`bg${n++}`, `n${a}`, `n${b}`, 100, day * DAY + 3_600_000, "USD");
    }
  }
}

test("a new payer every 9 days is found among ordinary traffic; a busy account paid daily is not", () => {
  const builder = new LedgerBuilder();
  background(builder, 300, 200);
  // The relay: 12 payers, one every 9 days, each also trading with the collector as usual.
  for (let k = 0; k < 12; k++) {
    builder.add(`relay${k}`, `mule${k}`, "collector", 500, (5 + 9 * k) * DAY, "USD");
    builder.add(`usual${k}`, `mule${k}`, "collector", 80, (7 + 9 * k + 3) * DAY, "USD");
  }
  // A shop paid by a different customer every day: a busy spell, not a schedule.
  for (let day = 0; day < 60; day++)
    builder.add(`shop${day}`, `customer${day}`, "shop", 20, (100 + day) * DAY, "USD");
  const ledger = builder.build();
  const relays = scheduledRelays(ledger, 8);
  const receivers = relays.map((run) => ledger.accountIds[ledger.target[run[0]!]!]);
  assert.deepEqual(receivers, ["collector"]);
  const payers = relays[0]!.map((j) => ledger.accountIds[ledger.source[j]!]);
  assert.equal(new Set(payers).size, payers.length, "each payer once");
  assert.ok(payers.length >= 12, `found ${payers.length} payers`);
});

test("an outsider paid by a group and paying it back joins the group, and so does its own accomplice; one paying it only does not", () => {
  const builder = new LedgerBuilder();
  background(builder, 300, 60, 7);
  // A burst group: a→b twice on day 10, b→c twice on day 11.
  builder.add("g1", "a", "b", 900, 10 * DAY, "USD");
  builder.add("g2", "a", "b", 900, 10 * DAY + 60_000, "USD");
  builder.add("g3", "b", "c", 850, 11 * DAY, "USD");
  builder.add("g4", "b", "c", 850, 11 * DAY + 60_000, "USD");
  // The accomplice takes from c and pays a; the bystander only pays a and b.
  builder.add("x1", "c", "accomplice", 400, 12 * DAY, "USD");
  builder.add("x2", "accomplice", "a", 390, 14 * DAY, "USD");
  builder.add("y1", "bystander", "a", 50, 15 * DAY, "USD");
  builder.add("y2", "bystander", "b", 50, 16 * DAY, "USD");
  // The accomplice's own accomplice deals two ways with it only: found in the second round.
  builder.add("z1", "accomplice", "runner", 200, 13 * DAY, "USD");
  builder.add("z2", "runner", "accomplice", 190, 13 * DAY + 3_600_000, "USD");
  const ledger = builder.build();
  const { groups } = computeSignals(ledger, 5);
  const group = groups.find((g) => g.accounts.some((a) => ledger.accountIds[a] === "a"));
  assert.ok(group, "the burst group is found");
  const associates = group.associates.map((a) => ledger.accountIds[a]);
  assert.deepEqual(associates, ["accomplice", "runner"]);
});
