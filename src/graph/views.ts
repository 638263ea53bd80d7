/**
 * The network as each caller may see it: the shared network of lists and documents (whose
 * collections walks filter as they go) plus the ledger's part cut to the caller's ledger scope
 * (ledger-part.ts). Account captions, holder links and payments differ between callers, so a
 * view with any of them is a copy of the shared network; callers with the same scope share it.
 */
import { setImmediate } from "node:timers/promises";
import type { Resolution } from "../resolution/clusters.ts";
import type { Store } from "../store/store.ts";
import { viewScope } from "../transactions/ledger-cache.ts";
import { addLedgerView, ledgerView, loadLedgerPart, type LedgerPart } from "./ledger-part.ts";
import { loadNetwork } from "./load.ts";
import { Network } from "./network.ts";

export interface LoadedNetwork {
  network: Network;
  resolution: Resolution;
}

/** Views kept at once (the oldest goes first): each may hold a copy of the network. */
const MAX_VIEWS = 8;
/** Nodes or edges copied between yields to other requests: a few milliseconds' worth. */
const COPY_CHUNK = 5_000;

export class NetworkViews {
  private views = new Map<string, Promise<LoadedNetwork>>();

  constructor(
    private readonly shared: LoadedNetwork,
    private readonly ledger: LedgerPart,
  ) {}

  /** Reads the shared network and the ledger's part from the store. */
  static async load(store: Store): Promise<NetworkViews> {
    const [shared, ledger] = await Promise.all([
      loadNetwork(store, { ledger: false }),
      loadLedgerPart(store),
    ]);
    return new NetworkViews(shared, ledger);
  }

  /** The view of a caller who may read only some collections (`readable`), or of everything. */
  get(readable?: (collection: string) => boolean): Promise<LoadedNetwork> {
    const { scope, key } = viewScope(this.ledger.collections, readable);
    let view = this.views.get(key);
    if (view) return view;
    const { network, resolution } = this.shared;
    const ledger = ledgerView(this.ledger, network, resolution, scope);
    view =
      ledger.nodes.length === 0 && ledger.edges.length === 0
        ? Promise.resolve(this.shared)
        : copyOf(network).then((copy) => {
            addLedgerView(copy, ledger);
            return { network: copy, resolution };
          });
    if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    this.views.set(key, view);
    view.catch(() => this.views.delete(key));
    return view;
  }
}

/**
 * A copy of a network to add to, its attributes shared (neither is changed once loaded). Made a
 * chunk at a time: a network of a million nodes takes seconds, which must not hold the thread.
 */
async function copyOf(network: Network): Promise<Network> {
  const copy = new Network();
  let count = 0;
  for (const { node, attributes } of network.graph.nodeEntries()) {
    copy.graph.addNode(node, attributes);
    if (++count % COPY_CHUNK === 0) await setImmediate();
  }
  for (const { edge, attributes, source, target } of network.graph.edgeEntries()) {
    copy.graph.addDirectedEdgeWithKey(edge, source, target, attributes);
    if (++count % COPY_CHUNK === 0) await setImmediate();
  }
  return copy;
}
