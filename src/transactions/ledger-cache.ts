/**
 * The in-memory ledger for long-running processes (the server): rebuilt from the store when an
 * import or a link run changed it, checked at most every few seconds.
 */
import type { Store } from "../store/store.ts";
import type { Ledger } from "../tracing/ledger.ts";
import type { Account, AccountLink } from "./types.ts";
import { loadLedger } from "./load.ts";

export interface LoadedLedger {
  ledger: Ledger;
  links: AccountLink[];
  /** What the imported files said about each account (owner name, bank), by account id. */
  accounts: Map<string, Account>;
  generation: string;
}

export class LedgerCache {
  private current: LoadedLedger | undefined;
  private checkedAt = 0;
  private loading: Promise<LoadedLedger> | undefined;

  constructor(
    private readonly store: Store,
    private readonly checkMillis = 2000,
  ) {}

  async get(): Promise<LoadedLedger> {
    const now = Date.now();
    if (this.current && now - this.checkedAt < this.checkMillis) return this.current;
    this.checkedAt = now;
    const { generation } = await this.store.ledger.summary();
    if (this.current?.generation === generation) return this.current;
    this.loading ??= (async () => {
      try {
        const [ledger, links, accounts] = await Promise.all([
          loadLedger(this.store),
          this.store.ledger.listAccountLinks(),
          this.store.ledger.listAccounts(),
        ]);
        const byId = new Map(accounts.map((account) => [account.id, account]));
        this.current = { ledger, links, accounts: byId, generation };
        return this.current;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}

/** Ledger indices of the accounts linked to listed entities at or above a score. */
export function sanctionedAccounts(
  ledger: Ledger,
  links: AccountLink[],
  threshold: number,
  extra: string[] = [],
): Set<number> {
  const set = new Set<number>();
  for (const link of links) {
    const index = link.score >= threshold ? ledger.indexOf(link.accountId) : undefined;
    if (index !== undefined) set.add(index);
  }
  for (const id of extra) {
    const index = ledger.indexOf(id);
    if (index !== undefined) set.add(index);
  }
  return set;
}
