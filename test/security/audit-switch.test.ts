/**
 * MONEYTRAIL_AUDIT=off, the switch bench:server measures the audit log's cost with: it silences
 * the log only on a server without sign-in (one person on loopback); a server with
 * authentication refuses to start with it, so no one can screen unrecorded where others sign in.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { verifyChain } from "../../src/access/audit-chain.ts";
import { authModeFor } from "../../src/cli/commands/serve.ts";
import { checkAuditSwitch, loadConfig } from "../../src/config.ts";
import { importList } from "../../src/lists/import.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { backends, freshStore } from "../helpers/stores.ts";

test("MONEYTRAIL_AUDIT takes on or off and nothing else, naming the variable", () => {
  assert.equal(loadConfig({}).audit, true);
  assert.equal(loadConfig({ MONEYTRAIL_AUDIT: "on" }).audit, true);
  assert.equal(loadConfig({ MONEYTRAIL_AUDIT: "off" }).audit, false);
  for (const bad of ["0", "false", "OFF", "no"])
    assert.throws(
      () => loadConfig({ MONEYTRAIL_AUDIT: bad }),
      /MONEYTRAIL_AUDIT must be on or off/,
    );
});

test("serve refuses the audit log off wherever authentication is on, before forking", () => {
  const off = { ...loadConfig({}), audit: false };
  const cases: Array<[string, string, string]> = [
    ["required", "127.0.0.1", "x.db"],
    ["auto", "0.0.0.0", "x.db"],
    ["auto", "127.0.0.1", "postgres://db/x"],
  ];
  for (const [flag, host, db] of cases)
    assert.throws(
      () => checkAuditSwitch(off, authModeFor(flag, host, db) === "required"),
      /MONEYTRAIL_AUDIT=off is only for a server without authentication/,
    );
  assert.doesNotThrow(() =>
    checkAuditSwitch(off, authModeFor("off", "127.0.0.1", "x.db") === "required"),
  );
  assert.doesNotThrow(() =>
    checkAuditSwitch(loadConfig({}), authModeFor("required", "0.0.0.0", "x.db") === "required"),
  );
});

async function withList(store: Store): Promise<void> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-audit-switch-")), "l.json");
  writeFileSync(
    file,
    JSON.stringify({
      id: "p1",
      schema: "Person",
      properties: { name: ["Ivan Petrov Listed"], topics: ["sanction"] },
    }) + "\n",
  );
  await importList(store, [file], { format: "ftm", dataset: "watch", version: "1" });
}

const match = {
  method: "POST" as const,
  url: "/match/default",
  payload: { queries: { q: { schema: "Person", properties: { name: ["Ivan Petrov"] } } } },
};

for (const backend of backends()) {
  test(`${backend.name}: buildApp with authentication refuses the audit log off; nothing stored`, async () => {
    const { store } = await freshStore(backend);
    try {
      const config = { ...loadConfig({}), audit: false };
      await assert.rejects(
        buildApp({ store, config, auth: "required" }),
        /MONEYTRAIL_AUDIT=off is only for a server without authentication/,
      );
      assert.equal((await verifyChain(store.access.iterateAudit())).entries, 0);
    } finally {
      await store.close();
    }
  });

  test(`${backend.name}: without sign-in, off records no screening, on records each`, async () => {
    const { store } = await freshStore(backend);
    try {
      await withList(store);
      const off = await buildApp({ store, config: { ...loadConfig({}), audit: false } });
      for (let i = 0; i < 3; i++) assert.equal((await off.inject(match)).statusCode, 200);
      await off.close();
      assert.equal((await verifyChain(store.access.iterateAudit())).entries, 0);

      const on = await buildApp({ store, config: loadConfig({}) });
      for (let i = 0; i < 3; i++) assert.equal((await on.inject(match)).statusCode, 200);
      await on.close();
      const check = await verifyChain(store.access.iterateAudit());
      assert.equal(check.entries, 3);
      assert.equal(check.broken, undefined);
    } finally {
      await store.close();
    }
  });
}
