/**
 * Issue 22, item 3: ledger accounts across agencies. Agency A has a private ledger and a private
 * watchlist with its account holder on it; agency B imports a ledger of its own that touches A's
 * account id `A-ACC1` with another holder name. B must see only its own transfers, holder names
 * and links for that id, A must keep seeing its own, and a link to an entity on a list the caller
 * cannot read stays hidden. Carol reads both ledgers (not A's list): she sees one merged account.
 * Then the stored data of a store made before migration 011 must carry over.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import { visibleLinks } from "../../src/transactions/ledger-cache.ts";
import {
  ADMIN_ALICE_BOB,
  addPeople,
  importEntities,
  importLedgerRows,
  jsonCaller,
  linkAllAccounts,
  migrateBefore,
  noneOf,
  privateTo,
  rawDb,
  sanctionedEntity,
  tempDir,
} from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

/** Agency A: its holder Oleg on its own private watchlist; structuring out of A-ACC1. */
const LEDGER_A = [
  "t1,A-ACC1,A-ACC2,9500,2020-01-01,EUR,Oleg Secretov Ivanovich,Anna Alpha",
  "t2,A-ACC1,A-ACC2,9600,2020-01-03,EUR,,",
  "t3,A-ACC1,A-ACC2,9700,2020-01-05,EUR,,",
];
/** Agency B: touches A-ACC1 under another name; its own account holder is publicly listed. */
const LEDGER_B = [
  "b1,B-ACC9,A-ACC1,300,2020-02-01,EUR,Zed Publicus Trading Limited,Bogus Bravo Name",
  "b2,A-ACC1,B-ACC8,200,2020-02-02,EUR,Bogus Bravo Name,Bert Bravo",
];

