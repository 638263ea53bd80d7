/**
 * The readers take files (XLSX needs random access, ledger formats are sniffed from the name):
 * a job's uploaded bytes go to a private folder for the length of the work, named as uploaded
 * (made safe) so error messages name the user's file and not the folder.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export function safeFileName(name: string, defaultExtension: string): string {
  const safe = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, "_") || "upload";
  return /\.[a-z0-9]{2,5}$/i.test(safe) ? safe : `${safe}${defaultExtension}`;
}

export async function withUploadedFile<T>(
  bytes: Buffer,
  name: string,
  work: (file: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "moneytrail-job-"));
  const file = path.join(dir, name);
  try {
    await writeFile(file, bytes);
    return await work(file);
  } catch (error) {
    if (error instanceof Error) error.message = error.message.replaceAll(file, name);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
