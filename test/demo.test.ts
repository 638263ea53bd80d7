/**
 * The demo workspace `npm start` serves: written from the files in demo/ alone, it exercises
 * lists, screening, the ledger and its links, documents and the network.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { buildDemo } from "../src/demo/workspace.ts";
import { loadNetwork } from "../src/graph/load.ts";
import { ownershipReport } from "../src/graph/ownership.ts";
import { expand } from "../src/graph/queries.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";

test("the demo workspace is written once and answers on every part of the API", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-demo-"));
  const store = await openStore(path.join(dir, "demo.db"));
  try {
    const first = await buildDemo(store);
    assert.equal(first.created, true);
    assert.equal(first.transfers, 26);
    assert.ok(first.accountLinks >= 7, `${first.accountLinks} account links`);
    assert.equal(first.documents, 2);
    const again = await buildDemo(store);
    assert.equal(again.created, false);
    assert.equal(again.transfers, 26);

    const { network } = await loadNetwork(store);
    assert.equal(ownershipReport(network, "demo-hongda").ofac.status, "blocked");
    assert.equal(ownershipReport(network, "demo-yalu").ofac.status, "blocked");
    assert.equal(ownershipReport(network, "demo-jinsong").ofac.status, "undetermined");
    const lineOf = (asOf: string): string[] =>
      expand(network, "demo-chongryon", { hops: 1, kinds: ["UnknownLink"], asOf })
        .nodes.map((n) => n.id)
        .filter((id) => id !== "demo-chongryon");
    assert.deepEqual(lineOf("2005"), ["demo-room225"]);
    assert.deepEqual(lineOf("2015"), ["demo-ufd"]);
    assert.ok(
      [...network.edges()].some((e) => e.kind === "payment" && e.currency === "JPY"),
      "payments between linked accounts are edges",
    );

    const app = await buildApp({ store });
    const landing = await app.inject({ url: "/" });
    assert.equal(landing.statusCode, 200);
    // The web app when it is built, the page of example links when it is not.
    assert.match(String(landing.headers["content-type"]), /text\/html/);
    const match = await app.inject({
      method: "POST",
      url: "/match/default",
      payload: {
        queries: { q1: { schema: "Organization", properties: { name: ["Chosen Soren"] } } },
      },
    });
    assert.equal(match.json().responses.q1.results[0].id, "demo-chongryon");
    const docs = await app.inject({ url: "/search/documents?q=Dandong" });
    assert.equal(docs.statusCode, 200);
    assert.equal(docs.json().hits[0].document.name, "dandong-memo.txt");
    await app.close();
  } finally {
    await store.close();
  }
});
