/**
 * The Store over Kysely: the same queries serve SQLite and PostgreSQL; the backend folders only
 * make the dialect. Properties and raw records are JSON text in both, so rows move unchanged.
 */
import type { Kysely, Transaction } from "kysely";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import { caption, type Entity } from "../model/entity.ts";
import { mergeEntities } from "../model/merge.ts";
import { hashRaw, mergeRaw } from "./hash.ts";
import { keysetPages } from "./paging.ts";
import type { Database as SqliteHandle } from "better-sqlite3";
import type { DocumentStore } from "./documents/document-store.ts";
import { KyselyDocuments } from "./documents/kysely-documents.ts";
import { KyselyLedger } from "./ledger/kysely-ledger.ts";
import type { AlertReviewStore } from "./alerts/alert-review-store.ts";
import { KyselyAlertReviews } from "./alerts/kysely-alert-reviews.ts";
import { KyselyAccess } from "./access/kysely-access.ts";
import { registerListCollection } from "./access/register.ts";
import type { AccessStore } from "./access/access-store.ts";
import { KyselyJobs } from "./jobs/kysely-jobs.ts";
import type { JobStore } from "./jobs/job-store.ts";
import { KyselyResolution } from "./resolution/kysely-resolution.ts";
import type { ResolutionStore } from "./resolution/resolution-store.ts";
import { SqliteTransfers } from "./ledger/sqlite-transfers.ts";
import type { LedgerStore } from "./ledger/ledger-store.ts";
import { migrateToLatest, type StoreKind } from "./migrations/index.ts";
import {
  rowToDecision,
  rowToEntity,
  rowToRecord,
  rowToScreenedRecord,
  rowToVersion,
} from "./rows.ts";
import type { Database } from "./schema.ts";
import type {
  Decision,
  EntityFilter,
  NewDecision,
  ScreenedRecord,
  ListVersion,
  NewVersion,
  RecordEntity,
  RecordWithCaption,
  Store,
  StoredEntity,
  StoredRecord,
  VersionWriter,
} from "./store.ts";

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_BATCH = 500;
/** Rows per page when streaming a table out. */
const READ_PAGE = 2000;

export class KyselyStore implements Store {
  readonly kind: StoreKind;
  readonly db: Kysely<Database>;
  readonly ledger: LedgerStore;
  readonly documents: DocumentStore;
  readonly resolution: ResolutionStore;
  readonly alertReviews: AlertReviewStore;
  readonly access: AccessStore;
  readonly jobs: JobStore;

  constructor(db: Kysely<Database>, kind: StoreKind, sqlite?: SqliteHandle) {
    this.db = db;
    this.kind = kind;
    this.ledger = new KyselyLedger(db, kind, sqlite && (() => new SqliteTransfers(sqlite)));
    this.documents = new KyselyDocuments(db, kind);
    this.resolution = new KyselyResolution(db);
    this.alertReviews = new KyselyAlertReviews(db);
    this.access = new KyselyAccess(db, kind, sqlite);
    this.jobs = new KyselyJobs(db);
  }

