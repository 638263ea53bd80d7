/**
 * ISO 20022 `camt.053` bank-to-customer statements (versions 02 to 08 share these paths). Each
 * `<Ntry>` is a booking on the statement's account: CRDT money came in from the debtor, DBIT went
 * out to the creditor. Counterparty accounts are their IBAN, else their other id, else their name.
 */
import { ListFormatError } from "../../errors.ts";
import { child, descendants, streamXmlRecords, type XmlNode } from "../../lists/io/xml.ts";
import type { Account, LedgerItem } from "../types.ts";
import { parseAmount, parseCurrency, parseTimestamp, ValueError } from "../values.ts";
import { rowError, type LedgerReadOptions } from "./reader.ts";

/** Text at a child path such as `Id/IBAN`; undefined when any step is missing or empty. */
function textAt(node: XmlNode | undefined, steps: string): string | undefined {
  let current = node;
  for (const step of steps.split("/")) current = current && child(current, step);
  const text = current?.text.trim();
  return text ? text : undefined;
}

function accountId(acct: XmlNode | undefined): string | undefined {
  return textAt(acct, "Id/IBAN") ?? textAt(acct, "Id/Othr/Id");
}

/** A party's name: `<Nm>` directly (v02–v07) or under `<Pty>` (v08). */
function partyName(party: XmlNode | undefined): string | undefined {
  return textAt(party, "Nm") ?? textAt(party, "Pty/Nm");
}

export async function* readCamt053(
  file: string,
  options: LedgerReadOptions,
): AsyncGenerator<LedgerItem> {
  let statement: Account | undefined;
  let entries = 0;
  for await (const { node, path } of streamXmlRecords(file, {
    format: "camt053",
    recordNames: new Set(["Acct", "Ntry"]),
    rootNames: new Set(["Document"]),
    onProgress: options.onProgress,
  })) {
    if (node.name === "Acct") {
      if (path.at(-1) !== "Stmt") continue;
      const id = accountId(node);
      if (!id)
        throw new ListFormatError(
          "camt053",
          { file, line: node.line },
          "statement account has no IBAN or other id",
        );
      statement = {
        id,
        iban: textAt(node, "Id/IBAN"),
        ownerName: partyName(child(node, "Ownr")),
        bic: textAt(node, "Svcr/FinInstnId/BIC") ?? textAt(node, "Svcr/FinInstnId/BICFI"),
        bank: textAt(node, "Svcr/FinInstnId/Nm"),
      };
      yield { kind: "account", line: node.line, account: statement };
      continue;
    }
    if (!statement) {
      throw new ListFormatError(
        "camt053",
        { file, line: node.line },
        "entry before the statement's <Acct>",
      );
    }
    entries++;
    try {
      yield* entryItems(node, statement, options, entries);
    } catch (error) {
      throw rowError("camt053", file, node.line, error);
    }
  }
  if (!statement)
    throw new ListFormatError(
      "camt053",
      { file },
      "no <Stmt><Acct> found; is this a camt.053 statement?",
    );
}

function* entryItems(
  entry: XmlNode,
  statement: Account,
  options: LedgerReadOptions,
  index: number,
): Generator<LedgerItem> {
  const amountNode = child(entry, "Amt");
  const direction = textAt(entry, "CdtDbtInd");
  if (direction !== "CRDT" && direction !== "DBIT") {
    throw new ValueError(`CdtDbtInd '${direction ?? ""}' is neither CRDT nor DBIT`);
  }
  const details = descendants(entry, "TxDtls")[0];
  const parties = details && child(details, "RltdPties");
  const agents = details && child(details, "RltdAgts");
  const incoming = direction === "CRDT";
  const party = parties && child(parties, incoming ? "Dbtr" : "Cdtr");
  const partyAcct = parties && child(parties, incoming ? "DbtrAcct" : "CdtrAcct");
  const name = partyName(party);
  const counterpartyId =
    accountId(partyAcct) ?? (name ? `name:${name}` : `unknown:${statement.id}`);
  const agent = agents && child(agents, incoming ? "DbtrAgt" : "CdtrAgt");
  const counterparty: Account = {
    id: counterpartyId,
    ownerName: name,
    iban: textAt(partyAcct, "Id/IBAN"),
    bic: textAt(agent, "FinInstnId/BIC") ?? textAt(agent, "FinInstnId/BICFI"),
    bank: textAt(agent, "FinInstnId/Nm"),
  };
  const refs = details && child(details, "Refs");
  const id =
    textAt(entry, "AcctSvcrRef") ??
    textAt(refs, "AcctSvcrRef") ??
    textAt(refs, "TxId") ??
    textAt(refs, "EndToEndId") ??
    textAt(entry, "NtryRef") ??
    `${statement.id}:${index}`;
  const when =
    textAt(entry, "BookgDt/DtTm") ??
    textAt(entry, "BookgDt/Dt") ??
    textAt(entry, "ValDt/DtTm") ??
    textAt(entry, "ValDt/Dt");
  const purpose = details
    ? descendants(details, "Ustrd")
        .map((n) => n.text.trim())
        .filter(Boolean)
        .join(" ")
    : "";
  yield {
    kind: "transfer",
    line: entry.line,
    transfer: {
      id,
      source: incoming ? counterpartyId : statement.id,
      target: incoming ? statement.id : counterpartyId,
      amount: parseAmount(amountNode?.text),
      currency: parseCurrency(amountNode?.attrs.Ccy, options.currency),
      timestamp: parseTimestamp(when),
      reference: purpose || textAt(entry, "AddtlNtryInf") || undefined,
    },
  };
  yield { kind: "account", line: entry.line, account: counterparty };
}