for (const backend of backends()) {
  test(`${backend.name}: one agency's ledger import changes nothing another agency sees`, async () => {
    const dir = tempDir("ledger");
    const { store } = await freshStore(backend);
    const app = await buildApp({ store, auth: "required" });
    try {
      const lists: Array<[string, string, string, string]> = [
        ["a_watch", "a-oleg", "Person", "Oleg Secretov Ivanovich"],
        ["public_sanctions", "pub-zed", "Company", "Zed Publicus Trading Limited"],
      ];
      for (const [dataset, id, schema, name] of lists)
        await importEntities(store, dir, dataset, [sanctionedEntity(id, schema, name)]);
      await privateTo(store, "a_watch", "read", "agency:A");
      // B first, then A: under the old code one record per account id took the last import's
      // holder name (A's, shown to B and linked to A's list); B imports again at the end.
      await importLedgerRows(store, dir, "b.csv", "ledger_b", LEDGER_B);
      await importLedgerRows(store, dir, "a.csv", "ledger_a", LEDGER_A);
      await store.access.grant("ledger_a", "agency:A", "read");
      await store.access.grant("ledger_b", "agency:B", "read");
      await store.access.grant("ledger_a", "agency:C", "read");
      await store.access.grant("ledger_b", "agency:C", "read");
      const links = await linkAllAccounts(store);
      const made = links.map((l) => `${l.dataset}/${l.accountId}->${l.entityId}`).sort();
      assert.deepEqual(made, ["ledger_a/A-ACC1->a-oleg", "ledger_b/B-ACC9->pub-zed"]);

      const keys = await addPeople(store, [...ADMIN_ALICE_BOB, ["carol", "viewer", "C"]]);
      const call = jsonCaller(app, keys);
      type Party = { name: string | null; entity_id: string | null };
      type Traced = { flows: Array<{ account: string }>; accounts: Record<string, Party> };
      const traceOf = async (who: string, direction = "forward") => {
        const answer = await call(who, "POST", "/trace", { account: "A-ACC1", direction });
        assert.equal(answer.status, 200, answer.text);
        return answer as typeof answer & { json: Traced };
      };
      const A_SECRETS = ["Oleg", "a-oleg", "A-ACC2", "Anna Alpha"];
      const B_SECRETS = ["Bogus", "Bravo", "B-ACC8", "B-ACC9", "pub-zed", "Zed"];

      // B traces the shared account id: its own holder name, its own transfers, no A link.
      for (const direction of ["forward", "backward"]) {
        const bob = await traceOf("bob", direction);
        noneOf(bob.text, A_SECRETS, "bob");
        assert.equal(bob.json.accounts["A-ACC1"]?.name, "Bogus Bravo Name");
        assert.equal(bob.json.accounts["A-ACC1"]?.entity_id, null);
      }
      // A's own view is A's: its holder, its link, none of B's name or accounts.
      const alice = await traceOf("alice");
      noneOf(alice.text, B_SECRETS, "alice");
      assert.equal(alice.json.accounts["A-ACC1"]?.name, "Oleg Secretov Ivanovich");
      assert.equal(alice.json.accounts["A-ACC1"]?.entity_id, "a-oleg");

      // Exposure: A's account is sanctioned for A, never for B; B's own link counts for B.
      const exposed = async (who: string) => {
        const answer = await call(who, "GET", "/exposure?threshold=0.7&hops=3");
        assert.equal(answer.status, 200, answer.text);
        return answer as typeof answer & { json: { sanctioned: string[] } };
      };
      const bobExposure = await exposed("bob");
      assert.deepEqual(bobExposure.json.sanctioned, ["B-ACC9"]);
      noneOf(bobExposure.text, A_SECRETS, "bob");
      const aliceExposure = await exposed("alice");
      assert.deepEqual(aliceExposure.json.sanctioned, ["A-ACC1"]);
      noneOf(aliceExposure.text, B_SECRETS, "alice");

      // Alerts: A's structuring alert names A's holder for A and does not exist for B.
      const aliceAlerts = await call("alice", "GET", "/alerts?typology=structuring");
      const alerts = (aliceAlerts.json as { alerts: Array<{ id: string; accounts: string[] }> })
        .alerts;
      const alert = alerts.find((a) => a.accounts.includes("A-ACC1"));
      assert.ok(alert, aliceAlerts.text);
      const aliceAlert = await call("alice", "GET", `/alerts/${alert.id}`);
      assert.equal(
        (aliceAlert.json as { names: Record<string, string> }).names["A-ACC1"],
        "Oleg Secretov Ivanovich",
      );
      noneOf(aliceAlert.text, B_SECRETS, "alice");
      const bobAlerts = await call("bob", "GET", "/alerts");
      noneOf(bobAlerts.text, A_SECRETS, "bob");
      assert.equal((await call("bob", "GET", `/alerts/${alert.id}`)).status, 404);

      // An entity's transactions: only links and transfers of the caller's ledgers.
      const bobZed = await call("bob", "GET", "/entities/pub-zed/transactions");
      assert.equal(bobZed.status, 200, bobZed.text);
      assert.deepEqual(
        (bobZed.json as { accounts: Array<{ id: string }> }).accounts.map((a) => a.id),
        ["B-ACC9"],
      );
      noneOf(bobZed.text, A_SECRETS, "bob");
      const aliceZed = await call("alice", "GET", "/entities/pub-zed/transactions");
      assert.equal((aliceZed.json as { total: number }).total, 0, aliceZed.text);
      assert.equal((await call("bob", "GET", "/entities/a-oleg/transactions")).status, 404);

      // Carol reads both ledgers but not A's list: one account A-ACC1 with both datasets'
      // transfers, details merged (first dataset by name gives the holder), A's link hidden.
      const carol = await traceOf("carol");
      const reached = carol.json.flows.map((flow: { account: string }) => flow.account).sort();
      assert.deepEqual(reached, ["A-ACC2", "B-ACC8"]);
      assert.equal(carol.json.accounts["A-ACC1"]?.name, "Oleg Secretov Ivanovich");
      assert.equal(carol.json.accounts["A-ACC1"]?.entity_id, null);
      assert.ok(!carol.text.includes("a-oleg"), carol.text);
      assert.deepEqual((await exposed("carol")).json.sanctioned, ["B-ACC9"]);

      // Admins read everything: A's link shows, as in the single-user CLI.
      const admin = await traceOf("admin");
      assert.equal(admin.json.accounts["A-ACC1"]?.entity_id, "a-oleg");
      assert.deepEqual((await exposed("admin")).json.sanctioned.sort(), ["A-ACC1", "B-ACC9"]);

      // Another import by B later (a new generation) still changes nothing for A.
      await importLedgerRows(store, dir, "b2.csv", "ledger_b", [
        "b3,A-ACC1,B-ACC7,50,2020-03-01,EUR,Still Bravo,",
      ]);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const aliceAgain = await traceOf("alice");
      noneOf(aliceAgain.text, [...B_SECRETS, "B-ACC7", "Still"], "alice");
      assert.equal(aliceAgain.json.accounts["A-ACC1"]?.name, "Oleg Secretov Ivanovich");
    } finally {
      await app.close();
      await store.close();
    }
  });

  test(`${backend.name}: migration 011 keeps accounts and links, each with its dataset`, async () => {
    const { location, kind, db } = await rawDb(backend);
    const evidence = JSON.stringify({ query: {}, datasets: ["a_watch", "other_list"] });
    try {
      await migrateBefore(db, kind, "011_ledger_datasets");
      await sql`insert into tx_imports (dataset, format, file, sha256, rows, added, imported_at)
        values ('ledger_a', 'csv', 'a.csv', 'x', 1, 1, '2020-01-01'),
               ('ledger_b', 'csv', 'b.csv', 'y', 1, 1, '2020-01-02')`.execute(db);
      await sql`insert into tx_transfers
          (seq, dataset, id, source, target, amount, currency, timestamp, reference)
        values (1, 'ledger_a', 't1', 'A-ACC1', 'A-ACC2', 10, 'EUR', 0, null),
               (2, 'ledger_b', 'b1', 'B-ACC9', 'A-ACC1', 5, 'EUR', 1, null)`.execute(db);
      await sql`insert into tx_accounts (id, dataset, owner_name, iban, bic, bank, country)
        values ('A-ACC1', 'ledger_a', 'Oleg Secretov', null, null, null, 'ru'),
               ('B-ACC9', 'ledger_b', 'Zed Publicus', null, null, null, null)`.execute(db);
      await sql`insert into tx_account_links
          (account_id, entity_id, caption, score, evidence, linked_at)
        values ('A-ACC1', 'a-oleg', 'Oleg', 0.9, ${evidence}, '2020-01-03')`.execute(db);
    } finally {
      await db.destroy();
    }
    const store = await openStore(location);
    try {
      const accounts = await store.ledger.listAccounts();
      assert.deepEqual(
        accounts.map((a) => [a.dataset, a.id, a.ownerName, a.country]),
        [
          ["ledger_a", "A-ACC1", "Oleg Secretov", "ru"],
          ["ledger_b", "B-ACC9", "Zed Publicus", undefined],
        ],
      );
      const links = await store.ledger.listAccountLinks();
      assert.equal(links.length, 1);
      assert.equal(links[0]!.dataset, "ledger_a");
      assert.deepEqual(links[0]!.entityDatasets, ["a_watch", "other_list"]);
      assert.deepEqual(links[0]!.evidence, JSON.parse(evidence));
      assert.deepEqual(await store.ledger.collections(), {
        ledgers: ["ledger_a", "ledger_b"],
        linkedLists: ["a_watch", "other_list"],
      });
      // The same account id in another dataset is now a record of its own, not an overwrite.
      const dir = tempDir("ledger");
      await importLedgerRows(store, dir, "b.csv", "ledger_b", [
        "b2,A-ACC1,B-ACC9,5,2020-01-05,EUR,Bogus Bravo,",
      ]);
      const after = await store.ledger.listAccounts(["ledger_a"]);
      assert.deepEqual(
        after.map((a) => [a.id, a.ownerName]),
        [["A-ACC1", "Oleg Secretov"]],
      );
      const theirs = await store.ledger.listAccounts(["ledger_b"]);
      assert.deepEqual(
        theirs.map((a) => [a.id, a.ownerName]),
        [
          ["A-ACC1", "Bogus Bravo"],
          ["B-ACC9", "Zed Publicus"],
        ],
      );
      // Only a caller reading both lists of the linked entity sees the link.
      assert.equal(visibleLinks(links, new Set(["a_watch"])).length, 0);
      assert.equal(visibleLinks(links, new Set(["a_watch", "other_list"])).length, 1);
      assert.equal(visibleLinks(links).length, 1);
    } finally {
      await store.close();
    }
  });
}
