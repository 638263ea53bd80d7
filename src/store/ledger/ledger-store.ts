/** The ledger part of the Store: transfers, accounts and their links to listed entities. */
import type { Account, AccountLink, StoredAccount, Transfer } from "../../transactions/types.ts";

export interface LedgerImportMeta {
  dataset: string;
  format: string;
  file: string;
  sha256: string;
}

export interface LedgerImportResult {
  importId: number;
  dataset: string;
  rows: number;
  /** Transfers new to the store; a re-import of the same file adds none. */
  added: number;
  accounts: number;
}

export interface LedgerWriter {
  writeTransfers(transfers: Transfer[]): Promise<void>;
  writeAccounts(accounts: Account[]): Promise<void>;
}

export interface StoredTransfer extends Transfer {
  seq: number;
  dataset: string;
}

export interface LedgerSummary {
  transfers: number;
  accounts: number;
  links: number;
  /** Changes whenever transfers or links change: a key for in-memory ledgers built from the store. */
  generation: string;
  datasets: Array<{ dataset: string; transfers: number }>;
}

export interface LedgerStore {
  /** Runs `fill` in one transaction: a failure leaves the ledger as it was. */
  importLedger(
    meta: LedgerImportMeta,
    fill: (writer: LedgerWriter) => Promise<void>,
  ): Promise<LedgerImportResult>;
  /** All transfers in import order, a page at a time. */
  iterateTransfers(): AsyncIterable<StoredTransfer[]>;
  /** Account records by dataset and id; only those of `datasets` when given. */
  listAccounts(datasets?: Iterable<string>): Promise<StoredAccount[]>;
  summary(): Promise<LedgerSummary>;
  /**
   * Every ledger dataset (with transfers or only account records) and every list dataset a
   * linked entity comes from: what a caller's view of the ledger depends on.
   */
  collections(): Promise<LedgerCollections>;
  /** Replaces every account link (a fresh `tx link` run supersedes the last). */
  replaceAccountLinks(links: AccountLink[]): Promise<void>;
  /** Links by account id, best first; only those of accounts in `datasets` when given. */
  listAccountLinks(datasets?: Iterable<string>): Promise<AccountLink[]>;
}

export interface LedgerCollections {
  ledgers: string[];
  linkedLists: string[];
}
