/** Named mappers between table rows and domain types. */
import type { Selectable } from "kysely";
import type { Entity } from "../model/entity.ts";
import type {
  Decision,
  DecisionKind,
  ListVersion,
  ScreenedRecord,
  StoredRecord,
  VersionStatus,
} from "./store.ts";
import type {
  DecisionsTable,
  EntitiesTable,
  ListVersionsTable,
  RecordsTable,
  ScreenedRecordsTable,
} from "./schema.ts";

export function rowToVersion(row: Selectable<ListVersionsTable>): ListVersion {
  return {
    id: Number(row.id),
    dataset: row.dataset,
    label: row.label,
    format: row.format,
    status: row.status as VersionStatus,
    active: Number(row.active) === 1,
    entries: Number(row.entries),
    schemata: JSON.parse(row.schemata) as Record<string, number>,
    files: JSON.parse(row.files) as ListVersion["files"],
    importedAt: row.imported_at,
  };
}

export function rowToEntity(
  row: Pick<Selectable<EntitiesTable>, "id" | "schema" | "properties">,
): Entity {
  return {
    id: row.id,
    schema: row.schema,
    properties: JSON.parse(row.properties) as Record<string, string[]>,
  };
}

export function rowToRecord(row: Selectable<RecordsTable>): StoredRecord {
  return {
    sourceId: row.source_id,
    entityId: row.entity_id,
    hash: row.hash,
    raw: JSON.parse(row.raw) as Record<string, unknown>,
  };
}

export function rowToDecision(row: Selectable<DecisionsTable>): Decision {
  return {
    id: Number(row.id),
    queryKey: row.query_key,
    entityId: row.entity_id,
    entityHash: row.entity_hash,
    decision: row.decision as DecisionKind,
    reviewer: row.reviewer,
    comment: row.comment,
    scope: row.scope,
    createdAt: row.created_at,
  };
}

export function rowToScreenedRecord(row: Selectable<ScreenedRecordsTable>): ScreenedRecord {
  return {
    scope: row.scope,
    recordId: row.record_id,
    query: JSON.parse(row.query) as Record<string, unknown>,
    results: JSON.parse(row.results) as ScreenedRecord["results"],
    screenedAt: row.screened_at,
  };
}
