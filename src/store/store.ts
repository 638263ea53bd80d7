/**
 * The one storage interface of moneytrail. Two backends implement it (store/sqlite,
 * store/postgres) over the same Kysely queries; one test suite runs against both.
 */
import type { Entity } from "../model/entity.ts";
import type { DocumentStore } from "./documents/document-store.ts";
import type { LedgerStore } from "./ledger/ledger-store.ts";
import type { AccessStore } from "./access/access-store.ts";
import type { JobStore } from "./jobs/job-store.ts";
import type { AlertReviewStore } from "./alerts/alert-review-store.ts";
import type { ResolutionStore } from "./resolution/resolution-store.ts";

export const VERSION_STATUSES = ["loading", "complete", "failed"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export interface SourceFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface ListVersion {
  id: number;
  dataset: string;
  label: string;
  format: string;
  status: VersionStatus;
  active: boolean;
  /** Designation records in the source (one per OFAC ent_num, one per UN reference). */
  entries: number;
  schemata: Record<string, number>;
  files: SourceFile[];
  importedAt: string;
}

export interface NewVersion {
  dataset: string;
  label: string;
  format: string;
  files: SourceFile[];
}

/** A source record ready to store: its content hash decides "changed" in diffs. */
export interface StoredRecord {
  sourceId: string;
  entityId: string;
  hash: string;
  raw: Record<string, unknown>;
}

export interface RecordWithCaption extends StoredRecord {
  caption: string;
  schema: string;
}

export interface RecordEntity {
  sourceId: string;
  entity: Entity;
}

export interface VersionWriter {
  readonly versionId: number;
  writeRecords(records: StoredRecord[]): Promise<void>;
  /** Writes entities; an id already written in this version is merged, value by value. */
  writeEntities(entities: RecordEntity[]): Promise<void>;
}

/** An entity as the store knows it: merged over every active dataset that lists it. */
export interface StoredEntity extends Entity {
  datasets: string[];
  provenance: Array<{
    dataset: string;
    version: string;
    sourceId: string;
    raw: Record<string, unknown> | undefined;
  }>;
}

export const DECISIONS = ["cleared", "confirmed"] as const;
export type DecisionKind = (typeof DECISIONS)[number];

/** A reviewer's judgement on one screening hit: this query is (not) this listed entity. */
export interface Decision {
  id: number;
  queryKey: string;
  entityId: string;
  /** The listed entity's content hash when decided: a changed entity reopens the hit. */
  entityHash: string;
  decision: DecisionKind;
  reviewer: string;
  comment: string | null;
  /**
   * Whose decision it is, and so whose screenings it applies to: `agency:<a>`, `user:<u>` (a
   * user without agency) or `local` (the single-user mode and the command line).
   */
  scope: string;
  createdAt: string;
}

export type NewDecision = Omit<Decision, "id" | "createdAt">;

/** A customer record kept after screening, with the hits it had, for re-screening. */
export interface ScreenedRecord {
  /**
   * Whose screening it was (see decisionScope()): a record id is one customer of that scope, and
   * no other scope reads, decides on or overwrites it.
   */
  scope: string;
  recordId: string;
  query: Record<string, unknown>;
  results: Array<{ entityId: string; entityHash: string; score: number }>;
  screenedAt: string;
}

export interface EntityFilter {
  /** Only these datasets; all active datasets when absent. */
  datasets?: string[];
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  /** Transfers, accounts and account links (see ledger/ledger-store.ts). */
  readonly ledger: LedgerStore;
  /** Ingested documents, their mentions and full-text search (see documents/document-store.ts). */
  readonly documents: DocumentStore;
  /** Judgements on pairs of listed entities and the review queue (resolution-store.ts). */
  readonly resolution: ResolutionStore;
  /** Analysts' assignments and closings of typology alerts (alert-review-store.ts). */
  readonly alertReviews: AlertReviewStore;
  /** Users, sessions, API keys, collections and grants, the audit log (access-store.ts). */
  readonly access: AccessStore;
  /** Background jobs with their progress and results (job-store.ts). */
  readonly jobs: JobStore;
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Creates a version, lets `fill` write it, and activates it, all in one transaction: if `fill`
   * throws, nothing of the version remains and the active version stays as it was.
   */
  writeVersion(
    meta: NewVersion,
    fill: (writer: VersionWriter) => Promise<void>,
  ): Promise<ListVersion>;
  listVersions(dataset?: string): Promise<ListVersion[]>;
  activeVersions(): Promise<ListVersion[]>;
  findVersion(dataset: string, label: string): Promise<ListVersion | undefined>;
  /** The content hash of one source record in each version of its dataset that has it. */
  recordHistory(
    dataset: string,
    sourceId: string,
  ): Promise<Array<{ versionId: number; hash: string }>>;
  /** The records of a version in source-id order, each with its main entity's caption. */
  iterateRecords(versionId: number): AsyncIterable<RecordWithCaption>;

  /**
   * One id merged over the active lists that have it; with `readable`, over those lists only, so
   * a caller is never shown values that come from a collection it may not read.
   */
  findEntity(
    id: string,
    readable?: (dataset: string) => boolean,
  ): Promise<StoredEntity | undefined>;
  getEntity(id: string): Promise<StoredEntity>;
  /** Entities of the active versions, one row per (dataset, entity). */
  iterateEntities(
    filter?: EntityFilter,
  ): AsyncIterable<Entity & { dataset: string; sourceId: string }>;

  addDecision(decision: NewDecision): Promise<Decision>;
  /** Decisions on these query keys, newest first. */
  findDecisions(queryKeys: string[]): Promise<Decision[]>;
  /** The newest decisions first; only those of one scope when `scope` is given. */
  listDecisions(limit?: number, scope?: string): Promise<Decision[]>;
  countDecisions(): Promise<number>;

  /** Keeps each record under its scope, replacing that scope's record of the same id. */
  saveScreenedRecords(records: ScreenedRecord[]): Promise<void>;
  /** The record of that id screened in `scope`; another scope's is none. */
  findScreenedRecord(scope: string, recordId: string): Promise<ScreenedRecord | undefined>;
  /** The records of one scope, by record id. */
  iterateScreenedRecords(scope: string): AsyncIterable<ScreenedRecord>;
}
