/**
 * What one file says: its bytes parsed by their format, the text cut to the limit, mentions and
 * relations extracted. The one code path for reading, whether it runs in this thread (the CLI,
 * OCR uploads) or on a reader thread (server uploads, reader/pool.ts); no store, no network.
 */
import { extractMentions, type ExtractOptions } from "./extract/extract.ts";
import { extractRelations } from "./extract/relations.ts";
import type { OcrEngine } from "./ocr.ts";
import { parseDocument } from "./parse.ts";
import type { ExpansionBudget } from "./parsers/zip.ts";
import {
  DocumentParseError,
  type DocumentFormat,
  type Mention,
  type ParsedFile,
  type Relation,
} from "./types.ts";

export interface ReadRequest {
  format: DocumentFormat;
  name: string;
  bytes: Uint8Array;
  /** What is left to expand of the top-level file's archives; spent by this read. */
  budget: ExpansionBudget;
  maxOcrPages: number;
  maxTextChars: number;
}

/** A file read, or why not: an unreadable file is an expected outcome, recorded and skipped. */
export type ReadResult =
  | { ok: true; parsed: ParsedFile; text: string; mentions: Mention[]; relations: Relation[] }
  | { ok: false; reason: string; hostile: boolean };

/** Reads one file; `reader/pool.ts` runs the same function on another thread. */
export type DocumentReader = (request: ReadRequest) => Promise<ReadResult>;

/**
 * Reads in this thread.
 *
 * @example
 * const read = await readDocument(request, { gazetteer }, undefined);
 * if (read.ok) console.log(read.mentions.length);
 */
export async function readDocument(
  request: ReadRequest,
  extract: ExtractOptions = {},
  ocr?: OcrEngine,
): Promise<ReadResult> {
  const { format, name, bytes } = request;
  let parsed: ParsedFile;
  try {
    parsed = await parseDocument(format, name, bytes, {
      budget: request.budget,
      ocr,
      maxOcrPages: request.maxOcrPages,
    });
  } catch (error) {
    if (error instanceof DocumentParseError)
      return { ok: false, reason: error.message, hostile: error.hostile };
    return {
      ok: false,
      reason: `cannot be read as ${format}: ${(error as Error).message}`,
      hostile: false,
    };
  }
  let text = parsed.text;
  if (text.length > request.maxTextChars) {
    text = `${text.slice(0, request.maxTextChars)}\n[… text cut at ${request.maxTextChars} characters]`;
  }
  const mentions = text ? await extractMentions(text, extract) : [];
  const relations = extractRelations(text, mentions);
  return { ok: true, parsed, text, mentions, relations };
}
