/**
 * PDF text layer per page, with title, author and dates from the document information. An
 * encrypted PDF is refused with that reason; image-only pages come out empty (OCR is separate).
 */
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { DocumentParseError, type ParsedFile } from "../types.ts";

export async function parsePdf(bytes: Uint8Array): Promise<ParsedFile> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes)).catch((error: Error) => {
    if (error.name === "PasswordException")
      throw new DocumentParseError("encrypted PDF: a password is needed to read it");
    throw new DocumentParseError(`not a readable PDF: ${error.message}`);
  });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    const field = (key: string): string | undefined => {
      const value = (info as Record<string, unknown>)[key];
      return typeof value === "string" && value.trim() ? value.trim() : undefined;
    };
    const pages = text.map((page) => page.trim());
    return {
      schema: "Pages",
      text: pages.join("\n\n"),
      pages,
      title: field("Title"),
      author: field("Author"),
      date: pdfDate(field("CreationDate")),
    };
  } finally {
    await pdf.destroy();
  }
}

/** `D:20170304120000+09'00'` → `2017-03-04`. */
function pdfDate(value: string | undefined): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value ?? "");
  if (!m) return undefined;
  return [m[1], m[2] ?? "01", m[3] ?? "01"].join("-");
}
