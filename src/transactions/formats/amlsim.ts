/**
 * IBM AMLSim output. Two layouts: the original runs (`sourceNodeId,targetNodeId,value,time`, time
 * in simulation steps, read as days after the base date) and the v2 export
 * (`tran_id,orig_acct,bene_acct,tx_type,base_amt,tran_timestamp,…`) whose sibling `accounts.csv`
 * gives owners, banks and countries. Labels (`nodes.csv`, `alert_accounts.csv`) are for
 * evaluation and are not imported.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ListFormatError } from "../../errors.ts";
import type { LedgerItem } from "../types.ts";
import {
  parseAmount,
  parseCurrency,
  parseTimestamp,
  requireField,
  stepToTimestamp,
} from "../values.ts";
import { cell, columnIndex, readCsvTable } from "./csv-table.ts";
import { rowError, type LedgerReadOptions } from "./reader.ts";

const V1 = ["sourceNodeId", "targetNodeId", "value", "time"];
const V2 = ["tran_id", "orig_acct", "bene_acct", "base_amt", "tran_timestamp"];

export async function* readAmlsim(
  file: string,
  options: LedgerReadOptions,
): AsyncGenerator<LedgerItem[]> {
  let layout: "v1" | "v2" | undefined;
  let column: Map<string, number> | undefined;
  for await (const { header, rows, lines } of readCsvTable(file, {
    format: "amlsim",
    onProgress: options.onProgress,
  })) {
    layout ??= detectLayout(file, header);
    column ??= columnIndex(header);
    const toTransfer = layout === "v1" ? v1Transfer : v2Transfer;
    const items: LedgerItem[] = [];
    let fields: string[] = [];
    const get = (name: string): string | undefined => cell(fields, column!.get(name));
    for (let i = 0; i < rows.length; i++) {
      fields = rows[i]!;
      try {
        items.push(toTransfer(get, lines[i]!, options));
      } catch (error) {
        throw rowError("amlsim", file, lines[i]!, error);
      }
    }
    yield items;
  }
  if (layout === "v2") yield* readV2Accounts(path.join(path.dirname(file), "accounts.csv"));
}

type Field = (name: string) => string | undefined;

function detectLayout(file: string, header: string[]): "v1" | "v2" {
  if (V1.every((h) => header.includes(h))) return "v1";
  if (V2.every((h) => header.includes(h))) return "v2";
  throw new ListFormatError(
    "amlsim",
    { file, line: 1 },
    `header (${header.join(",")}) is neither ${V1.join(",")} nor the v2 export (${V2.join(",")})`,
  );
}

function v1Transfer(row: Field, line: number, options: LedgerReadOptions): LedgerItem {
  return {
    kind: "transfer",
    line,
    transfer: {
      id: `line-${line}`,
      source: requireField(row("sourceNodeId"), "sourceNodeId"),
      target: requireField(row("targetNodeId"), "targetNodeId"),
      amount: parseAmount(row("value")),
      currency: options.currency,
      timestamp: stepToTimestamp(row("time"), options.baseDate),
    },
  };
}

function v2Transfer(row: Field, line: number, options: LedgerReadOptions): LedgerItem {
  return {
    kind: "transfer",
    line,
    transfer: {
      id: requireField(row("tran_id"), "tran_id"),
      source: requireField(row("orig_acct"), "orig_acct"),
      target: requireField(row("bene_acct"), "bene_acct"),
      amount: parseAmount(row("base_amt")),
      currency: parseCurrency(row("currency"), options.currency),
      timestamp: parseTimestamp(row("tran_timestamp")),
      reference: row("tx_type") || undefined,
    },
  };
}

async function* readV2Accounts(file: string): AsyncGenerator<LedgerItem[]> {
  if (!existsSync(file)) return;
  for await (const { header, rows, lines } of readCsvTable(file, { format: "amlsim" })) {
    const column = columnIndex(header);
    const get = (fields: string[], name: string): string | undefined =>
      cell(fields, column.get(name)) || undefined;
    const items: LedgerItem[] = [];
    rows.forEach((fields, i) => {
      const id = get(fields, "acct_id");
      if (!id) return;
      const person = [get(fields, "first_name"), get(fields, "last_name")]
        .filter(Boolean)
        .join(" ");
      items.push({
        kind: "account",
        line: lines[i]!,
        account: {
          id,
          ownerName: person || get(fields, "dsply_nm"),
          bank: get(fields, "bank_id"),
          country: get(fields, "country"),
        },
      });
    });
    yield items;
  }
}
