/**
 * Reader threads for uploads: parsing and extraction of a large file (seconds of work for a
 * 1.5 MB text) run there, so the server's thread keeps answering everyone else. Each thread
 * builds its own gazetteer once per index build; linking names by screening and every store read
 * and write stay on the main thread. A bounded queue: past it an upload is a 503 to retry.
 */
import { availableParallelism } from "node:os";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import { BusyError, UnavailableError } from "../../errors.ts";
import type { Entity } from "../../model/entity.ts";
import type { Linker, LinkResult } from "../extract/extract.ts";
import { gazetteerEntity } from "../extract/gazetteer.ts";
import type { NetworkSource } from "../link.ts";
import type { DocumentReader, ReadRequest, ReadResult } from "../read.ts";
import type { FromReader, ToReader } from "./protocol.ts";

/** Files waiting for a thread; more is a 503 (each upload holds its bytes in memory meanwhile). */
export const DEFAULT_MAX_QUEUED = 16;
/** Seconds a client is told to wait when the queue is full. */
const RETRY_AFTER_SECONDS = 10;
/** Names screened between two turns of the event loop: about 10 ms of matching. */
const LINK_SLICE = 50;

interface Job {
  id: number;
  request: ReadRequest;
  network: NetworkSource;
  resolve: (result: ReadResult) => void;
  reject: (error: Error) => void;
}

interface ReaderThread {
  worker: Worker;
  job: Job | undefined;
  /** The index build whose gazetteer the thread holds. */
  generation: number | undefined;
}

export interface ReaderPoolOptions {
  /** Reader threads; one less than the cores by default (at least one). */
  threads?: number;
  maxQueued?: number;
}

export class ReaderPool {
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly threads: ReaderThread[] = [];
  private readonly queue: Job[] = [];
  /** Index builds numbered by their entity arrays, with the compact form sent to threads. */
  private readonly builds = new WeakMap<
    readonly Entity[],
    { generation: number; sent: Entity[] }
  >();
  private nextGeneration = 0;
  private nextJob = 0;
  private closed = false;

  constructor(options: ReaderPoolOptions = {}) {
    this.size = Math.max(1, options.threads ?? Math.min(4, availableParallelism() - 1));
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  }

  /**
   * A reader for ingest (IngestOptions.reader) that reads on the pool's threads.
   *
   * @example
   * await ingestUpload(store, name, bytes, { reader: pool.reader(await networkSource(service)) });
   */
  reader(network: NetworkSource): DocumentReader {
    return async (request) => {
      if (this.closed) throw new UnavailableError("documents: the server is shutting down");
      if (this.queue.length >= this.maxQueued)
        throw new BusyError(
          `documents: ${this.queue.length} files already wait to be read; retry in ${RETRY_AFTER_SECONDS} seconds`,
          RETRY_AFTER_SECONDS,
        );
      return new Promise<ReadResult>((resolve, reject) => {
        this.queue.push({ id: this.nextJob++, request, network, resolve, reject });
        this.dispatch();
      });
    };
  }

  /** Files waiting for a thread (not those being read). */
  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error("documents: the server is shutting down");
    for (const job of this.queue.splice(0)) job.reject(stopped);
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const thread =
        this.threads.find((t) => !t.job) ??
        (this.threads.length < this.size ? this.spawn() : undefined);
      if (!thread) return;
      this.start(thread, this.queue.shift()!);
    }
  }

  private start(thread: ReaderThread, job: Job): void {
    thread.job = job;
    thread.worker.ref();
    const entities = job.network.entities;
    let build = entities && this.builds.get(entities);
    if (entities && !build) {
      build = { generation: this.nextGeneration++, sent: entities.map(gazetteerEntity) };
      this.builds.set(entities, build);
    }
    const message: ToReader = {
      type: "read",
      job: job.id,
      request: job.request,
      generation: build?.generation,
      link: job.network.linker !== undefined,
      ...(build && thread.generation !== build.generation ? { entities: build.sent } : {}),
    };
    thread.generation = build?.generation ?? thread.generation;
    thread.worker.postMessage(message);
  }

  private spawn(): ReaderThread {
    const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url));
    const thread: ReaderThread = { worker, job: undefined, generation: undefined };
    this.threads.push(thread);
    worker.on("message", (message: FromReader) => this.receive(thread, message));
    const lost = (error: Error): void => {
      const at = this.threads.indexOf(thread);
      if (at < 0) return;
      this.threads.splice(at, 1);
      thread.job?.reject(error);
      thread.job = undefined;
      this.dispatch();
    };
    worker.on("error", (error) => lost(new Error(`document reader: ${error.message}`)));
    worker.on("exit", (code) => lost(new Error(`document reader exited with code ${code}`)));
    // An idle thread does not keep the process alive (a CLI run ends when its work does).
    worker.unref();
    return thread;
  }

  private receive(thread: ReaderThread, message: FromReader): void {
    const job = thread.job;
    if (!job || job.id !== message.job) return;
    if (message.type === "link") {
      void linkInSlices(job.network.linker!, message.names).then(
        (links) => thread.worker.postMessage({ type: "linked", seq: message.seq, links }),
        (error: Error) =>
          thread.worker.postMessage({
            type: "linked",
            seq: message.seq,
            links: [],
            error: error.message,
          } satisfies ToReader),
      );
      return;
    }
    thread.job = undefined;
    thread.worker.unref();
    if (message.type === "done") {
      // The thread spent the archive budget on a copy: the rest of the upload goes on from it.
      Object.assign(job.request.budget, message.budget);
      job.resolve(message.result);
    } else job.reject(new Error(`document reader: ${message.message}`));
    this.dispatch();
  }
}

/**
 * Screening runs on this thread (the index is here): a document's thousands of names are linked
 * a slice at a time, with a turn of the event loop between slices.
 */
async function linkInSlices(
  linker: Linker,
  names: Parameters<Linker>[0],
): Promise<Array<LinkResult | undefined>> {
  const links: Array<LinkResult | undefined> = [];
  for (let i = 0; i < names.length; i += LINK_SLICE) {
    if (i > 0) await yieldToLoop();
    links.push(...(await linker(names.slice(i, i + LINK_SLICE))));
  }
  return links;
}
