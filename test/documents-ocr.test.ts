/**
 * OCR end to end with the shipped Tesseract models: a scanned PDF page and a photographed Korean
 * memo have no text until `--ocr`; a run without OCR says so, and a later run with it reads them
 * instead of skipping them as already ingested.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingestPaths } from "../src/documents/ingest.ts";
import { createTesseractOcr } from "../src/documents/ocr.ts";
import { openStore } from "../src/store/open.ts";
import { runCli } from "./helpers/cli.ts";
import { drawLines, fontFor, makeScannedPdf } from "./helpers/documents.ts";

const SCANNED = [
  "Korea Kwangson Banking Corp paid USD 1,200,000",
  "to the vessel CHON MA SAN, IMO 8660313, at Nampo.",
];

test("scanned pages and images: counted unread without OCR, read by a later run with it", async (t) => {
  const latin = fontFor("latin");
  const hangul = fontFor("hangul");
  if (!latin || !hangul) {
    const notice = "no Latin or Hangul font installed (Debian fonts-dejavu-core, fonts-nanum)";
    if (process.env.CI) assert.fail(notice);
    t.skip(notice);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-ocr-"));
  writeFileSync(path.join(dir, "scan.pdf"), makeScannedPdf(SCANNED, latin));
  writeFileSync(path.join(dir, "memo.png"), drawLines(["조선무역은행 송금 보고"], hangul).png);
  const store = await openStore(":memory:");
  const ocr = createTesseractOcr(["eng", "kor"]);
  try {
    const plain = await ingestPaths(store, [dir]);
    assert.equal(plain.documents, 2);
    assert.equal(plain.unreadImages, 2);
    assert.equal((await store.documents.search({ text: "Kwangson", limit: 5 })).length, 0);

    const read = await ingestPaths(store, [dir], { ocr });
    assert.equal(read.duplicates, 0, "unread scans are read again, not skipped");
    assert.equal(read.ocrPages, 2);
    assert.equal(read.unreadImages, 0);
    const hits = await store.documents.search({ text: "Kwangson Banking", limit: 5 });
    assert.deepEqual(
      hits.map((h) => h.document.name),
      ["scan.pdf"],
    );
    const vessel = await store.documents.listMentions({ documentId: read.ids[1], type: "Vessel" });
    assert.deepEqual(
      vessel.map((m) => m.value),
      ["IMO 8660313"],
    );
    const memo = await store.documents.getDocument(read.ids[0]!);
    assert.equal(memo?.schema, "Image");
    assert.match(memo!.text.replace(/\s/g, ""), /무역은행/);

    const again = await ingestPaths(store, [dir], { ocr });
    assert.equal(again.duplicates, 2, "read once, then skipped");
  } finally {
    await ocr.close();
    await store.close();
  }
});

test("CLI: --ocr reads a scanned PDF; an unknown OCR language is refused before any work", async (t) => {
  const latin = fontFor("latin");
  if (!latin) {
    if (process.env.CI) assert.fail("no Latin font installed (Debian fonts-dejavu-core)");
    t.skip("no Latin font installed");
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-ocr-cli-"));
  const scan = path.join(dir, "scan.pdf");
  writeFileSync(scan, makeScannedPdf(SCANNED, latin));
  const db = path.join(dir, "store.db");
  const refused = await runCli(["--db", db, "docs", "ingest", scan, "--ocr", "--ocr-lang", "fra"]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /unknown OCR language fra/);
  const plain = await runCli(["--db", db, "docs", "ingest", scan]);
  assert.match(plain.stderr, /1 scanned pages or images have no text: ingest again with --ocr/);
  const read = await runCli([
    "--db",
    db,
    "docs",
    "ingest",
    scan,
    "--ocr",
    "--ocr-lang",
    "eng",
    "--json",
  ]);
  assert.equal(read.code, 0, read.stderr);
  assert.equal(JSON.parse(read.stdout).ocrPages, 1);
  const found = await runCli(["--db", db, "docs", "search", "CHON MA SAN", "--json"]);
  assert.equal(JSON.parse(found.stdout).hits.length, 1);
});
