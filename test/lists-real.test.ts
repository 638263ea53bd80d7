/**
 * The real list snapshots in ../shared: counts the issue names, every file imports, and the diff
 * of two OFAC days agrees with a line-by-line comparison of the files.
 */
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { diffRecords } from "../src/lists/diff.ts";
import { importList } from "../src/lists/import.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { LISTS, needShared, sharedFile } from "./helpers/shared.ts";

async function withMemoryStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(":memory:");
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

test("UN consolidated list: 1003 entries, 730 individuals, 273 entities, 155 DPRK", async (t) => {
  const file = needShared(t, LISTS.un);
  if (!file) return;
  await withMemoryStore(async (store) => {
    const { version } = await importList(store, [file]);
    assert.equal(version.dataset, "un_sc_sanctions");
    assert.equal(version.entries, 1003);
    assert.equal(version.schemata.Person, 730);
    assert.equal(version.schemata.Organization, 273);
    let dprk = 0;
    for await (const r of store.iterateRecords(version.id))
      if (/^KP[ie]\./.test(r.sourceId)) dprk++;
    assert.equal(dprk, 155);
    const riWonHo = await store.getEntity("unsc-kpi.033");
    assert.deepEqual(riWonHo.properties.birthDate, ["1964-07-17"]);
    assert.deepEqual(riWonHo.properties.nationality, ["kp"]);
    assert.deepEqual(riWonHo.properties.passportNumber, ["381310014"]);
    const komid = await store.getEntity("unsc-kpe.001");
    assert.ok(komid.properties.alias?.includes("KOMID"), "quoted aliases lose their quotes");
  });
});

test("OFAC SDN 2024-05-03: 14,965 entries, 484 DPRK, 105 DPRK vessels, 104 with IMO", async (t) => {
  const file = needShared(t, LISTS.sdn0503);
  if (!file) return;
  await withMemoryStore(async (store) => {
    const { version } = await importList(store, [file]);
    assert.equal(version.dataset, "us_ofac_sdn");
    assert.equal(version.label, "2024-05-03");
    assert.equal(version.entries, 14965);
    let dprk = 0;
    let vessels = 0;
    let withImo = 0;
    for await (const e of store.iterateEntities()) {
      if (!e.properties.program?.some((p) => p.startsWith("DPRK")) || e.schema === "Sanction")
        continue;
      dprk++;
      if (e.schema === "Vessel") {
        vessels++;
        if (e.properties.imoNumber) withImo++;
      }
    }
    assert.deepEqual([dprk, vessels, withImo], [484, 105, 104]);
  });
});

test("diff of two OFAC days agrees with a line-by-line comparison", async (t) => {
  const before = needShared(t, LISTS.sdn0502);
  const after = needShared(t, LISTS.sdn0503);
  if (!before || !after) return;
  const rows = async (file: string): Promise<Map<string, string>> => {
    const parsed = parse(await readFile(file, "latin1"), {
      relax_column_count: true,
    }) as string[][];
    return new Map(parsed.filter((r) => r.length === 12).map((r) => [r[0]!, JSON.stringify(r)]));
  };
  const [a, b] = [await rows(before), await rows(after)];
  const expected = {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).sort(),
  };
  await withMemoryStore(async (store) => {
    const v1 = (await importList(store, [before])).version;
    const v2 = (await importList(store, [after])).version;
    const diff = await diffRecords(store.iterateRecords(v1.id), store.iterateRecords(v2.id));
    assert.deepEqual(
      {
        added: diff.added.map((e) => e.sourceId).sort(),
        removed: diff.removed.map((e) => e.sourceId).sort(),
        changed: diff.changed.map((e) => e.sourceId).sort(),
      },
      expected,
    );
    assert.equal(expected.removed.length, 8);
    assert.equal(diff.removed.find((e) => e.sourceId === "38556")?.caption, "EMPEROR AVIATION LTD");
  });
});

/** Files that belong together are imported together; everything else on its own. */
function importGroups(): string[][] {
  const root = sharedFile("data/lists");
  const groups: string[][] = [];
  for (const dir of readdirSync(root).sort()) {
    const full = path.join(root, dir);
    if (!statSync(full).isDirectory()) continue;
    const files = readdirSync(full)
      .filter((f) => !/^LICENSE/i.test(f))
      .map((f) => path.join(full, f))
      .sort();
    const isSet = /ofac-sdn-add-alt|ofac-crypto-addresses/.test(dir);
    if (isSet) groups.push(files);
    else
      for (const f of files)
        if (
          !/(^|\/)(add|alt|sdn_comments|cons_add|cons_alt|cons_comments)\.csv$/i.test(f) ||
          dir === "ofac-alt-2025-08"
        )
          groups.push([f]);
  }
  return groups;
}

test("every file under ../shared/data/lists imports", async (t) => {
  if (!needShared(t, "data/lists")) return;
  await withMemoryStore(async (store) => {
    const groups = importGroups();
    assert.ok(groups.length >= 17, `found ${groups.length} import groups`);
    for (const [i, files] of groups.entries()) {
      const { version } = await importList(store, files, { version: `t${i}` });
      assert.ok(version.entries > 0, `${files[0]} gave no entries`);
    }
  });
});
