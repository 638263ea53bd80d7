/**
 * Issue 22 follow-up: the network's nodes merge one entity's records of every list, private ones
 * too. Agency B's analyst walks the network around entities that are on a public list and on
 * agency A's private watchlist: B must not learn that A lists them (a dataset name, a caption, a
 * record id, "sanctioned" said only by A's topics or A's Sanction), nor see an owner counted as
 * listed, or an entity blocked under the 50% rule, because of A's list. A sees its own list's
 * word; admins see everything, as the command line does.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadNetwork } from "../../src/graph/load.ts";
import { nodeFor } from "../../src/graph/node-view.ts";
import { ownershipReport } from "../../src/graph/ownership.ts";
import { buildApp } from "../../src/server/app.ts";
import {
  addPeople,
  importEntities,
  jsonCaller,
  privateTo,
  sameEntity,
  tempDir,
} from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

/** The public list: no one on it is sanctioned by it; the Ownerships say who owns what. */
const PUBLIC = [
  { id: "dbl-ivan", schema: "Person", properties: { name: ["Ivan Openly Named"] } },
  { id: "pub-olga", schema: "Person", properties: { name: ["Olga Openly Named"] } },
  { id: "pub-corp", schema: "Company", properties: { name: ["Corp Openly Named"] } },
  { id: "pub-holdco", schema: "Company", properties: { name: ["Holdco Openly Named"] } },
  { id: "pub-sub", schema: "Company", properties: { name: ["Subsidiary Openly Named"] } },
  {
    id: "own-ivan",
    schema: "Ownership",
    properties: { owner: ["dbl-ivan"], asset: ["pub-holdco"], percentage: ["60"] },
  },
  {
    id: "own-olga",
    schema: "Ownership",
    properties: { owner: ["pub-olga"], asset: ["pub-holdco"], percentage: ["10"] },
  },
  {
    id: "own-corp",
    schema: "Ownership",
    properties: { owner: ["pub-corp"], asset: ["pub-sub"], percentage: ["100"] },
  },
];
/**
 * Agency A's watchlist: Ivan (same id) under a secret alias and listed by its topics, Olga under
 * a record of its own that the resolver merged with the public one, a Sanction naming the public
 * company, and someone on A's list alone.
 */
const PRIVATE = [
  {
    id: "dbl-ivan",
    schema: "Person",
    properties: { name: ["Ivan Secretalias"], birthDate: ["1971-02-03"], topics: ["sanction"] },
  },
  {
    id: "a-olga",
    schema: "Person",
    properties: { name: ["Olga Secretalias"], topics: ["sanction"] },
  },
  { id: "a-sanction-corp", schema: "Sanction", properties: { entity: ["pub-corp"] } },
  { id: "a-oleg", schema: "Person", properties: { name: ["Oleg Secretalias"] } },
];
const SECRETS = ["a_watch", "Secretalias", "1971", "a-olga", "a-sanction-corp"];

interface Node {
  id: string;
  caption: string;
  datasets: string[];
  sanctioned: boolean;
  referents?: string[];
}
interface Ownership {
  caption: string;
  owners: Array<{ owner: string; caption: string; sanctioned: boolean }>;
  ofac: { status: string; aggregate: number };
  euUk: { ownedOrControlled: boolean };
  effective: unknown[];
}

