/**
 * Imports one ledger file into the store, in one transaction: a bad row anywhere leaves the
 * ledger as it was. Transfers already in the store (same dataset and id) are skipped, so a
 * re-import adds nothing.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { InvalidInputError } from "../errors.ts";
import type { ProgressSink } from "../lists/types.ts";
import type { LedgerImportResult } from "../store/ledger/ledger-store.ts";
import type { Store } from "../store/store.ts";
import { parseLedgerBatches } from "./parse/batches.ts";
import { parseInWorker } from "./parse/in-worker.ts";
import type { ParseRequest } from "./parse/protocol.ts";
import { UNKNOWN_CURRENCY, type LedgerFormat } from "./types.ts";

/**
 * Files from this size parse on a worker thread; below it, starting the thread (about half a
 * second with the TypeScript loader) costs more than it saves.
 */
const WORKER_MIN_BYTES = 32 * 2 ** 20;
/** AMLSim's own default start of simulated time. */
export const DEFAULT_BASE_DATE = "2017-01-01";

export interface LedgerImportOptions {
  format?: LedgerFormat;
  dataset?: string;
  mapping?: Record<string, string>;
  currency?: string;
  baseDate?: string;
  onProgress?: ProgressSink;
  /** Where rows are parsed; by default a worker thread for large files. */
  parseOn?: "worker" | "this-thread";
}

export async function importLedgerFile(
  store: Store,
  file: string,
  options: LedgerImportOptions = {},
): Promise<LedgerImportResult & { format: LedgerFormat }> {
  const format = options.format ?? (await detectLedgerFormat(file));
  const baseDate = Date.parse(`${options.baseDate ?? DEFAULT_BASE_DATE}T00:00:00Z`);
  if (!Number.isFinite(baseDate))
    throw new InvalidInputError(`--base-date '${options.baseDate}' is not a YYYY-MM-DD date`);
  const request: ParseRequest = {
    file,
    format,
    mapping: options.mapping,
    currency: options.currency?.toUpperCase() ?? UNKNOWN_CURRENCY,
    baseDate,
  };
  const parseOn =
    options.parseOn ??
    (((await stat(file).catch(() => undefined))?.size ?? 0) >= WORKER_MIN_BYTES
      ? "worker"
      : "this-thread");
  const batches = (parseOn === "worker" ? parseInWorker : parseLedgerBatches)(
    request,
    options.onProgress,
  );
  const meta = {
    dataset: options.dataset ?? defaultDataset(file),
    format,
    file: path.resolve(file),
    sha256: await sha256File(file),
  };
  const result = await store.ledger.importLedger(meta, async (writer) => {
    for await (const batch of batches) {
      await writer.writeTransfers(batch.transfers);
      await writer.writeAccounts(batch.accounts);
    }
  });
  return { ...result, format };
}

/** The dataset a file imports into when none is named: its name, or its folder's for transactions.csv. */
export function defaultDataset(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, "");
  const parent = path.basename(path.dirname(path.resolve(file)));
  return base === "transactions" ? parent : base;
}

/** The format a file's name and first bytes suggest. */
export async function detectLedgerFormat(file: string): Promise<LedgerFormat> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new InvalidInputError(`${file}: cannot open: ${error.code ?? error.message}`);
  });
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (/^\s*</.test(head)) return "camt053";
    if (/^\s*\{/.test(head)) return "ftm";
    const header = head.split(/\r?\n/, 1)[0] ?? "";
    if (/sourceNodeId/.test(header) || (/tran_id/.test(header) && /orig_acct/.test(header)))
      return "amlsim";
    return "csv";
  } finally {
    await handle.close();
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
