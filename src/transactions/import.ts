/**
 * Imports one ledger file into the store, in one transaction: a bad row anywhere leaves the
 * ledger as it was. Transfers already in the store (same dataset and id) are skipped, so a
 * re-import adds nothing.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { InvalidInputError } from "../errors.ts";
import type { ProgressSink } from "../lists/types.ts";
import type { LedgerImportResult } from "../store/ledger/ledger-store.ts";
import type { Store } from "../store/store.ts";
import { readAmlsim } from "./formats/amlsim.ts";
import { readCamt053 } from "./formats/camt053.ts";
import { readLedgerCsv } from "./formats/csv.ts";
import { readFtmPayments } from "./formats/ftm.ts";
import type { LedgerReader } from "./formats/reader.ts";
import { UNKNOWN_CURRENCY, type Account, type LedgerFormat, type Transfer } from "./types.ts";

const READERS: Record<LedgerFormat, LedgerReader> = {
  csv: readLedgerCsv,
  amlsim: readAmlsim,
  camt053: readCamt053,
  ftm: readFtmPayments,
};

const BATCH = 5_000;
/** AMLSim's own default start of simulated time. */
export const DEFAULT_BASE_DATE = "2017-01-01";

export interface LedgerImportOptions {
  format?: LedgerFormat;
  dataset?: string;
  mapping?: Record<string, string>;
  currency?: string;
  baseDate?: string;
  onProgress?: ProgressSink;
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
  const items = READERS[format](file, {
    mapping: options.mapping,
    currency: options.currency?.toUpperCase() ?? UNKNOWN_CURRENCY,
    baseDate,
    onProgress: options.onProgress,
  });
  const meta = {
    dataset: options.dataset ?? defaultDataset(file),
    format,
    file: path.resolve(file),
    sha256: await sha256File(file),
  };
  const result = await store.ledger.importLedger(meta, async (writer) => {
    let transfers: Transfer[] = [];
    let accounts = new Map<string, Account>();
    for await (const item of items) {
      if (item.kind === "transfer") transfers.push(item.transfer);
      else
        accounts.set(item.account.id, {
          ...accounts.get(item.account.id),
          ...defined(item.account),
        });
      if (transfers.length >= BATCH) {
        await writer.writeTransfers(transfers);
        transfers = [];
      }
      if (accounts.size >= BATCH) {
        await writer.writeAccounts([...accounts.values()]);
        accounts = new Map();
      }
    }
    await writer.writeTransfers(transfers);
    await writer.writeAccounts([...accounts.values()]);
  });
  return { ...result, format };
}

function defined(account: Account): Account {
  return Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)) as Account;
}

function defaultDataset(file: string): string {
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
