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

const MAX_VIEWS = 8;

export class LedgerCache {
  private generation: string | undefined;
  /** The ledger's datasets at that generation, to choose a caller's view without asking again. */
  private datasets: string[] = [];
  /** The whole ledger under "*", and views of some datasets for callers who may read only those. */
  private views = new Map<string, Promise<LoadedLedger>>();
  private checkedAt = 0;

  constructor(
    private readonly store: Store,
    private readonly checkMillis = 2000,
  ) {}

  /**
   * The ledger, or only the transfers of the datasets a caller may read (`readable`); each view
   * is built once per ledger generation.
   */
  async get(readable?: (dataset: string) => boolean): Promise<LoadedLedger> {
    const now = Date.now();
    if (now - this.checkedAt >= this.checkMillis || this.generation === undefined) {
      this.checkedAt = now;
      const summary = await this.store.ledger.summary();
      if (summary.generation !== this.generation) {
        this.generation = summary.generation;
        this.datasets = summary.datasets.map((d) => d.dataset);
        this.views = new Map();
      }
    }
    let datasets: Set<string> | undefined;
    if (readable) {
      const allowed = this.datasets.filter(readable);
      if (allowed.length < this.datasets.length) datasets = new Set(allowed);
    }
    const key = datasets ? [...datasets].sort().join("\u0000") : "*";
    let view = this.views.get(key);
    if (!view) {
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      view = this.load(this.generation!, datasets);
      this.views.set(key, view);
      view.catch(() => this.views.delete(key));
    }
    return view;
  }

  private async load(generation: string, datasets?: Set<string>): Promise<LoadedLedger> {
    const [ledger, links, accounts] = await Promise.all([
      loadLedger(this.store, undefined, datasets),
      this.store.ledger.listAccountLinks(),
      this.store.ledger.listAccounts(),
    ]);
    const seen = (id: string): boolean => !datasets || ledger.indexOf(id) !== undefined;
    return {
      ledger,
      links: links.filter((link) => seen(link.accountId)),
      accounts: new Map(accounts.filter((a) => seen(a.id)).map((a) => [a.id, a])),
      generation,
    };
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
