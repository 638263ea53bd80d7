/**
 * Issue 22 follow-up: documents linked against other agencies' private lists. Agency B's private
 * watchlist holds a name no other list has (Zedekiah Quornblatt) and a private alias of a public
 * entity. An analyst of agency A must not learn either from documents: not from the links made
 * when A uploads (gazetteer and screening linker see only A's readable lists), nor from the
 * links of a document B uploaded to a collection both read, nor after a list A once read turns
 * private (mentions, relations and the search's `entity=` filter drop what A cannot read, the
 * filter answering as for an id no list has). B and admins still see every link. Over SQLite
 * and PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { networkExtractOptions, screeningLinker } from "../../src/documents/link.ts";
import { ScreeningService } from "../../src/screening/service.ts";
import { buildApp } from "../../src/server/app.ts";
import type { Store } from "../../src/store/store.ts";
import { addPeople, caller, importEntities, privateTo, tempDir } from "../helpers/agencies.ts";
import { backends, freshStore } from "../helpers/stores.ts";

const ZED = "Zedekiah Quornblatt";
const B_ALIAS = "Secret Alias Bee";
/** Text only B's list explains: a private name, a relation with a public one, a private alias. */
const MEMO = `Memo: ${ZED} paid Ri Chol Man 5000 USD through Dandong. ${B_ALIAS} was there too.`;

const LISTS: Record<string, object[]> = {
  public_list: [
    { id: "pub-1", schema: "Person", properties: { name: ["Ri Chol Man"], topics: ["sanction"] } },
  ],
  agency_b_watch: [
    { id: "agency-b-zed", schema: "Person", properties: { name: [ZED], topics: ["sanction"] } },
    // The same id as the public entity, with B's own alias.
    { id: "pub-1", schema: "Person", properties: { name: ["Ri Chol Man"], alias: [B_ALIAS] } },
  ],
};

interface Setup {
  app: FastifyInstance;
  keys: Record<string, string>;
  call: (
    who: string,
    method: string,
    url: string,
    body?: string,
  ) => Promise<LightMyRequestResponse>;
}

async function setUp(store: Store): Promise<Setup> {
  const dir = tempDir("doclinks");
  for (const [dataset, entities] of Object.entries(LISTS))
    await importEntities(store, dir, dataset, entities);
  await privateTo(store, "agency_b_watch", "read", "agency:B");
  await privateTo(store, "docs-a", "write", "agency:A");
  // A collection both agencies read and write.
  await privateTo(store, "docs-shared", "write", "agency:A", "agency:B");
  const keys = await addPeople(store);
  const app = await buildApp({ store, auth: "required" });
  const send = caller(app, keys);
  const call: Setup["call"] = (who, method, url, body) =>
    send(who, method, url, body, body === undefined ? undefined : "application/octet-stream");
  return { app, keys, call };
}

async function upload(s: Setup, who: string, name: string, collection: string): Promise<string> {
  const answer = await s.call(
    who,
    "POST",
    `/documents?name=${name}&collection=${collection}`,
    MEMO,
  );
  assert.equal(answer.statusCode, 201, answer.body);
  return answer.json<{ ids: string[] }>().ids[0]!;
}

interface Seen {
  mentions: string;
  relations: string;
  search: unknown;
  unknownSearch: unknown;
}

/** What `who` learns of a document's links, and from the search's entity filter. */
async function seen(s: Setup, who: string, id: string, collection: string): Promise<Seen> {
  const get = async (url: string) => {
    const answer = await s.call(who, "GET", url);
    assert.equal(answer.statusCode, 200, answer.body);
    return answer;
  };
  const search = (entity: string) =>
    get(`/search/documents?q=memo&collection=${collection}&entity=${entity}`).then((r) => r.json());
  return {
    mentions: (await get(`/documents/${id}/mentions`)).body,
    relations: (await get(`/documents/${id}/relations`)).body,
    search: await search("agency-b-zed"),
    unknownSearch: await search("agency-b-nothing"),
  };
}

