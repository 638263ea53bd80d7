/**
 * The DocumentStore over Kysely. Search is the one place the backends differ: FTS5 with
 * snippet() in SQLite, tsvector with ts_headline() in PostgreSQL; filters are shared SQL.
 */
import { registerCollection } from "../access/register.ts";
import {
  sql,
  type Insertable,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
} from "kysely";
import { flatRelation } from "../../documents/extract/relations.ts";
import { applyDecision } from "../../documents/extract/link-decision.ts";
import type { LinkCandidate, Mention, Relation, RelationKind } from "../../documents/types.ts";
import type { StoreKind } from "../migrations/index.ts";
import { insertInBatches } from "../batches.ts";
import type { Database, DocumentsTable } from "../schema.ts";
import type {
  DocumentHit,
  DocumentQuery,
  DocumentRecord,
  DocumentStore,
  MentionFilter,
  RelationFilter,
  StoredDocument,
  StoredMention,
  StoredRelation,
} from "./document-store.ts";

/** Rows per INSERT: under SQLite's 32,766 bound parameters at 13 columns. */
const ROW_BATCH = 500;
const MARK = ["<mark>", "</mark>"] as const;

export class KyselyDocuments implements DocumentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: StoreKind,
  ) {}

  async findByContent(
    collection: string,
    sha256: string,
  ): Promise<{ id: string; unreadImages: number } | undefined> {
    const row = await this.db
      .selectFrom("documents")
      .select(["id", "unread_images"])
      .where("collection", "=", collection)
      .where("sha256", "=", sha256)
      .where("status", "=", "ok")
      .orderBy("id")
      .executeTakeFirst();
    return row && { id: row.id, unreadImages: Number(row.unread_images) };
  }

  async saveDocument(
    document: StoredDocument,
    mentions: Mention[],
    relations: Relation[] = [],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await registerCollection(trx, document.collection, false);
      await trx.deleteFrom("document_mentions").where("document_id", "=", document.id).execute();
      await trx.deleteFrom("document_relations").where("document_id", "=", document.id).execute();
      if (this.kind === "sqlite") {
        // The search row shares the document's row id: found by key, not by scanning the index.
        await sql`delete from documents_fts where rowid in
          (select rowid from documents where id = ${document.id})`.execute(trx);
      }
      await trx.deleteFrom("documents").where("id", "=", document.id).execute();
      await trx.insertInto("documents").values(toRow(document)).execute();
      if (this.kind === "sqlite") {
        await sql`insert into documents_fts (rowid, document_id, title, text)
          select rowid, id, ${document.title ?? ""}, ${document.text}
          from documents where id = ${document.id}`.execute(trx);
      }
      const mentionRows = mentions.map((m, seq) => ({
        document_id: document.id,
        seq,
        type: m.type,
        text: m.text,
        start: m.start,
        end: m.end,
        confidence: m.confidence,
        value: m.value ?? null,
        entity_id: m.entityId ?? null,
        entity_caption: m.entityCaption ?? null,
        score: m.score ?? null,
        link_candidates: m.candidates ? JSON.stringify(m.candidates) : null,
      }));
      await insertInBatches(trx, "document_mentions", mentionRows, ROW_BATCH);
      const relationRows = relations.map((r, seq) => ({
        document_id: document.id,
        seq,
        ...flatRelation(r),
      }));
      await insertInBatches(trx, "document_relations", relationRows, ROW_BATCH);
    });
  }

  async listRelations(filter: RelationFilter): Promise<StoredRelation[]> {
    let query = this.db
      .selectFrom("document_relations")
      .innerJoin("documents", "documents.id", "document_relations.document_id")
      .selectAll("document_relations")
      .select("documents.collection");
    if (filter.documentId)
      query = query.where("document_relations.document_id", "=", filter.documentId);
    if (filter.kind) query = query.where("document_relations.kind", "=", filter.kind);
    const entityId = filter.entityId;
    if (entityId)
      query = query.where((eb) =>
        eb.or([
          eb("document_relations.source_entity_id", "=", entityId),
          eb("document_relations.target_entity_id", "=", entityId),
        ]),
      );
    const rows = await query
      .orderBy("document_relations.document_id")
      .orderBy("document_relations.seq")
      .limit(filter.limit ?? 10_000)
      .execute();
    return rows.map((row) => ({
      documentId: row.document_id,
      collection: row.collection,
      kind: row.kind as RelationKind,
      source: {
        text: row.source_text,
        type: row.source_type as Mention["type"],
        entityId: row.source_entity_id ?? undefined,
      },
      target: {
        text: row.target_text,
        type: row.target_type as Mention["type"],
        entityId: row.target_entity_id ?? undefined,
      },
      weight: Number(row.weight),
      value: row.value ?? undefined,
      start: Number(row.start),
      end: Number(row.end),
    }));
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = await this.db
      .selectFrom("documents")
      .select(DOCUMENT_COLUMNS)
      .select("text")
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? { ...fromRow(row), text: row.text } : undefined;
  }

  async listDocuments(filter: {
    collection?: string | undefined;
    parentId?: string | undefined;
    limit: number;
  }): Promise<DocumentRecord[]> {
    let query = this.db.selectFrom("documents").select(DOCUMENT_COLUMNS);
    if (filter.collection) query = query.where("collection", "=", filter.collection);
    if (filter.parentId) query = query.where("parent_id", "=", filter.parentId);
    const rows = await query.orderBy("path").orderBy("id").limit(filter.limit).execute();
    return rows.map(fromRow);
  }

  async listMentions(filter: MentionFilter): Promise<StoredMention[]> {
    let query = this.db.selectFrom("document_mentions").selectAll();
    if (filter.documentId) query = query.where("document_id", "=", filter.documentId);
    if (filter.entityId) query = query.where("entity_id", "=", filter.entityId);
    if (filter.type) query = query.where("type", "=", filter.type);
    const rows = await query
      .orderBy("document_id")
      .orderBy("seq")
      .limit(filter.limit ?? 10_000)
      .execute();
    return rows.map((row) => {
      const mention: StoredMention = {
        documentId: row.document_id,
        type: row.type as Mention["type"],
        text: row.text,
        start: Number(row.start),
        end: Number(row.end),
        confidence: Number(row.confidence),
        value: row.value ?? undefined,
        entityId: row.entity_id ?? undefined,
        entityCaption: row.entity_caption ?? undefined,
        score: row.score === null ? undefined : Number(row.score),
      };
      // The link, its status and note follow from the candidates as they did when stored.
      if (row.link_candidates)
        applyDecision(mention, JSON.parse(row.link_candidates) as LinkCandidate[]);
      return mention;
    });
  }

  async search(query: DocumentQuery): Promise<DocumentHit[]> {
    return this.kind === "sqlite" ? this.searchSqlite(query) : this.searchPostgres(query);
  }

  private async searchSqlite(query: DocumentQuery): Promise<DocumentHit[]> {
    const match = fts5Query(query.text);
    if (!match) return [];
    const rows = await this.filtered(
      this.db
        .selectFrom("documents_fts")
        .innerJoin("documents", "documents.id", "documents_fts.document_id")
        .select(DOCUMENT_COLUMNS.map((c) => `documents.${c}` as const))
        .select(
          sql<string>`snippet(documents_fts, 2, ${MARK[0]}, ${MARK[1]}, '…', 16)`.as("snippet"),
        )
        .where(sql<boolean>`documents_fts match ${match}`)
        .orderBy(sql`bm25(documents_fts)`),
      query,
    )
      .limit(query.limit)
      .execute();
    return rows.map((row) => ({
      document: fromRow(row),
      snippet: row.snippet,
    }));
  }

  private async searchPostgres(query: DocumentQuery): Promise<DocumentHit[]> {
    if (!query.text.trim()) return [];
    const tsquery = sql`websearch_to_tsquery('simple', ${query.text})`;
    const rows = await this.filtered(
      this.db
        .selectFrom("documents")
        .select(DOCUMENT_COLUMNS.map((c) => `documents.${c}` as const))
        .select(
          sql<string>`ts_headline('simple', documents.text, ${tsquery},
            ${`StartSel=${MARK[0]}, StopSel=${MARK[1]}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`})`.as(
            "snippet",
          ),
        )
        .where(sql<boolean>`documents.search @@ ${tsquery}`)
        .orderBy(sql`ts_rank(documents.search, ${tsquery})`, "desc"),
      query,
    )
      .limit(query.limit)
      .execute();
    return rows.map((row) => ({
      document: fromRow(row),
      snippet: row.snippet,
    }));
  }

  /** The filters every search shares, on the `documents` table whatever the backend. */
  private filtered<O>(
    base: SelectQueryBuilder<Database, "documents" | "documents_fts", O>,
    query: DocumentQuery,
  ): SelectQueryBuilder<Database, "documents" | "documents_fts", O> {
    let q = base.where("documents.status", "=", "ok");
    if (query.collection) q = q.where("documents.collection", "=", query.collection);
    if (query.collections)
      q =
        query.collections.length === 0
          ? q.where(sql<boolean>`false`)
          : q.where("documents.collection", "in", query.collections);
    if (query.schema) q = q.where("documents.schema", "=", query.schema);
    if (query.from) q = q.where("documents.date", ">=", query.from);
    if (query.to) q = q.where("documents.date", "<=", `${query.to}\uffff`);
    const mentioned = (column: "entity_id" | "type", value: string) =>
      q.where("documents.id", "in", (eb) =>
        eb.selectFrom("document_mentions").select("document_id").where(column, "=", value),
      );
    if (query.entityId) q = mentioned("entity_id", query.entityId);
    if (query.mentionType) q = mentioned("type", query.mentionType);
    return q;
  }

  async summary(): Promise<{
    documents: number;
    failed: number;
    mentions: number;
    linked: number;
  }> {
    const docs = await this.db
      .selectFrom("documents")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("status")
      .execute();
    const mentions = await this.db
      .selectFrom("document_mentions")
      .select([
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.count<number>("entity_id").as("linked"),
      ])
      .executeTakeFirstOrThrow();
    const count = (status: string): number =>
      Number(docs.find((row) => row.status === status)?.n ?? 0);
    return {
      documents: count("ok"),
      failed: count("failed"),
      mentions: Number(mentions.n),
      linked: Number(mentions.linked),
    };
  }
}

