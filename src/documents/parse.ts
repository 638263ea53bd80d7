/** One file's bytes through the parser its format needs. */
import { parseCsvDocument } from "./parsers/csv.ts";
import { parseDocx } from "./parsers/docx.ts";
import { parseEmail } from "./parsers/email.ts";
import { parseHtml } from "./parsers/html.ts";
import { parseImage } from "./parsers/image.ts";
import { parseJsonDocument } from "./parsers/json.ts";
import { parseMbox } from "./parsers/mbox.ts";
import { parsePdf } from "./parsers/pdf.ts";
import { parseText } from "./parsers/text.ts";
import { parseXlsx } from "./parsers/xlsx.ts";
import { parseZip, type ExpansionBudget } from "./parsers/zip.ts";
import type { OcrEngine } from "./ocr.ts";
import type { DocumentFormat, ParsedFile } from "./types.ts";

export interface ParseContext {
  /** What is left to expand of the top-level file's archives. */
  budget: ExpansionBudget;
  /** Reads scanned pages and images; without it they are counted as unread. */
  ocr?: OcrEngine | undefined;
  maxOcrPages: number;
}

export async function parseDocument(
  format: DocumentFormat,
  name: string,
  bytes: Uint8Array,
  context: ParseContext,
): Promise<ParsedFile> {
  switch (format) {
    case "text":
      return parseText(bytes);
    case "html":
      return parseHtml(bytes);
    case "pdf":
      return parsePdf(bytes, context);
    case "email":
      return parseEmail(bytes);
    case "mbox":
      return parseMbox(bytes, name);
    case "docx":
      return parseDocx(bytes);
    case "xlsx":
      return parseXlsx(bytes);
    case "csv":
      return parseCsvDocument(bytes, name);
    case "json":
      return parseJsonDocument(bytes);
    case "zip":
      return parseZip(bytes, name, context.budget);
    case "image":
      return parseImage(bytes, context.ocr);
  }
}
