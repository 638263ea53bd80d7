/**
 * The network: ownership arithmetic on hand-built chains (the OFAC 50% rule by aggregation, a
 * cycle, a missing percentage, EU/UK control), temporal relations, paths to sanctioned parties,
 * and the whole way from an FtM file through the store to the CLI's exports and the API.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { exportNetwork } from "../src/graph/export.ts";
import { loadNetwork } from "../src/graph/load.ts";
import { Network } from "../src/graph/network.ts";
import { ownershipReport } from "../src/graph/ownership.ts";
import { expand, pathsToSanctioned, shortestPath } from "../src/graph/queries.ts";
import { sharedAttributeClusters } from "../src/graph/clusters.ts";
import type { GraphEdge } from "../src/graph/types.ts";
import { importList } from "../src/lists/import.ts";
import { buildApp } from "../src/server/app.ts";
import { openStore } from "../src/store/open.ts";
import { runCli } from "./helpers/cli.ts";

function network(
  listed: string[],
  edges: Array<Partial<GraphEdge> & { source: string; target: string }>,
): Network {
  const net = new Network();
  const ids = new Set([...listed, ...edges.flatMap((e) => [e.source, e.target])]);
  for (const id of ids)
    net.addNode({
      id,
      schema: "Company",
      caption: id.toUpperCase(),
      datasets: ["t"],
      sanctioned: listed.includes(id),
    });
  edges.forEach((e, i) =>
    net.addEdge({ id: `e${i}`, kind: "Ownership", label: "owns", dataset: "t", ...e }),
  );
  return net;
}

describe("ownership", () => {
  test("51% through two blocked owners of 30% and 21% blocks the company", () => {
    const net = network(
      ["a", "b"],
      [
        { source: "a", target: "x", percentage: 30 },
        { source: "b", target: "x", percentage: 21 },
        { source: "c", target: "x", percentage: 49 },
      ],
    );
    const report = ownershipReport(net, "x");
    assert.equal(report.ofac.status, "blocked");
    assert.equal(report.ofac.aggregate, 51);
    assert.deepEqual(
      report.ofac.proof?.owners.map((o) => [o.entity, o.percentage, o.status]),
      [
        ["a", 30, "listed"],
        ["b", 21, "listed"],
      ],
    );
    // No single designated person holds more than half: EU/UK do not aggregate across persons.
    assert.equal(report.euUk.ownedOrControlled, false);
    assert.equal(report.owners.length, 3);
  });

  test("a blocked subsidiary counts as a blocked owner further down the chain", () => {
    const net = network(
      ["l"],
      [
        { source: "l", target: "a", percentage: 60 },
        { source: "a", target: "b", percentage: 50 },
        { source: "b", target: "c", percentage: 49.9 },
      ],
    );
    const b = ownershipReport(net, "b");
    assert.equal(b.ofac.status, "blocked");
    assert.equal(b.ofac.proof?.owners[0]?.entity, "a");
    assert.equal(b.ofac.proof?.owners[0]?.owners[0]?.entity, "l");
    assert.deepEqual(b.effective, [{ party: "l", caption: "L", percentage: 30 }]);
    assert.equal(b.euUk.ownedOrControlled, false, "50% is not more than half");
    assert.equal(ownershipReport(net, "a").euUk.by?.party, "l");
    assert.equal(ownershipReport(net, "c").ofac.status, "not blocked");
  });

  test("a cycle is reported and settled without looping", () => {
    const net = network(
      ["l"],
      [
        { source: "a", target: "b", percentage: 60 },
        { source: "b", target: "a", percentage: 60 },
        { source: "l", target: "a", percentage: 10 },
      ],
    );
    const report = ownershipReport(net, "b");
    assert.equal(report.ofac.status, "not blocked");
    assert.equal(report.cycles.length, 1);
    assert.deepEqual([...report.cycles[0]!].sort(), ["a", "b"]);
    assert.ok(report.effective[0]!.percentage > 5.9 && report.effective[0]!.percentage < 6.1);
  });

  test("a missing percentage makes the answer undetermined, never a guess", () => {
    const net = network(
      ["l", "m"],
      [
        { source: "l", target: "x" },
        { source: "m", target: "x", percentage: 20 },
      ],
    );
    const report = ownershipReport(net, "x");
    assert.equal(report.ofac.status, "undetermined");
    assert.equal(report.ofac.aggregate, 20);
    assert.deepEqual(report.ofac.missing, [{ owner: "l", asset: "x" }]);
    assert.equal(report.owners.find((o) => o.owner === "l")?.percentage, null);
  });

  test("control without shares makes an entity controlled under EU/UK rules", () => {
    const net = network(["l"], [{ source: "l", target: "x", role: "controlling shareholder" }]);
    const report = ownershipReport(net, "x");
    assert.equal(report.euUk.ownedOrControlled, true);
    assert.equal(report.euUk.by?.control, true);
  });
});

describe("walks", () => {
  // Chongryon reported to Room 225, later to the United Front Department (DOMAIN.md).
  const net = network(
    ["ufd", "room225"],
    [
      {
        source: "chongryon",
        target: "room225",
        kind: "UnknownLink",
        label: "reports to",
        start: "1970",
        end: "2009-12",
      },
      {
        source: "chongryon",
        target: "ufd",
        kind: "UnknownLink",
        label: "reports to",
        start: "2010-01",
      },
      { source: "front", target: "bank", kind: "Directorship", label: "directs" },
      { source: "bank", target: "chongryon", kind: "Membership", label: "belongs to" },
    ],
  );

  test("the graph asked 'as of' a date shows the reporting line of that time", () => {
    const in2005 = expand(net, "chongryon", {
      hops: 1,
      kinds: ["UnknownLink"],
      asOf: "2005-06-01",
    });
    assert.deepEqual(in2005.nodes.map((n) => n.id).sort(), ["chongryon", "room225"]);
    const in2015 = expand(net, "chongryon", { hops: 1, kinds: ["UnknownLink"], asOf: "2015" });
    assert.deepEqual(in2015.nodes.map((n) => n.id).sort(), ["chongryon", "ufd"]);
    assert.equal(expand(net, "chongryon", { hops: 1, asOf: "2009" }).nodes.length, 3);
  });

  test("paths to sanctioned parties, shortest first, and between two entities", () => {
    const found = pathsToSanctioned(net, "front", { maxHops: 4 });
    assert.deepEqual(
      found.paths.map((p) => p.nodes),
      [
        ["front", "bank", "chongryon", "room225"],
        ["front", "bank", "chongryon", "ufd"],
      ],
    );
    assert.equal(pathsToSanctioned(net, "front", { maxHops: 4, asOf: "2020" }).paths.length, 1);
    assert.equal(pathsToSanctioned(net, "front", { maxHops: 2 }).paths.length, 0);
    const shortest = shortestPath(net, "ufd", "front");
    assert.deepEqual(shortest?.nodes, ["ufd", "chongryon", "bank", "front"]);
    assert.equal(shortestPath(net, "ufd", "front", { maxHops: 2 }), undefined);
  });
});

const FIXTURE = [
  { id: "l", schema: "Person", properties: { name: ["Ri Song Hyok"], topics: ["sanction"] } },
  {
    id: "a",
    schema: "Company",
    properties: { name: ["Paekho Trading"], address: ["12 Binjiang Road, Dandong, Liaoning"] },
  },
  {
    id: "b",
    schema: "Company",
    properties: {
      name: ["Dandong Hongxiang"],
      address: ["12 Binjiang Road, Dandong, Liaoning"],
      topics: ["sanction"],
    },
  },
  { id: "x", schema: "Company", properties: { name: ["Korea Sobaeksu Trading"] } },
  {
    id: "o1",
    schema: "Ownership",
    properties: { owner: ["l"], asset: ["x"], percentage: ["30%"] },
  },
  {
    id: "o2",
    schema: "Ownership",
    properties: { owner: ["b"], asset: ["x"], percentage: ["21"], startDate: ["2015"] },
  },
  { id: "d1", schema: "Directorship", properties: { director: ["l"], organization: ["a"] } },
  {
    id: "v",
    schema: "Vessel",
    properties: { name: ["Chon Ma San"], imoNumber: ["8660313"], owner: ["a"] },
  },
];

test("from an FtM file to ownership, clusters, exports and the API", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-graph-"));
  const file = path.join(dir, "network.ftm.json");
  writeFileSync(file, FIXTURE.map((e) => JSON.stringify(e)).join("\n"));
  const store = await openStore(path.join(dir, "store.db"));
  try {
    await importList(store, [file], { format: "ftm", dataset: "casefile" });
    const { network: net } = await loadNetwork(store, { properties: true });
    assert.equal(ownershipReport(net, "x").ofac.status, "blocked");
    assert.equal(ownershipReport(net, "x", "2014").ofac.status, "not blocked");
    const vessel = expand(net, "v", { hops: 1 });
    assert.deepEqual(
      vessel.edges.map((e) => e.kind),
      ["owner"],
    );
    const [cluster] = sharedAttributeClusters(net, { kinds: ["address"] });
    assert.deepEqual(cluster?.members.map((m) => m.id).sort(), ["a", "b"]);
    assert.equal(cluster?.sanctioned, 1);

    const exports: Record<string, string> = {};
    for (const format of ["ftm", "gexf", "graphml"] as const) {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on("data", (c: Buffer) => chunks.push(c));
      await exportNetwork(net, format, sink);
      exports[format] = Buffer.concat(chunks).toString("utf8");
    }
    const lines = exports
      .ftm!.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { schema: string });
    assert.equal(lines.filter((e) => e.schema === "Ownership").length, 2);
    assert.match(exports.gexf!, /<gexf[\s\S]*Korea Sobaeksu Trading/);
    assert.match(
      exports.graphml!,
      /<edge id="e\d+" source="l" target="x"><data key="e_label">owns<\/data>/,
    );

    const app = await buildApp({ store });
    const ownership = await app.inject({ url: "/entities/x/ownership" });
    assert.equal(ownership.statusCode, 200);
    assert.equal(ownership.json().ofac.status, "blocked");
    const paths = await app.inject({ url: "/entities/v/paths?hops=3" });
    assert.deepEqual(
      paths.json().paths.map((p: { nodes: string[] }) => p.nodes),
      [["v", "a", "l"]],
    );
    const expanded = await app.inject({ url: "/entities/l/expand?hops=1&kind=Directorship" });
    assert.deepEqual(
      expanded
        .json()
        .nodes.map((n: { id: string }) => n.id)
        .sort(),
      ["a", "l"],
    );
    assert.equal((await app.inject({ url: "/entities/nope/expand" })).statusCode, 404);
    await app.close();
  } finally {
    await store.close();
  }
});

test("the graph and resolve commands as a user runs them", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moneytrail-graph-cli-"));
  const file = path.join(dir, "network.ftm.json");
  writeFileSync(file, FIXTURE.map((e) => JSON.stringify(e)).join("\n"));
  const db = path.join(dir, "store.db");
  const run = (...args: string[]) => runCli(["--db", db, ...args]);
  assert.equal(
    (await run("lists", "import", file, "--format", "ftm", "--dataset", "casefile")).code,
    0,
  );
  const resolved = await run("resolve", "--json");
  assert.equal(resolved.code, 0, resolved.stderr);
  assert.equal(JSON.parse(resolved.stdout).entities, 5);
  const ownership = await run("graph", "ownership", "x");
  assert.match(ownership.stdout, /OFAC 50% rule: blocked; blocked owners hold 51% in aggregate/);
  assert.match(ownership.stdout, /30% Ri Song Hyok \(l\) — listed/);
  const paths = await run("graph", "paths", "v", "--to-sanctioned", "--json");
  assert.deepEqual(
    JSON.parse(paths.stdout).paths.map((p: { nodes: string[] }) => p.nodes),
    [["v", "a", "l"]],
  );
  const graphml = await run("graph", "export", "--format", "graphml");
  assert.match(graphml.stdout, /^<\?xml[\s\S]*<\/graphml>\n$/);
  const wrong = await run("graph", "paths", "v");
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /give a target entity or --to-sanctioned/);
  const judge = await run("resolve", "judge", "a", "nope", "positive");
  assert.match(judge.stderr, /no entity 'nope'/);
});