const DOCUMENT_COLUMNS = [
  "id",
  "collection",
  "parent_id",
  "path",
  "name",
  "schema",
  "format",
  "size",
  "sha256",
  "status",
  "error",
  "title",
  "author",
  "date",
  "sender",
  "recipients",
  "pages",
  "ingested_at",
  "unread_images",
  "ocr_pages",
] as const;

/**
 * Words and "quoted phrases" as an FTS5 query in which every part must occur. Each part is
 * quoted, so FTS5 operators typed by a user (NEAR, *, :, -) are searched as text, not obeyed.
 */
export function fts5Query(text: string): string {
  const parts = [...text.matchAll(/"([^"]+)"|(\S+)/g)]
    .map((m) => (m[1] ?? m[2]!).replace(/"/g, " ").trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part));
  return parts.map((part) => `"${part}"`).join(" ");
}

function toRow(d: StoredDocument): Insertable<DocumentsTable> {
  return {
    id: d.id,
    collection: d.collection,
    parent_id: d.parentId ?? null,
    path: d.path,
    name: d.name,
    schema: d.schema,
    format: d.format ?? null,
    size: d.size,
    sha256: d.sha256,
    status: d.status,
    error: d.error ?? null,
    title: d.title ?? null,
    author: d.author ?? null,
    date: d.date ?? null,
    sender: d.sender ?? null,
    recipients: JSON.stringify(d.recipients),
    pages: d.pages,
    text: d.text,
    ingested_at: d.ingestedAt,
    unread_images: d.unreadImages,
    ocr_pages: d.ocrPages,
  };
}

function fromRow(row: Omit<Selectable<DocumentsTable>, "text">): DocumentRecord {
  return {
    id: row.id,
    collection: row.collection,
    parentId: row.parent_id ?? undefined,
    path: row.path,
    name: row.name,
    schema: row.schema,
    format: row.format ?? undefined,
    size: Number(row.size),
    sha256: row.sha256,
    status: row.status as DocumentRecord["status"],
    error: row.error ?? undefined,
    title: row.title ?? undefined,
    author: row.author ?? undefined,
    date: row.date ?? undefined,
    sender: row.sender ?? undefined,
    recipients: JSON.parse(row.recipients) as string[],
    pages: Number(row.pages),
    unreadImages: Number(row.unread_images),
    ocrPages: Number(row.ocr_pages),
    ingestedAt: row.ingested_at,
  };
}
