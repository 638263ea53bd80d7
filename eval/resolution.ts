/**
 * eval:resolution — pairwise precision and recall of cross-list merges.
 *
 * The truth comes from identifiers, never from names: records that cite the same UN reference or
 * OFAC entry number (the Consolidated Screening List's Treasury rows carry OFAC's), or share a
 * passport or IMO number, are the same designee (joined transitively). A merged pair is judged
 * only when both records carry a kind of identifier that could prove it (two records with OFAC
 * entry numbers, two with passports); other merges are counted apart as unjudged.
 *
 * The resolver is run blind: the identifiers that make the truth are withheld from it, so it must
 * find the pairs from names, birth dates, nationality and gender. A second run with everything
 * shows what the product does. Truth clusters are split by a hash, 75% development and 25% held
 * out; thresholds are tuned on the development part only.
 *
 * EVAL_DB=file reuses a store that already has the lists loaded.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { importList } from "../src/lists/import.ts";
import { normaliseIdentifier, numbersInText } from "../src/matching/identifiers.ts";
import { schemataCompatible } from "../src/matching/index.ts";
import { Resolution } from "../src/resolution/clusters.ts";
import { UnionFind } from "../src/resolution/union-find.ts";
import { DEFAULT_PAIR_OPTIONS, scorePairs, type ScoredPair } from "../src/resolution/pairs.ts";
import { decide, DEFAULT_THRESHOLDS, loadSourceEntities } from "../src/resolution/resolve.ts";
import type { Judgement } from "../src/store/resolution/resolution-store.ts";
import { openStore } from "../src/store/open.ts";
import { sharedFile } from "../test/helpers/shared.ts";

const LIST_FILES = [
  "data/lists/un/UN_consolidated_2026-02-27.xml",
  "data/lists/ofac-sdn-csv-snapshots/sdn_2024-05-03.csv",
  "data/lists/ofac-consolidated-csv/cons_prim.csv",
  "data/lists/us-csl/consolidated.csv",
  "data/lists/uk-fcdo-summary/UK_Sanction_List_2025-08-11.converted.csv",
];

type Split = "dev" | "holdout";
const splitOf = (id: string): Split =>
  createHash("sha1").update(id).digest()[0]! % 4 === 0 ? "holdout" : "dev";

const scratch = process.env.EVAL_DB ? undefined : mkdtempSync(path.join(tmpdir(), "mt-eval-"));
const store = await openStore(process.env.EVAL_DB ?? path.join(scratch!, "eval.db"));
if ((await store.activeVersions()).length === 0) {
  for (const file of LIST_FILES) await importList(store, [sharedFile(file)], {});
}
const started = performance.now();
const { index, references } = await loadSourceEntities(store);
console.log(
  `${index.size} source entities loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// The truth: union-find over shared identifiers.
const truthKeys = new Map<string, string[]>();
for (const entity of index.entities) {
  const keys = [...(references.get(entity.id) ?? [])];
  // Passport numbers as digits alone: "PD472310104" and "472310104" are one passport.
  for (const value of entity.properties.passportNumber ?? []) {
    for (const id of [normaliseIdentifier(value), ...numbersInText(value)]) {
      const digits = id.replace(/\D/g, "");
      if (digits.length >= 6 && digits.length >= id.length - 3) keys.push(`passport:${digits}`);
    }
  }
  for (const value of entity.properties.imoNumber ?? []) {
    const id = normaliseIdentifier(value);
    if (/^\d{7}$/.test(id)) keys.push(`imo:${id}`);
  }
  if (keys.length > 0) truthKeys.set(entity.id, keys);
}
const truth = new UnionFind();
const find = (id: string): string => truth.find(id);
const byKey = new Map<string, string>();
for (const [id, keys] of truthKeys) {
  for (const key of keys) {
    const first = byKey.get(key);
    if (!first) byKey.set(key, id);
    else truth.attach(find(id), find(first));
  }
}
const kindsOf = (id: string): Set<string> =>
  new Set((truthKeys.get(id) ?? []).map((key) => key.split(":")[0]!));
const crossDataset = (a: string, b: string): boolean => {
  const ea = index.get(a)!;
  const eb = index.get(b)!;
  return (
    !ea.datasets.some((d) => eb.datasets.includes(d)) && schemataCompatible(ea.schema, eb.schema)
  );
};
const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

const truePairs = new Map<string, Split>();
const members = new Map<string, string[]>();
for (const id of truthKeys.keys()) {
  const root = find(id);
  members.set(root, [...(members.get(root) ?? []), id]);
}
for (const [root, ids] of members) {
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      if (crossDataset(ids[i]!, ids[j]!)) truePairs.set(pairKey(ids[i]!, ids[j]!), splitOf(root));
}
const datasetPair = (key: string): string => {
  const [a, b] = key.split(" ") as [string, string];
  return [index.get(a)!.datasets[0]!, index.get(b)!.datasets[0]!].sort().join(" + ");
};
console.log(`${truePairs.size} true cross-list pairs from identifiers:`);
const truthByLists = new Map<string, number>();
for (const key of truePairs.keys())
  truthByLists.set(datasetPair(key), (truthByLists.get(datasetPair(key)) ?? 0) + 1);
for (const [lists, n] of [...truthByLists].sort()) console.log(`  ${lists.padEnd(42)} ${n}`);

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  unjudged: number;
}

function evaluate(pairs: ScoredPair[], merge: number): Map<string, Tally> {
  const { merges } = decide(pairs, { merge, review: merge }, (id) => index.get(id)?.datasets ?? []);
  const judgements: Judgement[] = merges.map((m) => ({ ...m, createdAt: "" }));
  const resolution = Resolution.fromJudgements(judgements);
  const predicted = new Set<string>();
  for (const [, ids] of resolution.clusters()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (crossDataset(ids[i]!, ids[j]!)) predicted.add(pairKey(ids[i]!, ids[j]!));
  }
  const tallies = new Map<string, Tally>();
  const tally = (name: string): Tally => {
    let t = tallies.get(name);
    if (!t) tallies.set(name, (t = { tp: 0, fp: 0, fn: 0, unjudged: 0 }));
    return t;
  };
  for (const key of predicted) {
    const [a, b] = key.split(" ") as [string, string];
    const split = truePairs.get(key) ?? splitOf(find(a));
    const lists = datasetPair(key);
    for (const name of [split, `${split} ${lists}`]) {
      if (truePairs.has(key)) tally(name).tp++;
      else if ([...kindsOf(a)].some((kind) => kindsOf(b).has(kind))) {
        tally(name).fp++;
        if (process.env.EVAL_SHOW && name === split)
          console.log(
            `    fp ${a} ${index.get(a)!.properties.name?.[0]} ~ ${b} ${index.get(b)!.properties.name?.[0]}: ${(truthKeys.get(a) ?? []).join(",")} | ${(truthKeys.get(b) ?? []).join(",")}`,
          );
      } else tally(name).unjudged++;
    }
  }
  for (const [key, split] of truePairs) {
    if (predicted.has(key)) continue;
    tally(split).fn++;
    tally(`${split} ${datasetPair(key)}`).fn++;
  }
  return tallies;
}

function line(name: string, t: Tally): string {
  const precision = t.tp / Math.max(1, t.tp + t.fp);
  const recall = t.tp / Math.max(1, t.tp + t.fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return `  ${name.padEnd(50)} P ${precision.toFixed(4)}  R ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}  (tp ${t.tp} fp ${t.fp} fn ${t.fn}; unjudged merges ${t.unjudged})`;
}

for (const [mode, blind] of [
  ["blind: identifiers and list references withheld from the resolver", true],
  ["full: every feature, as `moneytrail resolve` runs", false],
] as const) {
  const t0 = performance.now();
  const pairs = scorePairs(index, references, {
    ...DEFAULT_PAIR_OPTIONS,
    floor: 0.6,
    useIdentifiers: !blind,
    useReferences: !blind,
  });
  console.log(
    `\n${mode}\n  ${pairs.length} candidate pairs scored in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log("  development part by merge threshold:");
  for (const merge of [0.85, 0.88, 0.9, 0.92, 0.93, 0.95, 0.97])
    console.log(line(`merge at ${merge.toFixed(2)}`, evaluate(pairs, merge).get("dev")!));
  const tallies = evaluate(pairs, DEFAULT_THRESHOLDS.merge);
  console.log(`  at the merge threshold ${DEFAULT_THRESHOLDS.merge}:`);
  for (const [name, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b)))
    console.log(line(name, t));
}

await store.close();
if (scratch) rmSync(scratch, { recursive: true, force: true });
