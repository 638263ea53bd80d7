/**
 * Downloads one list file to disk with a size limit and a timeout, writing to a temporary name
 * first so that a broken download never looks like a file.
 */
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FetchError } from "../../errors.ts";

export interface DownloadLimits {
  maxBytes: number;
  timeoutSeconds: number;
}

export async function downloadFile(
  url: string,
  target: string,
  limits: DownloadLimits,
): Promise<number> {
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutSeconds * 1000),
      redirect: "follow",
    });
  } catch (error) {
    throw new FetchError(`download ${url}: ${(error as Error).message}`);
  }
  if (!response.ok || !response.body) {
    throw new FetchError(`download ${url}: HTTP ${response.status} ${response.statusText}`);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limits.maxBytes) {
    throw new FetchError(
      `download ${url}: ${declared} bytes is over the limit of ${limits.maxBytes}`,
    );
  }
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes)
        callback(new FetchError(`download ${url}: over the limit of ${limits.maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as never), limiter, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof FetchError) throw error;
    throw new FetchError(`download ${url}: ${(error as Error).message}`);
  }
  if (bytes === 0) {
    await rm(partial, { force: true });
    throw new FetchError(`download ${url}: empty response`);
  }
  await rename(partial, target);
  return bytes;
}