/** Nothing of B's list: no private id, and no link made by B's private alias. */
function assertNothingOfB(what: Seen, publicLinked = true): void {
  assert.doesNotMatch(what.mentions, /agency-b-zed/);
  assert.doesNotMatch(what.relations, /agency-b-zed/);
  const mentions = JSON.parse(what.mentions) as {
    mentions: Array<{ text: string; entityId?: string; entityCaption?: string; score?: number }>;
  };
  for (const m of mentions.mentions) {
    if (m.text.includes("Zedekiah") || m.text.includes("Secret Alias"))
      assert.deepEqual([m.entityId, m.entityCaption, m.score], [undefined, undefined, undefined]);
  }
  if (publicLinked)
    assert.ok(mentions.mentions.some((m) => m.text === "Ri Chol Man" && m.entityId === "pub-1"));
  // The entity filter on B's private id answers as on an id no list has.
  assert.deepEqual(what.search, what.unknownSearch);
  assert.deepEqual(what.search, { query: "memo", hits: [] });
}

for (const backend of backends()) {
  test(`${backend.name}: A's upload links only against A's readable lists`, async () => {
    const { store } = await freshStore(backend);
    const s = await setUp(store);
    try {
      const id = await upload(s, "alice", "memo.txt", "docs-a");
      assertNothingOfB(await seen(s, "alice", id, "docs-a"));
      // Stored without B's links: an admin reading A's document sees none either.
      const admin = await seen(s, "admin", id, "docs-a");
      assert.doesNotMatch(admin.mentions + admin.relations, /agency-b-zed/);
      assert.deepEqual(admin.search, { query: "memo", hits: [] });
    } finally {
      await s.app.close();
      await store.close();
    }
  });

  test(`${backend.name}: B's links in a shared document are not shown to A`, async () => {
    const { store } = await freshStore(backend);
    const s = await setUp(store);
    try {
      const id = await upload(s, "bob", "memo.txt", "docs-shared");
      // B (and an admin) see B's links: the document does hold them.
      for (const who of ["bob", "admin"]) {
        const what = await seen(s, who, id, "docs-shared");
        assert.match(what.mentions, /"entityId":"agency-b-zed"/, who);
        assert.match(what.relations, /"entityId":"agency-b-zed"/, who);
        assert.equal((what.search as { hits: unknown[] }).hits.length, 1, who);
      }
      assertNothingOfB(await seen(s, "alice", id, "docs-shared"));
    } finally {
      await s.app.close();
      await store.close();
    }
  });

  test(`${backend.name}: a list turned private hides the links made while it was public`, async () => {
    const { store } = await freshStore(backend);
    const s = await setUp(store);
    try {
      const setPublic = async (value: boolean) => {
        const answer = await s.app.inject({
          method: "PUT",
          url: "/collections/agency_b_watch",
          headers: { authorization: `ApiKey ${s.keys.admin}` },
          payload: { public: value },
        });
        assert.equal(answer.statusCode, 200, answer.body);
      };
      await setPublic(true);
      const id = await upload(s, "alice", "memo.txt", "docs-a");
      assert.match((await seen(s, "alice", id, "docs-a")).mentions, /agency-b-zed/);
      await setPublic(false);
      assertNothingOfB(await seen(s, "alice", id, "docs-a"));
    } finally {
      await s.app.close();
      await store.close();
    }
  });
}

test("the gazetteer and the screening linker reach only the readable lists", async () => {
  const { store } = await freshStore(backends()[0]!);
  try {
    await setUp(store).then((s) => s.app.close());
    const service = new ScreeningService(store);
    const names = [{ text: ZED, type: "Person" as const }];
    // Every list (the command line, admins): B's entity is found.
    assert.equal((await screeningLinker(service)(names))[0]?.entityId, "agency-b-zed");
    assert.equal((await networkExtractOptions(service)).gazetteer?.find(MEMO).length, 3);
    // The public list only: neither way finds it, nor B's alias of the public entity.
    assert.equal((await screeningLinker(service, undefined, ["public_list"])(names))[0], undefined);
    const { gazetteer } = await networkExtractOptions(service, ["public_list"]);
    assert.deepEqual(
      gazetteer?.find(MEMO).map((m) => [m.text, m.entityId]),
      [["Ri Chol Man", "pub-1"]],
    );
    // No readable list: nothing to link against.
    assert.deepEqual(await networkExtractOptions(service, []), {});
  } finally {
    await store.close();
  }
});
