/**
 * The backends every store test runs against: a fresh SQLite file always, and PostgreSQL when
 * MONEYTRAIL_TEST_POSTGRES names a server (CI starts one). Each PostgreSQL test gets its own
 * database so tests never see each other's rows.
 */
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";

export interface Backend {
  name: "sqlite" | "postgres";
  /** A fresh, empty store location (a file path or a postgres:// URL). */
  freshLocation(): Promise<string>;
}

let counter = 0;

const sqlite: Backend = {
  name: "sqlite",
  freshLocation: async () =>
    path.join(mkdtempSync(path.join(os.tmpdir(), "moneytrail-test-")), "store.db"),
};

function postgres(baseUrl: string): Backend {
  return {
    name: "postgres",
    async freshLocation() {
      const name = `mt_test_${process.pid}_${Date.now()}_${counter++}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

export function backends(): Backend[] {
  const url = process.env.MONEYTRAIL_TEST_POSTGRES;
  if (!url && process.env.CI === "true") throw new Error("CI must set MONEYTRAIL_TEST_POSTGRES");
  if (!url) console.log("# PostgreSQL store tests skipped: MONEYTRAIL_TEST_POSTGRES is not set");
  return url ? [sqlite, postgres(url)] : [sqlite];
}

export async function freshStore(backend: Backend): Promise<{ store: Store; location: string }> {
  const location = await backend.freshLocation();
  return { store: await openStore(location), location };
}
