/**
 * What each kind of job does. A handler gets the job (its payload), the uploaded file if any, and
 * a progress reporter; what it returns is the job's result. Handlers run wherever a worker runs,
 * so they take everything from the store and the payload, nothing from the request.
 */
import { releaseClaim } from "../access/collection-claims.ts";
import type { Config } from "../config.ts";
import { InvalidInputError } from "../errors.ts";
import { updateLists, type UpdateResult } from "../lists/update/update.ts";
import { LIST_SOURCES } from "../lists/update/sources.ts";
import type { MatchOptions } from "../matching/types.ts";
import { resolveAfterUpdate } from "../resolution/after-update.ts";
import { resolve, type Thresholds } from "../resolution/resolve.ts";
import { screenUpload, uploadRows, type UploadRow } from "../screening/batch/screen-upload.ts";
import type { ScreeningService } from "../screening/service.ts";
import type { Store } from "../store/store.ts";
import { importLedgerFile } from "../transactions/import.ts";
import { linkAccounts } from "../transactions/link.ts";
import { loadLedger } from "../transactions/load.ts";
import type { LedgerFormat } from "../transactions/types.ts";
import { detect, parseTypologies } from "../typologies/detect.ts";
import type { Job, ReportProgress } from "./types.ts";
import { withUploadedFile } from "./uploaded-file.ts";

export const JOB_KINDS = {
  listsUpdate: "lists-update",
  screen: "screen",
  txImport: "tx-import",
  txLink: "tx-link",
  resolve: "resolve",
  detect: "detect",
} as const;

export type JobKind = (typeof JOB_KINDS)[keyof typeof JOB_KINDS];

export interface WorkContext {
  store: Store;
  /** The screening index, built on first use (a worker that never screens never loads it). */
  screening(): ScreeningService;
  config: Config;
  log(line: string): void;
}

export type JobHandler = (
  ctx: WorkContext,
  job: Job,
  input: Buffer | null,
  report: ReportProgress,
) => Promise<unknown>;

export interface ListsUpdatePayload {
  datasets?: string[];
}

export interface ScreenPayload {
  /** The uploaded file's name (made safe); absent for a re-screen. */
  file?: string;
  options: MatchOptions;
  /** For a re-screen: the job whose customers are screened again. */
  previous?: string;
  /** Whose reviewers' decisions apply: the submitter's scope (see decisionScope()). */
  decisionScope?: string;
}

export interface ScreenJobResult {
  rows: UploadRow[];
  /** For a re-screen: the job it repeats. */
  previous: string | null;
}

export interface TxImportPayload {
  file: string;
  /** The user a new ledger collection is granted to once the import succeeds. */
  claimFor?: string;
  dataset?: string;
  format?: LedgerFormat;
  currency?: string;
  baseDate?: string;
}

export interface TxLinkPayload {
  threshold: number;
}

export interface ResolvePayload {
  thresholds?: Thresholds;
  datasets?: string[];
}

export interface DetectPayload {
  typologies?: string[];
  structuringThreshold?: number;
}

/** Alerts kept in a detect job's result; the alerts queue has them all. */
const DETECT_RESULT_ALERTS = 100;

function needInput(job: Job, input: Buffer | null): Buffer {
  if (!input) throw new InvalidInputError(`job '${job.id}': its uploaded file is gone`);
  return input;
}

const listsUpdate: JobHandler = async (ctx, job, _input, report) => {
  const { datasets } = job.payload as ListsUpdatePayload;
  const total = datasets?.length ?? LIST_SOURCES.length;
  let done = 0;
  report(0, total);
  const results: UpdateResult[] = await updateLists(ctx.store, ctx.config, {
    datasets,
    offlineDir: ctx.config.offlineDir,
    log: (line) => {
      if (/: (imported|unchanged|downloading)/.test(line)) report(++done);
      ctx.log(line);
    },
  });
  report(total);
  const resolved = await resolveAfterUpdate(ctx.store, results);
  return { results, resolved: resolved ?? null };
};

