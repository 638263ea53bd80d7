/**
 * The network as each caller may see it: the shared network of lists and documents (whose
 * collections walks filter as they go) plus the ledger's part cut to the caller's ledger scope
 * (ledger-part.ts). Account captions, holder links and payments differ between callers, so a
 * view with any of them is a copy of the shared network; callers with the same scope share it.
 */
import type { Resolution } from "../resolution/clusters.ts";
import type { Store } from "../store/store.ts";
import { viewScope } from "../transactions/ledger-cache.ts";
import { addLedgerView, ledgerView, loadLedgerPart, type LedgerPart } from "./ledger-part.ts";
import { loadNetwork } from "./load.ts";
import type { Network } from "./network.ts";

export interface LoadedNetwork {
  network: Network;
  resolution: Resolution;
}

/** Views kept at once (the least recently made goes first): each may hold a copy of the network. */
const MAX_VIEWS = 8;

export class NetworkViews {
  private views = new Map<string, LoadedNetwork>();

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
  get(readable?: (collection: string) => boolean): LoadedNetwork {
    const { scope, key } = viewScope(this.ledger.collections, readable);
    let view = this.views.get(key);
    if (view) return view;
    const { network, resolution } = this.shared;
    const ledger = ledgerView(this.ledger, network, resolution, scope);
    view = this.shared;
    if (ledger.nodes.length > 0 || ledger.edges.length > 0) {
      const copy = network.copy();
      addLedgerView(copy, ledger);
      view = { network: copy, resolution };
    }
    if (this.views.size >= MAX_VIEWS) this.views.delete(this.views.keys().next().value!);
    this.views.set(key, view);
    return view;
  }
}
