/** The AccessStore over Kysely, the same SQL in both backends but for the audit log's lock. */
import type { Database as SqliteHandle, Statement } from "better-sqlite3";
import { sql, type Kysely, type Selectable } from "kysely";
import {
  chainEntries,
  GENESIS_HASH,
  type AuditEntry,
  type AuditEvent,
} from "../../access/audit-chain.ts";
import type { Collection, CollectionAccess, Grant } from "../../access/collections.ts";
import { ROLES, type Role } from "../../access/roles.ts";
import { NotFoundError } from "../../errors.ts";
import { keysetPages } from "../paging.ts";
import { createCollectionRow, registerCollection } from "./register.ts";
import { KyselyLoginFailures, KyselyRateCounts } from "./kysely-limits.ts";
import type { LoginFailureStore, RateCountStore } from "./limit-stores.ts";
import type { ApiKeysTable, AuditLogTable, Database, UsersTable } from "../schema.ts";
import type { AccessStore, ApiKey, NewApiKey, NewUser, User } from "./access-store.ts";

const AUDIT_PAGE = 1000;

export class KyselyAccess implements AccessStore {
  private auditStatements: { head: Statement; insert: Statement } | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: "sqlite" | "postgres",
    /** SQLite only: the driver's own handle, for the audit log's one prepared insert. */
    private readonly sqlite?: SqliteHandle,
  ) {}

  get loginFailures(): LoginFailureStore {
    return new KyselyLoginFailures(this.db);
  }

  get rateCounts(): RateCountStore {
    return new KyselyRateCounts(this.db);
  }

  async createUser(user: NewUser): Promise<User> {
    const row = {
      username: user.username,
      password_hash: user.passwordHash,
      role: user.role,
      agency: user.agency,
      disabled: 0,
      created_at: new Date().toISOString(),
    };
    await this.db.insertInto("users").values(row).execute();
    return toUser(row);
  }

  async findUser(username: string) {
    const row = await this.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom("users").selectAll().orderBy("username").execute();
    return rows.map(toUser);
  }

  async updateUser(
    username: string,
    change: { role?: Role; agency?: string | null; disabled?: boolean; passwordHash?: string },
  ): Promise<User> {
    const set: Partial<UsersTable> = {};
    if (change.role) set.role = change.role;
    if (change.agency !== undefined) set.agency = change.agency;
    if (change.disabled !== undefined) set.disabled = change.disabled ? 1 : 0;
    if (change.passwordHash) set.password_hash = change.passwordHash;
    await this.db.transaction().execute(async (trx) => {
      if (Object.keys(set).length > 0)
        await trx.updateTable("users").set(set).where("username", "=", username).execute();
      // A disabled user, a new password (the old one may have leaked) or a new role ends the
      // user's sessions now, not when they expire: a session must not outlive what it proved.
      if (change.disabled || change.passwordHash || change.role)
        await trx.deleteFrom("user_sessions").where("username", "=", username).execute();
      // A lowered role caps the user's keys for good, so raising the role again later does not
      // bring back what a key could once do.
      if (change.role) {
        const above = ROLES.slice(ROLES.indexOf(change.role) + 1);
        if (above.length > 0)
          await trx
            .updateTable("api_keys")
            .set({ role: change.role })
            .where("username", "=", username)
            .where("role", "in", above)
            .execute();
      }
    });
    const user = await this.findUser(username);
    if (!user) throw new NotFoundError(`no user '${username}'`);
    return {
      username: user.username,
      role: user.role,
      agency: user.agency,
      disabled: user.disabled,
      createdAt: user.createdAt,
    };
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createSession(session: {
    tokenHash: string;
    username: string;
    expiresAt: string;
  }): Promise<void> {
    const now = new Date().toISOString();
    await this.db.deleteFrom("user_sessions").where("expires_at", "<", now).execute();
    await this.db
      .insertInto("user_sessions")
      .values({
        token_hash: session.tokenHash,
        username: session.username,
        expires_at: session.expiresAt,
        created_at: now,
      })
      .execute();
  }

  async findSession(tokenHash: string) {
    const row = await this.db
      .selectFrom("user_sessions")
      .select(["username", "expires_at"])
      .where("token_hash", "=", tokenHash)
      .where("expires_at", ">", new Date().toISOString())
      .executeTakeFirst();
    return row && { username: row.username, expiresAt: row.expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom("user_sessions").where("token_hash", "=", tokenHash).execute();
  }

  async createApiKey(key: NewApiKey): Promise<ApiKey> {
    const row: ApiKeysTable = {
      key_hash: key.keyHash,
      id: key.id,
      username: key.username,
      name: key.name,
      hint: key.hint,
      role: key.role,
      collections: key.collections ? key.collections.join(",") : null,
      expires_at: key.expiresAt,
      revoked_at: null,
      created_at: new Date().toISOString(),
    };
    await this.db.insertInto("api_keys").values(row).execute();
    return toApiKey(row);
  }

  async findApiKey(keyHash: string): Promise<ApiKey | undefined> {
    const row = await this.db
      .selectFrom("api_keys")
      .selectAll()
      .where("key_hash", "=", keyHash)
      .executeTakeFirst();
    return row && toApiKey(row);
  }

  async listApiKeys(username?: string): Promise<ApiKey[]> {
    let query = this.db.selectFrom("api_keys").selectAll().orderBy("created_at").orderBy("id");
    if (username) query = query.where("username", "=", username);
    return (await query.execute()).map(toApiKey);
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable("api_keys")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async ensureCollection(name: string, options: { public: boolean }): Promise<void> {
    await registerCollection(this.db, name, options.public);
  }

  async createCollection(name: string, options: { public: boolean }): Promise<boolean> {
    return createCollectionRow(this.db, name, options.public);
  }

  async dropCollection(name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("collection_grants").where("collection", "=", name).execute();
      await trx.deleteFrom("collections").where("name", "=", name).execute();
    });
  }

  async setCollectionPublic(name: string, isPublic: boolean): Promise<void> {
    await this.ensureCollection(name, { public: isPublic });
    await this.db
      .updateTable("collections")
      .set({ public: isPublic ? 1 : 0 })
      .where("name", "=", name)
      .execute();
  }

  async listCollections(): Promise<Collection[]> {
    const rows = await this.db.selectFrom("collections").selectAll().orderBy("name").execute();
    return rows.map((row) => ({
      name: row.name,
      public: Boolean(row.public),
      createdAt: row.created_at,
    }));
  }

  async grant(collection: string, grantee: string, access: CollectionAccess): Promise<void> {
    await this.db
      .insertInto("collection_grants")
      .values({ collection, grantee, access })
      .onConflict((conflict) => conflict.columns(["collection", "grantee"]).doUpdateSet({ access }))
      .execute();
  }

  async revokeGrant(collection: string, grantee: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("collection_grants")
      .where("collection", "=", collection)
      .where("grantee", "=", grantee)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async listGrants(): Promise<Grant[]> {
    const rows = await this.db
      .selectFrom("collection_grants")
      .selectAll()
      .orderBy("collection")
      .orderBy("grantee")
      .execute();
    return rows.map((row) => ({
      collection: row.collection,
      grantee: row.grantee,
      access: row.access as CollectionAccess,
    }));
  }

  async appendAudit(events: AuditEvent[]): Promise<AuditEntry[]> {
    if (events.length === 0) return [];
    if (this.kind === "postgres")
      return this.db.transaction().execute(async (trx) => {
        // Several servers append to one chain: each takes the head under a table lock, so no two
        // entries can claim the same place.
        await sql`lock table audit_log in share row exclusive mode`.execute(trx);
        return appendToChain(trx, events);
      });
    // SQLite: the write lock is taken before the head is read (BEGIN IMMEDIATE). Kysely's
    // transactions begin deferred, and a deferred reader that then writes fails at once with
    // SQLITE_BUSY_SNAPSHOT whenever another process (`serve --workers 2`) wrote in between.
    // The statements run on the driver's handle, prepared once, while Kysely's hold on the
    // connection keeps its own queries out of the transaction.
    const sqlite = this.sqlite;
    if (!sqlite) throw new Error("kysely-access: SQLite store without its driver handle");
    return this.db.connection().execute(async () => this.appendOnSqlite(sqlite, events));
  }

  private appendOnSqlite(sqlite: SqliteHandle, events: AuditEvent[]): AuditEntry[] {
    const statements = (this.auditStatements ??= {
      head: sqlite.prepare("select seq, hash from audit_log order by seq desc limit 1"),
      insert: sqlite.prepare(
        "insert into audit_log (seq, at, actor, action, target, detail, prev_hash, hash) values (@seq, @at, @actor, @action, @target, @detail, @prev_hash, @hash)",
      ),
    });
    const append = sqlite.transaction((): AuditEntry[] => {
      const head = statements.head.get() as { seq: number; hash: string } | undefined;
      const entries = chainEntries(
        { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS_HASH },
        events,
        new Date().toISOString(),
      );
      for (const row of auditRows(entries)) statements.insert.run(row);
      return entries;
    });
    return append.immediate();
  }

  async *iterateAudit(afterSeq = 0): AsyncIterable<AuditEntry> {
    const pages = keysetPages(
      afterSeq,
      AUDIT_PAGE,
      (after) =>
        this.db
          .selectFrom("audit_log")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(AUDIT_PAGE)
          .execute(),
      (row) => row.seq,
    );
    for await (const page of pages) yield* page.map(toAuditEntry);
  }

  async recentAudit(options: {
    limit: number;
    actor?: string;
    action?: string;
    beforeSeq?: number;
  }): Promise<AuditEntry[]> {
    let query = this.db
      .selectFrom("audit_log")
      .selectAll()
      .orderBy("seq", "desc")
      .limit(options.limit);
    if (options.beforeSeq !== undefined) query = query.where("seq", "<", options.beforeSeq);
    if (options.actor) query = query.where("actor", "=", options.actor);
    if (options.action) query = query.where("action", "=", options.action);
    return (await query.execute()).map(toAuditEntry);
  }
}

/** Reads the chain's head and appends the events after it; the caller holds the writer's lock. */
async function appendToChain(db: Kysely<Database>, events: AuditEvent[]): Promise<AuditEntry[]> {
  const head = await db
    .selectFrom("audit_log")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const entries = chainEntries(
    { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS_HASH },
    events,
    new Date().toISOString(),
  );
  await db.insertInto("audit_log").values(auditRows(entries)).execute();
  return entries;
}

function auditRows(entries: AuditEntry[]): AuditLogTable[] {
  return entries.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    target: e.target,
    detail: e.detailJson ?? JSON.stringify(e.detail),
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
}

function toUser(row: Omit<Selectable<UsersTable>, "password_hash">): User {
  return {
    username: row.username,
    role: row.role as Role,
    agency: row.agency,
    disabled: Boolean(row.disabled),
    createdAt: row.created_at,
  };
}

function toApiKey(row: ApiKeysTable): ApiKey {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    hint: row.hint,
    role: row.role as Role,
    collections: row.collections ? row.collections.split(",") : null,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

function toAuditEntry(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
