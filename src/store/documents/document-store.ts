/** The documents part of the Store: files as ingested, their mentions, full-text search. */
import type { Mention, Relation } from "../../documents/types.ts";

export const DOCUMENT_STATUSES = ["ok", "failed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface DocumentRecord {
  id: string;
  collection: string;
  /** The archive or e-mail the file came out of. */
  parentId?: string | undefined;
  /** Where it was found: a file path, or `archive.zip!/member.pdf`. */
  path: string;
  name: string;
  /** FtM schema: Document, Email, Pages, Table, Folder. */
  schema: string;
  format?: string | undefined;
  size: number;
  sha256: string;
  status: DocumentStatus;
  /** Why a failed file could not be read. */
  error?: string | undefined;
  title?: string | undefined;
  author?: string | undefined;
  date?: string | undefined;
  sender?: string | undefined;
  recipients: string[];
  pages: number;
  /** Scanned pages and images whose text is not read yet (OCR was off). */
  unreadImages: number;
  /** Pages and images whose text came from OCR. */
  ocrPages: number;
  ingestedAt: string;
}

export interface StoredDocument extends DocumentRecord {
  text: string;
}

export interface StoredMention extends Mention {
  documentId: string;
}

export interface StoredRelation extends Relation {
  documentId: string;
  /** The document's collection: who may read the relation. */
  collection: string;
}

export interface DocumentQuery {
  /** Words (all must occur) and "quoted phrases". */
  text: string;
  collection?: string | undefined;
  /** Only documents in these collections (what the caller may read); all when absent. */
  collections?: string[] | undefined;
  /** Only documents that mention this listed entity. */
  entityId?: string | undefined;
  /** Only documents with a mention of this type (Person, Vessel, …). */
  mentionType?: string | undefined;
  schema?: string | undefined;
  /** ISO dates bounding the document's own date. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export interface DocumentHit {
  document: DocumentRecord;
  /** Matching passages with the words in <mark>…</mark>. */
  snippet: string;
}

export interface MentionFilter {
  documentId?: string | undefined;
  entityId?: string | undefined;
  type?: string | undefined;
  limit?: number | undefined;
}

export interface RelationFilter {
  documentId?: string | undefined;
  /** Relations with this listed entity on either side. */
  entityId?: string | undefined;
  kind?: string | undefined;
  limit?: number | undefined;
}

export interface DocumentStore {
  /** The document already holding these bytes in the collection, if any. */
  findByContent(
    collection: string,
    sha256: string,
  ): Promise<{ id: string; unreadImages: number } | undefined>;
  /** Writes a document, its search entry, mentions and relations in one transaction. */
  saveDocument(
    document: StoredDocument,
    mentions: Mention[],
    relations?: Relation[],
  ): Promise<void>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  listDocuments(filter: {
    collection?: string | undefined;
    parentId?: string | undefined;
    limit: number;
  }): Promise<DocumentRecord[]>;
  listMentions(filter: MentionFilter): Promise<StoredMention[]>;
  listRelations(filter: RelationFilter): Promise<StoredRelation[]>;
  search(query: DocumentQuery): Promise<DocumentHit[]>;
  summary(): Promise<{ documents: number; failed: number; mentions: number; linked: number }>;
}
