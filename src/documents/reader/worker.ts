/**
 * A reader thread: parses and extracts the files it is sent (read.ts) with its own gazetteer,
 * built once per index build from the entities the pool sends; names the gazetteer does not know
 * go back to the main thread, where the screening index is, to be linked.
 */
import { parentPort } from "node:worker_threads";
import type { ExtractOptions, LinkResult } from "../extract/extract.ts";
import { Gazetteer } from "../extract/gazetteer.ts";
import { readDocument } from "../read.ts";
import type { FromReader, ToReader } from "./protocol.ts";

const port = parentPort!;
const post = (message: FromReader): void => port.postMessage(message);

let gazetteer: { generation: number; value: Gazetteer } | undefined;
const linking = new Map<
  number,
  { resolve: (links: Array<LinkResult | undefined>) => void; reject: (e: Error) => void }
>();
let nextSeq = 0;

port.on("message", (message: ToReader) => {
  if (message.type === "linked") {
    const waiting = linking.get(message.seq);
    linking.delete(message.seq);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.links);
    return;
  }
  void read(message);
});

async function read(message: Extract<ToReader, { type: "read" }>): Promise<void> {
  try {
    if (message.entities && message.generation !== undefined)
      gazetteer = { generation: message.generation, value: new Gazetteer(message.entities) };
    const extract: ExtractOptions = {};
    if (message.generation !== undefined) {
      if (gazetteer?.generation !== message.generation)
        throw new Error(`no gazetteer for index build ${message.generation}`);
      extract.gazetteer = gazetteer.value;
    }
    if (message.link) {
      extract.linker = (names) =>
        new Promise((resolve, reject) => {
          const seq = nextSeq++;
          linking.set(seq, { resolve, reject });
          post({ type: "link", job: message.job, seq, names });
        });
    }
    const result = await readDocument(message.request, extract);
    post({ type: "done", job: message.job, result, budget: message.request.budget });
  } catch (error) {
    post({ type: "error", job: message.job, message: (error as Error).stack ?? String(error) });
  }
}
