/**
 * `lists update` against a local HTTP server standing in for the publishers: a new file is
 * imported, the same file again is left alone, and failures (HTTP errors, truncated files,
 * oversized files) leave the active version as it was. Nothing here reaches the network.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { loadConfig, type Config } from "../src/config.ts";
import { updateLists } from "../src/lists/update/update.ts";
import { openStore } from "../src/store/open.ts";
import { UN_XML } from "./fixtures/lists.ts";

let server: Server;
let base = "";
const responses = new Map<string, { status: number; body: string }>();

before(async () => {
  server = createServer((req, res) => {
    const answer = responses.get(req.url ?? "") ?? { status: 404, body: "not here" };
    res.writeHead(answer.status, { "content-type": "application/xml" });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server.close());

function config(overrides: Partial<Config> = {}): Config {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-update-"));
  return {
    ...loadConfig({}),
    dataDir,
    db: ":memory:",
    listUrls: { un_sc_sanctions: `${base}/un.xml` },
    ...overrides,
  };
}

test("downloads, imports, and leaves an unchanged file alone", async () => {
  responses.set("/un.xml", { status: 200, body: UN_XML });
  const store = await openStore(":memory:");
  try {
    const cfg = config();
    const first = await updateLists(store, cfg, {
      datasets: ["un_sc_sanctions"],
      now: new Date("2026-11-01T00:00:00Z"),
    });
    assert.deepEqual(
      first.map((r) => r.status),
      ["imported"],
    );
    const second = await updateLists(store, cfg, {
      datasets: ["un_sc_sanctions"],
      now: new Date("2026-11-02T00:00:00Z"),
    });
    assert.deepEqual(
      second.map((r) => r.status),
      ["unchanged"],
    );
    const [active] = await store.activeVersions();
    assert.equal(active?.label, "2026-11-01T00:00:00Z");
    assert.equal(active?.entries, 2);
  } finally {
    await store.close();
  }
});

test("HTTP errors, truncated and oversized files fail and keep the active version", async () => {
  const store = await openStore(":memory:");
  try {
    responses.set("/un.xml", { status: 200, body: UN_XML });
    await updateLists(store, config(), {
      datasets: ["un_sc_sanctions"],
      now: new Date("2026-11-01T00:00:00Z"),
    });
    const failures: Array<[string, { status: number; body: string }, Partial<Config>, RegExp]> = [
      ["server error", { status: 500, body: "oops" }, {}, /HTTP 500/],
      ["truncated file", { status: 200, body: UN_XML.slice(0, 900) }, {}, /un-xml: .*line \d+/],
      [
        "oversized file",
        { status: 200, body: UN_XML },
        { maxDownloadBytes: 100 },
        /over the limit/,
      ],
      ["empty response", { status: 200, body: "" }, {}, /empty/],
    ];
    for (const [name, response, overrides, message] of failures) {
      responses.set("/un.xml", response);
      const [result] = await updateLists(store, config(overrides), {
        datasets: ["un_sc_sanctions"],
        now: new Date("2026-11-03T00:00:00Z"),
      });
      assert.equal(result?.status, "failed", name);
      assert.match(result?.detail ?? "", message, name);
      const versions = await store.listVersions();
      assert.deepEqual(
        versions.map((v) => [v.label, v.active]),
        [["2026-11-01T00:00:00Z", true]],
        name,
      );
    }
  } finally {
    await store.close();
  }
});

test("--from-file and an offline folder import without any download", async () => {
  const store = await openStore(":memory:");
  try {
    const offline = mkdtempSync(path.join(os.tmpdir(), "moneytrail-offline-"));
    writeFileSync(path.join(offline, "un_consolidated.xml"), UN_XML);
    const cfg = config({ listUrls: { un_sc_sanctions: "http://127.0.0.1:9/never" } });
    const [viaFolder] = await updateLists(store, cfg, {
      datasets: ["un_sc_sanctions"],
      offlineDir: offline,
      now: new Date("2026-11-05T00:00:00Z"),
    });
    assert.equal(viaFolder?.status, "imported");
    const changed = path.join(offline, "changed.xml");
    writeFileSync(changed, UN_XML.replace("WON HO", "WON-HO"));
    const [viaFile] = await updateLists(store, cfg, {
      datasets: ["un_sc_sanctions"],
      fromFile: changed,
      now: new Date("2026-11-06T00:00:00Z"),
    });
    assert.equal(viaFile?.status, "imported");
    await assert.rejects(
      updateLists(store, cfg, { fromFile: changed }),
      /needs exactly one --dataset/,
    );
  } finally {
    await store.close();
  }
});
