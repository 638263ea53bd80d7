/**
 * Collections and grants are small and read on every request, so one copy is kept in memory and
 * confirmed every REFRESH_MILLIS: a grant changed on another server is seen within that time.
 * Through a database outage the last copy goes on answering for at most MAX_STALE_MILLIS
 * (known-good.ts), so screening by callers limited to some collections does not stop either.
 */
import {
  EVERYTHING,
  permissionsOf,
  readsEverything,
  type Collection,
  type Grant,
  type Permissions,
} from "../../access/collections.ts";
import type { AccessStore } from "../../store/access/access-store.ts";
import { MAX_STALE_MILLIS, type Authenticated } from "./authenticator.ts";
import { KnownGood } from "./known-good.ts";

const REFRESH_MILLIS = 2000;

interface Tables {
  collections: Collection[];
  grants: Grant[];
}

export class PermissionCache {
  private readonly kept = new KnownGood<Tables>({
    refreshMillis: REFRESH_MILLIS,
    maxStaleMillis: MAX_STALE_MILLIS,
    maxEntries: 1,
    waitMillis: 1000,
  });

  constructor(private readonly access: AccessStore) {}

  async of(caller: Authenticated): Promise<Permissions> {
    // The common case on a busy /match server needs no tables at all.
    if (readsEverything(caller) && !caller.onlyCollections) return EVERYTHING;
    const { collections, grants } = await this.tables();
    const permissions = permissionsOf(caller, collections, grants);
    if (!caller.onlyCollections) return permissions;
    // A key limited to some collections: what its user may, within those.
    const only = new Set(caller.onlyCollections);
    const readable = permissions.all
      ? only
      : new Set([...permissions.read].filter((c) => only.has(c)));
    const writable = permissions.all
      ? only
      : new Set([...permissions.write].filter((c) => only.has(c)));
    return { all: false, read: readable, write: writable };
  }

  forget(): void {
    this.kept.clear();
  }

  private async tables(): Promise<Tables> {
    const tables = await this.kept.get("tables", async () => {
      const [collections, grants] = await Promise.all([
        this.access.listCollections(),
        this.access.listGrants(),
      ]);
      return { value: { collections, grants } };
    });
    // The load always finds tables (empty ones at worst), so there is always a value.
    return tables ?? { collections: [], grants: [] };
  }
}
