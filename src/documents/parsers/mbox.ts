/** An mbox mailbox: each message (split at its `From ` line) becomes a child e-mail. */
import type { ParsedFile } from "../types.ts";
import { decodeText } from "./text.ts";

export function parseMbox(bytes: Uint8Array, name: string): ParsedFile {
  const text = decodeText(bytes);
  const starts = [...text.matchAll(/^From .*$/gm)].map((m) => m.index);
  const encoder = new TextEncoder();
  const children = starts.map((start, i) => {
    const message = text.slice(start, starts[i + 1] ?? text.length);
    // The From_ line is mbox framing, not a header; ">From " is the quoted form of body lines.
    const body = message.replace(/^From .*\r?\n/, "").replace(/^>(>*From )/gm, "$1");
    return { name: `${name}#${i + 1}.eml`, bytes: encoder.encode(body) };
  });
  return { schema: "Folder", text: "", title: name, children };
}
