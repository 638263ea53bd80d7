/**
 * Access to ../shared (real list snapshots and other public data kept beside the repo). Tests
 * that need it skip with a notice when it is absent, and fail instead when
 * MONEYTRAIL_REQUIRE_SHARED=1 (as CI sets it).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestContext } from "node:test";

export const SHARED_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../shared",
);

export function sharedFile(relative: string): string {
  return path.join(SHARED_DIR, relative);
}

/** The path if present; otherwise skips the test (or fails it when shared data is required). */
export function needShared(t: TestContext, relative: string): string | undefined {
  const file = sharedFile(relative);
  if (existsSync(file)) return file;
  const message = `needs ../shared/${relative}, which is absent`;
  if (process.env.MONEYTRAIL_REQUIRE_SHARED === "1") throw new Error(message);
  console.log(`# skipped: ${message}`);
  t.skip(message);
  return undefined;
}

export const LISTS = {
  un: "data/lists/un/UN_consolidated_2026-02-27.xml",
  sdn0502: "data/lists/ofac-sdn-csv-snapshots/sdn_2024-05-02.csv",
  sdn0503: "data/lists/ofac-sdn-csv-snapshots/sdn_2024-05-03.csv",
} as const;

/** OFAC's alias file of 2025-08, which joins the 2024 SDN records by entity number. */
export const OFAC_ALT = "data/lists/ofac-alt-2025-08/alt.csv";
