import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import type { SourceFile } from "../../store/store.ts";

/** Name, size and SHA-256 of a source file: kept with each version, and compared by updates. */
export async function describeFile(file: string): Promise<SourceFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { name: path.basename(file), bytes, sha256: hash.digest("hex") };
}
