import type { Store } from "../store/store.ts";
import { LedgerBuilder, type Ledger } from "../tracing/ledger.ts";

/** Builds the in-memory ledger from every transfer in the store, or those of some datasets. */
export async function loadLedger(
  store: Store,
  onProgress?: (transfers: number) => void,
  datasets?: ReadonlySet<string>,
): Promise<Ledger> {
  const builder = new LedgerBuilder();
  let count = 0;
  for await (const page of store.ledger.iterateTransfers()) {
    for (const t of page)
      if (!datasets || datasets.has(t.dataset))
        builder.add(t.id, t.source, t.target, t.amount, t.timestamp, t.currency);
    count += page.length;
    onProgress?.(count);
  }
  return builder.build();
}
