/** Plain text and Markdown: decoded as UTF-8 (or UTF-16 with a BOM); Latin-1 when not UTF-8. */
import type { ParsedFile } from "../types.ts";

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Old Windows exports; windows-1252 is what "latin1" means to the WHATWG decoder.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function parseText(bytes: Uint8Array): ParsedFile {
  const text = decodeText(bytes);
  const heading = /^#\s+(.+)$/m.exec(text.slice(0, 2000));
  return { schema: "Document", text, title: heading?.[1]?.trim() };
}
