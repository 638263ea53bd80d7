import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Store } from "../store/store.ts";

/**
 * Writes active entities as FtM JSON lines (`{"id","schema","properties","datasets"}`), the
 * format OpenSanctions and Aleph read; backpressure keeps memory flat on large stores.
 */
export async function exportFtm(store: Store, out: Writable, datasets?: string[]): Promise<number> {
  let count = 0;
  for await (const entity of store.iterateEntities(datasets ? { datasets } : {})) {
    const line = JSON.stringify({
      id: entity.id,
      schema: entity.schema,
      properties: entity.properties,
      datasets: [entity.dataset],
    });
    if (!out.write(`${line}\n`)) await once(out, "drain");
    count++;
  }
  return count;
}
