import { loadConfig, type Config } from "../config.ts";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";

export interface GlobalOptions {
  db?: string;
}

/** Settings from the environment with the command line's --db on top. */
export function resolveConfig(options: GlobalOptions): Config {
  const config = loadConfig();
  return options.db ? { ...config, db: options.db } : config;
}

/** Opens the store for one command and closes it whatever happens. */
export async function withStore<T>(
  options: GlobalOptions,
  work: (store: Store, config: Config) => Promise<T>,
): Promise<T> {
  const config = resolveConfig(options);
  const store = await openStore(config.db);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