  async migrate(): Promise<void> {
    await migrateToLatest(this.db as Kysely<unknown>, this.kind);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async writeVersion(
    meta: NewVersion,
    fill: (writer: VersionWriter) => Promise<void>,
  ): Promise<ListVersion> {
    if (await this.findVersion(meta.dataset, meta.label)) {
      throw new InvalidInputError(
        `lists: ${meta.dataset} already has a version '${meta.label}'; name another with --version`,
      );
    }
    return this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("list_versions")
        .values({
          dataset: meta.dataset,
          label: meta.label,
          format: meta.format,
          status: "loading",
          active: 0,
          entries: 0,
          schemata: "{}",
          files: JSON.stringify(meta.files),
          imported_at: new Date().toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const versionId = Number(inserted.id);
      await registerListCollection(trx, meta.dataset, versionId);
      const writer = new TransactionWriter(trx, versionId);
      await fill(writer);
      await trx
        .updateTable("list_versions")
        .set({ active: 0 })
        .where("dataset", "=", meta.dataset)
        .where("active", "=", 1)
        .execute();
      await trx
        .updateTable("list_versions")
        .set({
          status: "complete",
          active: 1,
          entries: writer.entries,
          schemata: JSON.stringify(writer.schemataCounts()),
        })
        .where("id", "=", versionId)
        .execute();
      const row = await trx
        .selectFrom("list_versions")
        .selectAll()
        .where("id", "=", versionId)
        .executeTakeFirstOrThrow();
      return rowToVersion(row);
    });
  }

  async listVersions(dataset?: string): Promise<ListVersion[]> {
    let query = this.db.selectFrom("list_versions").selectAll().orderBy("dataset").orderBy("id");
    if (dataset) query = query.where("dataset", "=", dataset);
    return (await query.execute()).map(rowToVersion);
  }

  async activeVersions(): Promise<ListVersion[]> {
    const rows = await this.db
      .selectFrom("list_versions")
      .selectAll()
      .where("active", "=", 1)
      .orderBy("dataset")
      .execute();
    return rows.map(rowToVersion);
  }

  async findVersion(dataset: string, label: string): Promise<ListVersion | undefined> {
    const row = await this.db
      .selectFrom("list_versions")
      .selectAll()
      .where("dataset", "=", dataset)
      .where("label", "=", label)
      .executeTakeFirst();
    return row ? rowToVersion(row) : undefined;
  }

  async recordHistory(
    dataset: string,
    sourceId: string,
  ): Promise<Array<{ versionId: number; hash: string }>> {
    // Through the versions first: the records' key starts with the version.
    const rows = await this.db
      .selectFrom("records")
      .select(["version_id", "hash"])
      .where(
        "version_id",
        "in",
        this.db.selectFrom("list_versions").select("id").where("dataset", "=", dataset),
      )
      .where("source_id", "=", sourceId)
      .execute();
    return rows.map((row) => ({ versionId: row.version_id, hash: row.hash }));
  }

  async *iterateRecords(versionId: number): AsyncIterable<RecordWithCaption> {
    const pages = keysetPages(
      "",
      READ_PAGE,
      (after) =>
        this.db
          .selectFrom("records as r")
          .leftJoin("entities as e", (join) =>
            join.onRef("e.version_id", "=", "r.version_id").onRef("e.id", "=", "r.entity_id"),
          )
          .selectAll("r")
          .select(["e.caption", "e.schema"])
          .where("r.version_id", "=", versionId)
          .where("r.source_id", ">", after)
          .orderBy("r.source_id")
          .limit(READ_PAGE)
          .execute(),
      (row) => row.source_id,
    );
    for await (const rows of pages) {
      for (const row of rows) {
        yield {
          ...rowToRecord(row),
          caption: row.caption ?? row.entity_id,
          schema: row.schema ?? "",
        };
      }
    }
  }

  async findEntity(
    id: string,
    readable: (dataset: string) => boolean = () => true,
  ): Promise<StoredEntity | undefined> {
    const found = await this.db
      .selectFrom("entities as e")
      .innerJoin("list_versions as v", "v.id", "e.version_id")
      .leftJoin("records as r", (join) =>
        join.onRef("r.version_id", "=", "e.version_id").onRef("r.source_id", "=", "e.source_id"),
      )
      .select(["e.id", "e.schema", "e.properties", "e.source_id", "v.dataset", "v.label", "r.raw"])
      .where("e.id", "=", id)
      .where("v.active", "=", 1)
      .orderBy("v.dataset")
      .execute();
    // Filtered before the merge: an unreadable list's record adds no property, dataset or source.
    const rows = found.filter((row) => readable(row.dataset));
    if (rows.length === 0) return undefined;
    let merged: Entity | undefined;
    for (const row of rows) {
      const entity = rowToEntity(row);
      merged = merged ? mergeEntities(merged, entity) : entity;
    }
    return {
      ...merged!,
      datasets: [...new Set(rows.map((r) => r.dataset))],
      provenance: rows.map((row) => ({
        dataset: row.dataset,
        version: row.label,
        sourceId: row.source_id,
        raw: row.raw ? (JSON.parse(row.raw) as Record<string, unknown>) : undefined,
      })),
    };
  }

  async getEntity(id: string): Promise<StoredEntity> {
    const entity = await this.findEntity(id);
    if (!entity) throw new NotFoundError(`entity '${id}' not found in any active list version`);
    return entity;
  }

  async addDecision(decision: NewDecision): Promise<Decision> {
    const row = await this.db
      .insertInto("decisions")
      .values({
        query_key: decision.queryKey,
        entity_id: decision.entityId,
        entity_hash: decision.entityHash,
        decision: decision.decision,
        reviewer: decision.reviewer,
        comment: decision.comment,
        scope: decision.scope,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToDecision(row);
  }

  async findDecisions(queryKeys: string[]): Promise<Decision[]> {
    if (queryKeys.length === 0) return [];
    const rows = await this.db
      .selectFrom("decisions")
      .selectAll()
      .where("query_key", "in", queryKeys)
      .orderBy("id", "desc")
      .execute();
    return rows.map(rowToDecision);
  }

  async listDecisions(limit = 1000, scope?: string): Promise<Decision[]> {
    let query = this.db.selectFrom("decisions").selectAll().orderBy("id", "desc").limit(limit);
    if (scope !== undefined) query = query.where("scope", "=", scope);
    return (await query.execute()).map(rowToDecision);
  }

  async countDecisions(): Promise<number> {
    const row = await this.db
      .selectFrom("decisions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async saveScreenedRecords(records: ScreenedRecord[]): Promise<void> {
    if (records.length === 0) return;
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < records.length; i += INSERT_BATCH) {
        const rows = records.slice(i, i + INSERT_BATCH).map((r) => ({
          scope: r.scope,
          record_id: r.recordId,
          query: JSON.stringify(r.query),
          results: JSON.stringify(r.results),
          screened_at: r.screenedAt || now,
        }));
        await trx
          .insertInto("screened_records")
          .values(rows)
          .onConflict((oc) =>
            oc.columns(["scope", "record_id"]).doUpdateSet((eb) => ({
              query: eb.ref("excluded.query"),
              results: eb.ref("excluded.results"),
              screened_at: eb.ref("excluded.screened_at"),
            })),
          )
          .execute();
      }
    });
  }

  async findScreenedRecord(scope: string, recordId: string): Promise<ScreenedRecord | undefined> {
    const row = await this.db
      .selectFrom("screened_records")
      .selectAll()
      .where("scope", "=", scope)
      .where("record_id", "=", recordId)
      .executeTakeFirst();
    return row && rowToScreenedRecord(row);
  }

  async *iterateScreenedRecords(scope: string): AsyncIterable<ScreenedRecord> {
    const pages = keysetPages(
      "",
      READ_PAGE,
      (after) =>
        this.db
          .selectFrom("screened_records")
          .selectAll()
          .where("scope", "=", scope)
          .where("record_id", ">", after)
          .orderBy("record_id")
          .limit(READ_PAGE)
          .execute(),
      (row) => row.record_id,
    );
    for await (const rows of pages) for (const row of rows) yield rowToScreenedRecord(row);
  }

  async *iterateEntities(
    filter: EntityFilter = {},
  ): AsyncIterable<Entity & { dataset: string; sourceId: string }> {
    const versions = (await this.activeVersions()).filter(
      (v) => !filter.datasets || filter.datasets.includes(v.dataset),
    );
    for (const version of versions) {
      const pages = keysetPages(
        "",
        READ_PAGE,
        (after) =>
          this.db
            .selectFrom("entities")
            .select(["id", "schema", "properties", "source_id"])
            .where("version_id", "=", version.id)
            .where("id", ">", after)
            .orderBy("id")
            .limit(READ_PAGE)
            .execute(),
        (row) => row.id,
      );
      for await (const rows of pages) {
        for (const row of rows)
          yield { ...rowToEntity(row), dataset: version.dataset, sourceId: row.source_id };
      }
    }
  }
}

function mergeRecords(a: StoredRecord, b: StoredRecord): StoredRecord {
  const raw = mergeRaw(a.raw, b.raw);
  return { sourceId: a.sourceId, entityId: a.entityId, hash: hashRaw(raw), raw };
}

/** Writes one version's rows inside the import transaction, counting what it wrote. */
class TransactionWriter implements VersionWriter {
  readonly versionId: number;
  private readonly recordIds = new Set<string>();
  private readonly trx: Transaction<Database>;
  private readonly written = new Set<string>();
  private readonly schemata = new Map<string, string>();

