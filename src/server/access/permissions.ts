/**
 * Collections and grants are small and read on every request, so one copy is kept for a couple
 * of seconds; a grant changed on another server is seen within that time.
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
import type { Authenticated } from "./authenticator.ts";

const CACHE_MILLIS = 2000;

export class PermissionCache {
  private loaded:
    { at: number; value: Promise<{ collections: Collection[]; grants: Grant[] }> } | undefined;

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
    this.loaded = undefined;
  }

  private tables() {
    if (!this.loaded || Date.now() - this.loaded.at > CACHE_MILLIS) {
      const value = Promise.all([this.access.listCollections(), this.access.listGrants()]).then(
        ([collections, grants]) => ({ collections, grants }),
      );
      this.loaded = { at: Date.now(), value };
      value.catch(() => (this.loaded = undefined));
    }
    return this.loaded.value;
  }
}
