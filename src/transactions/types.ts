/** The ledger's records as importers produce them and the store keeps them. */

export const LEDGER_FORMATS = ["csv", "amlsim", "camt053", "ftm"] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export interface Transfer {
  /** Unique within its dataset; importers derive one from the source line when the file has none. */
  id: string;
  source: string;
  target: string;
  /** Positive, in `currency`. */
  amount: number;
  /** ISO 4217 code, upper case; "XXX" when the source gives none. */
  currency: string;
  /** Milliseconds since 1970 UTC. */
  timestamp: number;
  reference?: string | undefined;
}

/** What a source says about an account: FtM `BankAccount` fields plus its owner's name. */
export interface Account {
  id: string;
  ownerName?: string | undefined;
  iban?: string | undefined;
  bic?: string | undefined;
  bank?: string | undefined;
  country?: string | undefined;
}

/**
 * An account as the store keeps it: what one ledger dataset said about it. The same account id in
 * two datasets is two records, each seen only by those who may read its dataset.
 */
export interface StoredAccount extends Account {
  dataset: string;
}

/** An account owner tied to a listed entity by the screening engine. */
export interface AccountLink {
  /** The ledger dataset of the account record the link was made from. */
  dataset: string;
  accountId: string;
  entityId: string;
  caption: string;
  score: number;
  /** The match explanation as screening gave it: which features matched, how strongly. */
  evidence: Record<string, unknown>;
  /** The list datasets the entity was matched from: the link shows only to who reads them all. */
  entityDatasets: string[];
  linkedAt: string;
}

/** One parsed row of a ledger file, with where it came from for error messages. */
export type LedgerItem =
  | { kind: "transfer"; line: number; transfer: Transfer }
  | { kind: "account"; line: number; account: Account };

export const UNKNOWN_CURRENCY = "XXX";
