/** HTML pages: visible text (scripts, styles and markup dropped), the title kept. */
import { convert } from "html-to-text";
import type { ParsedFile } from "../types.ts";
import { decodeText } from "./text.ts";

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
    ],
  });
}

export function parseHtml(bytes: Uint8Array): ParsedFile {
  const html = decodeText(bytes);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  return { schema: "Document", text: htmlToText(html), title: title || undefined };
}
