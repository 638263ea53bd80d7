/**
 * Documents end to end: a folder with every format ingests in one call on both store backends,
 * search finds words inside PDF pages, e-mail attachments and spreadsheet cells, hostile files are
 * refused with a reason, and (with the UN list loaded) "Bureau 39" links to Office 39.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingestPaths } from "../src/documents/ingest.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import { runCli } from "./helpers/cli.ts";
import { makeDocx, makeEml, makePdf, makeXlsx, makeZip } from "./helpers/documents.ts";
import { needShared } from "./helpers/shared.ts";
import { backends } from "./helpers/stores.ts";

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "moneytrail-docs-"));

const MEMO = `Meeting notes, Dandong

Mr. Kim Chol Man of Korea Daesong Trading Company met Jang Song-thaek's former aide in Dandong.
Payment of USD 250,000 to IBAN DE89 3704 0044 0532 0130 00 (SWIFT: COBADEFFXXX) on 4 March 2017.
The vessel CHON MA SAN (IMO 8660313) loaded coal at Nampo. Call +86 415 312 4567.`;

/** A seized-laptop folder: every format, an attachment also saved on its own, one broken PDF. */
async function seizedFolder(): Promise<string> {
  const dir = tmp();
  const invoice = makePdf(
    ["INVOICE 2017/114", "Anthracite coal, 12,000 tonnes", "Beneficiary: Paekho Trading"],
    { title: "Invoice 114" },
  );
  const sheet = await makeXlsx({
    Payments: [
      ["date", "payee", "amount"],
      ["2017-03-04", "Chonsong Shipping", 98000],
    ],
  });
  writeFileSync(path.join(dir, "memo.txt"), MEMO);
  writeFileSync(path.join(dir, "invoice.pdf"), invoice);
  writeFileSync(
    path.join(dir, "letter.docx"),
    await makeDocx(["Dear comrade,", "The remittance via Golden Star Bank is delayed."]),
  );
  writeFileSync(path.join(dir, "payments.xlsx"), sheet);
  writeFileSync(
    path.join(dir, "mail.eml"),
    makeEml({
      from: "Ri Song Hyok <rsh@example.org>",
      to: "agent@example.net",
      subject: "Shipment papers",
      body: "Attached the invoice and the ledger. Destroy after reading.",
      attachments: [
        { name: "invoice.pdf", type: "application/pdf", bytes: invoice },
        {
          name: "ledger.xlsx",
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          bytes: await makeXlsx({ Ledger: [["Wolmido Export", "JPY 1,000,000"]] }),
        },
      ],
    }),
  );
  writeFileSync(
    path.join(dir, "bundle.zip"),
    await makeZip({
      "notes/page.html":
        "<html><head><title>Notes</title></head><body><p>Sinuiju warehouse keys</p><script>ignored()</script></body></html>",
      "data/record.json": JSON.stringify({ beneficiary: { name: "Hana Electronics" } }),
    }),
  );
  writeFileSync(path.join(dir, "memo-ko.txt"), "조선무역은행 계좌로 송금하였다. 평양 본사 보고.");
  writeFileSync(path.join(dir, "broken.pdf"), "%PDF-1.4 this is not really a pdf");
  writeFileSync(path.join(dir, "locked.pdf"), makePdf(["secret"], { encrypted: true }));
  mkdirSync(path.join(dir, "empty-folder"));
  return dir;
}

