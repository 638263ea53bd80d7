import { NotFoundError } from "../errors.ts";
import type { ListVersion, Store } from "../store/store.ts";

/**
 * Finds a version by label, by numeric id, or by `active` / `previous` (the one imported before
 * the active one), so that `lists diff us_ofac_sdn previous active` works after every update.
 */
export async function resolveVersion(
  store: Store,
  dataset: string,
  ref: string,
): Promise<ListVersion> {
  const versions = (await store.listVersions(dataset)).filter((v) => v.status === "complete");
  if (versions.length === 0) throw new NotFoundError(`lists: no versions of dataset '${dataset}'`);
  const active = versions.find((v) => v.active);
  let found: ListVersion | undefined;
  if (ref === "active" || ref === "latest") found = active;
  else if (ref === "previous") found = versions.filter((v) => active && v.id < active.id).at(-1);
  else found = versions.find((v) => v.label === ref) ?? versions.find((v) => String(v.id) === ref);
  if (!found) {
    const known = versions.map((v) => v.label).join(", ");
    throw new NotFoundError(`lists: ${dataset} has no version '${ref}' (known: ${known})`);
  }
  return found;
}

/** The `lists status` row of one dataset: its active version. */
export function statusRow(version: ListVersion): Record<string, unknown> {
  return {
    dataset: version.dataset,
    version: version.label,
    entries: version.entries,
    schemata: version.schemata,
    imported_at: version.importedAt,
    format: version.format,
    files: version.files,
  };
}
