/**
 * The hand-labelled truth of eval:screening section B2 (eval/data/names/un-dprk-ofac.csv): it
 * reads cleanly, covers every UN DPRK entity once, and bad rows are refused naming file, line and
 * field. The labels' content is checked against the lists by section B2 itself (every uid must be
 * in the OFAC snapshot loaded).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { InvalidInputError } from "../src/errors.ts";
import { readUnOfacLabels } from "../eval/screening/lists.ts";

const LABELS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../eval/data/names/un-dprk-ofac.csv",
);
const HEADER = "un_ref,un_name,ofac_uid,ofac_name,evidence\n";

test("the committed labels cover the 75 UN DPRK entities, one row each", () => {
  const labels = readUnOfacLabels(LABELS);
  assert.equal(labels.length, 75);
  assert.equal(new Set(labels.map((l) => l.unRef)).size, 75);
  assert.deepEqual(
    labels.filter((l) => l.ofacUids.length === 0).map((l) => l.unRef),
    ["KPe.014"],
  );
  const sans = labels.find((l) => l.unRef === "KPe.018")!;
  assert.deepEqual(sans.ofacUids, ["12215", "19492"]);
});

test("bad label rows are refused with file, line and field", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-un-ofac-"));
  const cases: Array<[string, RegExp]> = [
    ["KPe.001,KOMID,ofac-9345,KOMID,same name\n", /line 2: ofac_uid: 'ofac-9345'/],
    ["KP.1,KOMID,9345,KOMID,same name\n", /line 2: un_ref: 'KP.1' is not/],
    ["KPe.001,KOMID,9345,KOMID,same\nKPe.001,KOMID,9345,KOMID,same\n", /line 3: un_ref: .*twice/],
    ["KPe.001,KOMID,9345,KOMID,\n", /line 2: evidence: empty/],
    ["KPe.001,KOMID,,KOMID,none\n", /line 2: ofac_name/],
  ];
  for (const [i, [rows, says]] of cases.entries()) {
    const file = path.join(dir, `case-${i}.csv`);
    writeFileSync(file, HEADER + rows);
    assert.throws(
      () => readUnOfacLabels(file),
      (error: unknown) =>
        error instanceof InvalidInputError &&
        error.message.includes(file) &&
        says.test(error.message),
    );
  }
  const missing = path.join(dir, "no-evidence-column.csv");
  writeFileSync(missing, "un_ref,un_name,ofac_uid,ofac_name\nKPe.001,KOMID,9345,KOMID\n");
  assert.throws(() => readUnOfacLabels(missing), /line 2: evidence: column missing/);
});
