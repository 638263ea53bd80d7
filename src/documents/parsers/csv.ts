/** CSV and TSV files as tables: rows of tab-separated cells. */
import { parse } from "csv-parse/sync";
import { DocumentParseError, type ParsedFile } from "../types.ts";
import { decodeText } from "./text.ts";

export function parseCsvDocument(bytes: Uint8Array, name: string): ParsedFile {
  const text = decodeText(bytes);
  try {
    const rows = parse(text, {
      delimiter: name.toLowerCase().endsWith(".tsv") ? "\t" : [",", ";", "\t"],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
    return { schema: "Table", text: rows.map((row) => row.join("\t")).join("\n") };
  } catch (error) {
    throw new DocumentParseError(`not a readable CSV: ${(error as Error).message}`);
  }
}
