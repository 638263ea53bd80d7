/** Row shapes of the tables, as Kysely sees them; mappers in rows.ts turn them into domain types. */
import type { Generated } from "kysely";

export interface ListVersionsTable {
  id: Generated<number>;
  dataset: string;
  label: string;
  format: string;
  status: string;
  active: number;
  entries: number;
  schemata: string;
  files: string;
  imported_at: string;
}

export interface RecordsTable {
  version_id: number;
  source_id: string;
  entity_id: string;
  hash: string;
  raw: string;
}

export interface EntitiesTable {
  version_id: number;
  id: string;
  schema: string;
  caption: string;
  source_id: string;
  properties: string;
}

export interface DecisionsTable {
  id: Generated<number>;
  query_key: string;
  entity_id: string;
  entity_hash: string;
  decision: string;
  reviewer: string;
  comment: string | null;
  scope: string;
  created_at: string;
}

export interface ScreenedRecordsTable {
  scope: string;
  record_id: string;
  query: string;
  results: string;
  screened_at: string;
}

export interface TxImportsTable {
  id: Generated<number>;
  dataset: string;
  format: string;
  file: string;
  sha256: string;
  rows: number;
  added: number;
  imported_at: string;
}

export interface TxTransfersTable {
  seq: number;
  dataset: string;
  id: string;
  source: string;
  target: string;
  amount: number;
  currency: string;
  timestamp: number;
  reference: string | null;
}

export interface TxAccountsTable {
  id: string;
  dataset: string;
  owner_name: string | null;
  iban: string | null;
  bic: string | null;
  bank: string | null;
  country: string | null;
}

export interface TxAccountLinksTable {
  dataset: string;
  account_id: string;
  entity_id: string;
  caption: string;
  score: number;
  evidence: string;
  entity_datasets: string;
  linked_at: string;
}

export interface DocumentsTable {
  id: string;
  collection: string;
  parent_id: string | null;
  path: string;
  name: string;
  schema: string;
  format: string | null;
  size: number;
  sha256: string;
  status: string;
  error: string | null;
  title: string | null;
  author: string | null;
  date: string | null;
  sender: string | null;
  recipients: string;
  pages: number;
  text: string;
  ingested_at: string;
  unread_images: Generated<number>;
  ocr_pages: Generated<number>;
}

export interface DocumentRelationsTable {
  document_id: string;
  seq: number;
  kind: string;
  source_text: string;
  source_type: string;
  source_entity_id: string | null;
  target_text: string;
  target_type: string;
  target_entity_id: string | null;
  weight: number;
  value: string | null;
  start: number;
  end: number;
}

export interface DocumentMentionsTable {
  document_id: string;
  seq: number;
  type: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
  value: string | null;
  entity_id: string | null;
  entity_caption: string | null;
  score: number | null;
  /** JSON: the mention's LinkCandidate[], when it has candidates (migration 016). */
  link_candidates: string | null;
}

export interface DocumentsFtsTable {
  document_id: string;
  title: string;
  text: string;
}

export interface ResolverJudgementsTable {
  left_id: string;
  right_id: string;
  judgement: string;
  source: string;
  score: number | null;
  reviewer: string;
  created_at: string;
}

export interface ResolverCandidatesTable {
  left_id: string;
  right_id: string;
  score: number;
  explanation: string;
  created_at: string;
}

export interface AlertReviewsTable {
  scope: string;
  alert_id: string;
  status: string;
  assignee: string | null;
  note: string | null;
  reviewer: string;
  updated_at: string;
}

export interface UsersTable {
  username: string;
  password_hash: string | null;
  role: string;
  agency: string | null;
  disabled: number;
  created_at: string;
}

export interface UserSessionsTable {
  token_hash: string;
  username: string;
  expires_at: string;
  created_at: string;
}

export interface ApiKeysTable {
  key_hash: string;
  id: string;
  username: string;
  name: string;
  hint: string;
  role: string;
  collections: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface CollectionsTable {
  name: string;
  public: number;
  created_at: string;
}

export interface CollectionGrantsTable {
  collection: string;
  grantee: string;
  access: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  subject: string;
  owner: string;
  status: string;
  unit: string;
  progress_done: number;
  progress_total: number | null;
  payload: string;
  input: Buffer | null;
  result: string | null;
  error: string | null;
  attempts: number;
  worker: string | null;
  heartbeat_at: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface Database {
  jobs: JobsTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  api_keys: ApiKeysTable;
  collections: CollectionsTable;
  collection_grants: CollectionGrantsTable;
  audit_log: AuditLogTable;
  alert_reviews: AlertReviewsTable;
  resolver_judgements: ResolverJudgementsTable;
  resolver_candidates: ResolverCandidatesTable;
  documents: DocumentsTable;
  document_mentions: DocumentMentionsTable;
  document_relations: DocumentRelationsTable;
  documents_fts: DocumentsFtsTable;
  tx_imports: TxImportsTable;
  tx_transfers: TxTransfersTable;
  tx_accounts: TxAccountsTable;
  tx_account_links: TxAccountLinksTable;
  decisions: DecisionsTable;
  screened_records: ScreenedRecordsTable;
  list_versions: ListVersionsTable;
  records: RecordsTable;
  entities: EntitiesTable;
}
