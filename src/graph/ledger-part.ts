/**
 * The ledger's part of the network: accounts that `tx link` tied to listed entities, their
 * holders, and the payments in and out of them. Read from the store once per ledger generation
 * (`loadLedgerPart`), then cut to what one caller may see (`ledgerView`) by the ledger cache's
 * own rules (transactions/ledger-cache.ts): records, links and transfers of the caller's readable
 * ledger datasets only, links only to entities whose every list the caller reads (visibleLinks),
 * account details merged over those datasets (mergeAccounts). The whole ledger is not loaded:
 * only payments touching a linked account.
 */
import { hashId } from "../model/ids.ts";
import type { Resolution } from "../resolution/clusters.ts";
import type { LedgerCollections } from "../store/ledger/ledger-store.ts";
import type { Store } from "../store/store.ts";
import { mergeAccounts, visibleLinks, type ViewScope } from "../transactions/ledger-cache.ts";
import type { AccountLink, StoredAccount } from "../transactions/types.ts";
import type { Network } from "./network.ts";
import type { GraphEdge, GraphNode } from "./types.ts";

/** Node ids of ledger accounts, apart from entity ids. */
export const ACCOUNT_PREFIX = "account:";

export interface LedgerPart {
  /** The ledger and linked list datasets as read first: callers' scopes are made from them. */
  collections: LedgerCollections;
  /** Every account link, of every dataset. */
  links: AccountLink[];
  /** Every dataset's records of the accounts the part may show (linked ones, counterparties). */
  records: StoredAccount[];
  /** Payments touching a linked account, summed per source, target, currency and dataset; ends are account ids. */
  payments: GraphEdge[];
}

/** Reads the ledger's part of the network, for every caller at once. */
export async function loadLedgerPart(store: Store): Promise<LedgerPart> {
  // Read first: a dataset imported while the rest is read is in no caller's scope (left out).
  const collections = await store.ledger.collections();
  const links = await store.ledger.listAccountLinks();
  if (links.length === 0) return { collections, links, records: [], payments: [] };
  const linked = new Set(links.map((link) => link.accountId));
  const shown = new Set(linked);
  const payments = new Map<string, GraphEdge>();
  for await (const page of store.ledger.iterateTransfers()) {
    for (const t of page) {
      if (!linked.has(t.source) && !linked.has(t.target)) continue;
      shown.add(t.source);
      shown.add(t.target);
      const key = `${t.source}\u0000${t.target}\u0000${t.currency}\u0000${t.dataset}`;
      const date = new Date(t.timestamp).toISOString().slice(0, 10);
      const edge = payments.get(key);
      if (edge) {
        edge.count! += 1;
        edge.amount! += t.amount;
        if (date < edge.start!) edge.start = date;
        if (date > edge.end!) edge.end = date;
        continue;
      }
      payments.set(key, {
        id: hashId("payments", t.source, t.target, t.currency, t.dataset),
        source: t.source,
        target: t.target,
        kind: "payment",
        label: "paid",
        count: 1,
        amount: t.amount,
        currency: t.currency,
        start: date,
        end: date,
        dataset: t.dataset,
      });
    }
  }
  const records = (await store.ledger.listAccounts()).filter((record) => shown.has(record.id));
  return { collections, links, records, payments: [...payments.values()] };
}

export interface LedgerView {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The account nodes, holder edges and payment edges one caller may see (`scope`; undefined:
 * everything), for holders that are nodes of `network`. An account node's datasets are the
 * caller's datasets that speak of it; its caption names the holder its records give.
 *
 * @example addLedgerView(network, ledgerView(part, network, resolution, scope))
 */
export function ledgerView(
  part: LedgerPart,
  network: Network,
  resolution: Resolution,
  scope?: ViewScope,
): LedgerView {
  const inScope = (dataset: string): boolean => !scope || scope.ledgers.has(dataset);
  const links = visibleLinks(
    part.links.filter((link) => inScope(link.dataset)),
    scope?.lists,
  );
  const records = part.records.filter((record) => inScope(record.dataset));
  const accounts = mergeAccounts(records);
  const datasets = new Map<string, Set<string>>();
  const show = (accountId: string, dataset: string): string => {
    const known = datasets.get(accountId);
    if (known) known.add(dataset);
    else datasets.set(accountId, new Set([dataset]));
    return `${ACCOUNT_PREFIX}${accountId}`;
  };
  const edges: GraphEdge[] = [];
  const linked = new Set<string>();
  for (const link of links) {
    const entity = resolution.canonical(link.entityId);
    if (!network.has(entity)) continue;
    linked.add(link.accountId);
    edges.push({
      id: hashId("holder", link.accountId, entity),
      source: entity,
      target: show(link.accountId, link.dataset),
      kind: "holder",
      label: "holder of",
      weight: link.score,
      dataset: link.dataset,
      sourceId: link.accountId,
    });
  }
  for (const payment of part.payments) {
    if (!inScope(payment.dataset)) continue;
    if (!linked.has(payment.source) && !linked.has(payment.target)) continue;
    edges.push({
      ...payment,
      source: show(payment.source, payment.dataset),
      target: show(payment.target, payment.dataset),
    });
  }
  for (const record of records) if (datasets.has(record.id)) show(record.id, record.dataset);
  const nodes = [...datasets].map(([accountId, from]): GraphNode => {
    const owner = accounts.get(accountId)?.ownerName;
    return {
      id: `${ACCOUNT_PREFIX}${accountId}`,
      schema: "BankAccount",
      caption: owner ? `${owner} (${accountId})` : accountId,
      datasets: [...from].sort(),
      sanctioned: false,
    };
  });
  return { nodes, edges };
}

/** Adds a caller's ledger view to a network (its own copy: views differ between callers). */
export function addLedgerView(network: Network, view: LedgerView): void {
  for (const node of view.nodes) network.addNode(node);
  for (const edge of view.edges) network.addEdge(edge);
}
