/** A batch-screening worker thread: builds its own index from the store, then screens chunks. */
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../../store/open.ts";
import { loadIndex } from "../load.ts";
import type { ChunkRequest, WorkerInit, WorkerMessage } from "./protocol.ts";
import { screenRows } from "./screen-rows.ts";

const init = workerData as WorkerInit;
const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

try {
  const store = await openStore(init.db);
  const { index, millis } = await loadIndex(store, init.options.includeDatasets);
  await store.close();
  post({ type: "ready", entities: index.size, millis });
  port.on("message", (request: ChunkRequest) => {
    try {
      post({
        type: "chunk",
        seq: request.seq,
        results: screenRows(index, request.rows, init.options),
      });
    } catch (error) {
      post({ type: "error", message: (error as Error).stack ?? String(error) });
    }
  });
} catch (error) {
  post({ type: "error", message: (error as Error).stack ?? String(error) });
}
