/**
 * Issue 22 follow-ups on the ledger: alert reviews and the network. Agency B copies agency A's
 * transfer ids and account ids into its own ledger, which makes B's view raise the very alert
 * id A's raises: B must neither see A's review of it nor overwrite it. The network routes must
 * show each caller only the accounts, holder names, holder links and payments of its own ledger
 * datasets, and no link to an entity on a list it cannot read. Then migration 015 must give
 * existing reviews to their reviewer's agency.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
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

/**
 * Agency A: structuring out of A-ACC1, whose holder is publicly listed; A-ACC3's holder is on
 * A's private watchlist; A-ACC4's holder is on the public list and on A's private one. A-ACC5
 * structures too, in A's ledger only (so the admin's whole view has that alert).
 */
const LEDGER_A = [
  "t1,A-ACC1,A-ACC2,9500,2020-01-01,EUR,Zed Publicus Trading Limited,Anna Alpha",
  "t2,A-ACC1,A-ACC2,9600,2020-01-03,EUR,,",
  "t3,A-ACC1,A-ACC2,9700,2020-01-05,EUR,,",
  "t4,A-ACC3,A-ACC2,500,2020-01-07,EUR,Oleg Secretov Ivanovich,",
  "t5,A-ACC4,A-ACC2,700,2020-01-08,EUR,Ivan Doublelisted Petrovich,",
  "t6,A-ACC5,A-ACC2,9500,2020-03-01,EUR,Eve Fivefold,",
  "t7,A-ACC5,A-ACC2,9600,2020-03-03,EUR,,",
  "t8,A-ACC5,A-ACC2,9700,2020-03-05,EUR,,",
];
/** Agency B: the same transfer and account ids under its own holder name, and its own account. */
const LEDGER_B = [
  "t1,A-ACC1,A-ACC2,9500,2020-01-01,EUR,Bogus Bravo Name,Bert Bravo",
  "t2,A-ACC1,A-ACC2,9600,2020-01-03,EUR,,",
  "t3,A-ACC1,A-ACC2,9700,2020-01-05,EUR,,",
  "b1,B-ACC9,B-ACC8,300,2020-02-01,EUR,Zed Publicus Trading Limited,Bert Bravo",
];

interface Review {
  scope: string;
  status: string;
  assignee: string | null;
  note: string | null;
  user: string;
}
interface AlertAnswer {
  id: string;
  accounts: string[];
  status: string;
  review: Review | null;
  reviews?: Review[];
}
interface Subgraph {
  nodes: Array<{ id: string; caption: string; datasets: string[] }>;
  edges: Array<{ kind: string; source: string; target: string; dataset: string }>;
}

