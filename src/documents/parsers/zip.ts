/**
 * ZIP archives: members become child files. Bounded against hostile archives: member count,
 * bytes expanded (counted as they inflate, not as the header claims), and unsafe member names
 * (absolute paths, `..`) are refused with a reason each.
 */
import yauzl, { type Entry, type ZipFile } from "yauzl";
import {
  DocumentParseError,
  type ChildFile,
  type ParsedFile,
  type RefusedMember,
} from "../types.ts";

/** What is left to expand for one top-level file, shared by every archive nested in it. */
export interface ExpansionBudget {
  bytes: number;
  entries: number;
  maxFileBytes: number;
}

export async function parseZip(
  bytes: Uint8Array,
  name: string,
  budget: ExpansionBudget,
): Promise<ParsedFile> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes),
      // Names are checked here (decodeStrings off), so one bad member is refused, not the archive.
      { lazyEntries: true, validateEntrySizes: true, decodeStrings: false },
      (error, file) => (error ? reject(error) : resolve(file)),
    ),
  ).catch((error: Error) => {
    throw new DocumentParseError(`not a readable ZIP archive: ${error.message}`);
  });
  const children: ChildFile[] = [];
  const refused: RefusedMember[] = [];
  const listing: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", resolve);
      zip.on("entry", (entry: Entry) => {
        void readEntry(zip, entry, budget, { children, refused, listing }).then(
          () => zip.readEntry(),
          reject,
        );
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    throw new DocumentParseError(`${name}: broken ZIP archive: ${(error as Error).message}`);
  } finally {
    zip.close();
  }
  return { schema: "Folder", text: listing.join("\n"), title: name, children, refused };
}

/** Expansion ratio past which an oversized member counts as a zip bomb, not a large file. */
const BOMB_RATIO = 100;

async function readEntry(
  zip: ZipFile,
  entry: Entry,
  budget: ExpansionBudget,
  out: { children: ChildFile[]; refused: RefusedMember[]; listing: string[] },
): Promise<void> {
  const name = Buffer.isBuffer(entry.fileName)
    ? (entry.fileName as Buffer).toString("utf8")
    : entry.fileName;
  if (name.endsWith("/")) return;
  out.listing.push(name);
  if (budget.entries <= 0) {
    throw new DocumentParseError(
      "archive has too many members (limit reached); refusing the rest",
      { hostile: true },
    );
  }
  budget.entries--;
  if (isUnsafePath(name)) {
    out.refused.push({
      name,
      reason: "unsafe member path (absolute or leaving the archive)",
      hostile: true,
    });
    return;
  }
  if (entry.uncompressedSize > budget.maxFileBytes) {
    // A big file in an archive is just big; one squeezed a hundredfold or more was made to burst.
    const bomb = entry.uncompressedSize / Math.max(1, entry.compressedSize) > BOMB_RATIO;
    out.refused.push({
      name,
      reason: `member expands to ${entry.uncompressedSize} bytes, over the ${budget.maxFileBytes}-byte limit${bomb ? ": a zip bomb?" : ""}`,
      hostile: bomb,
    });
    return;
  }
  if (entry.uncompressedSize > budget.bytes) {
    throw new DocumentParseError(
      `archive expands beyond the limit (${name} needs ${entry.uncompressedSize} bytes more): a zip bomb?`,
      { hostile: true },
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))),
  );
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Headers can lie; count what actually inflates.
    if (size > budget.bytes || size > budget.maxFileBytes) {
      throw new DocumentParseError(`archive member ${name} expands beyond the limit: a zip bomb?`, {
        hostile: true,
      });
    }
    chunks.push(chunk);
  }
  budget.bytes -= size;
  out.children.push({ name, bytes: new Uint8Array(Buffer.concat(chunks)) });
}

function isUnsafePath(name: string): boolean {
  const normal = name.replace(/\\/g, "/");
  return normal.startsWith("/") || /^[a-z]:/i.test(normal) || normal.split("/").includes("..");
}
