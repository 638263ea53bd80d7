/**
 * The network kept in memory for the API, rebuilt when what it is made of changes: active list
 * versions, the resolver's judgements, the ledger (transfers and links) or documents' links.
 */
import { currentIndexKey } from "../screening/load.ts";
import type { Store } from "../store/store.ts";
import type { Resolution } from "../resolution/clusters.ts";
import { loadNetwork } from "./load.ts";
import type { Network } from "./network.ts";

const STALE_CHECK_MILLIS = 5000;

export interface LoadedNetwork {
  network: Network;
  resolution: Resolution;
}

export class GraphService {
  private loaded: { key: string; value: Promise<LoadedNetwork> } | undefined;
  private checkedAt = 0;

  constructor(private readonly store: Store) {}

  async get(): Promise<LoadedNetwork> {
    if (this.loaded && Date.now() - this.checkedAt < STALE_CHECK_MILLIS) return this.loaded.value;
    this.checkedAt = Date.now();
    const key = await this.key();
    if (this.loaded?.key === key) return this.loaded.value;
    const value = loadNetwork(this.store);
    this.loaded = { key, value };
    value.catch(() => (this.loaded = undefined));
    return value;
  }

  private async key(): Promise<string> {
    const [index, ledger, documents] = await Promise.all([
      currentIndexKey(this.store),
      this.store.ledger.summary(),
      this.store.documents.summary(),
    ]);
    return `${index}|${ledger.generation}|${documents.documents}:${documents.linked}`;
  }
}
