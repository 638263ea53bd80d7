/**
 * Imports list files as a new version of a dataset: reads them with the format's reader, writes
 * records and entities in one store transaction, resolves "Linked To" names within the version,
 * and activates the version only when all of it is written.
 */
import { stat } from "node:fs/promises";
import { InvalidInputError, ListFormatError } from "../errors.ts";
import { EntityBuilder } from "../model/builder.ts";
import type { Entity } from "../model/entity.ts";
import { hashId } from "../model/ids.ts";
import { hashRaw } from "../store/hash.ts";
import type { ListVersion, RecordEntity, Store, StoredRecord } from "../store/store.ts";
import { detectFormat } from "./detect.ts";
import { describeFile } from "./io/describe.ts";
import { defaultLabel } from "./labels.ts";
import { readerFor } from "./registry.ts";
import type { ListFormat, PendingLink, ProgressSink } from "./types.ts";

export interface ImportOptions {
  format?: ListFormat;
  dataset?: string;
  version?: string;
  mapping?: Record<string, string>;
  onProgress?: ProgressSink;
}

export interface ImportResult {
  version: ListVersion;
  unresolvedLinks: number;
}

const WRITE_BATCH = 1000;
const DATASET_NAME = /^[a-z][a-z0-9_]{1,63}$/;

export async function importList(
  store: Store,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  if (files.length === 0) throw new InvalidInputError("lists import: no files given");
  const format = options.format ?? (await detectOrFail(files[0]!));
  const reader = readerFor(format);
  const dataset = options.dataset ?? reader.defaultDataset(files);
  if (!DATASET_NAME.test(dataset)) {
    throw new InvalidInputError(
      `lists import: dataset name '${dataset}' must be lower-case letters, digits and _`,
    );
  }
  if (options.format) await refuseMismatch(files[0]!, options.format);
  const sourceFiles = await Promise.all(files.map(describeFile));
  const label = options.version ?? defaultLabel(files);
  let unresolvedLinks = 0;
  const version = await store.writeVersion(
    { dataset, label, format, files: sourceFiles },
    async (writer) => {
      const linker = new LinkResolver();
      let records: StoredRecord[] = [];
      let entities: RecordEntity[] = [];
      const flush = async (): Promise<void> => {
        await writer.writeRecords(records);
        await writer.writeEntities(entities);
        records = [];
        entities = [];
      };
      let count = 0;
      const seen = new Set<string>();
      for await (const record of reader.read(files, {
        dataset,
        mapping: options.mapping,
        onProgress: options.onProgress,
      })) {
        const main = record.entities[0];
        if (!main)
          throw new ListFormatError(
            format,
            { file: files[0]! },
            `record ${record.sourceId} produced no entity`,
          );
        if (seen.has(record.sourceId) && !reader.mergesRepeatedRecords) {
          throw new ListFormatError(
            format,
            { file: files[0]! },
            `record ${record.sourceId} appears twice`,
          );
        }
        seen.add(record.sourceId);
        records.push({
          sourceId: record.sourceId,
          entityId: main.id,
          hash: hashRaw(record.raw),
          raw: record.raw,
        });
        for (const entity of record.entities) entities.push({ sourceId: record.sourceId, entity });
        linker.addParty(main);
        linker.addLinks(record.links ?? [], record.sourceId);
        count++;
        if (records.length >= WRITE_BATCH) await flush();
      }
      if (count === 0) throw new ListFormatError(format, { file: files[0]! }, "no records found");
      const { resolved, unresolved } = linker.resolve();
      unresolvedLinks = unresolved;
      entities.push(...resolved);
      await flush();
    },
  );
  return { version, unresolvedLinks };
}

async function detectOrFail(file: string): Promise<ListFormat> {
  await statOrFail(file);
  const format = await detectFormat(file);
  if (!format) {
    throw new ListFormatError(
      "detect",
      { file, offset: 0 },
      "cannot tell the list format from the first bytes; pass --format",
    );
  }
  return format;
}

/** A format given by hand that plainly contradicts the file's content is a mistake worth stopping. */
async function refuseMismatch(file: string, format: ListFormat): Promise<void> {
  await statOrFail(file);
  const detected = await detectFormat(file);
  const compatible = (a: ListFormat, b: ListFormat): boolean =>
    a === b ||
    (a.startsWith("ofac-") && b.startsWith("ofac-") && a.endsWith("csv") && b.endsWith("csv"));
  if (detected && detected !== "csv" && !compatible(detected, format)) {
    throw new ListFormatError(
      format,
      { file, offset: 0 },
      `file looks like ${detected}, not ${format}`,
    );
  }
}

async function statOrFail(file: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new InvalidInputError(`lists import: ${file}: no such file`);
  if (info.size === 0) throw new ListFormatError("detect", { file, offset: 0 }, "file is empty");
}

/**
 * Turns relations stated by name ("Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.") into
 * FtM links once every party of the version is known. Names are compared case- and
 * punctuation-insensitively; a name matching several parties links none (we do not guess).
 */
class LinkResolver {
  private readonly byName = new Map<string, string | null>();
  private readonly pending: Array<PendingLink & { sourceId: string }> = [];

  addParty(entity: Entity): void {
    for (const name of [...(entity.properties.name ?? []), ...(entity.properties.alias ?? [])]) {
      const key = linkKey(name);
      const existing = this.byName.get(key);
      this.byName.set(key, existing === undefined || existing === entity.id ? entity.id : null);
    }
  }

  addLinks(links: PendingLink[], sourceId: string): void {
    for (const link of links) this.pending.push({ ...link, sourceId });
  }

  resolve(): { resolved: RecordEntity[]; unresolved: number } {
    const resolved: RecordEntity[] = [];
    let unresolved = 0;
    for (const link of this.pending) {
      const object = this.byName.get(linkKey(link.objectName));
      if (!object || object === link.subject) {
        unresolved++;
        continue;
      }
      resolved.push({ sourceId: link.sourceId, entity: linkEntity(link, object) });
    }
    return { resolved, unresolved };
  }
}

function linkKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function linkEntity(link: PendingLink, object: string): Entity {
  if (link.role === "Vessel owner") {
    return new EntityBuilder("Ownership", hashId("ownership", link.subject, object))
      .add("owner", object)
      .add("asset", link.subject)
      .add("role", link.role)
      .build();
  }
  return new EntityBuilder("UnknownLink", hashId("link", link.subject, object, link.role))
    .add("subject", link.subject)
    .add("object", object)
    .add("role", link.role)
    .build();
}
