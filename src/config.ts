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
  /**
   * Host names a server without sign-in answers besides localhost, 127.x and [::1]
   * (MONEYTRAIL_ALLOWED_HOSTS, comma-separated); any other `Host` is refused (DNS rebinding).
   */
  allowedHosts: string[];
  /**
   * MONEYTRAIL_AUDIT=off: record nothing in the audit log. Only for measuring what the log costs
   * (`npm run bench:server`); a server with authentication refuses to start with it.
   */
  audit: boolean;
  /**
   * MONEYTRAIL_AUDIT_KEY: a file with the Ed25519 private key that signs audit checkpoints
   * (`audit keygen` makes one); kept outside the database, so a database writer cannot forge them.
   */
  auditKeyFile: string | undefined;
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
    allowedHosts: (env.MONEYTRAIL_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim())
      .filter((host) => host !== ""),
    audit: readOnOff(env, "MONEYTRAIL_AUDIT", true),
    auditKeyFile: env.MONEYTRAIL_AUDIT_KEY || undefined,
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

function readOnOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`config: ${name} must be on or off, got '${raw}'`);
}

/**
 * Switching the audit log off is for measuring its cost on one's own machine, never where people
 * sign in: a server with authentication refuses MONEYTRAIL_AUDIT=off.
 */
export function checkAuditSwitch(config: Config, authRequired: boolean): void {
  if (!config.audit && authRequired)
    throw new Error(
      "config: MONEYTRAIL_AUDIT=off is only for a server without authentication (--auth off, on loopback)",
    );
}

export function isPostgresUrl(db: string): boolean {
  return db.startsWith("postgres://") || db.startsWith("postgresql://");
}
