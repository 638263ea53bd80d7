import path from "node:path";

/**
 * A version label when the caller gives none: the date in the file name (`sdn_2024-05-03.csv` →
 * `2024-05-03`), else the import time, which is unique and sorts.
 */
export function defaultLabel(files: string[], now: Date = new Date()): string {
  for (const file of files) {
    const match = /(\d{4}-\d{2}-\d{2})/.exec(path.basename(file));
    if (match) return match[1]!;
  }
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}
