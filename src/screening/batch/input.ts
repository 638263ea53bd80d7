/**
 * Customer files for batch screening: CSV or XLSX with columns `id,name` and optionally
 * `schema,birth_date,country,identifier`, streamed row by row with the line (or sheet row) each
 * came from.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { InvalidInputError } from "../../errors.ts";
import { readCsvObjects } from "../../lists/io/csv.ts";
import type { ProgressSink } from "../../lists/types.ts";
import type { UploadInput } from "./upload-types.ts";

/** One customer row (the type is shared with the web client, hence kept in upload-types.ts). */
export type ScreenRow = UploadInput;

const COLUMNS = ["id", "name", "schema", "birth_date", "country", "identifier"] as const;

export async function* readScreenInput(
  file: string,
  onProgress?: ProgressSink,
): AsyncGenerator<ScreenRow> {
  const rows = file.toLowerCase().endsWith(".xlsx")
    ? readXlsx(file)
    : readCsvRows(file, onProgress);
  const seen = new Set<string>();
  for await (const { row, line } of rows) {
    const id = row.id?.trim();
    if (!id) throw new InvalidInputError(`screen: ${file}: line ${line}: empty id`);
    if (seen.has(id))
      throw new InvalidInputError(`screen: ${file}: line ${line}: id '${id}' appears twice`);
    seen.add(id);
    const out: ScreenRow = { id, line };
    for (const column of COLUMNS)
      if (column !== "id" && row[column]?.trim()) out[column] = row[column]!.trim();
    yield out;
  }
}

async function* readCsvRows(
  file: string,
  onProgress?: ProgressSink,
): AsyncGenerator<{ row: Record<string, string>; line: number }> {
  let checked = false;
  for await (const { row, line, header } of readCsvObjects(file, {
    format: "screen",
    onProgress,
  })) {
    if (!checked) {
      checkHeader(file, header);
      checked = true;
    }
    yield { row: lowerKeys(row), line };
  }
}

function lowerKeys(row: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v]));
}

function checkHeader(file: string, header: string[]): void {
  const names = header.map((h) => h.trim().toLowerCase());
  for (const required of ["id", "name"]) {
    if (!names.includes(required)) {
      throw new InvalidInputError(
        `screen: ${path.basename(file)}: no '${required}' column (columns: ${COLUMNS.join(", ")})`,
      );
    }
  }
}

async function* readXlsx(
  file: string,
): AsyncGenerator<{ row: Record<string, string>; line: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    worksheets: "emit",
  });
  let header: string[] | undefined;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (!header) {
        header = values.map((v) => v.trim().toLowerCase());
        checkHeader(file, header);
        continue;
      }
      if (values.every((v) => v.trim() === "")) continue;
      const record: Record<string, string> = {};
      header.forEach((name, i) => (record[name] = values[i] ?? ""));
      yield { row: record, line: row.number };
    }
    break;
  }
  if (!header) throw new InvalidInputError(`screen: ${file}: the first sheet is empty`);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: string; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}