for (const backend of backends()) {
  test(`${backend.name}: alert reviews and the network stay within the agency`, async () => {
    const dir = tempDir("alerts");
    const { store } = await freshStore(backend);
    const app = await buildApp({ store, auth: "required" });
    try {
      const lists: Array<[string, string, string, string]> = [
        ["a_watch", "a-oleg", "Person", "Oleg Secretov Ivanovich"],
        ["a_watch", "dbl-ivan", "Person", "Ivan Doublelisted Petrovich"],
        ["public_sanctions", "pub-zed", "Company", "Zed Publicus Trading Limited"],
        ["public_sanctions", "dbl-ivan", "Person", "Ivan Doublelisted Petrovich"],
      ];
      for (const dataset of ["a_watch", "public_sanctions"]) {
        const entities = lists
          .filter((l) => l[0] === dataset)
          .map(([, id, schema, name]) => sanctionedEntity(id, schema, name));
        await importEntities(store, dir, dataset, entities);
      }
      await privateTo(store, "a_watch", "read", "agency:A");
      // A first, then B: the old network took the last import's holder name per account id.
      await importLedgerRows(store, dir, "a.csv", "ledger_a", LEDGER_A);
      await importLedgerRows(store, dir, "b.csv", "ledger_b", LEDGER_B);
      await store.access.grant("ledger_a", "agency:A", "read");
      await store.access.grant("ledger_b", "agency:B", "read");
      await store.access.grant("ledger_a", "agency:C", "read");
      const links = await linkAllAccounts(store);
      const made = links.map((l) => `${l.dataset}/${l.accountId}->${l.entityId}`).sort();
      assert.deepEqual(made, [
        "ledger_a/A-ACC1->pub-zed",
        "ledger_a/A-ACC3->a-oleg",
        "ledger_a/A-ACC4->dbl-ivan",
        "ledger_b/B-ACC9->pub-zed",
      ]);
      assert.deepEqual(links.find((l) => l.entityId === "dbl-ivan")?.entityDatasets.sort(), [
        "a_watch",
        "public_sanctions",
      ]);

      const keys = await addPeople(store, [...ADMIN_ALICE_BOB, ["carol", "viewer", "C"]]);
      const call = jsonCaller(app, keys);

      // --- Alert reviews -------------------------------------------------------------------
      const alertsOf = async (who: string) => {
        const answer = await call(who, "GET", "/alerts?typology=structuring");
        assert.equal(answer.status, 200, answer.text);
        return (answer.json as { alerts: AlertAnswer[] }).alerts;
      };
      const aliceAlert = (await alertsOf("alice")).find((a) => a.accounts.includes("A-ACC1"));
      assert.ok(aliceAlert);
      // The attack's premise: B's copy of the transfers raises the same alert id in B's view.
      const bobAlert = (await alertsOf("bob")).find((a) => a.id === aliceAlert.id);
      assert.ok(bobAlert, "B's view raises A's alert id");
      const SECRET_NOTE = "Oleg tipped off by branch 12; SAR filed";
      const aliceReview = await call("alice", "POST", `/alerts/${aliceAlert.id}/review`, {
        status: "assigned",
        assignee: "alice",
        note: SECRET_NOTE,
      });
      assert.equal(aliceReview.status, 201, aliceReview.text);
      assert.equal((aliceReview.json as Review).scope, "agency:A");

      // Bob sees the alert as open and unreviewed, in the queue and on its page.
      const bobQueue = await call("bob", "GET", "/alerts");
      noneOf(bobQueue.text, [SECRET_NOTE, "alice"], "bob");
      const bobSees = (bobQueue.json as { alerts: AlertAnswer[] }).alerts.find(
        (a) => a.id === aliceAlert.id,
      );
      assert.equal(bobSees?.status, "open");
      assert.equal(bobSees?.review, null);
      assert.equal(bobSees?.reviews, undefined, "only admins see every scope's reviews");
      const bobPage = await call("bob", "GET", `/alerts/${aliceAlert.id}`);
      assert.equal(bobPage.status, 200, bobPage.text);
      noneOf(bobPage.text, [SECRET_NOTE, "alice"], "bob");
      assert.equal((bobPage.json as AlertAnswer).review, null);
      const assigned = await call("bob", "GET", "/alerts?status=assigned&assignee=alice");
      assert.deepEqual((assigned.json as { alerts: unknown[] }).alerts, []);

      // Bob closes "his" alert: his own review, Alice's stays as she left it.
      const bobReview = await call("bob", "POST", `/alerts/${aliceAlert.id}/review`, {
        status: "closed",
        assignee: "bob",
        note: "nothing here",
        user: "alice",
      });
      assert.equal(bobReview.status, 201, bobReview.text);
      assert.equal((bobReview.json as Review).scope, "agency:B");
      assert.equal((bobReview.json as Review).user, "bob", "signed in, the reviewer is the caller");
      const alicePage = await call("alice", "GET", `/alerts/${aliceAlert.id}`);
      const aliceNow = alicePage.json as AlertAnswer;
      assert.equal(aliceNow.status, "assigned");
      assert.equal(aliceNow.review?.note, SECRET_NOTE);
      assert.equal(aliceNow.review?.user, "alice");
      noneOf(alicePage.text, ["nothing here"], "alice");
      assert.equal((await call("bob", "GET", `/alerts/${aliceAlert.id}`)).json.status, "closed");

      // Admins read every scope's review; their own review goes to their scope, not A's. (A-ACC1's
      // alert is another one in the admin's whole ledger, where B's copies add transfers.)
      const fiveAlert = (await alertsOf("alice")).find((a) => a.accounts.includes("A-ACC5"));
      assert.ok(fiveAlert);
      const aliceFive = await call("alice", "POST", `/alerts/${fiveAlert.id}/review`, {
        status: "closed",
        note: SECRET_NOTE,
      });
      assert.equal(aliceFive.status, 201, aliceFive.text);
      const adminReview = await call("admin", "POST", `/alerts/${fiveAlert.id}/review`, {
        status: "assigned",
        assignee: "chief",
      });
      assert.equal(adminReview.status, 201, adminReview.text);
      assert.equal((adminReview.json as Review).scope, "agency:hq");
      const adminPage = (await call("admin", "GET", `/alerts/${fiveAlert.id}`)).json as AlertAnswer;
      assert.equal(adminPage.review?.assignee, "chief");
      assert.deepEqual(
        adminPage.reviews?.map((r) => [r.scope, r.status, r.user]),
        [
          ["agency:A", "closed", "alice"],
          ["agency:hq", "assigned", "admin"],
        ],
      );
      const aliceFiveNow = (await alertsOf("alice")).find((a) => a.id === fiveAlert.id);
      assert.equal(aliceFiveNow?.status, "closed");
      assert.equal(aliceFiveNow?.review?.user, "alice");

      // --- The network ---------------------------------------------------------------------
      const expand = async (who: string, id: string) => {
        const answer = await call(who, "GET", `/entities/${encodeURIComponent(id)}/expand?hops=2`);
        return { status: answer.status, text: answer.text, json: answer.json as Subgraph };
      };
      const A_SECRETS = ["A-ACC3", "A-ACC4", "A-ACC2", "Anna Alpha", "Oleg", "a-oleg"];
      const B_SECRETS = ["Bogus", "Bravo", "B-ACC8", "B-ACC9"];

      // Bob expands the public entity: his own account and payment, none of A's link to it,
      // even though his ledger has the same account id A-ACC1.
      const bobZed = await expand("bob", "pub-zed");
      assert.equal(bobZed.status, 200, bobZed.text);
      noneOf(bobZed.text, [...A_SECRETS, "A-ACC1"], "bob");
      assert.deepEqual(bobZed.json.nodes.map((n) => n.id).sort(), [
        "account:B-ACC8",
        "account:B-ACC9",
        "pub-zed",
      ]);
      assert.equal(
        bobZed.json.nodes.find((n) => n.id === "account:B-ACC9")?.caption,
        "Zed Publicus Trading Limited (B-ACC9)",
      );
      // A's account is not in Bob's network at all: no start, no path to it.
      assert.equal((await expand("bob", "account:A-ACC1")).status, 404);
      assert.equal((await expand("bob", "account:A-ACC3")).status, 404);
      const bobPath = await call("bob", "GET", "/entities/pub-zed/paths?to=account:A-ACC1");
      assert.equal(bobPath.status, 404, bobPath.text);
      const bobPaths = await call("bob", "GET", "/entities/account:B-ACC8/paths");
      assert.equal(bobPaths.status, 200, bobPaths.text);
      noneOf(bobPaths.text, [...A_SECRETS, "A-ACC1"], "bob");

      // Alice sees her links and her holder names, none of B's records of the same ids.
      const aliceZed = await expand("alice", "pub-zed");
      assert.equal(aliceZed.status, 200, aliceZed.text);
      noneOf(aliceZed.text, B_SECRETS, "alice");
      const acc1 = aliceZed.json.nodes.find((n) => n.id === "account:A-ACC1");
      assert.equal(acc1?.caption, "Zed Publicus Trading Limited (A-ACC1)");
      assert.deepEqual(acc1?.datasets, ["ledger_a"]);
      const payments = aliceZed.json.edges.filter((e) => e.kind === "payment");
      assert.ok(payments.length > 0 && payments.every((e) => e.dataset === "ledger_a"));
      const aliceOleg = await expand("alice", "a-oleg");
      assert.equal(aliceOleg.status, 200, aliceOleg.text);
      assert.ok(
        aliceOleg.json.nodes.some((n) => n.id === "account:A-ACC3"),
        aliceOleg.text,
      );

      // Carol reads A's ledger and the public list, not A's watchlist: the entity on both lists
      // is hers to see, A's link to it is not (it would tell her it is on A's watchlist).
      const carolIvan = await expand("carol", "dbl-ivan");
      assert.equal(carolIvan.status, 200, carolIvan.text);
      noneOf(carolIvan.text, ["A-ACC4", "holder"], "carol");
      assert.equal((await expand("carol", "account:A-ACC4")).status, 404);
      const carolZed = await expand("carol", "pub-zed");
      assert.ok(
        carolZed.json.nodes.some((n) => n.id === "account:A-ACC1"),
        carolZed.text,
      );
      noneOf(carolZed.text, B_SECRETS, "carol");
      const aliceIvan = await expand("alice", "dbl-ivan");
      assert.ok(
        aliceIvan.json.nodes.some((n) => n.id === "account:A-ACC4"),
        aliceIvan.text,
      );

      // Ownership answers from the caller's view too (no account of another ledger in it).
      const bobOwnership = await call("bob", "GET", "/entities/pub-zed/ownership");
      assert.equal(bobOwnership.status, 200, bobOwnership.text);
      noneOf(bobOwnership.text, [...A_SECRETS, "A-ACC1"], "bob");

      // Admins read everything: both agencies' accounts, the one account id merged.
      const adminZed = await expand("admin", "pub-zed");
      const ids = adminZed.json.nodes.map((n) => n.id);
      assert.ok(ids.includes("account:A-ACC1") && ids.includes("account:B-ACC9"), adminZed.text);
      assert.deepEqual(adminZed.json.nodes.find((n) => n.id === "account:A-ACC1")?.datasets, [
        "ledger_a",
        "ledger_b",
      ]);
      // Merged details: the first dataset by name gives the holder, whatever the import order.
      assert.equal(
        adminZed.json.nodes.find((n) => n.id === "account:A-ACC1")?.caption,
        "Zed Publicus Trading Limited (A-ACC1)",
      );
    } finally {
      await app.close();
      await store.close();
    }
  });

  test(`${backend.name}: migration 015 gives existing reviews to their reviewer's scope`, async () => {
    const { location, kind, db } = await rawDb(backend);
    try {
      await migrateBefore(db, kind, "015_alert_review_scope");
      await sql`insert into users (username, password_hash, role, agency, created_at)
        values ('alice', null, 'analyst', 'A', '2020-01-01'),
               ('dave', null, 'analyst', null, '2020-01-01')`.execute(db);
      await sql`insert into alert_reviews (alert_id, status, assignee, note, reviewer, updated_at)
        values ('alert-1', 'closed', 'alice', 'done', 'alice', '2020-01-02'),
               ('alert-2', 'assigned', 'dave', null, 'dave', '2020-01-03'),
               ('alert-3', 'open', null, 'typed in', 'kim', '2020-01-04')`.execute(db);
    } finally {
      await db.destroy();
    }
    const store = await openStore(location);
    try {
      const reviews = await store.alertReviews.reviews();
      assert.deepEqual(
        reviews.map((r) => [r.alertId, r.scope, r.status, r.assignee, r.note, r.user]),
        [
          ["alert-1", "agency:A", "closed", "alice", "done", "alice"],
          ["alert-2", "user:dave", "assigned", "dave", null, "dave"],
          ["alert-3", "local", "open", null, "typed in", "kim"],
        ],
      );
      assert.deepEqual(
        (await store.alertReviews.reviews("agency:A")).map((r) => r.alertId),
        ["alert-1"],
      );
      // Another scope's review of the same alert is a row of its own, not an overwrite.
      await store.alertReviews.review({
        alertId: "alert-1",
        scope: "agency:B",
        status: "open",
        assignee: null,
        note: null,
        user: "bob",
      });
      const alice = await store.alertReviews.reviews("agency:A");
      assert.deepEqual(
        alice.map((r) => [r.alertId, r.status, r.note]),
        [["alert-1", "closed", "done"]],
      );
      assert.equal((await store.alertReviews.reviews()).length, 4);
    } finally {
      await store.close();
    }
  });
}
