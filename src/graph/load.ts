/**
 * Builds the network from the store: entities of the active lists merged by the resolver into
 * canonical nodes, every relationship among them, the accounts that `tx link` tied to listed
 * entities with the payments in and out of them, and relations that documents state between
 * listed entities. The whole ledger is not loaded: only payments touching a linked account.
 */
import type { Entity } from "../model/entity.ts";
import { caption } from "../model/entity.ts";
import { getSchema, propertyTypeName } from "../model/ftm.ts";
import { hashId } from "../model/ids.ts";
import type { Resolution } from "../resolution/clusters.ts";
import { loadResolution } from "../resolution/entities.ts";
import type { Store } from "../store/store.ts";
import { edgesFromEntity, PARTY_FACTS } from "./edges.ts";
import { Network } from "./network.ts";
import type { GraphEdge } from "./types.ts";

export interface LoadNetworkOptions {
  /** Keep entities' properties on nodes and edges (exports need them; queries do not). */
  properties?: boolean;
  ledger?: boolean;
  documents?: boolean;
}

const MAX_DOCUMENT_RELATIONS = 1_000_000;
/** Node ids of ledger accounts, apart from entity ids. */
export const ACCOUNT_PREFIX = "account:";

export async function loadNetwork(
  store: Store,
  options: LoadNetworkOptions = {},
): Promise<{ network: Network; resolution: Resolution }> {
  const resolution = await loadResolution(store);
  const network = new Network();
  const edges: GraphEdge[] = [];
  const sanctioned = new Set<string>();
  for await (const row of store.iterateEntities()) {
    const schema = getSchema(row.schema);
    if (row.schema === "Sanction") {
      for (const party of row.properties.entity ?? []) sanctioned.add(resolution.canonical(party));
      continue;
    }
    for (const edge of edgesFromEntity(row, row.dataset, row.sourceId)) {
      edges.push(remap(edge, resolution, options.properties ?? false));
    }
    if (schema.isEdge || PARTY_FACTS.has(row.schema)) continue;
    const id = resolution.canonical(row.id);
    network.addNode({
      id,
      schema: row.schema,
      caption: caption(row),
      datasets: [row.dataset],
      sanctioned: row.properties.topics?.includes("sanction") ?? false,
      ...(options.properties ? { properties: remapProperties(row, resolution) } : {}),
      ...(resolution.isCluster(id) ? { referents: resolution.members(id) } : {}),
    });
  }
  for (const edge of edges) network.addEdge(edge);
  for (const id of sanctioned) network.markSanctioned(id);
  if (options.documents ?? true) await addDocumentRelations(store, network, resolution);
  if (options.ledger ?? true) await addLedger(store, network, resolution);
  return { network, resolution };
}

function remap(edge: GraphEdge, resolution: Resolution, keepProperties: boolean): GraphEdge {
  const { properties, ...rest } = edge;
  return {
    ...rest,
    source: resolution.canonical(edge.source),
    target: resolution.canonical(edge.target),
    ...(keepProperties && properties ? { properties } : {}),
  };
}

/** Entity references in properties point at canonical ids, as the exported nodes are. */
function remapProperties(entity: Entity, resolution: Resolution): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries(entity.properties)) {
    const isEntity = propertyTypeName(entity.schema, prop) === "entity";
    out[prop] = isEntity ? values.map((v) => resolution.canonical(v)) : values;
  }
  return out;
}

async function addDocumentRelations(
  store: Store,
  network: Network,
  resolution: Resolution,
): Promise<void> {
  const relations = await store.documents.listRelations({ limit: MAX_DOCUMENT_RELATIONS });
  for (const relation of relations) {
    const source = relation.source.entityId;
    const target = relation.target.entityId;
    if (!source || !target) continue;
    const from = resolution.canonical(source);
    const to = resolution.canonical(target);
    if (from === to || !network.has(from) || !network.has(to)) continue;
    network.addEdge({
      id: hashId("docrel", relation.documentId, String(relation.start), from, to, relation.kind),
      source: from,
      target: to,
      kind: `document:${relation.kind}`,
      label: relation.kind.replace(/_/g, " "),
      weight: relation.weight,
      ...(relation.value ? { role: relation.value } : {}),
      dataset: relation.collection,
      sourceId: relation.documentId,
    });
  }
}

async function addLedger(store: Store, network: Network, resolution: Resolution): Promise<void> {
  const links = await store.ledger.listAccountLinks();
  if (links.length === 0) return;
  const accounts = new Map((await store.ledger.listAccounts()).map((a) => [a.id, a]));
  const linked = new Set<string>();
  // An account node carries the ledger datasets its transfers come from (who may see it);
  // adding it again with another dataset merges them.
  const addAccount = (accountId: string, dataset?: string): string => {
    const id = `${ACCOUNT_PREFIX}${accountId}`;
    if (!network.has(id) || dataset) {
      const account = accounts.get(accountId);
      network.addNode({
        id,
        schema: "BankAccount",
        caption: account?.ownerName ? `${account.ownerName} (${accountId})` : accountId,
        datasets: dataset ? [dataset] : [],
        sanctioned: false,
      });
    }
    return id;
  };
  for (const link of links) {
    const entity = resolution.canonical(link.entityId);
    if (!network.has(entity)) continue;
    linked.add(link.accountId);
    network.addEdge({
      id: hashId("holder", link.accountId, entity),
      source: entity,
      target: addAccount(link.accountId),
      kind: "holder",
      label: "holder of",
      weight: link.score,
      dataset: "ledger",
      sourceId: link.accountId,
    });
  }
  const payments = new Map<string, GraphEdge>();
  for await (const page of store.ledger.iterateTransfers()) {
    for (const t of page) {
      if (!linked.has(t.source) && !linked.has(t.target)) continue;
      addAccount(t.source, t.dataset);
      addAccount(t.target, t.dataset);
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
        source: addAccount(t.source),
        target: addAccount(t.target),
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
  for (const edge of payments.values()) network.addEdge(edge);
}
