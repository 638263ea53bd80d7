/**
 * Labelled name pairs: the record every section hands to the report, and the hand-curated sets
 * (eval/data/names/pairs*.csv) read with a clear error naming the file, line and field.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { ScreeningIndex } from "../../src/matching/index.ts";
import { findSchema } from "../../src/model/ftm.ts";
import { scorePair } from "../../src/screening/compare.ts";
import { readLabelledCsv } from "./labelled-csv.ts";
import { halfOf, type Half } from "./split.ts";

export interface LabelledPair {
  /** Where the pair comes from: `curated`, `lists`, `korean-csv`, … */
  source: string;
  class: string;
  schema: string;
  identity: string;
  half: Half;
  truth: boolean;
  score: number;
  name1: string;
  name2: string;
}

export const CLASSES = [
  "legal-form",
  "joined-split",
  "digits",
  "initials",
  "nicknames",
  "titles",
  "acronyms",
  "numbers",
  "partial",
  "scripts",
  "korean-org",
  "korean-person",
  "registration",
  "near-miss",
] as const;

/** The identifier properties a registration row may give the listed side, and its schema. */
export const LISTED_SCHEMA: Record<string, string> = {
  imoNumber: "Vessel",
  registrationNumber: "Airplane",
};

const COLUMNS = [
  "class",
  "schema",
  "name1",
  "name2",
  "match",
  "identity",
  "script",
  "note",
  "id2_prop",
  "id2_value",
];

export interface CuratedRow {
  line: number;
  class: string;
  schema: string;
  name1: string;
  name2: string;
  match: boolean;
  identity: string;
  script: string;
  id2?: { prop: string; value: string };
}

/** Every curated batch in `dir`: pairs.csv first, then pairs-2.csv, pairs-3.csv, … */
export function curatedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /^pairs.*\.csv$/.test(name))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .map((name) => path.join(dir, name));
}

export function readCurated(file: string): CuratedRow[] {
  const { records, fail } = readLabelledCsv(file);
  const rows: CuratedRow[] = [];
  for (const { record: r, line } of records) {
    for (const column of COLUMNS)
      if (!(column in r)) fail(line, column, "column missing from the header");
    if (!(CLASSES as readonly string[]).includes(r.class!))
      fail(line, "class", `'${r.class}' is not one of ${CLASSES.join(", ")}`);
    if (!findSchema(r.schema!)) fail(line, "schema", `'${r.schema}' is not a schema`);
    if (!r.name1?.trim()) fail(line, "name1", "empty");
    if (!r.name2?.trim()) fail(line, "name2", "empty");
    if (r.match !== "0" && r.match !== "1") fail(line, "match", `'${r.match}' is not 0 or 1`);
    if (!/^[a-z0-9][a-z0-9.-]*$/.test(r.identity ?? ""))
      fail(line, "identity", `'${r.identity}' is not a lower-case slug`);
    if (!r.script) fail(line, "script", "empty");
    let id2: CuratedRow["id2"];
    if (r.id2_prop || r.id2_value) {
      if (!LISTED_SCHEMA[r.id2_prop!])
        fail(line, "id2_prop", `'${r.id2_prop}' is not one of ${Object.keys(LISTED_SCHEMA)}`);
      if (!r.id2_value) fail(line, "id2_value", "empty while id2_prop is given");
      id2 = { prop: r.id2_prop!, value: r.id2_value! };
    }
    if (r.class === "registration" && !id2)
      fail(line, "id2_prop", "a registration row needs the listed side's identifier");
    if (r.class === "near-miss" && r.match !== "0")
      fail(line, "match", "near-miss rows are different identities (0)");
    rows.push({
      line,
      class: r.class!,
      schema: r.schema!,
      name1: r.name1!,
      name2: r.name2!,
      match: r.match === "1",
      identity: r.identity!,
      script: r.script!,
      id2,
    });
  }
  return rows;
}

/**
 * A row's score. Rows whose listed side carries an identifier go the realistic way, through an
 * index holding that one listed record and a query of the schema the customer sent.
 */
export function scoreCurated(row: CuratedRow): number {
  if (!row.id2) return scorePair(row.schema, row.name1, row.name2).score;
  const index = new ScreeningIndex();
  index.add({
    id: "listed",
    schema: LISTED_SCHEMA[row.id2.prop]!,
    properties: { name: [row.name2], [row.id2.prop]: [row.id2.value] },
    datasets: ["eval"],
    sourceIds: ["listed"],
    hash: "",
  });
  index.build();
  const results = index.match(
    { schema: row.schema, names: [row.name1], birthDates: [], countries: [], identifiers: [] },
    { limit: 1, threshold: 0 },
  );
  return results[0]?.score ?? 0;
}

export function curatedPairs(file: string): LabelledPair[] {
  return readCurated(file).map((row) => ({
    source: "curated",
    class: row.class,
    schema: row.schema,
    identity: row.identity,
    half: halfOf(row.identity),
    truth: row.match,
    score: scoreCurated(row),
    name1: row.name1,
    name2: row.name2,
  }));
}
