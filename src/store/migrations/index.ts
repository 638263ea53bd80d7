/**
 * Schema migrations, in order. Each takes the backend kind for the few places SQL differs
 * (identity columns); everything else is Kysely's portable schema builder.
 */
import { Migrator, type Kysely, type Migration } from "kysely";
import * as lists from "./001_lists.ts";
import * as screening from "./002_screening.ts";
import * as ledger from "./003_ledger.ts";
import * as transferRowid from "./004_transfer_rowid.ts";
import * as documents from "./005_documents.ts";
import * as documentRelations from "./006_document_relations.ts";
import * as resolution from "./007_resolution.ts";
import * as alertReviews from "./008_alert_reviews.ts";
import * as access from "./009_access.ts";
import * as jobs from "./010_jobs.ts";
import * as ledgerDatasets from "./011_ledger_datasets.ts";
import * as decisionScope from "./012_decision_scope.ts";
import * as accessLimits from "./013_access_limits.ts";
import * as screenedRecordScope from "./014_screened_record_scope.ts";
import * as alertReviewScope from "./015_alert_review_scope.ts";
import * as mentionCandidates from "./016_mention_candidates.ts";

export type StoreKind = "sqlite" | "postgres";

const MIGRATIONS: Record<string, { up(db: Kysely<unknown>, kind: StoreKind): Promise<void> }> = {
  "001_lists": lists,
  "002_screening": screening,
  "003_ledger": ledger,
  "004_transfer_rowid": transferRowid,
  "005_documents": documents,
  "006_document_relations": documentRelations,
  "007_resolution": resolution,
  "008_alert_reviews": alertReviews,
  "009_access": access,
  "010_jobs": jobs,
  "011_ledger_datasets": ledgerDatasets,
  "012_decision_scope": decisionScope,
  "013_access_limits": accessLimits,
  "014_screened_record_scope": screenedRecordScope,
  "015_alert_review_scope": alertReviewScope,
  "016_mention_candidates": mentionCandidates,
};

export async function migrateToLatest(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(MIGRATIONS)) {
    migrations[name] = { up: (trx) => migration.up(trx, kind) };
  }
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
