import { createHash } from "node:crypto";

/** Content hash of a raw source record: equal hashes mean the publisher changed nothing. */
export function hashRaw(raw: Record<string, unknown>): string {
  return createHash("sha1").update(JSON.stringify(raw)).digest("hex");
}

/** Two parts of one source record (an entity the file lists twice) kept side by side. */
export function mergeRaw(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): Record<string, unknown> {
  const parts =
    Array.isArray(a.parts) && Object.keys(a).length === 1 ? (a.parts as unknown[]) : [a];
  return { parts: [...parts, b] };
}
