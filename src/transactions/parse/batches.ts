/**
 * A ledger file as batches ready for the store: transfers in file order, and the account details
 * seen alongside them merged per account (a later row fills what an earlier one left empty).
 */
import type { ProgressSink } from "../../lists/types.ts";
import { readAmlsim } from "../formats/amlsim.ts";
import { readCamt053 } from "../formats/camt053.ts";
import { readLedgerCsv } from "../formats/csv.ts";
import { readFtmPayments } from "../formats/ftm.ts";
import { batched, type LedgerReader } from "../formats/reader.ts";
import type { Account, LedgerFormat, Transfer } from "../types.ts";
import type { ParseRequest } from "./protocol.ts";

const READERS: Record<LedgerFormat, LedgerReader> = {
  csv: readLedgerCsv,
  amlsim: readAmlsim,
  camt053: batched(readCamt053),
  ftm: batched(readFtmPayments),
};

/** Transfers per batch: one store statement group, one message between threads. */
export const BATCH = 5_000;

export interface ParsedBatch {
  transfers: Transfer[];
  accounts: Account[];
}

export async function* parseLedgerBatches(
  request: ParseRequest,
  onProgress?: ProgressSink,
): AsyncGenerator<ParsedBatch> {
  const items = READERS[request.format](request.file, {
    mapping: request.mapping,
    currency: request.currency,
    baseDate: request.baseDate,
    onProgress,
  });
  let transfers: Transfer[] = [];
  let accounts = new Map<string, Account>();
  for await (const batch of items) {
    for (const item of batch) {
      if (item.kind === "transfer") transfers.push(item.transfer);
      else
        accounts.set(item.account.id, {
          ...accounts.get(item.account.id),
          ...defined(item.account),
        });
    }
    if (transfers.length >= BATCH || accounts.size >= BATCH) {
      yield { transfers, accounts: [...accounts.values()] };
      transfers = [];
      accounts = new Map();
    }
  }
  if (transfers.length > 0 || accounts.size > 0)
    yield { transfers, accounts: [...accounts.values()] };
}

function defined(account: Account): Account {
  return Object.fromEntries(Object.entries(account).filter(([, v]) => v !== undefined)) as Account;
}
