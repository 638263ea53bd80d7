/**
 * JSON and JSON lines: every string and number with the path of keys that leads to it, so
 * `"beneficiary": {"name": "Korea Kwangson"}` reads as `beneficiary.name: Korea Kwangson`.
 * Walked without recursion: deeply nested input cannot exhaust the stack.
 */
import { DocumentParseError, type ParsedFile } from "../types.ts";
import { decodeText } from "./text.ts";

export function parseJsonDocument(bytes: Uint8Array): ParsedFile {
  const text = decodeText(bytes).replace(/^\uFEFF/, "");
  let values: unknown[];
  try {
    values = [JSON.parse(text)];
  } catch {
    try {
      values = text
        .split(/\r?\n/)
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line) as unknown);
    } catch (error) {
      throw new DocumentParseError(`not valid JSON: ${(error as Error).message}`);
    }
  }
  const lines: string[] = [];
  const stack: Array<[string, unknown]> = values.map((v) => ["", v] as [string, unknown]).reverse();
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (value === null || value === undefined) continue;
    if (typeof value !== "object") {
      lines.push(path ? `${path}: ${String(value)}` : String(value));
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((v) => [path, v] as [string, unknown])
      : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v] as [string, unknown]);
    for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i]!);
  }
  return { schema: "Document", text: lines.join("\n") };
}
