/**
 * bench:documents — generates a 1,000-file mixed corpus (PDF, e-mails with a PDF and a
 * spreadsheet attached, DOCX, XLSX, ZIP archives of text, HTML and DOCX) and ingests it into a
 * fresh store with the UN list loaded, so names are linked as they are in use. Prints files/s,
 * documents/s (attachments and archive members included) and MB/s. Goal (issue 5): ≥ 20 files/s
 * on 2 cores without OCR. BENCH_FILES changes the corpus size. Then OCR: BENCH_OCR_PAGES scanned
 * one-page PDFs (default 20) read with the eng+kor models, in pages/s.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ingestPaths } from "../src/documents/ingest.ts";
import { networkExtractOptions } from "../src/documents/link.ts";
import { importList } from "../src/lists/import.ts";
import { ScreeningService } from "../src/screening/service.ts";
import { openStore } from "../src/store/open.ts";
import { createTesseractOcr } from "../src/documents/ocr.ts";
import {
  fontFor,
  makeDocx,
  makeEml,
  makePdf,
  makeScannedPdf,
  makeXlsx,
  makeZip,
} from "../test/helpers/documents.ts";
import { LISTS, sharedFile } from "../test/helpers/shared.ts";

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-bench-docs-"));
const corpus = path.join(dir, "corpus");

/** Deterministic pseudo-random numbers (mulberry32), so every run ingests the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(39);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

const seeds = ["chongryon.txt", "kim-seeks-funds.txt"].flatMap((name) => {
  const text = readFileSync(sharedFile(`corpus/seeds/${name}`), "utf8");
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.replace(/[^\x20-\x7e]/g, " ").trim())
    .filter((s) => s.length > 20);
});
const PEOPLE = ["Kim Chol Man", "Ri Song Hyok", "Jang Song Thaek", "Choe Ryong Hae", "Pak Il Gyu"];
const COMPANIES = [
  "Korea Kwangson Banking Corp",
  "Foreign Trade Bank",
  "Korea Daesong Trading Company",
  "Chonsong Shipping Co Ltd",
  "Dandong Hongxiang Industrial Development Co Ltd",
];
const IBANS = [
  "DE89 3704 0044 0532 0130 00",
  "GB29 NWBK 6016 1331 9268 19",
  "FR14 2004 1010 0505 0001 3M02 606",
];
const IMOS = ["8660313", "9114555", "8405311"];

function paragraph(): string {
  const lines = Array.from({ length: 3 + Math.floor(next() * 4) }, () => pick(seeds));
  lines.push(
    `${pick(PEOPLE)} of ${pick(COMPANIES)} paid USD ${Math.floor(next() * 900 + 100)},000 to IBAN ${pick(IBANS)} for the vessel (IMO ${pick(IMOS)}).`,
  );
  return lines.join(" ");
}
const paragraphs = (n: number): string[] => Array.from({ length: n }, paragraph);
const sheet = (): Promise<Uint8Array> =>
  makeXlsx({
    Payments: [
      ["date", "payer", "payee", "amount", "account"],
      ...Array.from({ length: 40 }, (_, i) => [
        `2017-03-${String((i % 28) + 1).padStart(2, "0")}`,
        pick(COMPANIES),
        pick(PEOPLE),
        Math.floor(next() * 100_000),
        pick(IBANS),
      ]),
    ],
  });
/** pdf.js' built-in font is Latin-1; long lines are wrapped as a word processor would. */
const pdfLines = (texts: string[]): string[] =>
  texts.flatMap((t) => t.match(/.{1,90}(\s|$)/g) ?? []).map((l) => l.trim());

const KINDS = ["pdf", "eml", "docx", "xlsx", "zip"] as const;
mkdirSync(corpus);
let bytes = 0;
const made = performance.now();
for (let i = 0; i < FILES; i++) {
  const kind = KINDS[i % KINDS.length]!;
  const file = path.join(corpus, `${String(i).padStart(4, "0")}.${kind}`);
  let content: Uint8Array;
  if (kind === "pdf") content = makePdf(pdfLines(paragraphs(3)), { title: `Report ${i}` });
  else if (kind === "docx") content = await makeDocx(paragraphs(4));
  else if (kind === "xlsx") content = await sheet();
  else if (kind === "eml")
    content = makeEml({
      from: `${pick(PEOPLE)} <agent${i}@example.org>`,
      to: "office@example.net",
      subject: `Payment ${i}`,
      body: paragraphs(2).join("\n\n"),
      attachments: [
        { name: "invoice.pdf", type: "application/pdf", bytes: makePdf(pdfLines(paragraphs(1))) },
        {
          name: "ledger.xlsx",
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          bytes: await sheet(),
        },
      ],
    });
  else
    content = await makeZip({
      "notes.txt": paragraphs(2).join("\n\n"),
      "page.html": `<html><body><p>${paragraphs(2).join("</p><p>")}</p></body></html>`,
      "letter.docx": await makeDocx(paragraphs(2)),
    });
  writeFileSync(file, content);
  bytes += statSync(file).size;
}
const madeSeconds = (performance.now() - made) / 1000;

const store = await openStore(path.join(dir, "bench.db"));
await importList(store, [sharedFile(LISTS.un)], { version: "bench" });
const service = new ScreeningService(store);
const extract = await networkExtractOptions(service);
const started = performance.now();
const report = await ingestPaths(store, [corpus], { collection: "bench", extract });
const seconds = (performance.now() - started) / 1000;

const OCR_PAGES = Number(process.env.BENCH_OCR_PAGES ?? 20);
const latin = fontFor("latin");
let ocrLine = "  OCR         skipped: no Latin font installed (Debian fonts-dejavu-core)";
if (latin && OCR_PAGES > 0) {
  const scans = path.join(dir, "scans");
  mkdirSync(scans);
  for (let i = 0; i < OCR_PAGES; i++)
    writeFileSync(
      path.join(scans, `scan-${i}.pdf`),
      makeScannedPdf(pdfLines(paragraphs(2)).slice(0, 24), latin),
    );
  const ocr = createTesseractOcr(["eng", "kor"]);
  const ocrStarted = performance.now();
  const scanned = await ingestPaths(store, [scans], { collection: "bench-ocr", extract, ocr });
  const ocrSeconds = (performance.now() - ocrStarted) / 1000;
  await ocr.close();
  ocrLine = `  OCR         ${scanned.ocrPages} scanned pages (about 24 lines each, eng+kor) in ${ocrSeconds.toFixed(1)} s: ${(scanned.ocrPages / ocrSeconds).toFixed(2)} pages/s, start-up included`;
}
await store.close();

const cpu = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown cpu"}, node ${process.version}`;
console.log(`bench:documents (${cpu})`);
console.log(
  `  corpus      ${FILES} files (${KINDS.join(", ")}), ${(bytes / 2 ** 20).toFixed(1)} MB, generated in ${madeSeconds.toFixed(1)} s`,
);
console.log(
  `  ingest      ${seconds.toFixed(1)} s: ${(FILES / seconds).toFixed(1)} files/s, ${(report.documents / seconds).toFixed(1)} documents/s (${report.documents} with attachments and members), ${(bytes / 2 ** 20 / seconds).toFixed(2)} MB/s`,
);
console.log(
  `  extracted   ${report.mentions} mentions (${report.linked} linked to UN entities), ${report.relations} relations, ${report.failed.length} failed`,
);
console.log(ocrLine);
console.log(`  peak RSS    ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`  goal: ≥ 20 files/s: ${FILES / seconds >= 20 ? "met" : "NOT met"}`);
