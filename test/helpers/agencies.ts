/**
 * Set-up shared by the multi-agency security tests (test/security/): users of several agencies
 * with API keys, authorised requests, private lists and ledgers written to temporary files, and
 * raw stores at an older schema for migration tests.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from "kysely";
import pg from "pg";
import type { CollectionAccess } from "../../src/access/collections.ts";
import { addUser, createApiKey } from "../../src/access/manage.ts";
import type { Role } from "../../src/access/roles.ts";
import { importList } from "../../src/lists/import.ts";
import { ScreeningService } from "../../src/screening/service.ts";
import type { StoreKind } from "../../src/store/migrations/index.ts";
import type { Store } from "../../src/store/store.ts";
import type { Backend } from "./stores.ts";
import { importLedgerFile } from "../../src/transactions/import.ts";
import { linkAccounts } from "../../src/transactions/link.ts";
import type { AccountLink } from "../../src/transactions/types.ts";

const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../src/store/migrations",
);

/** One user of a signed-in server: username, role and agency (null: none). */
export type Person = readonly [username: string, role: Role, agency: string | null];

/** The usual cast of the agency tests: an admin at hq and an analyst each of agencies A and B. */
export const ADMIN_ALICE_BOB: readonly Person[] = [
  ["admin", "admin", "hq"],
  ["alice", "analyst", "A"],
  ["bob", "analyst", "B"],
];

/** The password most agency tests sign their users up with. */
export const LONG_PASSWORD = "a long password";

/** The columns of a ledger CSV that names the account holders. */
export const NAMED_LEDGER_HEADER =
  "id,source,target,amount,timestamp,currency,source_name,target_name";

/** A fresh temporary directory named after the test file, so leftovers say where they came from. */
export function tempDir(name: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `moneytrail-sec-${name}-`));
}

/** Writes `text` to `dir/name` and returns the path: the upload or import file of a test. */
export function writeText(dir: string, name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

/** Writes entities as FtM JSON lines (what `--format ftm` reads) and returns the path. */
export function writeFtm(dir: string, name: string, entities: readonly object[]): string {
  return writeText(dir, name, `${entities.map((e) => JSON.stringify(e)).join("\n")}\n`);
}

/** A list entry that its own topics mark as sanctioned. */
export function sanctionedEntity(id: string, schema: string, name: string): object {
  return { id, schema, properties: { name: [name], topics: ["sanction"] } };
}

/** Imports entities as version 1 of a list, through a file as an operator would. */
export async function importEntities(
  store: Store,
  dir: string,
  dataset: string,
  entities: readonly object[],
  fileName = `${dataset}.ftm.json`,
): Promise<void> {
  const file = writeFtm(dir, fileName, entities);
  await importList(store, [file], { format: "ftm", dataset, version: "1" });
}

/** Imports ledger rows (under NAMED_LEDGER_HEADER) into a dataset through a CSV file. */
export async function importLedgerRows(
  store: Store,
  dir: string,
  fileName: string,
  dataset: string,
  rows: readonly string[],
): Promise<void> {
  const csv = [NAMED_LEDGER_HEADER, ...rows, ""].join("\n");
  await importLedgerFile(store, writeText(dir, fileName, csv), { dataset });
}

/** Makes a collection private and grants it to these grantees (`agency:A`, `user:bob`). */
export async function privateTo(
  store: Store,
  collection: string,
  access: CollectionAccess,
  ...grantees: string[]
): Promise<void> {
  await store.access.setCollectionPublic(collection, false);
  for (const grantee of grantees) await store.access.grant(collection, grantee, access);
}

/** Links every ledger account to the lists (threshold 0.7) and stores the links. */
export async function linkAllAccounts(store: Store): Promise<AccountLink[]> {
  const links = await linkAccounts(await store.ledger.listAccounts(), new ScreeningService(store), {
    threshold: 0.7,
  });
  await store.ledger.replaceAccountLinks(links);
  return links;
}

/** Records a human's judgement that two list records are one entity, as the resolver would. */
export async function sameEntity(
  store: Store,
  left: string,
  right: string,
  user: string,
): Promise<void> {
  await store.resolution.judge({
    left,
    right,
    judgement: "positive",
    source: "human",
    score: null,
    user,
  });
}

/** Adds users, in order, without API keys; a null password makes key-only users. */
export async function addUsers(
  store: Store,
  people: readonly Person[],
  password: string | null = LONG_PASSWORD,
): Promise<void> {
  for (const [username, role, agency] of people)
    await addUser(store.access, { username, role, agency, password: password ?? undefined });
}

/** Adds users (as addUsers) with an API key each; returns the keys' secrets by username. */
export async function addPeople(
  store: Store,
  people: readonly Person[] = ADMIN_ALICE_BOB,
  password: string | null = LONG_PASSWORD,
): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  for (const person of people) {
    await addUsers(store, [person], password);
    const username = person[0];
    keys[username] = (await createApiKey(store.access, { username, name: "t" })).secret;
  }
  return keys;
}

/** `app.inject` as one of the users (by API key), with an optional body and content type. */
export function caller(app: FastifyInstance, keys: Record<string, string>) {
  return (
    who: string,
    method: string,
    url: string,
    payload?: unknown,
    type?: string,
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method: method as "GET",
      url,
      headers: {
        authorization: `ApiKey ${keys[who]}`,
        ...(type ? { "content-type": type } : {}),
      },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
}

/** A JSON request as one of the users, answered as status, body text and parsed body. */
export function jsonCaller(app: FastifyInstance, keys: Record<string, string>) {
  return async (who: string, method: "GET" | "POST", url: string, body?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers: {
        authorization: `ApiKey ${keys[who]}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return { status: response.statusCode, text: response.body, json: response.json() };
  };
}

/** Asserts that `who`'s answer shows none of another agency's secrets. */
export function noneOf(text: string, secrets: readonly string[], who: string): void {
  for (const secret of secrets)
    assert.ok(!text.includes(secret), `${who} must not see '${secret}': ${text}`);
}

/** A fresh database as a bare Kysely (no store, no migrations), for migration tests. */
export async function rawDb(
  backend: Backend,
): Promise<{ location: string; kind: StoreKind; db: Kysely<unknown> }> {
  const location = await backend.freshLocation();
  const kind: StoreKind = backend.name;
  const db: Kysely<unknown> =
    kind === "postgres"
      ? new Kysely({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: location, max: 1 }),
          }),
        })
      : new Kysely({ dialect: new SqliteDialect({ database: new Database(location) }) });
  return { location, kind, db };
}

/** Brings a raw database to the schema as it was before the migration `first` (e.g. "011_…"). */
export async function migrateBefore(
  db: Kysely<unknown>,
  kind: StoreKind,
  first: string,
): Promise<void> {
  const names = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}_\w+\.ts$/.test(file))
    .map((file) => file.slice(0, -".ts".length))
    .filter((name) => name < first)
    .sort();
  const migrations: Record<string, Migration> = {};
  for (const name of names) {
    const module = (await import(pathToFileURL(path.join(MIGRATIONS_DIR, `${name}.ts`)).href)) as {
      up(db: Kysely<unknown>, kind: StoreKind): Promise<void>;
    };
    migrations[name] = { up: (trx) => module.up(trx, kind) };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
