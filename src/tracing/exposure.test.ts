import assert from "node:assert/strict";
import { test } from "node:test";
import { computeExposure } from "./exposure.ts";
import { LedgerBuilder } from "./ledger.ts";

test("exposure: shares of inflows from and outflows to a sanctioned account", () => {
  const b = new LedgerBuilder();
  const day = 86_400_000;
  b.add("1", "S", "M", 100, day, "USD"); // S is sanctioned
  b.add("2", "Z", "M", 100, 2 * day, "USD");
  b.add("3", "M", "N", 100, 3 * day, "USD"); // half of M's pool came from S
  b.add("4", "N", "S", 40, 4 * day, "USD"); // N pays the sanctioned account back
  const ledger = b.build();
  const rows = computeExposure(ledger, new Set([ledger.indexOf("S")!]), { hops: 3, minAmount: 0 });
  const by = Object.fromEntries(rows.map((r) => [r.account, r]));
  assert.equal(by.M!.inflow_exposed, 100);
  assert.equal(by.M!.inflow_share, 0.5);
  assert.equal(by.N!.inflow_exposed, 50);
  assert.equal(by.N!.outflow_exposed, 40);
  assert.equal(by.N!.outflow_share, 1);
  assert.equal(by.N!.hops, 1);
  assert.equal(by.S, undefined, "the sanctioned account itself is not a third party");
  assert.ok(by.Z!.outflow_exposed > 0, "Z's money reached S through M and N");
});