for (const backend of backends()) {
  test(`${backend.name}: a seized folder ingests in one call; search reaches pages, attachments and cells`, async () => {
    const store = await openStore(await backend.freshLocation());
    try {
      const dir = await seizedFolder();
      const report = await ingestPaths(store, [dir], { collection: "case-1" });
      assert.equal(report.files, 9);
      // memo, invoice, letter, sheet, mail + ledger attachment, bundle + html + json, Korean memo
      assert.equal(report.documents, 10);
      assert.equal(report.duplicates, 1, "the e-mailed invoice is the same bytes as invoice.pdf");
      const reasons = Object.fromEntries(
        report.failed.map((f) => [path.basename(f.path), f.reason]),
      );
      assert.match(reasons["locked.pdf"]!, /encrypted PDF/);
      assert.match(reasons["broken.pdf"]!, /PDF/);

      const search = (text: string, extra = {}) =>
        store.documents
          .search({ text, limit: 10, ...extra })
          .then((hits) => hits.map((h) => h.document.name));
      assert.deepEqual(await search("anthracite"), ["invoice.pdf"], "a word on a PDF page");
      assert.deepEqual(
        await search("Wolmido"),
        ["ledger.xlsx"],
        "a cell of an attached spreadsheet",
      );
      assert.deepEqual(await search("Chonsong Shipping"), ["payments.xlsx"]);
      assert.deepEqual(await search('"Golden Star Bank"'), ["letter.docx"]);
      assert.deepEqual(await search("Sinuiju"), ["page.html"], "a page inside a zip");
      assert.deepEqual(await search("ignored"), [], "scripts are not text");
      assert.deepEqual(await search("Hana Electronics"), ["record.json"]);
      assert.deepEqual(await search("anthracite", { schema: "Email" }), []);
      const [hit] = await store.documents.search({ text: "remittance", limit: 1 });
      assert.match(hit!.snippet, /<mark>remittance<\/mark>/i);

      const mail = (await store.documents.listDocuments({ collection: "case-1", limit: 100 })).find(
        (d) => d.name === "mail.eml",
      )!;
      assert.equal(mail.schema, "Email");
      assert.equal(mail.title, "Shipment papers");
      assert.match(mail.sender!, /Ri Song Hyok/);
      const attachments = await store.documents.listDocuments({ parentId: mail.id, limit: 10 });
      assert.deepEqual(
        attachments.map((d) => d.name),
        ["ledger.xlsx"],
      );

      const all = await store.documents.listDocuments({ collection: "case-1", limit: 100 });
      const memo = all.find((d) => d.name === "memo.txt")!.id;
      const mentions = await store.documents.listMentions({ documentId: memo });
      const found = (type: string) =>
        mentions.filter((m) => m.type === type).map((m) => m.value ?? m.text);
      assert.deepEqual(found("BankAccount"), ["DE89370400440532013000"]);
      assert.deepEqual(found("Vessel"), ["IMO 8660313"]);
      assert.deepEqual(found("Money"), ["250000 USD"]);
      assert.deepEqual(found("Date"), ["2017-03-04"]);
      assert.ok(found("Person").includes("Kim Chol Man"), found("Person").join(", "));
      assert.ok(found("Organization").includes("Korea Daesong Trading Company"));
      assert.ok(found("Location").includes("Dandong"));
      assert.ok(found("Identifier").includes("BIC COBADEFFXXX"));

      const again = await ingestPaths(store, [dir], { collection: "case-1" });
      assert.equal(again.documents, 0, "ingesting the same folder twice stores nothing new");
    } finally {
      await store.close();
    }
  });
}

