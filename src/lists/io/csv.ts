import { parse } from "csv-parse";
import { ListFormatError } from "../../errors.ts";
import type { ProgressSink } from "../types.ts";
import { openListFile } from "./input.ts";

export interface CsvRow {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export interface CsvOptions {
  format: string;
  encoding?: "utf8" | "latin1";
  /** Every record must have this many fields (catches truncated and garbled rows). */
  columns?: number;
  onProgress?: ProgressSink;
  /** Characters such as OFAC's trailing \x1a that mark the end, not a record. */
  skipLine?: (fields: string[]) => boolean;
  delimiter?: string;
}

/** Streams CSV records with their line numbers; a parse error names the file and line. */
export async function* readCsv(file: string, options: CsvOptions): AsyncGenerator<CsvRow> {
  const input = await openListFile(file, options.format, options.onProgress);
  const parser = input.pipe(
    parse({
      encoding: options.encoding ?? "utf8",
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      delimiter: options.delimiter ?? ",",
    }),
  );
  input.on("error", (error) => parser.destroy(error));
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const fields = item.record;
      const line = item.info.lines;
      if (isBlank(fields) || options.skipLine?.(fields)) continue;
      if (options.columns !== undefined && fields.length !== options.columns) {
        throw new ListFormatError(
          options.format,
          { file, line },
          `expected ${options.columns} fields, found ${fields.length} (truncated or not this format?)`,
        );
      }
      yield { fields, line };
    }
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    const err = error as Error & { lines?: number; code?: string };
    throw new ListFormatError(
      options.format,
      { file, line: err.lines },
      cleanCsvMessage(err.message),
    );
  }
}

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === "" || field === "\x1a");
}

function cleanCsvMessage(message: string): string {
  return message.replace(/^Invalid Opening Quote: /, "").replace(/\s+/g, " ");
}

/** Reads a CSV with a header line into objects keyed by header name. */
export async function* readCsvObjects(
  file: string,
  options: CsvOptions & { headerLine?: (fields: string[]) => boolean },
): AsyncGenerator<{ row: Record<string, string>; line: number; header: string[] }> {
  let header: string[] | undefined;
  for await (const { fields, line } of readCsv(file, options)) {
    if (!header) {
      if (options.headerLine && !options.headerLine(fields)) continue;
      header = fields.map((name) => name.trim());
      continue;
    }
    if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== "")) {
      throw new ListFormatError(
        options.format,
        { file, line },
        `row has ${fields.length} fields, header has ${header.length}`,
      );
    }
    const row: Record<string, string> = {};
    header.forEach((name, index) => {
      row[name] = (fields[index] ?? "").trim();
    });
    yield { row, line, header };
  }
  if (!header) throw new ListFormatError(options.format, { file }, "no header line found");
}
