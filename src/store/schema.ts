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
  created_at: string;
}

export interface ScreenedRecordsTable {
  record_id: string;
  query: string;
  results: string;
  screened_at: string;
}

export interface Database {
  decisions: DecisionsTable;
  screened_records: ScreenedRecordsTable;
  list_versions: ListVersionsTable;
  records: RecordsTable;
  entities: EntitiesTable;
}
