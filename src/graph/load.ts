/**
 * Builds the network from the store: entities of the active lists merged by the resolver into
 * canonical nodes, every relationship among them, the accounts that `tx link` tied to listed
 * entities with the payments in and out of them, and relations that documents state between
 * listed entities. The ledger's part is ledger-part.ts; this loads it whole (the command line
 * reads everything; the server cuts it per caller: service.ts).
 */
import type { Entity } from "../model/entity.ts";
import { caption } from "../model/entity.ts";
import { getSchema, propertyTypeName } from "../model/ftm.ts";
import { hashId } from "../model/ids.ts";
import type { Resolution } from "../resolution/clusters.ts";
import { loadResolution } from "../resolution/entities.ts";
import type { Store } from "../store/store.ts";
import { edgesFromEntity, PARTY_FACTS } from "./edges.ts";
import { addLedgerView, ledgerView, loadLedgerPart } from "./ledger-part.ts";
import { Network } from "./network.ts";
import type { GraphEdge } from "./types.ts";

export interface LoadNetworkOptions {
  /** Keep entities' properties on nodes and edges (exports need them; queries do not). */
  properties?: boolean;
  ledger?: boolean;
  documents?: boolean;
}

const MAX_DOCUMENT_RELATIONS = 1_000_000;

export async function loadNetwork(
  store: Store,
  options: LoadNetworkOptions = {},
): Promise<{ network: Network; resolution: Resolution }> {
  const resolution = await loadResolution(store);
  const network = new Network();
  const edges: GraphEdge[] = [];
  /** Entities named by Sanction entities, with the datasets that name them. */
  const sanctioned = new Map<string, Set<string>>();
  for await (const row of store.iterateEntities()) {
    const schema = getSchema(row.schema);
    if (row.schema === "Sanction") {
      for (const party of row.properties.entity ?? []) {
        const id = resolution.canonical(party);
        const by = sanctioned.get(id);
        if (by) by.add(row.dataset);
        else sanctioned.set(id, new Set([row.dataset]));
      }
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
      // This record's id: a cluster's referents are those of its records in the active lists,
      // which lets a caller be told only the ids of records it may read.
      ...(resolution.isCluster(id) ? { referents: [row.id] } : {}),
    });
  }
  for (const edge of edges) network.addEdge(edge);
  for (const [id, datasets] of sanctioned)
    for (const dataset of datasets) network.markSanctioned(id, dataset);
  if (options.documents ?? true) await addDocumentRelations(store, network, resolution);
  if (options.ledger ?? true)
    addLedgerView(network, ledgerView(await loadLedgerPart(store), network, resolution));
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
