/**
 * Transfers from any CSV: a mapping names the column for each ledger field; without one, common
 * header names are recognised (`orig_acct`, `from_account`, `Betrag`…). Rows without an id get
 * `line-N`, so importing the same file twice adds nothing.
 */
import { InvalidInputError } from "../../errors.ts";
import type { Account, LedgerItem } from "../types.ts";
import { parseAmount, parseCurrency, parseTimestamp, requireField } from "../values.ts";
import { cell, columnIndex, readCsvTable } from "./csv-table.ts";
import { rowError, type LedgerReadOptions } from "./reader.ts";

export const LEDGER_FIELDS = [
  "id",
  "source",
  "target",
  "amount",
  "currency",
  "timestamp",
  "reference",
  "source_name",
  "target_name",
  "source_iban",
  "target_iban",
  "source_bic",
  "target_bic",
  "source_bank",
  "target_bank",
  "source_country",
  "target_country",
] as const;
type LedgerField = (typeof LEDGER_FIELDS)[number];

const ACCOUNT_DETAILS = LEDGER_FIELDS.filter((field) => /^(source|target)_/.test(field));

const GUESSES: Record<LedgerField, string[]> = {
  id: ["id", "tran_id", "transaction_id", "tx_id", "txid", "transfer_id", "payment_id"],
  source: [
    "source",
    "from",
    "from_account",
    "sender",
    "sender_account",
    "orig_acct",
    "source_account",
    "debtor_account",
    "payer_account",
    "account_from",
    "sourcenodeid",
  ],
  target: [
    "target",
    "to",
    "to_account",
    "receiver",
    "receiver_account",
    "bene_acct",
    "target_account",
    "creditor_account",
    "beneficiary_account",
    "account_to",
    "targetnodeid",
  ],
  amount: ["amount", "value", "base_amt", "amt", "sum", "amount_paid", "betrag"],
  currency: ["currency", "ccy", "currency_code", "payment_currency"],
  timestamp: [
    "timestamp",
    "time",
    "date",
    "datetime",
    "tran_timestamp",
    "value_date",
    "booking_date",
    "transaction_date",
  ],
  reference: ["reference", "purpose", "description", "memo", "remittance", "narrative", "details"],
  source_name: [
    "source_name",
    "sender_name",
    "from_name",
    "payer",
    "payer_name",
    "debtor",
    "debtor_name",
    "originator",
    "originator_name",
  ],
  target_name: [
    "target_name",
    "receiver_name",
    "to_name",
    "payee",
    "payee_name",
    "beneficiary",
    "beneficiary_name",
    "creditor",
    "creditor_name",
  ],
  source_iban: ["source_iban", "sender_iban", "debtor_iban", "payer_iban"],
  target_iban: ["target_iban", "receiver_iban", "creditor_iban", "beneficiary_iban"],
  source_bic: ["source_bic", "sender_bic", "debtor_bic", "payer_bic"],
  target_bic: ["target_bic", "receiver_bic", "creditor_bic", "beneficiary_bic"],
  source_bank: ["source_bank", "sender_bank", "debtor_bank", "payer_bank"],
  target_bank: ["target_bank", "receiver_bank", "creditor_bank", "beneficiary_bank"],
  source_country: ["source_country", "sender_country", "debtor_country", "payer_country"],
  target_country: ["target_country", "receiver_country", "creditor_country", "beneficiary_country"],
};

function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_");
}

/** The mapping a header suggests, field → column; explicit entries win. */
export function resolveLedgerMapping(
  header: string[],
  explicit: Record<string, string> = {},
): Partial<Record<LedgerField, string>> {
  const unknown = Object.keys(explicit).filter(
    (k) => !(LEDGER_FIELDS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `mapping: unknown field(s) ${unknown.join(", ")}; known: ${LEDGER_FIELDS.join(", ")}`,
    );
  }
  const byKey = new Map(header.map((h) => [headerKey(h), h]));
  const mapping: Partial<Record<LedgerField, string>> = {};
  for (const field of LEDGER_FIELDS) {
    const column = explicit[field] ?? GUESSES[field].map((g) => byKey.get(g)).find(Boolean);
    if (column !== undefined) mapping[field] = column;
  }
  for (const [field, column] of Object.entries(explicit)) {
    if (!header.includes(column)) {
      throw new InvalidInputError(
        `mapping: column '${column}' for ${field} is not in the header (${header.join(", ")})`,
      );
    }
  }
  const missing = (["source", "target", "amount", "timestamp"] as const).filter((f) => !mapping[f]);
  if (missing.length > 0) {
    throw new InvalidInputError(
      `csv: no column for ${missing.join(", ")} in header (${header.join(", ")}); give a --mapping`,
    );
  }
  return mapping;
}

export async function* readLedgerCsv(
  file: string,
  options: LedgerReadOptions,
): AsyncGenerator<LedgerItem[]> {
  let columns: Partial<Record<LedgerField, number>> | undefined;
  let hasAccountDetails = false;
  for await (const { header, rows, lines } of readCsvTable(file, {
    format: "csv",
    onProgress: options.onProgress,
  })) {
    if (!columns) {
      const mapping = resolveLedgerMapping(header, options.mapping);
      const index = columnIndex(header);
      columns = Object.fromEntries(
        Object.entries(mapping).map(([field, column]) => [field, index.get(column)]),
      );
      hasAccountDetails = ACCOUNT_DETAILS.some((detail) => columns![detail] !== undefined);
    }
    const items: LedgerItem[] = [];
    let fields: string[] = [];
    const get = (field: LedgerField): string | undefined => cell(fields, columns![field]);
    for (let i = 0; i < rows.length; i++) {
      fields = rows[i]!;
      const line = lines[i]!;
      try {
        const source = requireField(get("source"), "source account");
        const target = requireField(get("target"), "target account");
        items.push({
          kind: "transfer",
          line,
          transfer: {
            id: get("id") || `line-${line}`,
            source,
            target,
            amount: parseAmount(get("amount")),
            currency: parseCurrency(get("currency"), options.currency),
            timestamp: parseTimestamp(get("timestamp")),
            reference: get("reference") || undefined,
          },
        });
        if (hasAccountDetails) {
          for (const side of ["source", "target"] as const) {
            const account: Account = {
              id: side === "source" ? source : target,
              ownerName: get(`${side}_name`) || undefined,
              iban: get(`${side}_iban`) || undefined,
              bic: get(`${side}_bic`) || undefined,
              bank: get(`${side}_bank`) || undefined,
              country: get(`${side}_country`) || undefined,
            };
            if (account.ownerName || account.iban || account.bic || account.bank || account.country)
              items.push({ kind: "account", line, account });
          }
        }
      } catch (error) {
        throw rowError("csv", file, line, error);
      }
    }
    yield items;
  }
}
