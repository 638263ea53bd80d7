/**
 * Ingests files and folders into a collection: every file parsed by its format, archives and
 * e-mails opened recursively (within the limits), text searchable, mentions extracted and linked.
 * A file that cannot be read is recorded with the reason and the batch goes on; the same bytes
 * twice in a collection are stored once.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { UnprocessableError } from "../errors.ts";
import type { Store } from "../store/store.ts";
import type { StoredDocument } from "../store/documents/document-store.ts";
import { detectDocumentFormat } from "./detect.ts";
import type { ExtractOptions } from "./extract/extract.ts";
import type { OcrEngine } from "./ocr.ts";
import type { ExpansionBudget } from "./parsers/zip.ts";
import { readDocument, type DocumentReader } from "./read.ts";
import { DEFAULT_LIMITS, type DocumentLimits } from "./types.ts";

export const DEFAULT_COLLECTION = "default";

export interface IngestOptions {
  collection?: string;
  limits?: Partial<DocumentLimits>;
  extract?: ExtractOptions;
  /** Reads scanned PDF pages and images; without it they are counted in `unreadImages`. */
  ocr?: OcrEngine | undefined;
  /**
   * Parses and extracts each file (read.ts); in this thread with `extract` and `ocr` unless
   * given (the server hands uploads to reader threads: reader/pool.ts).
   */
  reader?: DocumentReader | undefined;
  /** Called after each top-level file with how many are done of how many. */
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface IngestReport {
  collection: string;
  files: number;
  documents: number;
  duplicates: number;
  /** Files not read; `hostile` for those built to hurt the reader. */
  failed: Array<{ path: string; reason: string; hostile?: boolean }>;
  mentions: number;
  linked: number;
  relations: number;
  /** Scanned pages and images read by OCR. */
  ocrPages: number;
  /** Scanned pages and images left without text (OCR off, over the limit, or failed). */
  unreadImages: number;
  /** Ids of the top-level documents, in the order of the files. */
  ids: string[];
}

export async function ingestPaths(
  store: Store,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const files = (await Promise.all(paths.map(listFiles))).flat();
  const run = new IngestRun(store, options.collection ?? DEFAULT_COLLECTION, limits, options);
  for (const [done, file] of files.entries()) {
    await run.ingestFile(file);
    options.onProgress?.(done + 1, files.length, file);
  }
  return run.report;
}

/**
 * Ingests bytes received another way (an upload): the same checks as a file from disk. Unlike a
 * folder of evidence, where a hostile archive is kept on record as refused beside everything
 * else, an upload holding one is refused whole (UnprocessableError, 422) and nothing of it is
 * written: the writes wait until the whole file has been read.
 */
export async function ingestUpload(
  store: Store,
  name: string,
  bytes: Uint8Array,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const run = new IngestRun(store, options.collection ?? DEFAULT_COLLECTION, limits, options);
  run.holdWrites();
  await run.ingestReceived(`upload:${name}`, name, bytes);
  const hostile = run.report.failed.filter((f) => f.hostile);
  if (hostile.length > 0)
    throw new UnprocessableError(
      `${name}: refused, nothing stored: ${hostile.map((f) => `${f.path.replace(/^upload:/, "")}: ${f.reason}`).join("; ")}`,
    );
  await run.writeHeld();
  return run.report;
}

