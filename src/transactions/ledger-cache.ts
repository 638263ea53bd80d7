/**
 * The in-memory ledger for long-running processes (the server): rebuilt from the store when an
 * import or a link run changed it, checked at most every few seconds.
 */
import type { LedgerCollections } from "../store/ledger/ledger-store.ts";
import type { Store } from "../store/store.ts";
import type { Ledger } from "../tracing/ledger.ts";
import type { Account, AccountLink, StoredAccount } from "./types.ts";
import { loadLedger } from "./load.ts";

export interface LoadedLedger {
  ledger: Ledger;
  /** Links the view may show, best first per account (see `visibleLinks`). */
  links: AccountLink[];
  /** What the view's datasets say about each account (owner name, bank), by account id. */
  accounts: Map<string, Account>;
  generation: string;
}

/** What one view is made of: the ledger datasets it reads and the lists its links may point to. */
export interface ViewScope {
  ledgers: ReadonlySet<string>;
  lists: ReadonlySet<string>;
}

/**
 * The scope of a caller who may read only some collections (`readable`); undefined (everything)
 * for who reads all. With its key: two callers share a view only when their scopes are equal.
 */
export function viewScope(
  collections: LedgerCollections,
  readable?: (collection: string) => boolean,
): { scope: ViewScope | undefined; key: string } {
  if (!readable) return { scope: undefined, key: "*" };
  const scope = {
    ledgers: new Set(collections.ledgers.filter(readable)),
    lists: new Set(collections.linkedLists.filter(readable)),
  };
  return {
    scope,
    key: `${[...scope.ledgers].join("\u0000")}\u0001${[...scope.lists].join("\u0000")}`,
  };
}

const MAX_VIEWS = 8;

export class LedgerCache {
  private generation: string | undefined;
  /** The store's ledger and linked list datasets at that generation, to scope callers' views. */
  private collections: LedgerCollections = { ledgers: [], linkedLists: [] };
  /**
   * The whole ledger under "*" (for callers who read everything), and views keyed by the exact
   * ledger and list datasets a caller may read: two callers share a view only when they would
   * see the same transfers, account details and links.
   */
  private views = new Map<string, Promise<LoadedLedger>>();
  private checkedAt = 0;

  constructor(
    private readonly store: Store,
    private readonly checkMillis = 2000,
  ) {}

  /**
   * The ledger, or the view of a caller who may read only some collections (`readable`): the
   * transfers, account details and links of its readable ledger datasets, and of those links
   * only the ones to entities whose lists it may read. Each view is built once per generation.
   */
  async get(readable?: (collection: string) => boolean): Promise<LoadedLedger> {
    const now = Date.now();
    if (now - this.checkedAt >= this.checkMillis || this.generation === undefined) {
      this.checkedAt = now;
      const summary = await this.store.ledger.summary();
      if (summary.generation !== this.generation) {
        // Read after the summary: a dataset newer than both is in no caller's scope (left out).
        this.collections = await this.store.ledger.collections();
        this.generation = summary.generation;
        this.views = new Map();
      }
    }
    const { scope, key } = viewScope(this.collections, readable);
    let view = this.views.get(key);
    if (!view) {
      if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
      view = this.load(this.generation!, scope);
      this.views.set(key, view);
      view.catch(() => this.views.delete(key));
    }
    return view;
  }

  private async load(generation: string, scope?: ViewScope): Promise<LoadedLedger> {
    const [ledger, links, accounts] = await Promise.all([
      loadLedger(this.store, undefined, scope?.ledgers),
      this.store.ledger.listAccountLinks(scope?.ledgers),
      this.store.ledger.listAccounts(scope?.ledgers),
    ]);
    return {
      ledger,
      links: visibleLinks(links, scope?.lists),
      accounts: mergeAccounts(accounts),
      generation,
    };
  }
}

/**
 * One account per id over the records of the datasets in a view. The same id in two readable
 * datasets is one account to the caller (merged, not kept apart): account ids are the data's own
 * (an IBAN, a wallet), so two banks' statements naming one IBAN are one account, and tracing
 * across them is why a caller reads both; the caller may read every record merged, so merging
 * discloses nothing. A caller who reads only one dataset gets only that dataset's record.
 * Details merge field by field, the first dataset (by name) that gives one winning, so the
 * answer does not depend on import order.
 */
export function mergeAccounts(records: StoredAccount[]): Map<string, Account> {
  const byId = new Map<string, Account>();
  const sorted = [...records].sort((a, b) => compare(a.id, b.id) || compare(a.dataset, b.dataset));
  for (const { id, ownerName, iban, bic, bank, country } of sorted) {
    const record: Account = { id, ownerName, iban, bic, bank, country };
    const known = byId.get(id);
    if (!known) {
      byId.set(id, record);
      continue;
    }
    known.ownerName ??= record.ownerName;
    known.iban ??= record.iban;
    known.bic ??= record.bic;
    known.bank ??= record.bank;
    known.country ??= record.country;
  }
  return byId;
}

/**
 * The links a view shows: a link made from a readable dataset's account record, to an entity
 * whose every list dataset is readable (`lists`; undefined: all are). An entity merged from a
 * readable list and an unreadable one is left out whole: its caption and score may come from the
 * unreadable record (the price: that caller misses the link even though a list it reads has
 * the entity too, until the lists are resolved apart or linking runs per caller). The same account and entity linked from two datasets show once, at the
 * better score; links stay ordered by account, best first.
 */
export function visibleLinks(links: AccountLink[], lists?: ReadonlySet<string>): AccountLink[] {
  const best = new Map<string, AccountLink>();
  for (const link of links) {
    // A link whose entity names no list (none expected) is shown only to who reads everything.
    if (
      lists &&
      !(link.entityDatasets.length > 0 && link.entityDatasets.every((d) => lists.has(d)))
    )
      continue;
    const key = `${link.accountId}\u0000${link.entityId}`;
    const known = best.get(key);
    if (!known || link.score > known.score) best.set(key, link);
  }
  return [...best.values()].sort((a, b) => compare(a.accountId, b.accountId) || b.score - a.score);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
