/**
 * Parses a ledger file on a worker thread, so that reading and checking rows (about half the
 * work of a large import) runs on the second core while this thread writes to the store.
 */
import { Worker } from "node:worker_threads";
import type { ProgressSink } from "../../lists/types.ts";
import type { Transfer } from "../types.ts";
import type { ParsedBatch } from "./batches.ts";
import {
  CREDIT,
  fromFailure,
  type ParseMessage,
  type ParseRequest,
  type TransferColumns,
} from "./protocol.ts";

export async function* parseInWorker(
  request: ParseRequest,
  onProgress?: ProgressSink,
): AsyncGenerator<ParsedBatch> {
  const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
    workerData: request,
  });
  const inbox: ParseMessage[] = [];
  let crashed: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (message: ParseMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on("error", (error) => {
    crashed ??= error;
    notify();
  });
  worker.on("exit", (code) => {
    if (code !== 0) crashed ??= new Error(`ledger parser exited with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (crashed) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === "error") throw fromFailure(message.failure);
      onProgress?.(message.bytes);
      if (message.type === "done") return;
      yield { transfers: fromColumns(message.transfers), accounts: message.accounts };
      worker.postMessage(CREDIT);
    }
  } finally {
    await worker.terminate();
  }
}

function fromColumns(columns: TransferColumns): Transfer[] {
  return columns.id.map((id, i) => ({
    id,
    source: columns.source[i]!,
    target: columns.target[i]!,
    amount: columns.amount[i]!,
    currency: columns.currency[i]!,
    timestamp: columns.timestamp[i]!,
    reference: columns.reference[i] ?? undefined,
  }));
}
