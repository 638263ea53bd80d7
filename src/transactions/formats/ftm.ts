/**
 * FtM `Payment` entities (JSON lines) with the parties and `BankAccount`s they refer to, in any
 * order. A payment's account is its payerAccount/beneficiaryAccount, else the party itself; the
 * party's name becomes the account owner once the whole file is read.
 */
import { ListFormatError } from "../../errors.ts";
import { readEntityLines } from "../../lists/ftm/jsonl.ts";
import type { Entity } from "../../model/entity.ts";
import { isA } from "../../model/ftm.ts";
import type { Account, LedgerItem } from "../types.ts";
import { parseAmount, parseCurrency, parseTimestamp, ValueError } from "../values.ts";
import { rowError, type LedgerReadOptions } from "./reader.ts";

const first = (entity: Entity, prop: string): string | undefined => entity.properties[prop]?.[0];

export async function* readFtmPayments(
  file: string,
  options: LedgerReadOptions,
): AsyncGenerator<LedgerItem> {
  const names = new Map<string, string>();
  const bankAccounts = new Map<string, Account>();
  const owners = new Map<string, string>();
  const used = new Set<string>();
  let payments = 0;
  for await (const { entity, line } of readEntityLines(file, "ftm", options.onProgress)) {
    if (entity.schema === "BankAccount") {
      bankAccounts.set(entity.id, {
        id: entity.id,
        iban: first(entity, "iban"),
        bic: first(entity, "bic"),
        bank: first(entity, "bankName"),
        country: first(entity, "country"),
      });
      continue;
    }
    if (entity.schema !== "Payment") {
      if (isA(entity.schema, "LegalEntity") && first(entity, "name"))
        names.set(entity.id, first(entity, "name")!);
      continue;
    }
    payments++;
    try {
      const payer = first(entity, "payer");
      const beneficiary = first(entity, "beneficiary");
      const source = first(entity, "payerAccount") ?? payer;
      const target = first(entity, "beneficiaryAccount") ?? beneficiary;
      if (!source) throw new ValueError("payment has neither payerAccount nor payer");
      if (!target) throw new ValueError("payment has neither beneficiaryAccount nor beneficiary");
      used.add(source).add(target);
      if (payer && source !== payer) owners.set(source, payer);
      if (beneficiary && target !== beneficiary) owners.set(target, beneficiary);
      yield {
        kind: "transfer",
        line,
        transfer: {
          id: entity.id,
          source,
          target,
          amount: parseAmount(first(entity, "amount")),
          currency: parseCurrency(first(entity, "currency"), options.currency),
          timestamp: parseTimestamp(first(entity, "date") ?? first(entity, "startDate")),
          reference: first(entity, "purpose") ?? first(entity, "summary"),
        },
      };
    } catch (error) {
      throw rowError("ftm", file, line, error);
    }
  }
  if (payments === 0) throw new ListFormatError("ftm", { file }, "no Payment entities in the file");
  for (const id of used) {
    const owner = owners.get(id);
    const account: Account = {
      ...(bankAccounts.get(id) ?? { id }),
      ownerName: names.get(owner ?? id),
    };
    yield { kind: "account", line: 0, account };
  }
}
