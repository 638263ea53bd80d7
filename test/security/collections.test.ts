/**
 * Issue 22, items 5 and 6. Official list names are reserved: an analyst uploading documents or a
 * ledger under a list's name (one `lists update` knows, or one a list import made) gets a 409, so
 * the list, once imported, cannot end up private to that analyst; a list import into a name some
 * other collection already holds is refused rather than taking its privacy. Two users creating
 * the same new collection at once through two servers over one store: the first wins, the other
 * gets a 409 (or a 403 once the winner's collection is seen), and exactly one write grant is
 * made. A refused upload leaves no collection behind. Over SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConflictError } from "../../src/errors.ts";
import { importList } from "../../src/lists/import.ts";
import { buildApp } from "../../src/server/app.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople, caller, privateTo, tempDir, writeFtm } from "../helpers/agencies.ts";
import { makeZip } from "../helpers/documents.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const LEDGER =
  "id,source,target,amount,timestamp,currency\nt1,AC-1,AC-2,100,2014-01-01T00:00:00Z,EUR\n";

function listFile(name: string): string {
  const entity = { id: `${name}-1`, schema: "Person", properties: { name: ["Ri Chol Man"] } };
  return writeFtm(tempDir("coll"), name, [entity]);
}

/** Imports a one-person list file (see listFile) as this version of the dataset. */
function importListFile(store: Store, file: string, dataset: string, version = "1") {
  return importList(store, [listFile(file)], { format: "ftm", dataset, version });
}

