import { createHash } from "node:crypto";

/**
 * Stable entity ids: a dataset prefix and the publisher's record id, made safe for URLs
 * (`ofac-36`, `unsc-kpi.033`). The same source record always gets the same id, which is what
 * makes list versions comparable.
 */
export function makeId(prefix: string, ...parts: string[]): string {
  const slug = parts
    .map((part) =>
      part
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9.]+/g, "-"),
    )
    .filter((part) => part.length > 0)
    .join("-");
  return `${prefix}-${slug.replace(/^-+|-+$/g, "")}`;
}

/** An id for derived entities (sanctions, links) from their parts, short and deterministic. */
export function hashId(prefix: string, ...parts: string[]): string {
  const digest = createHash("sha1").update(parts.join("\u0000")).digest("hex");
  return `${prefix}-${digest.slice(0, 16)}`;
}