test("hostile files are refused or bounded with a reason, and the rest of the batch goes on", async () => {
  const store = await openStore(":memory:");
  try {
    const dir = tmp();
    const limits = { maxFileBytes: 1_000_000, maxExpandedBytes: 2_000_000, maxDepth: 2 };
    writeFileSync(
      path.join(dir, "bomb.zip"),
      await makeZip({
        "a.txt": "0".repeat(900_000),
        "b.txt": "1".repeat(900_000),
        "c.txt": "2".repeat(900_000),
      }),
    );
    writeFileSync(
      path.join(dir, "traversal.zip"),
      await makeZip({ "../../etc/evil.txt": "owned", "ok.txt": "harmless words" }),
    );
    writeFileSync(path.join(dir, "huge.txt"), "x".repeat(2_000_000));
    let nested = await makeZip({ "deepest.txt": "bottom" });
    for (let level = 0; level < 3; level++)
      nested = await makeZip({ [`level${level}.zip`]: nested });
    writeFileSync(path.join(dir, "nested.zip"), nested);
    writeFileSync(path.join(dir, "deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
    writeFileSync(path.join(dir, "binary.bin"), new Uint8Array([0, 1, 2, 3, 0, 0, 255]));
    writeFileSync(path.join(dir, "fine.txt"), "an ordinary note");
    const report = await ingestPaths(store, [dir], { limits });
    const reasons = report.failed
      .map((f) => `${f.path.slice(dir.length + 1)}: ${f.reason}`)
      .join("\n");
    assert.match(reasons, /bomb\.zip: .*beyond the limit.*zip bomb/);
    assert.match(reasons, /traversal\.zip!\/\.\.\/\.\.\/etc\/evil\.txt: unsafe member path/);
    assert.match(
      reasons,
      /huge\.txt: file is 2000000 bytes, over the 1000000-byte limit; not read/,
    );
    assert.match(reasons, /deepest|level\d\.zip: nested more than 2 levels deep/);
    assert.match(reasons, /binary\.bin: unsupported binary format/);
    const names = (await store.documents.search({ text: "harmless", limit: 5 })).map(
      (h) => h.document.name,
    );
    assert.deepEqual(names, ["ok.txt"], "the safe member of the traversal archive is read");
    assert.equal((await store.documents.search({ text: "ordinary", limit: 5 })).length, 1);
  } finally {
    await store.close();
  }
});

test("CLI: with the UN list loaded, 'Bureau 39' in a document links to the Office 39 designation", async (t) => {
  const un = needShared(t, "data/lists/un/UN_consolidated_2026-02-27.xml");
  if (!un) return;
  const dir = tmp();
  const db = path.join(dir, "store.db");
  const imported = await runCli(["--db", db, "lists", "import", un, "--version", "2026-02-27"]);
  assert.equal(imported.code, 0, imported.stderr);
  const docs = path.join(dir, "docs");
  mkdirSync(docs);
  writeFileSync(
    path.join(docs, "cable.txt"),
    "Funds were moved by Bureau 39 through the Foreign Trade Bank, according to a defector. Kim Jong II approved it.",
  );
  // Names listed only in Latin letters, written in Hangul and in Chinese characters.
  writeFileSync(
    path.join(docs, "memo-ko.txt"),
    "리성혁 동지가 5만 달러를 송금하였다. 이번 정부 조선 전체에 최춘식과 함께 보고.\n李成赫在丹东。",
  );
  const ingested = await runCli([
    "--db",
    db,
    "docs",
    "ingest",
    docs,
    "--collection",
    "cables",
    "--json",
  ]);
  assert.equal(ingested.code, 0, ingested.stderr);
  assert.equal(JSON.parse(ingested.stdout).documents, 2);
  const listed = await runCli(["--db", db, "docs", "entities", "--json"]);
  const mentions = JSON.parse(listed.stdout).mentions as Array<Record<string, unknown>>;
  const bureau = mentions.find((m) => m.text === "Bureau 39");
  assert.ok(bureau?.entity_id, JSON.stringify(mentions));
  assert.match(String(bureau!.caption), /office 39/i);
  const korean = mentions
    .filter((m) => /[\p{Script=Hangul}\p{Script=Han}]/u.test(String(m.text)))
    .filter((m) => m.type === "Person")
    .map((m) => `${m.text} ${m.caption}`);
  assert.deepEqual(korean, ["리성혁 RI SONG HYOK", "최춘식 CHOE CHUN-SIK", "李成赫 RI SONG HYOK"]);
  const searched = await runCli([
    "--db",
    db,
    "docs",
    "search",
    "defector",
    "--entity",
    String(bureau!.entity_id),
    "--json",
  ]);
  assert.equal(JSON.parse(searched.stdout).hits.length, 1);
});

test("API: upload an e-mail, read it and its mentions, search with snippets", async () => {
  const store = await openStore(":memory:");
  const app = await buildApp({ store });
  try {
    const eml = makeEml({
      from: "agent@example.net",
      to: "office@example.org",
      subject: "Coal payment",
      body: "Send EUR 1.2 million to IBAN GB29 NWBK 6016 1331 9268 19 before the ship leaves Nampo.",
      attachments: [
        {
          name: "note.txt",
          type: "text/plain",
          bytes: new TextEncoder().encode("tonnage schedule"),
        },
      ],
    });
    const uploaded = await app.inject({
      method: "POST",
      url: "/documents?name=coal.eml&collection=api",
      headers: { "content-type": "message/rfc822" },
      payload: Buffer.from(eml),
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const report = uploaded.json<{ documents: number; ids: string[] }>();
    assert.equal(report.documents, 2, "the e-mail and its attachment");
    const id = report.ids[0]!;
    const document = await app.inject({ url: `/documents/${id}` });
    assert.equal(document.json<{ schema: string }>().schema, "Email");
    assert.equal(document.json<{ children: unknown[] }>().children.length, 1);
    const mentions = await app.inject({ url: `/documents/${id}/mentions?type=BankAccount` });
    assert.deepEqual(
      mentions.json<{ mentions: Array<{ value: string }> }>().mentions.map((m) => m.value),
      ["GB29NWBK60161331926819"],
    );
    const search = await app.inject({ url: "/search/documents?q=tonnage" });
    const hits = search.json<{ hits: Array<{ snippet: string; document: { name: string } }> }>()
      .hits;
    assert.deepEqual(
      hits.map((h) => h.document.name),
      ["note.txt"],
    );
    assert.match(hits[0]!.snippet, /<mark>tonnage<\/mark>/);
    const memo = await app.inject({
      method: "POST",
      url: "/documents?name=memo.txt&collection=api",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from(
        "Golden Star Bank transferred EUR 1.2 million to Korea Daesong Trading Company.",
      ),
    });
    const memoId = memo.json<{ ids: string[] }>().ids[0]!;
    const relations = await app.inject({ url: `/documents/${memoId}/relations?kind=paid` });
    assert.deepEqual(
      relations
        .json<{
          relations: Array<{ source: { text: string }; target: { text: string }; value: string }>;
        }>()
        .relations.map((r) => [r.source.text, r.target.text, r.value]),
      [["Golden Star Bank", "Korea Daesong Trading Company", "1200000 EUR"]],
    );
    const badLanguage = await app.inject({
      method: "POST",
      url: "/documents?name=scan.png&ocr=true&ocr_lang=fra",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from("x"),
    });
    assert.equal(badLanguage.statusCode, 400);
    assert.match(badLanguage.body, /unknown OCR language fra/);
    assert.equal((await app.inject({ url: "/documents/doc-missing" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/search/documents" })).statusCode, 400);
  } finally {
    await app.close();
    await store.close();
  }
});
