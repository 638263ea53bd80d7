/**
 * The one split every labelled item of eval:screening goes through: a hash of the item's
 * real-world identity (a curated row's `identity`, a listed record's id or truth cluster) puts it
 * in the tune half or the report half, 50/50. All items about one identity land in one half, so
 * a rule tuned on the tune half cannot have seen the report half's people or bodies.
 */
import { createHash } from "node:crypto";

export type Half = "tune" | "report";

export const HALVES: readonly Half[] = ["tune", "report"];

export function halfOf(identity: string): Half {
  return createHash("sha1").update(identity).digest()[0]! < 128 ? "tune" : "report";
}
