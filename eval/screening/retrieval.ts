/**
 * R. retrieval: a pair the scorer matches is of no use if screening never puts the listed record
 * up for scoring. The listed side of every curated positive pair joins the lists the eval loads
 * (one entity per distinct listed name), and each pair whose pair score reaches the threshold is
 * screened the way a customer is (index.match, limit 5): is the listed record returned at all,
 * and is it first? The other curated records of the pair's identity are left out of that screen. Split by identity like every other section; misses printed for the tune half
 * only.
 */
import { normaliseIdentifier } from "../../src/matching/identifiers.ts";
import { ScreeningIndex } from "../../src/matching/index.ts";
import type { IndexedEntity } from "../../src/matching/types.ts";
import { foldName } from "../../src/names/normalize.ts";
import { THRESHOLD } from "./metrics.ts";
import { LISTED_SCHEMA, readCurated, scoreCurated, type CuratedRow } from "./pairs.ts";
import { halfOf, HALVES, type Half } from "./split.ts";

const LIMIT = 5;

export interface RetrievalRow {
  key: string;
  pairs: number;
  returned: number;
  first: number;
}

export interface Retrieval {
  /** Per half, per class and "all": pairs screened, listed record returned, returned first. */
  rows: Map<Half, RetrievalRow[]>;
  /** Tune-half pairs whose listed record was not returned, or not first. */
  tuneMisses: string[];
}

/** The listed entity standing for a row's name2 (and identifier, for registration rows). */
function listedOf(row: CuratedRow): { key: string; entity: Omit<IndexedEntity, "id"> } {
  const schema = row.id2 ? LISTED_SCHEMA[row.id2.prop]! : row.schema;
  const properties: Record<string, string[]> = { name: [row.name2] };
  if (row.id2) properties[row.id2.prop] = [row.id2.value];
  return {
    key: `${schema}\u0000${row.name2}\u0000${row.id2?.prop ?? ""}\u0000${row.id2?.value ?? ""}`,
    entity: { schema, properties, datasets: ["eval-curated"], sourceIds: [], hash: "" },
  };
}

/**
 * A listed record that is the pair's listed side under another id, or the query's own listing:
 * it bears name2 or name1 (or the registration) itself. Ranked above the added record it is no
 * miss.
 */
function twinOf(entity: IndexedEntity, row: CuratedRow): boolean {
  const names = new Set([foldName(row.name1), foldName(row.name2)]);
  const p = entity.properties;
  if ([...(p.name ?? []), ...(p.alias ?? [])].some((n) => names.has(foldName(n)))) return true;
  if (!row.id2) return false;
  const id = normaliseIdentifier(row.id2.value);
  return Object.values(p).some((values) => values.some((v) => normaliseIdentifier(v) === id));
}

/**
 * Screens name1 of every curated positive pair scoring ≥ THRESHOLD against `listed` (the eval's
 * lists) plus the pairs' listed sides. A listed record tied with the first result's score counts
 * as first, and so does one ranked above it by a twin: the lists may hold the same name already.
 */
export function curatedRetrieval(listed: readonly IndexedEntity[], files: string[]): Retrieval {
  const rows = files.flatMap((file) => readCurated(file)).filter((r) => r.match);
  const scored = rows.filter((r) => scoreCurated(r) >= THRESHOLD);
  const index = new ScreeningIndex();
  for (const entity of listed) index.add(entity);
  const idOf = new Map<string, string>();
  const byIdentity = new Map<string, Set<string>>();
  for (const row of scored) {
    const { key, entity } = listedOf(row);
    let id = idOf.get(key);
    if (id === undefined) {
      id = `curated-${idOf.size}`;
      idOf.set(key, id);
      index.add({ ...entity, id, sourceIds: [id] });
    }
    const ids = byIdentity.get(row.identity) ?? new Set<string>();
    byIdentity.set(row.identity, ids.add(id));
  }
  index.build();
  const tally = new Map<string, RetrievalRow>();
  const count = (half: Half, key: string, returned: boolean, first: boolean) => {
    const id = `${half}\u0000${key}`;
    const row = tally.get(id) ?? { key, pairs: 0, returned: 0, first: 0 };
    row.pairs++;
    if (returned) row.returned++;
    if (first) row.first++;
    tally.set(id, row);
  };
  const tuneMisses: string[] = [];
  for (const row of scored) {
    const id = idOf.get(listedOf(row).key)!;
    // The identity's other spellings stand apart only here; a list would hold them as one record.
    const excludeEntityIds = [...byIdentity.get(row.identity)!].filter((other) => other !== id);
    const results = index.match(
      { schema: row.schema, names: [row.name1], birthDates: [], countries: [], identifiers: [] },
      { limit: LIMIT, threshold: THRESHOLD, excludeEntityIds },
    );
    const hit = results.find((r) => r.entity.id === id);
    const first =
      hit !== undefined && results.every((r) => r.score <= hit.score || twinOf(r.entity, row));
    const half = halfOf(row.identity);
    count(half, row.class, hit !== undefined, first);
    count(half, "all", hit !== undefined, first);
    if (half === "tune" && !first)
      tuneMisses.push(
        `${row.class}: ${hit ? "not first" : rankOf(index, row, id, excludeEntityIds)}  ${row.name1} ~ ${row.name2}${
          results[0]
            ? `  (first: ${results[0].entity.properties.name?.[0]} ${results[0].score.toFixed(3)})`
            : ""
        }`,
      );
  }
  const byHalf = new Map<Half, RetrievalRow[]>();
  for (const half of HALVES) {
    const list = [...tally.entries()]
      .filter(([id]) => id.startsWith(`${half}\u0000`))
      .map(([, row]) => row)
      .sort((a, b) => (a.key === "all" ? 1 : b.key === "all" ? -1 : a.key.localeCompare(b.key)));
    byHalf.set(half, list);
  }
  return { rows: byHalf, tuneMisses };
}

/** For a tune-half miss: scored but crowded out of the first LIMIT, or never put up at all. */
function rankOf(
  index: ScreeningIndex,
  row: CuratedRow,
  id: string,
  excludeEntityIds: string[],
): string {
  const all = index.match(
    { schema: row.schema, names: [row.name1], birthDates: [], countries: [], identifiers: [] },
    { limit: 1000, threshold: THRESHOLD, excludeEntityIds },
  );
  const at = all.findIndex((r) => r.entity.id === id);
  return at < 0 ? "not a candidate" : `ranked ${at + 1}`;
}

export function printRetrieval(retrieval: Retrieval, maxMisses = 40): void {
  for (const half of HALVES.slice().reverse()) {
    console.log(
      `\nR. retrieval, ${half.toUpperCase()} half: curated positive pairs scoring ≥ ${THRESHOLD}, name1 screened (limit ${LIMIT}) against the lists plus every pair's listed side`,
    );
    console.log(`  ${"".padEnd(26)} ${"pairs".padStart(5)} returned   first`);
    for (const r of retrieval.rows.get(half) ?? [])
      console.log(
        `  ${r.key.padEnd(26)} ${String(r.pairs).padStart(5)} ${(r.returned / r.pairs).toFixed(4).padStart(8)} ${(r.first / r.pairs).toFixed(4).padStart(7)}  (${r.returned} ${r.first})`,
      );
  }
  if (retrieval.tuneMisses.length)
    console.log(
      `  tune-half misses:\n    ${retrieval.tuneMisses.slice(0, maxMisses).join("\n    ")}`,
    );
}
