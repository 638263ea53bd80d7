/** The parsing thread of a large import: reads the file and posts batches as credit allows. */
import { parentPort, workerData } from "node:worker_threads";
import type { Transfer } from "../types.ts";
import { parseLedgerBatches } from "./batches.ts";
import {
  CREDIT,
  toFailure,
  type ParseMessage,
  type ParseRequest,
  type TransferColumns,
} from "./protocol.ts";

/** Batches posted ahead of the importer: enough to keep both threads busy, few in memory. */
const AHEAD = 3;

const port = parentPort!;
const post = (message: ParseMessage): void => port.postMessage(message);
let credit = AHEAD;
let wake: (() => void) | undefined;
port.on("message", (message: unknown) => {
  if (message !== CREDIT) return;
  credit++;
  wake?.();
  wake = undefined;
});

function toColumns(transfers: Transfer[]): TransferColumns {
  const n = transfers.length;
  const columns: TransferColumns = {
    id: new Array<string>(n),
    source: new Array<string>(n),
    target: new Array<string>(n),
    amount: new Float64Array(n),
    currency: new Array<string>(n),
    timestamp: new Float64Array(n),
    reference: new Array<string | null>(n),
  };
  transfers.forEach((t, i) => {
    columns.id[i] = t.id;
    columns.source[i] = t.source;
    columns.target[i] = t.target;
    columns.amount[i] = t.amount;
    columns.currency[i] = t.currency;
    columns.timestamp[i] = t.timestamp;
    columns.reference[i] = t.reference ?? null;
  });
  return columns;
}

let bytes = 0;
try {
  for await (const batch of parseLedgerBatches(workerData as ParseRequest, (b) => (bytes = b))) {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit--;
    post({ type: "batch", transfers: toColumns(batch.transfers), accounts: batch.accounts, bytes });
  }
  post({ type: "done", bytes });
} catch (error) {
  post({ type: "error", failure: toFailure(error) });
}
