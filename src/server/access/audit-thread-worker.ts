/** The audit thread's side: appends each batch it is sent, in order, and says how it went. */
import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../../store/open.ts";
import type { AuditThreadReply, AuditThreadRequest } from "./audit-thread.ts";

const port = parentPort;
if (!port) throw new Error("audit-thread-worker runs as a worker thread");
const { db } = workerData as { db: string };
const opening = openStore(db);
// Each batch reports a failure to open; it must not also end the thread as an unhandled rejection.
opening.catch(() => undefined);
// One batch at a time, in the order they came: the chain follows the order events were recorded.
let writing = Promise.resolve();
port.on("message", (request: AuditThreadRequest) => {
  writing = writing.then(async () => {
    let reply: AuditThreadReply;
    try {
      const store = await opening;
      await store.access.appendAudit(request.events);
      reply = { seq: request.seq };
    } catch (error) {
      reply = { seq: request.seq, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