for (const backend of backends()) {
  test(`${backend.name}: official list names cannot be squatted`, async () => {
    const { store } = await freshStore(backend);
    const keys = await addPeople(store);
    await importListFile(store, "agency_watch.ftm.json", "agency_watch");
    let app = await buildApp({ store, auth: "required" });
    let call = caller(app, keys);
    try {
      const before = await store.access.listCollections();
      // Names `lists update` knows (not imported yet) and one a list import made.
      for (const [who, name] of [
        ["alice", "gb_fcdo_sanctions"],
        ["alice", "agency_watch"],
        ["admin", "us_ofac_sdn"],
      ]) {
        const doc = await call(
          who!,
          "POST",
          `/documents?name=memo.txt&collection=${name}`,
          "squatted words",
          "application/octet-stream",
        );
        assert.equal(doc.statusCode, 409, doc.body);
        assert.match(doc.json().detail, new RegExp(`'${name}' is the name of an official list`));
      }
      const ledger = await call(
        "alice",
        "POST",
        "/transactions/import?name=l.csv&dataset=us_trade_csl",
        LEDGER,
        "text/csv",
      );
      assert.equal(ledger.statusCode, 409, ledger.body);
      assert.deepEqual(await store.access.listCollections(), before, "nothing created");
      assert.deepEqual(await store.access.listGrants(), []);

      // The official list imported later is public: everyone matches it.
      await importListFile(store, "fcdo.ftm.json", "gb_fcdo_sanctions");
      // A fresh server, rather than waiting out the cached list of active versions.
      await app.close();
      app = await buildApp({ store, auth: "required" });
      call = caller(app, keys);
      const match = await call("bob", "POST", "/match/gb_fcdo_sanctions", {
        queries: { q: { schema: "Person", properties: { name: ["Ri Chol Man"] } } },
      });
      assert.equal(match.statusCode, 200, match.body);
      assert.equal(match.json().responses.q.results[0]?.id, "fcdo.ftm.json-1");

      // A name some earlier upload holds (squatted before names were reserved): the list import
      // is refused, not made private to the squatter, and leaves no version.
      await store.access.ensureCollection("us_ofac_cons", { public: false });
      await store.access.grant("us_ofac_cons", "user:alice", "write");
      await assert.rejects(
        importListFile(store, "cons.ftm.json", "us_ofac_cons"),
        (error) => error instanceof ConflictError && /us_ofac_cons/.test(error.message),
      );
      assert.equal((await store.listVersions("us_ofac_cons")).length, 0);

      // Only an admin's explicit act makes a list private.
      const hidden = await call("admin", "PUT", "/collections/gb_fcdo_sanctions", {
        public: false,
      });
      assert.equal(hidden.statusCode, 200, hidden.body);
      const gone = await call("bob", "POST", "/match/gb_fcdo_sanctions", {
        queries: { q: { schema: "Person", properties: { name: ["Ri Chol Man"] } } },
      });
      assert.equal(gone.statusCode, 404, gone.body);
      // A second version keeps the admin's setting.
      await importListFile(store, "fcdo.ftm.json", "gb_fcdo_sanctions", "2");
      const fcdo = (await store.access.listCollections()).find(
        (c) => c.name === "gb_fcdo_sanctions",
      );
      assert.equal(fcdo?.public, false);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test(`${backend.name}: two servers creating one collection at once: first wins`, async () => {
    const { store, location } = await freshStore(backend);
    const keys = await addPeople(store);
    const other = await openStore(location);
    const appA = await buildApp({ store, auth: "required" });
    const appB = await buildApp({ store: other, auth: "required" });
    const callA = caller(appA, keys);
    const callB = caller(appB, keys);
    try {
      for (let round = 0; round < 4; round++) {
        const name = `race-docs-${round}`;
        const answers = await Promise.all([
          callA(
            "alice",
            "POST",
            `/documents?name=a.txt&collection=${name}`,
            "alice's words",
            "application/octet-stream",
          ),
          callB(
            "bob",
            "POST",
            `/documents?name=b.txt&collection=${name}`,
            "bob's words",
            "application/octet-stream",
          ),
        ]);
        const codes = answers.map((a) => a.statusCode).sort();
        assert.equal(codes[0], 201, answers.map((a) => a.body).join(" | "));
        assert.ok(codes[1] === 409 || codes[1] === 403, `loser got ${codes[1]}`);
        const grants = (await store.access.listGrants()).filter((g) => g.collection === name);
        assert.equal(grants.length, 1, JSON.stringify(grants));
        const winner = answers[0]!.statusCode === 201 ? "alice" : "bob";
        assert.deepEqual(grants[0], {
          collection: name,
          grantee: `user:${winner}`,
          access: "write",
        });
      }
      // Ledger imports race the same way.
      const ledgers = await Promise.all([
        callA(
          "alice",
          "POST",
          "/transactions/import?name=l.csv&dataset=race_ledger",
          LEDGER,
          "text/csv",
        ),
        callB(
          "bob",
          "POST",
          "/transactions/import?name=l.csv&dataset=race_ledger",
          LEDGER,
          "text/csv",
        ),
      ]);
      const codes = ledgers.map((a) => a.statusCode).sort();
      assert.equal(codes[0], 202, ledgers.map((a) => a.body).join(" | "));
      assert.ok(codes[1] === 409 || codes[1] === 403, `loser got ${codes[1]}`);
      const grants = (await store.access.listGrants()).filter(
        (g) => g.collection === "race_ledger",
      );
      assert.equal(grants.length, 1, JSON.stringify(grants));
      // The winner's import runs as a job: let it finish before the store is compared below.
      const started = ledgers.findIndex((a) => a.statusCode === 202);
      const jobId = JSON.parse(ledgers[started]!.body).id as string;
      for (let i = 0; i < 400; i++) {
        const job = await (started === 0 ? callA : callB)(
          started === 0 ? "alice" : "bob",
          "GET",
          `/jobs/${jobId}`,
        );
        const status = JSON.parse(job.body).status as string;
        if (status === "done" || status === "failed") break;
        await new Promise((r) => setTimeout(r, 25));
      }

      // A refused upload into a new collection leaves no collection and no grant behind.
      const before = await store.access.listCollections();
      const zip = await makeZip({ "../../etc/cron.d/evil": "owned" });
      const refused = await callA(
        "alice",
        "POST",
        "/documents?name=x.zip&collection=fresh-docs",
        Buffer.from(zip),
        "application/zip",
      );
      assert.equal(refused.statusCode, 422, refused.body);
      assert.deepEqual(await store.access.listCollections(), before);
      assert.equal(
        (await store.access.listGrants()).filter((g) => g.collection === "fresh-docs").length,
        0,
      );
    } finally {
      await appA.close();
      await appB.close();
      await other.close();
      await store.close();
    }
  });
}

for (const backend of backends()) {
  test(`${backend.name}: uploads tell nothing of collections the caller cannot read`, async () => {
    const { store } = await freshStore(backend);
    const keys = await addPeople(store);
    await importListFile(store, "b_watch.ftm.json", "b_watch");
    await privateTo(store, "b_watch", "read", "agency:B");
    const app = await buildApp({ store, auth: "required" });
    const call = caller(app, keys);
    try {
      // Bob's private document set and ledger.
      const docs = await call(
        "bob",
        "POST",
        "/documents?name=n.txt&collection=b_casefile",
        "x",
        "application/octet-stream",
      );
      assert.equal(docs.statusCode, 201, docs.body);
      const answers = new Set<string>();
      for (const name of ["b_watch", "b_casefile"]) {
        const upload = await call(
          "alice",
          "POST",
          `/documents?name=n.txt&collection=${name}`,
          "x",
          "application/octet-stream",
        );
        answers.add(
          `${upload.statusCode} ${upload.json<{ detail: string }>().detail.replace(name, "NAME")}`,
        );
      }
      assert.equal(
        answers.size,
        1,
        `one answer for every unreadable name: ${[...answers].join(" | ")}`,
      );
      assert.match([...answers][0]!, /^409 .*taken/);
      // Bob, who may read his list, is told why.
      const own = await call(
        "bob",
        "POST",
        "/documents?name=n.txt&collection=b_watch",
        "x",
        "application/octet-stream",
      );
      assert.equal(own.statusCode, 409);
      assert.match(own.json<{ detail: string }>().detail, /official list/);
    } finally {
      await app.close();
      await store.close();
    }
  });
}
