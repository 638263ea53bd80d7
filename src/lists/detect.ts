/**
 * Tells a list file's format from its first bytes (and, for OFAC's CSV set, its name): the root
 * element of XML, the header line of CSV, the first character of JSON.
 */
import { open } from "node:fs/promises";
import path from "node:path";
import type { ListFormat } from "./types.ts";

const SNIFF_BYTES = 64 * 1024;

const XML_ROOTS: Record<string, ListFormat> = {
  sdnList: "ofac-xml",
  Sanctions: "ofac-advanced-xml",
  CONSOLIDATED_LIST: "un-xml",
  export: "eu-xml",
  Designations: "uk-xml",
};

export async function detectFormat(file: string): Promise<ListFormat | undefined> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return detectFromBytes(path.basename(file), buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function detectFromBytes(name: string, head: Buffer): ListFormat | undefined {
  if (head.length === 0) return undefined;
  if (head.subarray(0, 4).toString("latin1") === "PK\x03\x04") {
    const isOds =
      head.includes("application/vnd.oasis.opendocument.spreadsheet") ||
      name.toLowerCase().endsWith(".ods");
    return isOds ? "uk-summary" : undefined;
  }
  const text = head
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart();
  if (text.startsWith("<")) {
    const root = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(
      text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ""),
    );
    return root ? XML_ROOTS[root[2]!] : undefined;
  }
  if (text.startsWith("{")) return "ftm";
  if (text.startsWith("[")) return "crypto-addresses";
  const lines = text.split(/\r?\n/, 5);
  const first = lines[0] ?? "";
  if (/^\d+,/.test(first))
    return name.toLowerCase().startsWith("cons_") ? "ofac-cons-csv" : "ofac-csv";
  if (first.startsWith("_id,source,entity_number")) return "csl-csv";
  if (/^"?Unique ID"?,"?OFSI Group ID"?,"?Name"?,/i.test(first)) return "uk-summary";
  if (/^"?(Last Updated|Report Date)/i.test(first) || lines.some((l) => /(^|,)"?Name 6"?,/.test(l)))
    return "uk-csv";
  const nonEmpty = lines.filter((l) => l.trim() !== "");
  if (nonEmpty.length > 0 && nonEmpty.every((l) => /^[A-Za-z0-9:]{25,120}$/.test(l.trim()))) {
    return "crypto-addresses";
  }
  if (/(^|,)"?(name|full_name|entity_name)"?(,|$)/i.test(first)) return "csv";
  return undefined;
}
