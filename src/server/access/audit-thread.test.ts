import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { verifyChain, type AuditEvent } from "../../access/audit-chain.ts";
import { openStore } from "../../store/open.ts";
import { AuditThread } from "./audit-thread.ts";

const event = (n: number): AuditEvent => ({
  actor: "tester",
  action: "match",
  target: "default",
  detail: { q1: { query: { name: [`Name ${n}`] }, results: [] } },
});

test("the audit thread appends batches in order to the store's chain", async () => {
  const db = path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-audit-thread-")), "a.db");
  const store = await openStore(db);
  const thread = new AuditThread(db);
  try {
    await Promise.all([
      thread.append([event(1), event(2)]),
      thread.append([event(3)]),
      thread.append([event(4), event(5)]),
    ]);
    const entries = [];
    for await (const entry of store.access.iterateAudit()) entries.push(entry);
    assert.deepEqual(
      entries.map((e) => (e.detail as { q1: { query: { name: string[] } } }).q1.query.name[0]),
      ["Name 1", "Name 2", "Name 3", "Name 4", "Name 5"],
    );
    const check = await verifyChain(store.access.iterateAudit());
    assert.equal(check.broken, undefined);
    assert.equal(check.entries, 5);
  } finally {
    await thread.close();
    await store.close();
  }
});

test("an audit thread that cannot open its store fails each batch with the reason", async () => {
  // A "directory" that is a file: the store cannot be created under it.
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-audit-thread-")), "file");
  writeFileSync(file, "not a directory");
  const thread = new AuditThread(path.join(file, "a.db"));
  try {
    await assert.rejects(thread.append([event(1)]), /^Error: audit thread: .+/);
    await assert.rejects(thread.append([event(2)]), /^Error: audit thread: .+/);
  } finally {
    await thread.close();
  }
});
