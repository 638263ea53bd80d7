/**
 * What every list reader produces: one SourceRecord per designation record in the publisher's
 * file, with the FtM entities made from it.
 */
import type { Entity } from "../model/entity.ts";

export const LIST_FORMATS = [
  "ofac-csv",
  "ofac-xml",
  "ofac-advanced-xml",
  "ofac-cons-csv",
  "un-xml",
  "eu-xml",
  "uk-xml",
  "uk-csv",
  "uk-summary",
  "csl-csv",
  "ftm",
  "csv",
  "crypto-addresses",
] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export function isListFormat(value: string): value is ListFormat {
  return (LIST_FORMATS as readonly string[]).includes(value);
}

export interface SourceRecord {
  /** The publisher's id of the designation: OFAC ent_num, UN reference number, UK unique id. */
  sourceId: string;
  /** The record as the publisher wrote it, field by field: provenance, and the basis of diffs. */
  raw: Record<string, unknown>;
  /** The entities made from it; the first is the designated party. */
  entities: Entity[];
  /** Relations the publisher states by name only ("Linked To: X"), resolved within the version. */
  links?: PendingLink[];
}

/** A relation to another designee named, not referenced, in the source. */
export interface PendingLink {
  subject: string;
  objectName: string;
  /** The publisher's wording, kept as the relation's role: "Linked To", "Vessel owner". */
  role: string;
}

/** Reports how far through its input a reader is, in bytes, for progress bars. */
export type ProgressSink = (bytesRead: number) => void;

export interface ReadOptions {
  onProgress?: ProgressSink;
  /** Column mapping for the plain `csv` format (see lists/csv/mapping.ts). */
  mapping?: Record<string, string>;
  /** The dataset being imported, for readers that name their entities after it. */
  dataset: string;
}

export interface ListReader {
  format: ListFormat;
  /** The dataset name used when the caller names none (OpenSanctions' names). */
  defaultDataset(files: string[]): string;
  /**
   * Whether a source id that comes again is another part of the same record (EU files repeat
   * an entity; crypto lists repeat an address per asset). Otherwise the importer refuses it.
   */
  mergesRepeatedRecords?: boolean;
  /** The files of one import; a reader that takes a set (OFAC CSV) finds its companions itself. */
  read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord>;
}
