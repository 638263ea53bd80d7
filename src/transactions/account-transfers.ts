/** The transfers into and out of some accounts, newest first: an entity's transactions panel. */
import type { Ledger } from "../tracing/ledger.ts";

export interface AccountTransfer {
  id: string;
  source: string;
  target: string;
  amount: number;
  currency: string;
  /** ISO 8601. */
  date: string;
  direction: "in" | "out" | "internal";
}

export function accountTransfers(
  ledger: Ledger,
  accountIds: string[],
  limit: number,
): { total: number; transfers: AccountTransfer[] } {
  const accounts = new Set<number>();
  for (const id of accountIds) {
    const index = ledger.indexOf(id);
    if (index !== undefined) accounts.add(index);
  }
  const transfers = new Set<number>();
  for (const a of accounts) {
    for (let k = ledger.outStart[a]!; k < ledger.outStart[a + 1]!; k++)
      transfers.add(ledger.outList[k]!);
    for (let k = ledger.inStart[a]!; k < ledger.inStart[a + 1]!; k++)
      transfers.add(ledger.inList[k]!);
  }
  // Ledger indices are in time order, so the highest are the newest.
  const newest = [...transfers].sort((x, y) => y - x).slice(0, limit);
  return {
    total: transfers.size,
    transfers: newest.map((j) => {
      const from = accounts.has(ledger.source[j]!);
      const to = accounts.has(ledger.target[j]!);
      return {
        id: ledger.transferIds.get(j),
        source: ledger.accountIds[ledger.source[j]!]!,
        target: ledger.accountIds[ledger.target[j]!]!,
        amount: ledger.amount[j]!,
        currency: ledger.currencies[ledger.currency[j]!] ?? "XXX",
        date: new Date(ledger.time[j]!).toISOString(),
        direction: from && to ? "internal" : from ? "out" : "in",
      };
    }),
  };
}
