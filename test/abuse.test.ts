/**
 * Abuse of the API: each hostile request is refused with a clear 4xx (or, for work that runs as
 * a job, a failed job with a clear reason) and nothing is written: oversized bodies, 10,000
 * queries in one batch, deeply nested JSON, XML entity bombs, zip bombs, path traversal in
 * archive names, endless nesting, and SQL and full-text query syntax in search strings.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { FastifyInstance, InjectOptions } from "fastify";
import { importList } from "../src/lists/import.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import type { Store } from "../src/store/store.ts";
import { UN_XML } from "./fixtures/lists.ts";
import { makeDocx, makeZip, makeZipBomb } from "./helpers/documents.ts";

let store: Store;
let app: FastifyInstance;

before(async () => {
  store = await openStore(":memory:");
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-abuse-"));
  const file = path.join(dir, "un_2026-02-27.xml");
  writeFileSync(file, UN_XML);
  await importList(store, [file], { dataset: "un_sc_sanctions" });
  app = await buildApp({ store });
  const upload = await app.inject({
    method: "POST",
    url: "/documents?name=note.txt&collection=evidence",
    headers: { "content-type": "application/octet-stream" },
    payload: Buffer.from("Payment from Korea Mining Development Trading to the Dandong office"),
  });
  assert.equal(upload.statusCode, 201, upload.body);
});

after(async () => {
  await app.close();
  await store.close();
});

/** What a refused request must leave as it was. */
async function snapshot() {
  const documents = await store.documents.listDocuments({ limit: 10_000 });
  const collections = await store.access.listCollections();
  const ledger = await store.ledger.summary();
  return {
    documents: documents.map((d) => d.id).sort(),
    collections: collections.map((c) => c.name).sort(),
    transfers: ledger.transfers,
    versions: (await store.listVersions()).length,
  };
}

function detailOf(response: { body: string }): string {
  return (JSON.parse(response.body) as { detail: string }).detail;
}

async function refused(request: InjectOptions, status: number, detail: RegExp): Promise<void> {
  const before = await snapshot();
  const response = await app.inject(request);
  assert.equal(response.statusCode, status, response.body.slice(0, 300));
  assert.match(detailOf(response), detail);
  assert.deepEqual(await snapshot(), before, "nothing written");
}

const query = (name: string) => ({ schema: "Person", properties: { name: [name] } });

test("an oversized body is refused before it is read", async () => {
  await refused(
    {
      method: "POST",
      url: "/match/default",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ queries: { q: query("x".repeat(6 * 1024 * 1024)) } }),
    },
    413,
    /too large/i,
  );
});

test("10,000 queries in one batch are refused", async () => {
  const queries = Object.fromEntries(
    Array.from({ length: 10_000 }, (_, i) => [`q${i}`, query(`Name ${i}`)]),
  );
  await refused(
    { method: "POST", url: "/match/default", payload: { queries } },
    400,
    /too many queries: 10000, at most 100/,
  );
});

test("deeply nested JSON is refused, not recursed into", async () => {
  const depth = 100_000;
  await refused(
    {
      method: "POST",
      url: "/match/default",
      headers: { "content-type": "application/json" },
      payload: `{"queries":{"q":{"schema":"Person","properties":{"name":${"[".repeat(depth)}${"]".repeat(depth)}}}}}`,
    },
    400,
    /./,
  );
});

const BILLION_LAUGHS = (root: string, inner: string) => `<?xml version="1.0"?>
<!DOCTYPE ${root} [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
${inner}`;

