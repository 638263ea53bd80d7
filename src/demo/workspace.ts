/**
 * The demo workspace: a small network after the seed articles (Chongryon and its reporting line
 * from Room 225 to the United Front Department, Office 39, trading companies in Dandong and
 * Shenyang), with a made-up ledger and made-up documents, written into a store so every part of
 * moneytrail has something to show. The files live in `demo/` and ship with the package; nothing
 * of `../shared` is used. Companies and people marked "(demo)" are invented.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingestPaths } from "../documents/ingest.ts";
import { networkExtractOptions } from "../documents/link.ts";
import { importList } from "../lists/import.ts";
import { resolve } from "../resolution/resolve.ts";
import { ScreeningService } from "../screening/service.ts";
import type { Store } from "../store/store.ts";
import { importLedgerFile } from "../transactions/import.ts";
import { linkAccounts } from "../transactions/link.ts";

export const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../demo");
export const DEMO_DATASET = "demo";
const LINK_THRESHOLD = 0.8;
const DEMO_VERSIONS = [
  ["network-earlier.ftm.json", "2016"],
  ["network.ftm.json", "2017"],
] as const;

export interface DemoSummary {
  created: boolean;
  entities: number;
  transfers: number;
  accountLinks: number;
  documents: number;
  mentions: number;
}

/** Writes the demo into the store unless it is there already. */
export async function buildDemo(
  store: Store,
  log: (line: string) => void = () => undefined,
): Promise<DemoSummary> {
  const existing = (await store.activeVersions()).find((v) => v.dataset === DEMO_DATASET);
  if (!existing) {
    // Two versions, so that the lists page and entity timelines have a change to show: the
    // later one adds Yalu River Logistics with its vessel and director, and more Office 39 aliases.
    for (const [file, version] of DEMO_VERSIONS) {
      log(`demo: importing the network (version ${version})`);
      await importList(store, [path.join(DEMO_DIR, file)], {
        format: "ftm",
        dataset: DEMO_DATASET,
        version,
      });
    }
    log("demo: importing the ledger");
    await importLedgerFile(store, path.join(DEMO_DIR, "transfers.csv"), { dataset: "demo-ledger" });
    // Ledgers are private by default; the demo's is made up and for everyone to try.
    await store.access.setCollectionPublic("demo-ledger", true);
    const screening = new ScreeningService(store, { staleCheckMillis: 0 });
    log("demo: linking accounts to entities");
    await store.ledger.replaceAccountLinks(
      await linkAccounts(await store.ledger.listAccounts(), screening, {
        threshold: LINK_THRESHOLD,
      }),
    );
    log("demo: reading the documents");
    await ingestPaths(store, [path.join(DEMO_DIR, "documents")], {
      collection: DEMO_DATASET,
      extract: await networkExtractOptions(screening),
    });
    log("demo: resolving");
    await resolve(store);
  }
  const ledger = await store.ledger.summary();
  const documents = await store.documents.summary();
  const version = (await store.activeVersions()).find((v) => v.dataset === DEMO_DATASET);
  return {
    created: !existing,
    entities: Object.values(version?.schemata ?? {}).reduce((sum, n) => sum + n, 0),
    transfers: ledger.transfers,
    accountLinks: ledger.links,
    documents: documents.documents,
    mentions: documents.mentions,
  };
}
