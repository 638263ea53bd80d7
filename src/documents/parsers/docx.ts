/** Word documents (.docx): the text of the body, paragraphs on their own lines. */
import mammoth from "mammoth";
import { DocumentParseError, type ParsedFile } from "../types.ts";

export async function parseDocx(bytes: Uint8Array): Promise<ParsedFile> {
  const result = await mammoth
    .extractRawText({ buffer: Buffer.from(bytes) })
    .catch((error: Error) => {
      throw new DocumentParseError(`not a readable Word document: ${error.message}`);
    });
  const text = result.value.replace(/\n{3,}/g, "\n\n").trim();
  return { schema: "Document", text, title: text.split("\n", 1)[0]?.slice(0, 200) || undefined };
}