async function finishedJob(id: string): Promise<{ status: string; error: string | null }> {
  for (;;) {
    const job = (await app.inject({ method: "GET", url: `/jobs/${id}` })).json<{
      status: string;
      error: string | null;
    }>();
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("an XML entity bomb in a bank statement fails its import job and writes nothing", async () => {
  const before = await snapshot();
  const bomb = BILLION_LAUGHS(
    "Document",
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>&lol9;</IBAN></Id></Acct></Stmt></BkToCstmrStmt></Document>`,
  );
  const started = await app.inject({
    method: "POST",
    url: "/transactions/import?name=statement.xml&dataset=bombed&format=camt053",
    headers: { "content-type": "application/xml" },
    payload: bomb,
  });
  assert.equal(started.statusCode, 202, started.body);
  const job = await finishedJob(started.json<{ id: string }>().id);
  assert.equal(job.status, "failed");
  assert.match(job.error ?? "", /statement\.xml.*(entity|DOCTYPE|lol)/i);
  const after = await snapshot();
  assert.deepEqual(after, before, "no transfers, no new collection");
});

test("an XML entity bomb inside a Word file is not expanded", async () => {
  const docx = await makeZip({
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": BILLION_LAUGHS(
      "w:document",
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
  const started = performance.now();
  const response = await app.inject({
    method: "POST",
    url: "/documents?name=laughs.docx&collection=evidence",
    headers: { "content-type": "application/octet-stream" },
    payload: Buffer.from(docx),
  });
  assert.ok(performance.now() - started < 10_000, "answered at once, nothing expanded");
  assert.ok([201, 422].includes(response.statusCode), response.body);
  if (response.statusCode === 201) {
    const id = response.json<{ ids: string[] }>().ids[0]!;
    const document = (await app.inject({ method: "GET", url: `/documents/${id}` })).json<{
      text: string;
    }>();
    assert.ok(document.text.length < 10_000, `text of ${document.text.length} characters`);
  }
  // A plain Word file still goes in.
  const fine = await app.inject({
    method: "POST",
    url: "/documents?name=fine.docx&collection=evidence",
    headers: { "content-type": "application/octet-stream" },
    payload: Buffer.from(await makeDocx(["Ordinary minutes of an ordinary meeting"])),
  });
  assert.equal(fine.statusCode, 201, fine.body);
});

const upload = (name: string, bytes: Uint8Array, collection = "seized") => ({
  method: "POST" as const,
  url: `/documents?name=${name}&collection=${collection}`,
  headers: { "content-type": "application/zip" },
  payload: Buffer.from(bytes),
});

test("a zip bomb is refused whole: 422, no document, no new collection", async () => {
  // 1.2 GB of zeros in about a megabyte: over the 1 GB an archive may expand to.
  const bomb = await makeZipBomb(3, 400 * 2 ** 20);
  assert.ok(bomb.length < 3 * 2 ** 20);
  await refused(upload("bomb.zip", bomb), 422, /bomb\.zip: refused.*zip bomb/);
});

test("path traversal in archive names is refused whole", async () => {
  const zip = await makeZip({ "../../etc/cron.d/evil": "owned", "ok.txt": "harmless words" });
  await refused(
    upload("traversal.zip", zip),
    422,
    /traversal\.zip: refused.*\.\.\/\.\.\/etc\/cron\.d\/evil: unsafe member path/,
  );
  const absolute = await makeZip({ "/etc/passwd": "root:x:0:0" });
  await refused(upload("absolute.zip", absolute), 422, /unsafe member path/);
});

test("archives nested past the depth limit are refused whole", async () => {
  let nested = await makeZip({ "deepest.txt": "bottom" });
  for (let level = 0; level < 6; level++) nested = await makeZip({ [`level${level}.zip`]: nested });
  await refused(upload("nested.zip", nested), 422, /nested more than \d+ levels deep/);
});

test("SQL and full-text syntax in search strings is searched for, never run", async () => {
  const before = await snapshot();
  const nasty = [
    `'; DROP TABLE documents; --`,
    `" OR 1=1 --`,
    `Korea" OR "1"="1`,
    `NEAR(Korea Mining, 3)`,
    `Korea AND (Mining OR`,
    `"unbalanced`,
    `*`,
    `text:Korea`,
    `Korea^2`,
    `-Korea`,
    `Korea & | ! :*`,
    `\\x00\\'`,
    `%_%`,
    `{}[]()<>`,
  ];
  for (const q of nasty) {
    for (const route of ["/search/documents", "/search/default"]) {
      const response = await app.inject({
        method: "GET",
        url: `${route}?q=${encodeURIComponent(q)}`,
      });
      assert.ok(
        [200, 400].includes(response.statusCode),
        `${route} '${q}': ${response.statusCode} ${response.body.slice(0, 200)}`,
      );
      if (response.statusCode === 400) assert.ok(detailOf(response).length > 0);
    }
  }
  assert.deepEqual(await snapshot(), before, "nothing written, nothing dropped");
  const still = await app.inject({ method: "GET", url: "/search/documents?q=Dandong" });
  assert.equal(still.statusCode, 200);
  assert.ok(
    still.json<{ hits: unknown[] }>().hits.length >= 1,
    "the documents are all still there",
  );
});
