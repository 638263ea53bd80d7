/**
 * API keys and session tokens: random secrets shown once, stored only as their SHA-256. They carry
 * 256 bits of entropy, so a fast hash is enough (a slow one would only slow every request).
 */
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "mtk_";

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A short, non-secret handle to tell keys apart in listings: the start of the key. */
export function keyHint(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