/** The files under a path (itself when it is one), sorted so runs are repeatable. */
async function listFiles(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [target];
  if (!info.isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

type DocumentWrite = Parameters<Store["documents"]["saveDocument"]>;

class IngestRun {
  readonly report: IngestReport;
  private readonly read: DocumentReader;
  /** Writes kept back until the whole upload is read (holdWrites); by document id. */
  private held: Map<string, DocumentWrite> | undefined;

  constructor(
    private readonly store: Store,
    private readonly collection: string,
    private readonly limits: DocumentLimits,
    private readonly options: IngestOptions,
  ) {
    this.report = {
      collection,
      files: 0,
      documents: 0,
      duplicates: 0,
      failed: [],
      mentions: 0,
      linked: 0,
      relations: 0,
      ocrPages: 0,
      unreadImages: 0,
      ids: [],
    };
    this.read =
      options.reader ?? ((request) => readDocument(request, options.extract, options.ocr));
  }

  holdWrites(): void {
    this.held = new Map();
  }

  async writeHeld(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    for (const write of held?.values() ?? []) await this.store.documents.saveDocument(...write);
  }

  private async save(...write: DocumentWrite): Promise<void> {
    if (this.held) this.held.set(write[0].id, write);
    else await this.store.documents.saveDocument(...write);
  }

  async ingestFile(file: string): Promise<void> {
    this.report.files++;
    const name = path.basename(file);
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error || !info.isFile()) {
      const reason =
        info instanceof Error ? `cannot open: ${info.code ?? info.message}` : "not a file";
      this.report.failed.push({ path: file, reason });
      return;
    }
    // Refused before reading: a 2 GB file is not loaded to find out what it is.
    if (await this.refusedForSize(file, name, info.size)) return;
    await this.ingestReceived(file, name, new Uint8Array(await readFile(file)));
  }

  async ingestReceived(where: string, name: string, bytes: Uint8Array): Promise<void> {
    if (await this.refusedForSize(where, name, bytes.length)) return;
    const budget: ExpansionBudget = {
      bytes: this.limits.maxExpandedBytes,
      entries: this.limits.maxArchiveEntries,
      maxFileBytes: this.limits.maxFileBytes,
    };
    this.report.ids.push(await this.ingestBytes(where, name, bytes, undefined, 0, budget));
  }

  /** Records a top-level file over the size limit as failed; true when it was. */
  private async refusedForSize(where: string, name: string, size: number): Promise<boolean> {
    if (size <= this.limits.maxFileBytes) return false;
    const reason = `file is ${size} bytes, over the ${this.limits.maxFileBytes}-byte limit; not read`;
    this.report.ids.push(await this.saveFailed({ where, name, size, key: `size:${size}`, reason }));
    return true;
  }

  private async ingestBytes(
    where: string,
    name: string,
    bytes: Uint8Array,
    parentId: string | undefined,
    depth: number,
    budget: ExpansionBudget,
  ): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const heldCopy = this.held?.get(documentId(this.collection, sha256));
    if (heldCopy) {
      this.report.duplicates++;
      return heldCopy[0].id;
    }
    const existing = await this.store.documents.findByContent(this.collection, sha256);
    // Stored before without OCR: read again now that its scans can be read.
    const rereadWithOcr = existing && existing.unreadImages > 0 && this.options.ocr;
    if (existing && !rereadWithOcr) {
      this.report.duplicates++;
      return existing.id;
    }
    const format = detectDocumentFormat(name, bytes);
    const failed = (reason: string, hostile?: boolean): Promise<string> =>
      this.saveFailed({
        where,
        name,
        size: bytes.length,
        key: sha256,
        sha256,
        reason,
        parentId,
        hostile,
      });
    if (!format) return failed("unsupported binary format");
    const read = await this.read({
      format,
      name,
      bytes,
      budget,
      maxOcrPages: this.limits.maxOcrPages,
      maxTextChars: this.limits.maxTextChars,
    });
    if (!read.ok) return failed(read.reason, read.hostile);
    const { parsed, text, mentions, relations } = read;
    const id = documentId(this.collection, sha256);
    const document: StoredDocument = {
      id,
      collection: this.collection,
      parentId,
      path: where,
      name,
      schema: parsed.schema,
      format,
      size: bytes.length,
      sha256,
      status: "ok",
      title: parsed.title,
      author: parsed.author,
      date: parsed.date,
      sender: parsed.sender,
      recipients: parsed.recipients ?? [],
      pages: parsed.pages?.length ?? 0,
      unreadImages: parsed.unreadImages ?? 0,
      ocrPages: parsed.ocrPages ?? 0,
      text,
      ingestedAt: new Date().toISOString(),
    };
    await this.save(document, mentions, relations);
    this.report.documents++;
    this.report.relations += relations.length;
    this.report.ocrPages += document.ocrPages;
    this.report.unreadImages += document.unreadImages;
    this.report.mentions += mentions.length;
    this.report.linked += mentions.filter((m) => m.entityId).length;
    for (const refused of parsed.refused ?? []) {
      await this.saveFailed({
        where: `${where}!/${refused.name}`,
        name: path.posix.basename(refused.name),
        size: 0,
        key: `refused:${sha256}:${refused.name}`,
        reason: refused.reason,
        parentId: id,
        hostile: refused.hostile,
      });
    }
    for (const child of parsed.children ?? []) {
      const childPath = `${where}!/${child.name}`;
      if (depth + 1 > this.limits.maxDepth) {
        await this.saveFailed({
          where: childPath,
          name: path.posix.basename(child.name),
          size: child.bytes.length,
          key: `deep:${sha256}:${child.name}`,
          reason: `nested more than ${this.limits.maxDepth} levels deep; not opened`,
          parentId: id,
          hostile: true,
        });
        continue;
      }
      await this.ingestBytes(
        childPath,
        path.posix.basename(child.name),
        child.bytes,
        id,
        depth + 1,
        budget,
      );
    }
    return id;
  }

  /** Records a file that was not read; `key` keeps the record's id stable across runs. */
  private async saveFailed(failure: {
    where: string;
    name: string;
    size: number;
    key: string;
    reason: string;
    parentId?: string | undefined;
    /** Known when the bytes were read. */
    sha256?: string;
    hostile?: boolean | undefined;
  }): Promise<string> {
    const { where, name, size, reason, parentId } = failure;
    const id = documentId(this.collection, `failed:${where}:${failure.key}`);
    this.report.failed.push({ path: where, reason, ...(failure.hostile ? { hostile: true } : {}) });
    await this.save(
      {
        id,
        collection: this.collection,
        parentId,
        path: where,
        name,
        schema: "Document",
        size,
        sha256: failure.sha256 ?? "",
        status: "failed",
        error: reason,
        recipients: [],
        pages: 0,
        unreadImages: 0,
        ocrPages: 0,
        text: "",
        ingestedAt: new Date().toISOString(),
      },
      [],
    );
    return id;
  }
}

/** Stable per collection and content: re-ingesting the same bytes finds the same document. */
function documentId(collection: string, key: string): string {
  return `doc-${createHash("sha256").update(`${collection}\u0000${key}`).digest("hex").slice(0, 24)}`;
}