  constructor(trx: Transaction<Database>, versionId: number) {
    this.trx = trx;
    this.versionId = versionId;
  }

  async writeRecords(records: StoredRecord[]): Promise<void> {
    const batch = new Map<string, StoredRecord>();
    for (const record of records) {
      const pending = batch.get(record.sourceId);
      if (pending) batch.set(record.sourceId, mergeRecords(pending, record));
      else if (this.recordIds.has(record.sourceId)) await this.mergeRecordInto(record);
      else batch.set(record.sourceId, record);
    }
    const fresh = [...batch.values()];
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
      const rows = fresh.slice(i, i + INSERT_BATCH).map((r) => ({
        version_id: this.versionId,
        source_id: r.sourceId,
        entity_id: r.entityId,
        hash: r.hash,
        raw: JSON.stringify(r.raw),
      }));
      await this.trx.insertInto("records").values(rows).execute();
    }
    for (const record of fresh) this.recordIds.add(record.sourceId);
  }

  get entries(): number {
    return this.recordIds.size;
  }

  /** A source id written in an earlier batch comes again: the record gains another part. */
  private async mergeRecordInto(record: StoredRecord): Promise<void> {
    const row = await this.trx
      .selectFrom("records")
      .selectAll()
      .where("version_id", "=", this.versionId)
      .where("source_id", "=", record.sourceId)
      .executeTakeFirstOrThrow();
    const merged = mergeRecords(rowToRecord(row), record);
    await this.trx
      .updateTable("records")
      .set({ hash: merged.hash, raw: JSON.stringify(merged.raw) })
      .where("version_id", "=", this.versionId)
      .where("source_id", "=", record.sourceId)
      .execute();
  }

