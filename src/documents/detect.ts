/** Which parser a file needs, from its first bytes and then its name. */
import type { DocumentFormat } from "./types.ts";

const EXTENSIONS: Record<string, DocumentFormat> = {
  txt: "text",
  md: "text",
  markdown: "text",
  log: "text",
  html: "html",
  htm: "html",
  pdf: "pdf",
  eml: "email",
  msg: "email",
  mbox: "mbox",
  docx: "docx",
  xlsx: "xlsx",
  csv: "csv",
  tsv: "csv",
  json: "json",
  jsonl: "json",
  ndjson: "json",
  zip: "zip",
};

/** Leading bytes of the image formats Tesseract reads. */
const IMAGE_SIGNATURES: Array<[string, number]> = [
  ["\x89PNG\r\n\x1a\n", 0],
  ["\xff\xd8\xff", 0],
  ["II*\x00", 0],
  ["MM\x00*", 0],
  ["GIF87a", 0],
  ["GIF89a", 0],
  ["WEBP", 8],
];

/** undefined: a binary format we do not read. */
export function detectDocumentFormat(name: string, bytes: Uint8Array): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.startsWith("%PDF-")) return "pdf";
  if (IMAGE_SIGNATURES.some(([signature, at]) => head.startsWith(signature, at))) return "image";
  // "BM" alone also starts words: a bitmap is binary too.
  if (head.startsWith("BM") && looksBinary(bytes)) return "image";
  if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06")) {
    if (extension === "docx" || extension === "xlsx") return extension;
    if (head.includes("word/")) return "docx";
    if (head.includes("xl/")) return "xlsx";
    return "zip";
  }
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  if (looksBinary(bytes)) return undefined;
  const start = head.trimStart();
  if (/^From \S+/.test(start) && /\n(From|Subject|Date|Message-ID):/i.test(head)) return "mbox";
  if (/^(Return-Path|Received|From|Message-ID|MIME-Version|Delivered-To):/i.test(start))
    return "email";
  if (/^<(!doctype html|html|head|body)/i.test(start)) return "html";
  if (/^[{[]/.test(start)) return "json";
  return "text";
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample[0] === 0xff && sample[1] === 0xfe) return false;
  if (sample[0] === 0xfe && sample[1] === 0xff) return false;
  return sample.includes(0);
}