const screen: JobHandler = async (ctx, job, input, report) => {
  const payload = job.payload as ScreenPayload;
  const screening = ctx.screening();
  if (payload.previous) {
    const before = await ctx.store.jobs.get(payload.previous);
    const rows = (before?.result as ScreenJobResult | null)?.rows;
    if (!rows) throw new InvalidInputError(`job '${payload.previous}' has no results to repeat`);
    const inputs = rows.map((row) => row.input);
    report(0, inputs.length);
    const screened = await screenUpload(
      ctx.store,
      screening,
      inputs,
      payload.options,
      report,
      payload.decisionScope ?? null,
    );
    return { rows: screened, previous: payload.previous } satisfies ScreenJobResult;
  }
  const bytes = needInput(job, input);
  return withUploadedFile(bytes, payload.file ?? "upload.csv", async (file) => {
    const upload = uploadRows(file);
    report(0, bytes.length);
    const rows = await screenUpload(
      ctx.store,
      screening,
      upload.rows,
      payload.options,
      () => report(upload.bytesRead()),
      payload.decisionScope ?? null,
    );
    report(bytes.length);
    return { rows, previous: null } satisfies ScreenJobResult;
  });
};

/** Idempotent: the ledger skips transfers it has, so a retry after a crash adds nothing twice. */
const txImport: JobHandler = async (ctx, job, input, report) => {
  const payload = job.payload as TxImportPayload;
  try {
    return await importUploadedLedger(ctx, payload, needInput(job, input), report);
  } catch (error) {
    // A failed import wrote nothing (one transaction): the new collection the server claimed for
    // it is released, so no empty ledger stays with its submitter (as for a refused upload).
    if (payload.claimFor && payload.dataset) await releaseClaim(ctx.store, payload.dataset);
    throw error;
  }
};

async function importUploadedLedger(
  ctx: WorkContext,
  payload: TxImportPayload,
  bytes: Buffer,
  report: ReportProgress,
): Promise<unknown> {
  return withUploadedFile(bytes, payload.file, async (file) => {
    report(0, bytes.length);
    const result = await importLedgerFile(ctx.store, file, {
      ...(payload.dataset ? { dataset: payload.dataset } : {}),
      ...(payload.format ? { format: payload.format } : {}),
      ...(payload.currency ? { currency: payload.currency } : {}),
      ...(payload.baseDate ? { baseDate: payload.baseDate } : {}),
      parseOn: "this-thread",
      onProgress: (bytesRead) => report(bytesRead),
    });
    if (payload.claimFor) await claimCollection(ctx.store, result.dataset, payload.claimFor);
    report(bytes.length);
    return result;
  });
}

/**
 * Grants a collection made by a job's write to the user who asked for it, and records that in the
 * audit log as the server does for uploads (workers have no audit writer of their own).
 */
async function claimCollection(store: Store, collection: string, user: string): Promise<void> {
  await store.access.ensureCollection(collection, { public: false });
  await store.access.grant(collection, `user:${user}`, "write");
  await store.access.appendAudit([
    { actor: user, action: "collection.create", target: collection, detail: { grant: "write" } },
  ]);
}

const txLink: JobHandler = async (ctx, job, _input, report) => {
  const { threshold } = job.payload as TxLinkPayload;
  const accounts = await ctx.store.ledger.listAccounts();
  report(0, accounts.length);
  const links = await linkAccounts(accounts, ctx.screening(), { threshold, onProgress: report });
  await ctx.store.ledger.replaceAccountLinks(links);
  return {
    links: links.length,
    accounts: new Set(links.map((l) => l.accountId)).size,
    of: accounts.length,
  };
};

const resolveJob: JobHandler = async (ctx, job, _input, report) => {
  const payload = job.payload as ResolvePayload;
  return resolve(ctx.store, {
    ...(payload.thresholds ? { thresholds: payload.thresholds } : {}),
    ...(payload.datasets ? { datasets: payload.datasets } : {}),
    onStart: (total) => report(0, total),
    onEntity: (done) => report(done),
  });
};

const detectJob: JobHandler = async (ctx, job) => {
  const payload = job.payload as DetectPayload;
  const ledger = await loadLedger(ctx.store);
  const alerts = detect(ledger, parseTypologies(payload.typologies), {
    ...(payload.structuringThreshold !== undefined
      ? { structuringThreshold: payload.structuringThreshold }
      : {}),
  });
  const byTypology: Record<string, number> = {};
  for (const alert of alerts) byTypology[alert.typology] = (byTypology[alert.typology] ?? 0) + 1;
  return {
    alerts: alerts.length,
    byTypology,
    top: [...alerts].sort((a, b) => b.score - a.score).slice(0, DETECT_RESULT_ALERTS),
  };
};

export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  [JOB_KINDS.listsUpdate]: listsUpdate,
  [JOB_KINDS.screen]: screen,
  [JOB_KINDS.txImport]: txImport,
  [JOB_KINDS.txLink]: txLink,
  [JOB_KINDS.resolve]: resolveJob,
  [JOB_KINDS.detect]: detectJob,
};

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_HANDLERS, kind);
}
