/**
 * Rows of the first sheet of an OpenDocument spreadsheet. No maintained npm reader handles ODS
 * without pulling in a whole office suite, and the format is a zip holding one XML file, so this
 * reads it with fflate and saxes. Expansion is bounded: the zip bomb guard is the uncompressed
 * size, and repeated empty cells and rows are not materialised.
 */
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { ListFormatError } from "../../errors.ts";

const MAX_CONTENT_BYTES = 256 * 1024 * 1024;
const MAX_REPEAT = 1024;

export interface OdsOptions {
  format: string;
  headerLine: (cells: string[]) => boolean;
}

export async function* readOdsRows(
  file: string,
  options: OdsOptions,
): AsyncGenerator<{ row: Record<string, string>; line: number; header: string[] }> {
  const rows = parseOds(file, await readFile(file), options.format);
  let header: string[] | undefined;
  for (const [index, cells] of rows.entries()) {
    if (!header) {
      if (options.headerLine(cells)) header = cells.map((c) => c.trim());
      continue;
    }
    if (cells.every((c) => c.trim() === "")) continue;
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name) row[name] = (cells[i] ?? "").trim();
    });
    yield { row, line: index + 1, header };
  }
  if (!header)
    throw new ListFormatError(options.format, { file }, "no header row found in the spreadsheet");
}

function parseOds(file: string, data: Buffer, format: string): string[][] {
  let content: Uint8Array | undefined;
  try {
    const entries = unzipSync(data, {
      filter: (entry) => {
        if (entry.name !== "content.xml") return false;
        if (entry.originalSize > MAX_CONTENT_BYTES) {
          throw new ListFormatError(
            format,
            { file },
            `content.xml expands to ${entry.originalSize} bytes, over the limit`,
          );
        }
        return true;
      },
    });
    content = entries["content.xml"];
  } catch (error) {
    if (error instanceof ListFormatError) throw error;
    throw new ListFormatError(
      format,
      { file },
      `not a readable ODS (zip) file: ${(error as Error).message}`,
    );
  }
  if (!content) throw new ListFormatError(format, { file }, "no content.xml in the ODS file");
  return sheetRows(file, Buffer.from(content).toString("utf8"), format);
}

function sheetRows(file: string, xml: string, format: string): string[][] {
  const parser = new SaxesParser({ position: true });
  const rows: string[][] = [];
  let tables = 0;
  let row: string[] | undefined;
  let rowRepeat = 1;
  let cell: string | undefined;
  let cellRepeat = 1;
  let paragraphs = 0;
  parser.on("opentag", (tag) => {
    if (tag.name === "table:table") tables++;
    if (tables !== 1) return;
    if (tag.name === "table:table-row") {
      row = [];
      rowRepeat = Number(tag.attributes["table:number-rows-repeated"] ?? 1);
    } else if (tag.name === "table:table-cell" || tag.name === "table:covered-table-cell") {
      cell = "";
      paragraphs = 0;
      cellRepeat = Number(tag.attributes["table:number-columns-repeated"] ?? 1);
    } else if (tag.name === "text:p" && cell !== undefined) {
      if (paragraphs++ > 0) cell += "\n";
    } else if (tag.name === "text:s" && cell !== undefined) {
      cell += " ".repeat(Number(tag.attributes["text:c"] ?? 1));
    }
  });
  parser.on("text", (text) => {
    if (cell !== undefined && tables === 1) cell += text;
  });
  parser.on("closetag", (tag) => {
    if (tables !== 1) return;
    if (
      (tag.name === "table:table-cell" || tag.name === "table:covered-table-cell") &&
      row &&
      cell !== undefined
    ) {
      const copies = cell === "" ? Math.min(cellRepeat, MAX_REPEAT) : cellRepeat;
      for (let i = 0; i < copies; i++) row.push(cell);
      cell = undefined;
    } else if (tag.name === "table:table-row" && row) {
      while (row.length > 0 && row.at(-1) === "") row.pop();
      const copies = row.length === 0 ? 1 : Math.min(rowRepeat, MAX_REPEAT);
      for (let i = 0; i < copies; i++) rows.push(row);
      row = undefined;
    } else if (tag.name === "table:table") {
      tables++;
    }
  });
  parser.on("error", (error) => {
    throw new ListFormatError(format, { file, line: parser.line }, `content.xml: ${error.message}`);
  });
  parser.write(xml).close();
  return rows;
}
