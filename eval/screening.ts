/**
 * eval:screening — quality of the screening engine on labelled data built from ../shared:
 *
 *  A. transliteration variants: every alias of a listed entity, screened alone, must find that
 *     entity first (OFAC SDN 2024 and UN);
 *  B. UN → OFAC: each UN DPRK designee's names, screened against OFAC only, must find the OFAC
 *     record that shares its passport number (identifiers are the truth, names the test);
 *  C. name pairs: a list's own alias pairs (positives) against near-miss names of different
 *     designees in the same list (negatives: same schema, same first name part);
 *  D. ../shared/data/names: cross-script pairs, the 80 spellings of one name;
 *  E. curated false pairs of different Korean names (eval/data/korean-false-pairs.csv).
 *
 * Entities are split by a hash of their id: 70% development, 30% held out. Figures are printed
 * for both; tune on the development part only.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { importList } from "../src/lists/import.ts";
import type { IndexedEntity } from "../src/matching/types.ts";
import { scorePair } from "../src/screening/compare.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import { LISTS, sharedFile } from "../test/helpers/shared.ts";
import { foldName } from "../src/names/normalize.ts";

const THRESHOLD = 0.7;
const HERE = path.dirname(fileURLToPath(import.meta.url));

type Split = "dev" | "holdout";
const splitOf = (id: string): Split =>
  createHash("sha1").update(id).digest()[0]! % 10 < 3 ? "holdout" : "dev";

function category(e: IndexedEntity): string {
  const p = e.properties;
  const countries = [...(p.nationality ?? []), ...(p.country ?? []), ...(p.citizenship ?? [])];
  if ((p.program ?? []).some((x) => /DPRK|^KP/.test(x)) || countries.includes("kp"))
    return "korean";
  if (countries.some((c) => ["cn", "hk", "tw"].includes(c))) return "chinese";
  if (countries.some((c) => ["ru", "by", "ua", "kz"].includes(c))) return "cyrillic";
  if (e.schema !== "Person") return "company";
  return "other";
}

class Tally {
  private readonly counts = new Map<string, { ok: number; total: number }>();
  add(key: string, ok: boolean): void {
    const c = this.counts.get(key) ?? { ok: 0, total: 0 };
    c.total++;
    if (ok) c.ok++;
    this.counts.set(key, c);
  }
  print(title: string): void {
    console.log(`\n${title}`);
    for (const [key, c] of [...this.counts.entries()].sort()) {
      console.log(`  ${key.padEnd(28)} ${(c.ok / c.total).toFixed(4)}  (${c.ok}/${c.total})`);
    }
  }
}

class Confusion {
  private readonly cells = new Map<string, { tp: number; fp: number; tn: number; fn: number }>();
  add(key: string, truth: boolean, predicted: boolean): void {
    const c = this.cells.get(key) ?? { tp: 0, fp: 0, tn: 0, fn: 0 };
    if (truth && predicted) c.tp++;
    else if (truth) c.fn++;
    else if (predicted) c.fp++;
    else c.tn++;
    this.cells.set(key, c);
  }
  print(title: string): void {
    console.log(`\n${title}`);
    console.log(`  ${"".padEnd(28)} precision recall accuracy  (tp fp tn fn)`);
    for (const [key, c] of [...this.cells.entries()].sort()) {
      const precision = c.tp / Math.max(1, c.tp + c.fp);
      const recall = c.tp / Math.max(1, c.tp + c.fn);
      const accuracy = (c.tp + c.tn) / Math.max(1, c.tp + c.tn + c.fp + c.fn);
      console.log(
        `  ${key.padEnd(28)} ${precision.toFixed(4).padStart(9)} ${recall.toFixed(4).padStart(6)} ${accuracy.toFixed(4).padStart(8)}  (${c.tp} ${c.fp} ${c.tn} ${c.fn})`,
      );
    }
  }
}

const started = performance.now();
const store = await openStore(":memory:");
await importList(store, [sharedFile(LISTS.un)]);
await importList(store, [sharedFile(LISTS.sdn0503)]);
const { index, millis } = await loadIndex(store);
console.log(
  `eval:screening — index of ${index.size} entities built in ${(millis / 1000).toFixed(1)} s; threshold ${THRESHOLD}`,
);

// A. transliteration variants, top-1
const variants = new Tally();
const failures: string[] = [];
for (const entity of index.entities) {
  const aliases = [...(entity.properties.alias ?? []), ...(entity.properties.previousName ?? [])];
  const primary = new Set((entity.properties.name ?? []).map(foldName));
  for (const alias of aliases) {
    if (primary.has(foldName(alias))) continue;
    const results = index.match(
      { schema: entity.schema, names: [alias], birthDates: [], countries: [], identifiers: [] },
      { limit: 5, threshold: THRESHOLD, includeDatasets: entity.datasets },
    );
    const top = results[0]?.score ?? -1;
    const ok = results.some((r) => r.entity.id === entity.id && r.score === top);
    const key = `${splitOf(entity.id)} ${category(entity)}`;
    variants.add(key, ok);
    variants.add(`${splitOf(entity.id)} all`, ok);
    if (!ok && failures.length < 15 && splitOf(entity.id) === "dev")
      failures.push(
        `${alias} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${entity.properties.name?.[0]})`,
      );
  }
}
variants.print("A. transliteration variants (alias screened alone finds its entity first): top-1");
if (failures.length) console.log(`  dev misses, e.g.:\n    ${failures.join("\n    ")}`);

// B. UN → OFAC through shared passport numbers
const byPassport = new Map<string, Set<string>>();
for (const e of index.entities) {
  if (!e.datasets.includes("us_ofac_sdn")) continue;
  for (const p of e.properties.passportNumber ?? []) {
    const key = p.replace(/\W/g, "");
    byPassport.set(key, new Set([...(byPassport.get(key) ?? []), e.id]));
  }
}
const unToOfac = new Tally();
const unMisses: string[] = [];
for (const e of index.entities) {
  if (!e.datasets.includes("un_sc_sanctions") || !e.sourceIds.some((s) => /^KP[ie]\./.test(s)))
    continue;
  const targets = new Set(
    (e.properties.passportNumber ?? []).flatMap((p) => [
      ...(byPassport.get(p.replace(/\W/g, "")) ?? []),
    ]),
  );
  if (targets.size === 0) continue;
  const wanted = [...targets].map((id) => index.get(id)?.properties.name?.[0]).join(" / ");
  for (const name of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
    const results = index.match(
      { schema: e.schema, names: [name], birthDates: [], countries: [], identifiers: [] },
      { limit: 3, threshold: THRESHOLD, includeDatasets: ["us_ofac_sdn"] },
    );
    const ok = targets.has(results[0]?.entity.id ?? "");
    unToOfac.add("UN DPRK name → OFAC record", ok);
    if (!ok)
      unMisses.push(
        `${name} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${wanted})`,
      );
  }
}
unToOfac.print("B. UN DPRK designees found in OFAC (truth: shared passport numbers): top-1");
if (unMisses.length) console.log(`  misses:\n    ${unMisses.slice(0, 10).join("\n    ")}`);

// C. pairs: alias pairs vs near-miss names of different designees
const pairs = new Confusion();
const byFirstPart = new Map<string, IndexedEntity[]>();
for (const e of index.entities) {
  const first = foldName(e.properties.name?.[0] ?? "").split(/[^a-z0-9]+/)[0];
  if (!first || first.length < 2) continue;
  const key = `${e.datasets[0]}|${e.schema}|${first}`;
  byFirstPart.set(key, [...(byFirstPart.get(key) ?? []), e]);
}
let negatives = 0;
const pairMisses: string[] = [];
for (const e of index.entities) {
  const name = e.properties.name?.[0];
  if (!name) continue;
  const split = splitOf(e.id);
  const cat = category(e);
  // Positives: aliases that are another spelling of the name, told by a shared name part (a
  // rule that does not use the scorer); aliases that are other names altogether ("KOMID") are
  // for the top-1 test above.
  const nameParts = new Set(
    foldName(name)
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 1),
  );
  for (const alias of e.properties.alias ?? []) {
    if (foldName(alias) === foldName(name)) continue;
    if (
      !foldName(alias)
        .split(/[^a-z0-9]+/)
        .some((t) => nameParts.has(t))
    )
      continue;
    const { match, score } = scorePair(e.schema, alias, name);
    pairs.add(`${split} ${cat}`, true, match);
    if (!match && cat === "korean" && split === "dev" && pairMisses.length < 12)
      pairMisses.push(`${alias} ~ ${name} ${score.toFixed(2)}`);
  }
  const first = foldName(name).split(/[^a-z0-9]+/)[0] ?? "";
  const group = byFirstPart.get(`${e.datasets[0]}|${e.schema}|${first}`) ?? [];
  const names = new Set([name, ...(e.properties.alias ?? [])].map(foldName));
  let taken = 0;
  for (const other of group) {
    if (other.id === e.id || taken >= 2) continue;
    const otherName = other.properties.name?.[0] ?? "";
    if ([otherName, ...(other.properties.alias ?? [])].some((n) => names.has(foldName(n))))
      continue;
    pairs.add(`${split} ${cat}`, false, scorePair(e.schema, name, otherName).match);
    taken++;
    negatives++;
  }
}
console.log(pairMisses.join("\n"));
pairs.print(
  `C. name pairs: list aliases (positive) vs different designees sharing a first name part (negative, ${negatives})`,
);

// D. ../shared/data/names
const shared = new Confusion();
const crossScript = readFileSync(sharedFile("data/names/cross_script_pairs.csv"), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => l.split(","));
const crossMisses: string[] = [];
for (const [query, expected] of crossScript) {
  const { score, match } = scorePair("Person", query!, expected!);
  shared.add("cross-script pairs", true, match);
  if (!match) crossMisses.push(`${query} ~ ${expected} ${score.toFixed(2)}`);
}
for (const spelling of readFileSync(sharedFile("data/names/putin_names.txt"), "utf8")
  .split("\n")
  .filter(Boolean)) {
  shared.add(
    "80 spellings of one name",
    true,
    scorePair("Person", spelling, "PUTIN, Vladimir Vladimirovich").match,
  );
}
shared.print("D. ../shared/data/names (all pairs are true matches: recall is what counts)");
if (crossMisses.length) console.log(`  cross-script misses: ${crossMisses.join("; ")}`);

// E. curated false pairs
const curated = new Confusion();
const falsePairs = parse(readFileSync(path.join(HERE, "data/korean-false-pairs.csv")), {
  columns: true,
}) as Array<Record<string, string>>;
const falseHits: string[] = [];
for (const row of falsePairs) {
  const { score, match } = scorePair(row.schema!, row.name1!, row.name2!);
  curated.add("different Korean names", false, match);
  if (match) falseHits.push(`${row.name1} ~ ${row.name2} ${score.toFixed(2)}`);
}
const variantPairs = parse(readFileSync(path.join(HERE, "data/korean-variant-pairs.csv")), {
  columns: true,
}) as Array<Record<string, string>>;
const variantMisses: string[] = [];
for (const row of variantPairs) {
  const { score, match } = scorePair(row.schema!, row.name1!, row.name2!);
  curated.add("spellings of one Korean name", true, match);
  curated.add("all curated pairs", true, match);
  if (!match) variantMisses.push(`${row.name1} ~ ${row.name2} ${score.toFixed(2)}`);
}
for (const row of falsePairs)
  curated.add("all curated pairs", false, scorePair(row.schema!, row.name1!, row.name2!).match);
curated.print(
  "E. curated Korean pairs (eval/data): different names below the threshold, spellings of one name above",
);
if (variantMisses.length) console.log(`  spellings missed: ${variantMisses.join("; ")}`);
if (falseHits.length) console.log(`  above threshold: ${falseHits.join("; ")}`);

// F. OFAC's own search tool, for comparison: rank agreement on its fixtures
const fixtures = parse(readFileSync(sharedFile("data/names/ofac_fixtures.csv")), {
  columns: true,
}) as Array<Record<string, string>>;
const ours: number[] = [];
const theirs: number[] = [];
for (const row of fixtures) {
  if (Number(row.ofac_score) < 0) continue;
  ours.push(scorePair("LegalEntity", row.query_name!, row.result_name!).score);
  theirs.push(Number(row.ofac_score));
}
console.log(
  `\nF. OFAC search tool fixtures: Spearman rank correlation with OFAC's scores ${spearman(ours, theirs).toFixed(3)} over ${ours.length} pairs`,
);
console.log(
  `   George Bush ~ George Habbash: ${scorePair("Person", "George Bush", "HABBASH, George").score.toFixed(3)} (Watchman: 0.89)`,
);
console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await store.close();

function spearman(a: number[], b: number[]): number {
  const rank = (xs: number[]): number[] => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const ranks = new Array<number>(xs.length);
    for (let i = 0; i < order.length;) {
      let j = i;
      while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
      for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return ranks;
  };
  const ra = rank(a);
  const rb = rank(b);
  const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}
