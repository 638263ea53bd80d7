/**
 * Each reader on a file in its format: literal fixtures always, the publishers' own samples in
 * ../shared when present.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { FTM_JSONL, OFAC_CSV, UN_XML } from "../../test/fixtures/lists.ts";
import { OFAC_ADVANCED_XML } from "../../test/fixtures/ofac-advanced.ts";
import { needShared } from "../../test/helpers/shared.ts";
import type { Entity } from "../model/entity.ts";
import { detectFormat } from "./detect.ts";
import { readerFor } from "./registry.ts";
import type { ListFormat, SourceRecord } from "./types.ts";

const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-readers-"));

function fixture(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function readAll(format: ListFormat, files: string[]): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const r of readerFor(format).read(files, { dataset: "test" })) records.push(r);
  return records;
}

function party(records: SourceRecord[], sourceId: string): Entity {
  const found = records.find((r) => r.sourceId === sourceId)?.entities[0];
  assert.ok(found, `record ${sourceId}`);
  return found;
}

test("OFAC legacy CSV: remarks become properties, wallets and links", async () => {
  const file = fixture("sdn.csv", OFAC_CSV);
  assert.equal(await detectFormat(file), "ofac-csv");
  const records = await readAll("ofac-csv", [file]);
  assert.equal(records.length, 4);
  const paek = party(records, "15667");
  assert.equal(paek.schema, "Person");
  assert.deepEqual(paek.properties.birthDate, ["1964-06-18"]);
  assert.deepEqual(paek.properties.passportNumber, ["381420754"]);
  assert.deepEqual(records[0]?.links, [
    {
      subject: "ofac-15667",
      objectName: "KOREA MINING DEVELOPMENT TRADING CORPORATION",
      role: "Linked To",
    },
  ]);
  const komid = party(records, "9523");
  assert.deepEqual(komid.properties.program, ["NPWMD", "DPRK"]);
  assert.deepEqual(komid.properties.alias, ["KOMID", "CHANGGWANG SINYONG CORPORATION"]);
  const vessel = party(records, "18201");
  assert.equal(vessel.schema, "Vessel");
  assert.deepEqual(vessel.properties.imoNumber, ["8660314"]);
  assert.deepEqual(vessel.properties.flag, ["kp"]);
});

test("OFAC advanced XML: names from parts, features, documents and programmes", async () => {
  const file = fixture("sdn_advanced.xml", OFAC_ADVANCED_XML);
  assert.equal(await detectFormat(file), "ofac-advanced-xml");
  const records = await readAll("ofac-advanced-xml", [file]);
  assert.deepEqual(
    records.map((r) => r.sourceId),
    ["15667", "9523"],
  );
  const paek = party(records, "15667");
  assert.equal(paek.schema, "Person");
  assert.deepEqual(paek.properties.name, ["PAEK Chang-Ho"]);
  assert.deepEqual(paek.properties.alias, ["PAEK Ch'ang-Ho"]);
  assert.deepEqual(paek.properties.birthDate, ["1964-06-18"]);
  assert.deepEqual(paek.properties.birthPlace, ["Kaesong, Korea, North"]);
  assert.deepEqual(paek.properties.gender, ["male"]);
  assert.deepEqual(paek.properties.passportNumber, ["381420754"]);
  assert.deepEqual(paek.properties.program, ["NPWMD"]);
  const wallet = records[0]!.entities.find((e) => e.schema === "CryptoWallet");
  assert.deepEqual(wallet?.properties.publicKey, ["1BoatSLRHtKNngkdXEeobR76b53LETtpyT"]);
  const komid = party(records, "9523");
  assert.equal(komid.schema, "Organization");
  assert.deepEqual(komid.properties.weakAlias, ["KOMID"]);
});

test("UN XML and FtM JSON lines", async () => {
  const un = await readAll("un-xml", [fixture("un.xml", UN_XML)]);
  assert.deepEqual(
    un.map((r) => r.sourceId),
    ["KPi.033", "KPe.001"],
  );
  const ftm = await readAll("ftm", [fixture("e.ftm.json", FTM_JSONL)]);
  assert.deepEqual(
    ftm.map((r) => r.sourceId),
    ["p1", "c1", "p1#3"],
  );
});

const SAMPLES: Array<[string, ListFormat, number, (records: SourceRecord[]) => void]> = [
  [
    "data/lists/format-samples/sdn.xml",
    "ofac-xml",
    8,
    (r) => assert.equal(party(r, "10689").properties.passportNumber?.length, 2),
  ],
  [
    "data/lists/format-samples/sample_eu.xml",
    "eu-xml",
    6,
    (r) => assert.ok(party(r, "5295").properties.alias?.includes("Abdelhamid Abou Zeid")),
  ],
  [
    "data/lists/format-samples/sample_uk_sanctions.xml",
    "uk-xml",
    5,
    (r) => assert.ok(party(r, "AFG0001").properties.alias?.includes("Haji Alim Hawala")),
  ],
  [
    "data/lists/format-samples/sample_hmt.csv",
    "uk-csv",
    6,
    (r) => assert.ok(r.every((x) => x.entities[0]!.properties.name)),
  ],
  ["data/lists/format-samples/sample_unsc.xml", "un-xml", 7, () => undefined],
  [
    "data/lists/us-csl/consolidated.csv",
    "csl-csv",
    14048,
    (r) => assert.deepEqual(party(r, "23156").properties.imoNumber, ["8898831"]),
  ],
  [
    "data/lists/uk-fcdo-summary/FCDO_SL_Mon_Aug_11_2025.ods",
    "uk-summary",
    5302,
    (r) => assert.equal(party(r, "AFG0001").schema, "Organization"),
  ],
];

for (const [relative, format, count, check] of SAMPLES) {
  test(`publisher's file ${path.basename(relative)} reads as ${format}`, async (t) => {
    const file = needShared(t, relative);
    if (!file) return;
    assert.equal(await detectFormat(file), format);
    const records = await readAll(format, [file]);
    assert.equal(new Set(records.map((r) => r.sourceId)).size, count);
    check(records);
  });
}
