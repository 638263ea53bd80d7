/**
 * Korean and Chinese documents against the UN list, on both store backends: a full name links, a
 * surname and one syllable (류진, a listed RYU JIN's name) stays an ambiguous candidate when the
 * text says nothing of the record, and stays so when the store reads the mention back (the
 * decision is made afresh from the stored candidates).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingestPaths } from "../src/documents/ingest.ts";
import { networkExtractOptions } from "../src/documents/link.ts";
import { importList } from "../src/lists/import.ts";
import { ScreeningService } from "../src/screening/service.ts";
import { openStore } from "../src/store/open.ts";
import { needShared } from "./helpers/shared.ts";
import { backends } from "./helpers/stores.ts";

for (const backend of backends()) {
  test(`${backend.name}: a Korean note links a full name; a surname and one syllable stays a candidate`, async (t) => {
    const un = needShared(t, "data/lists/un/UN_consolidated_2026-02-27.xml");
    if (!un) return;
    const store = await openStore(await backend.freshLocation());
    try {
      await importList(store, [un], { version: "2026-02-27" });
      const extract = await networkExtractOptions(new ScreeningService(store));
      const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-cjk-"));
      writeFileSync(
        path.join(dir, "note-ko.txt"),
        "류진 동무가 평양에서 왔다. 리성혁 동지가 5만 달러를 송금하였다.\n經辦：李明",
      );
      const report = await ingestPaths(store, [dir], { extract });
      assert.equal(report.documents, 1);
      const people = (await store.documents.listMentions({ type: "Person" })).filter((m) =>
        /\p{Script=Hangul}|\p{Script=Han}/u.test(m.text),
      );
      const byText = new Map(people.map((m) => [m.text, m]));
      assert.match(byText.get("리성혁")?.entityCaption ?? "", /RI SONG HYOK/);
      const short = byText.get("류진");
      assert.ok(short, JSON.stringify(people));
      assert.equal(short.entityId, undefined, "not linked on a surname and one syllable");
      assert.equal(short.linkStatus, "ambiguous");
      assert.match(short.linkNote ?? "", /too common a name/);
      assert.ok(short.candidates?.some((c) => /RYU JIN/.test(c.caption)));
      // A name on a slip's field, not linked to anyone.
      assert.equal(byText.get("李明")?.entityId, undefined);
    } finally {
      await store.close();
    }
  });
}
