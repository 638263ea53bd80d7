/** Spreadsheets (.xlsx): every sheet as rows of tab-separated cells under its name. */
import ExcelJS from "exceljs";
import { DocumentParseError, type ParsedFile } from "../types.ts";

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never).catch((error: Error) => {
    throw new DocumentParseError(`not a readable spreadsheet: ${error.message}`);
  });
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[] = [];
    sheet.eachRow((row) => {
      const cells = (row.values as unknown[]).slice(1).map(cellText);
      rows.push(cells.join("\t"));
    });
    parts.push(`## ${sheet.name}\n${rows.join("\n")}`);
  });
  return {
    schema: "Table",
    text: parts.join("\n\n"),
    title: workbook.title || undefined,
    author: workbook.creator || undefined,
    date: workbook.created?.toISOString(),
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  const cell = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
  if (cell.richText) return cell.richText.map((r) => r.text).join("");
  if (cell.text !== undefined) return String(cell.text);
  if (cell.result !== undefined) return cellText(cell.result);
  return "";
}
