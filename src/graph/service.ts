/**
 * The network kept in memory for the API, rebuilt when what it is made of changes: active list
 * versions, the resolver's judgements, the ledger (transfers and links) or documents' links.
 * Each caller gets its view of it (views.ts): the ledger's accounts, holders and payments of its
 * own ledger datasets only.
 */
import { currentIndexKey } from "../screening/load.ts";
import type { Store } from "../store/store.ts";
import { NetworkViews, type LoadedNetwork } from "./views.ts";

const STALE_CHECK_MILLIS = 5000;

export type { LoadedNetwork } from "./views.ts";

export class GraphService {
  private loaded: { key: string; value: Promise<NetworkViews> } | undefined;
  private checkedAt = 0;

  constructor(private readonly store: Store) {}

  /** The network as a caller who may read only some collections (`readable`) may see it. */
  async get(readable?: (collection: string) => boolean): Promise<LoadedNetwork> {
    return (await this.views()).get(readable);
  }

  private async views(): Promise<NetworkViews> {
    if (this.loaded && Date.now() - this.checkedAt < STALE_CHECK_MILLIS) return this.loaded.value;
    this.checkedAt = Date.now();
    const key = await this.key();
    if (this.loaded?.key === key) return this.loaded.value;
    const value = NetworkViews.load(this.store);
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
