/**
 * Every MONEYTRAIL_* setting in one place. CLI flags override these (see cli/main.ts); nothing
 * else reads process.env.
 */
import path from "node:path";

export interface Config {
  /** SQLite file path or postgres:// URL. */
  db: string;
  /** Folder for downloaded list files and other working data. */
  dataDir: string;
  /** Overrides of the publishers' URLs, keyed by dataset name. */
  listUrls: Record<string, string>;
  /** Air-gapped sites: look for list files here instead of downloading. */
  offlineDir: string | undefined;
  /** Largest list file accepted by `lists update`, in bytes. */
  maxDownloadBytes: number;
  /** Seconds before a download is abandoned. */
  downloadTimeoutSeconds: number;
  /** Requests per minute per API key, session or address when authentication is on. */
  rateLimitPerMinute: number;
  /** Seconds without a heartbeat before a running job's worker counts as dead and it is retried. */
  jobStaleSeconds: number;
}

const DEFAULT_DATA_DIR = "moneytrail-data";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = env.MONEYTRAIL_DATA_DIR ?? DEFAULT_DATA_DIR;
  return {
    db: env.MONEYTRAIL_DB ?? path.join(dataDir, "moneytrail.db"),
    dataDir,
    listUrls: readListUrls(env),
    offlineDir: env.MONEYTRAIL_OFFLINE_DIR || undefined,
    maxDownloadBytes: readNumber(env, "MONEYTRAIL_MAX_DOWNLOAD_BYTES", 512 * 1024 * 1024),
    downloadTimeoutSeconds: readNumber(env, "MONEYTRAIL_DOWNLOAD_TIMEOUT", 300),
    rateLimitPerMinute: readNumber(env, "MONEYTRAIL_RATE_LIMIT", 6000),
    jobStaleSeconds: readNumber(env, "MONEYTRAIL_JOB_STALE_SECONDS", 120),
  };
}

/** MONEYTRAIL_URL_UN_SC_SANCTIONS=https://… overrides the URL of dataset `un_sc_sanctions`. */
function readListUrls(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("MONEYTRAIL_URL_") && value) {
      urls[key.slice("MONEYTRAIL_URL_".length).toLowerCase()] = value;
    }
  }
  return urls;
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`config: ${name} must be a positive number, got '${raw}'`);
  }
  return value;
}

export function isPostgresUrl(db: string): boolean {
  return db.startsWith("postgres://") || db.startsWith("postgresql://");
}