  async writeEntities(entities: RecordEntity[]): Promise<void> {
    const batch = new Map<string, RecordEntity>();
    for (const item of entities) {
      const id = item.entity.id;
      const pending = batch.get(id);
      if (pending)
        batch.set(id, {
          sourceId: pending.sourceId,
          entity: mergeEntities(pending.entity, item.entity),
        });
      else if (this.written.has(id)) await this.mergeInto(item);
      else batch.set(id, item);
    }
    const fresh = [...batch.values()];
    for (const { entity } of fresh) {
      this.written.add(entity.id);
      this.schemata.set(entity.id, entity.schema);
    }
    for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
      const rows = fresh.slice(i, i + INSERT_BATCH).map(({ sourceId, entity }) => ({
        version_id: this.versionId,
        id: entity.id,
        schema: entity.schema,
        caption: caption(entity),
        source_id: sourceId,
        properties: JSON.stringify(entity.properties),
      }));
      await this.trx.insertInto("entities").values(rows).execute();
    }
  }

  /** The same id twice in one version (FtM fragments, a wallet two designees share). */
  private async mergeInto({ entity }: RecordEntity): Promise<void> {
    const row = await this.trx
      .selectFrom("entities")
      .select(["id", "schema", "properties"])
      .where("version_id", "=", this.versionId)
      .where("id", "=", entity.id)
      .executeTakeFirstOrThrow();
    const merged = mergeEntities(rowToEntity(row), entity);
    await this.trx
      .updateTable("entities")
      .set({
        schema: merged.schema,
        caption: caption(merged),
        properties: JSON.stringify(merged.properties),
      })
      .where("version_id", "=", this.versionId)
      .where("id", "=", entity.id)
      .execute();
    this.schemata.set(entity.id, merged.schema);
  }

  schemataCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const schema of this.schemata.values()) counts[schema] = (counts[schema] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }
}
