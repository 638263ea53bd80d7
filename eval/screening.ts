/**
 * eval:screening — quality of the screening engine on labelled data. Every item is put in one of
 * two halves by a hash of its real-world identity (eval/screening/split.ts): the TUNE half, where
 * misses are printed and rules may be tuned, and the REPORT half, whose figures go in the README.
 * The report half's misses are never printed (no flag shows them): reading them would turn it
 * into a second tune half and its figures would stop predicting unseen data.
 *
 *  curated   eval/data/names/pairs*.csv: hand-labelled pairs per failure class of issue 23
 *            (legal forms … near misses), written before any rule, with hard negatives;
 *  A.        every alias of a listed record (UN, OFAC SDN 2024), screened alone, finds it first;
 *  B.        UN DPRK designees → their OFAC record, truth from shared passport numbers;
 *  B2.       UN DPRK entities → their OFAC record, truth hand-labelled in
 *            eval/data/names/un-dprk-ofac.csv (the goal line counts B and B2 together);
 *  C.        pairs within one list: own aliases vs different designees sharing a surname, a first
 *            name part or a legal form;
 *  D.        ../shared/data/names: cross-script pairs, 80 spellings of one name;
 *  E.        eval/data/korean-*.csv: different Korean names, spellings of one Korean name;
 *  F.        OFAC's search tool fixtures: rank correlation with its scores (no labels, no split);
 *  G.        the Consolidated Screening List's SDN part (≈2022) → the 2024 SDN record with the
 *            same entity number, for spellings the 2024 record no longer has;
 *  R.        retrieval: the curated positive pairs the scorer matches, name1 screened against the
 *            lists plus every pair's listed side (eval/screening/retrieval.ts).
 *
 * Pairs are scored at the match threshold (DEFAULT_THRESHOLD). `EVAL_JSON=path` writes the
 * report half's figures (no pair texts) as JSON.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { importList } from "../src/lists/import.ts";
import { scorePair } from "../src/screening/compare.ts";
import { loadIndex } from "../src/screening/load.ts";
import { openStore } from "../src/store/open.ts";
import { LISTS, OFAC_ALT, sharedFile } from "../test/helpers/shared.ts";
import {
  aliasTopOne,
  cslToOfac,
  listPairs,
  readUnOfacLabels,
  unEntitiesToOfac,
  unToOfac,
} from "./screening/lists.ts";
import { Confusion, THRESHOLD } from "./screening/metrics.ts";
import { curatedFiles, curatedPairs, type LabelledPair } from "./screening/pairs.ts";
import {
  calibrationOf,
  confusionBy,
  jsonFigures,
  printCalibration,
  printFigures,
  printGoals,
  printTally,
  round,
  tuneMisses,
  type Goal,
} from "./screening/report.ts";
import { koreanCsvPairs, sharedNamePairs, spearman } from "./screening/shared-names.ts";
import { curatedRetrieval, printRetrieval } from "./screening/retrieval.ts";
import { HALVES } from "./screening/split.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLASS_GOAL = 0.95;
const PRECISION_GOAL = 0.95;
const UN_OFAC_GOAL = 0.97;

const started = performance.now();
const store = await openStore(":memory:");
await importList(store, [sharedFile(LISTS.un)]);
// OFAC as analysts load it: the SDN file with its alias file (alt.csv, joined by entity number;
// the 2025-08 aliases of the 2024-05-03 records), as the acceptance checks screen it.
await importList(store, [sharedFile(LISTS.sdn0503), sharedFile(OFAC_ALT)]);
const { index, millis } = await loadIndex(store);
console.log(
  `eval:screening — index of ${index.size} entities built in ${(millis / 1000).toFixed(1)} s; threshold ${THRESHOLD}`,
);

// Curated pairs, per class and per schema, report half first.
const curatedSets = curatedFiles(path.join(HERE, "data/names"));
const curated = curatedSets.flatMap((file) => curatedPairs(file));
const count = (half: string) => curated.filter((p) => p.half === half).length;
console.log(
  `\ncurated pairs (${curatedSets.map((file) => path.relative(HERE, file)).join(", ")}): ${curated.length} pairs, ${new Set(curated.map((p) => p.identity)).size} identities; report half ${count("report")}, tune half ${count("tune")}`,
);
const curatedBy = {
  report: {
    class: confusionBy(curated, "report", (p) => p.class),
    schema: confusionBy(curated, "report", (p) => p.schema),
    all: confusionBy(curated, "report", () => "all curated"),
  },
  tune: {
    class: confusionBy(curated, "tune", (p) => p.class),
    schema: confusionBy(curated, "tune", (p) => p.schema),
    all: confusionBy(curated, "tune", () => "all curated"),
  },
};
for (const half of ["report", "tune"] as const) {
  const by = curatedBy[half];
  printFigures(`Curated pairs, ${half.toUpperCase()} half, per class`, [
    ...by.class.rows(),
    ...by.all.rows(),
  ]);
  printFigures(`Curated pairs, ${half.toUpperCase()} half, per schema`, by.schema.rows());
}

// List-derived and other labelled pairs.
const fromLists = listPairs(index);
const korean = koreanCsvPairs(
  path.join(HERE, "data/korean-false-pairs.csv"),
  path.join(HERE, "data/korean-variant-pairs.csv"),
);
const sharedNames = sharedNamePairs(
  sharedFile("data/names/cross_script_pairs.csv"),
  sharedFile("data/names/putin_names.txt"),
);
const others = [...fromLists, ...korean, ...sharedNames];
for (const half of HALVES.slice().reverse())
  printFigures(
    `C/D/E. list-derived and other labelled pairs, ${half.toUpperCase()} half (C: lists; D: ../shared/data/names; E: eval/data/korean-*.csv)`,
    confusionBy(others, half, (p) => p.class).rows(),
  );

const everything: LabelledPair[] = [...curated, ...others];
printCalibration(
  "Calibration, REPORT half, all labelled pairs (score bin → observed share of true matches)",
  calibrationOf(everything, "report"),
);
printCalibration("Calibration, REPORT half, curated pairs only", calibrationOf(curated, "report"));

// Top-1 sections.
const aliases = aliasTopOne(index);
printTally("A. aliases screened alone find their own record first: top-1", aliases.tally);
if (aliases.misses.length)
  console.log(`  tune-half misses, e.g.:\n    ${aliases.misses.join("\n    ")}`);
const unOfac = unToOfac(index);
printTally(
  "B. UN DPRK designees found in OFAC (truth: shared passport numbers): top-1",
  unOfac.tally,
);
if (unOfac.misses.length) console.log(`  tune-half misses:\n    ${unOfac.misses.join("\n    ")}`);
const unEntitiesFile = path.join(HERE, "data/names/un-dprk-ofac.csv");
const unEntities = unEntitiesToOfac(index, readUnOfacLabels(unEntitiesFile), unEntitiesFile);
printTally(
  "B2. UN DPRK entities → OFAC (truth: hand-labelled, eval/data/names/un-dprk-ofac.csv): top-1",
  unEntities.tally,
);
console.log(
  `  UN entities OFAC does not list: ${unEntities.unlisted.entities} (${unEntities.unlisted.names} names, ${unEntities.unlisted.aboveThreshold} finding an OFAC record above ${THRESHOLD})`,
);
if (unEntities.misses.length)
  console.log(`  tune-half misses:\n    ${unEntities.misses.join("\n    ")}`);
const csl = cslToOfac(index, sharedFile("data/lists/us-csl/consolidated.csv"));
printTally(
  "G. CSL SDN part (≈2022) spellings → the 2024 SDN record with that entity number: top-1",
  csl.tally,
);
if (csl.misses.length) console.log(`  tune-half misses, e.g.:\n    ${csl.misses.join("\n    ")}`);

// R. Pairs the scorer matches, screened: is the listed record put up at all?
printRetrieval(curatedRetrieval(index.entities, curatedSets));

// F. OFAC's own search tool: rank agreement on its fixtures (unlabelled, so not split).
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

// Goals on the report half.
const precisionAll = new Confusion();
for (const p of everything) if (p.half === "report") precisionAll.add("all", p.truth, p.score);
const allFigures = precisionAll.get("all")!;
const curatedAll = curatedBy.report.all.get("all curated")!;
// The goal is about every UN DPRK designee: persons (B) and entities (B2) together.
const unTopOne = (half: string) => {
  const persons = unOfac.tally.get(half) ?? { ok: 0, total: 0 };
  const entities = unEntities.tally.get(half) ?? { ok: 0, total: 0 };
  const ok = persons.ok + entities.ok;
  const total = persons.total + entities.total;
  return { ok, total, share: total ? ok / total : Number.NaN, persons, entities };
};
const unReport = unTopOne("report");
const unAll = unTopOne("all");
const goals: Goal[] = [
  ...curatedBy.report.class.rows().map((r) => ({
    name: `curated ${r.key} accuracy`,
    value: r.accuracy,
    goal: CLASS_GOAL,
    detail: `(${r.pairs} pairs)`,
  })),
  {
    name: "precision at threshold, all labelled pairs",
    value: allFigures.precision,
    goal: PRECISION_GOAL,
    detail: `(${allFigures.cell.tp} true of ${allFigures.cell.tp + allFigures.cell.fp} above)`,
  },
  {
    name: "precision at threshold, curated pairs",
    value: curatedAll.precision,
    goal: PRECISION_GOAL,
    detail: `(${curatedAll.cell.tp} true of ${curatedAll.cell.tp + curatedAll.cell.fp} above)`,
  },
  {
    name: "UN → OFAC top-1",
    value: unReport.share,
    goal: UN_OFAC_GOAL,
    detail: `(${unReport.ok}/${unReport.total}: persons ${unReport.persons.ok}/${unReport.persons.total}, entities ${unReport.entities.ok}/${unReport.entities.total}; both halves ${unAll.ok}/${unAll.total})`,
  },
];
printGoals(goals);

// Tune-half misses only (see the header).
const misses = tuneMisses(curated, 40, 4);
if (misses.length)
  console.log(
    `\nCurated pairs, TUNE half, on the wrong side of ${THRESHOLD}:\n${misses.join("\n")}`,
  );
const listMisses = tuneMisses([...korean, ...sharedNames], 12, 3);
if (listMisses.length)
  console.log(
    `\nD/E pairs, TUNE half, on the wrong side of ${THRESHOLD}:\n${listMisses.join("\n")}`,
  );

if (process.env.EVAL_JSON) {
  const tallyJson = (t: typeof aliases.tally, prefix: string) =>
    Object.fromEntries(
      t
        .rows()
        .filter((r) => r.key.startsWith(prefix))
        .map((r) => [r.key, { ok: r.ok, total: r.total, share: round(r.share) }]),
    );
  const json = {
    threshold: THRESHOLD,
    half: "report",
    curated: {
      byClass: jsonFigures(curatedBy.report.class.rows()),
      bySchema: jsonFigures(curatedBy.report.schema.rows()),
      all: jsonFigures(curatedBy.report.all.rows()),
    },
    otherPairs: jsonFigures(confusionBy(others, "report", (p) => p.class).rows()),
    calibration: calibrationOf(everything, "report")
      .rows()
      .map((b) => ({ bin: b.label, pairs: b.pairs, matches: b.matches, share: round(b.share) })),
    aliasTopOne: tallyJson(aliases.tally, "report"),
    unToOfac: tallyJson(unOfac.tally, "report"),
    unEntitiesToOfac: tallyJson(unEntities.tally, "report"),
    cslToOfac: tallyJson(csl.tally, "report"),
    goals: goals.map((g) => ({
      name: g.name,
      value: round(g.value),
      goal: g.goal,
      pass: g.value >= g.goal,
    })),
  };
  writeFileSync(process.env.EVAL_JSON, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nreport-half figures written to ${process.env.EVAL_JSON}`);
}

console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await store.close();
