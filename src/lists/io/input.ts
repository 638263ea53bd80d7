import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Transform } from "node:stream";
import type { Readable } from "node:stream";
import { ListFormatError } from "../../errors.ts";
import type { ProgressSink } from "../types.ts";

/**
 * Opens a list file for streaming, counting bytes for progress; an empty file is refused here so
 * every format reports it the same way.
 */
export async function openListFile(
  file: string,
  format: string,
  onProgress?: ProgressSink,
): Promise<Readable> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ListFormatError(format, { file }, `cannot open: ${error.code ?? error.message}`);
  });
  if (!info.isFile()) throw new ListFormatError(format, { file }, "not a regular file");
  if (info.size === 0) throw new ListFormatError(format, { file, offset: 0 }, "file is empty");
  const stream = createReadStream(file);
  if (!onProgress) return stream;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      onProgress(bytes);
      callback(null, chunk);
    },
  });
  stream.on("error", (error) => counter.destroy(error));
  return stream.pipe(counter);
}