for (const backend of backends()) {
  test(`${backend.name}: graph nodes tell each caller only what its readable lists say`, async () => {
    const dir = tempDir("graph-nodes");
    const { store } = await freshStore(backend);
    const app = await buildApp({ store, auth: "required" });
    try {
      // A's list first, so that the merged node's first record (its caption) is the private one.
      await importEntities(store, dir, "a_watch", PRIVATE);
      await importEntities(store, dir, "public_list", PUBLIC);
      await privateTo(store, "a_watch", "read", "agency:A");
      await sameEntity(store, "pub-olga", "a-olga", "alice");
      const keys = await addPeople(store);
      const ask = jsonCaller(app, keys);
      const get = (who: string, url: string) => ask(who, "GET", url);
      const noSecrets = (text: string, where: string) => {
        for (const secret of SECRETS)
          assert.ok(!text.includes(secret), `bob must not see '${secret}' in ${where}: ${text}`);
      };
      const expand = async (who: string, id: string) => {
        const answer = await get(who, `/entities/${id}/expand?hops=2`);
        assert.equal(answer.status, 200, answer.text);
        const nodes = (answer.json as { nodes: Node[] }).nodes;
        return { text: answer.text, node: (id: string) => nodes.find((n) => n.id === id) };
      };

      // --- expand: datasets, caption, sanctioned, referents ---------------------------------
      const olgaId = (await loadNetwork(store)).resolution.canonical("pub-olga");
      assert.notEqual(olgaId, "pub-olga", "the resolver merged Olga's records");
      const bob = await expand("bob", "pub-holdco");
      noSecrets(bob.text, "expand");
      assert.deepEqual(bob.node("dbl-ivan"), {
        id: "dbl-ivan",
        schema: "Person",
        caption: "Ivan Openly Named",
        datasets: ["public_list"],
        sanctioned: false,
      });
      const bobOlga = bob.node(olgaId);
      assert.equal(bobOlga?.caption, "Olga Openly Named");
      assert.deepEqual(bobOlga?.referents, ["pub-olga"]);
      assert.equal(bobOlga?.sanctioned, false);
      const bobCorp = await expand("bob", "pub-sub");
      noSecrets(bobCorp.text, "expand");
      assert.equal(bobCorp.node("pub-corp")?.sanctioned, false, "A's Sanction is A's word");

      const alice = await expand("alice", "pub-holdco");
      const aliceIvan = alice.node("dbl-ivan");
      assert.equal(aliceIvan?.sanctioned, true);
      assert.deepEqual(aliceIvan?.datasets.sort(), ["a_watch", "public_list"]);
      assert.deepEqual(alice.node(olgaId)?.referents?.sort(), ["a-olga", "pub-olga"]);
      assert.equal((await expand("alice", "pub-sub")).node("pub-corp")?.sanctioned, true);
      const admin = await expand("admin", "pub-holdco");
      assert.equal(admin.node("dbl-ivan")?.caption, "Ivan Secretalias", "the first record's");
      assert.equal(admin.node("dbl-ivan")?.sanctioned, true);
      assert.ok(!admin.text.includes('"sources"'), "the records' words are not sent as such");

      // --- paths: nothing is sanctioned for B here; A's private entity is not there at all ---
      const bobPaths = await get("bob", "/entities/pub-holdco/paths");
      assert.equal(bobPaths.status, 200, bobPaths.text);
      assert.deepEqual(bobPaths.json.paths, [], "no path to a party only A lists");
      const alicePaths = await get("alice", "/entities/pub-holdco/paths");
      const ends = (alicePaths.json as { paths: Array<{ nodes: string[] }> }).paths.map((p) =>
        p.nodes.at(-1),
      );
      assert.deepEqual(ends.sort(), ["dbl-ivan", olgaId].sort());
      assert.equal((await get("bob", "/entities/pub-sub/paths")).json.paths.length, 0);
      const oracle = await get("bob", "/entities/pub-holdco/paths?to=a-oleg");
      const nobody = await get("bob", "/entities/pub-holdco/paths?to=no-such-entity");
      assert.equal(oracle.status, 404, oracle.text);
      assert.equal(oracle.text.replace("a-oleg", "X"), nobody.text.replace("no-such-entity", "X"));
      assert.equal((await get("alice", "/entities/pub-holdco/paths?to=a-oleg")).status, 200);

      // --- ownership: listed owners and the 50% rule from readable lists only ---------------
      const ownership = async (who: string, id: string) => {
        const answer = await get(who, `/entities/${id}/ownership`);
        assert.equal(answer.status, 200, answer.text);
        return { text: answer.text, report: answer.json as Ownership };
      };
      const bobHoldco = await ownership("bob", "pub-holdco");
      noSecrets(bobHoldco.text, "ownership");
      assert.equal(bobHoldco.report.ofac.status, "not blocked");
      assert.equal(bobHoldco.report.ofac.aggregate, 0);
      assert.equal(bobHoldco.report.euUk.ownedOrControlled, false);
      assert.deepEqual(bobHoldco.report.effective, []);
      assert.ok(bobHoldco.report.owners.every((o) => !o.sanctioned));
      const bobSub = await ownership("bob", "pub-sub");
      noSecrets(bobSub.text, "ownership");
      assert.equal(bobSub.report.ofac.status, "not blocked");
      assert.equal((await ownership("bob", "pub-corp")).report.ofac.status, "not blocked");

      const aliceHoldco = await ownership("alice", "pub-holdco");
      assert.equal(aliceHoldco.report.ofac.status, "blocked");
      assert.equal(aliceHoldco.report.ofac.aggregate, 70);
      assert.equal(aliceHoldco.report.euUk.ownedOrControlled, true);
      assert.equal((await ownership("alice", "pub-sub")).report.ofac.status, "blocked");
      assert.equal((await ownership("alice", "pub-corp")).report.ofac.status, "listed");
      assert.equal((await ownership("admin", "pub-sub")).report.ofac.status, "blocked");

      // --- the command line (no reader) still sees everything, as one user does --------------
      const { network } = await loadNetwork(store);
      assert.equal(ownershipReport(network, "pub-holdco").ofac.status, "blocked");
      const whole = nodeFor(network.node("dbl-ivan")!, undefined);
      assert.equal(whole.sanctioned, true);
      assert.deepEqual(whole.datasets.sort(), ["a_watch", "public_list"]);
      assert.equal(whole.sources, undefined);
    } finally {
      await app.close();
      await store.close();
    }
  });
}
