/**
 * Labelled pairs from name data beside the repo: ../shared/data/names (cross-script pairs, the
 * 80 spellings of one name; all true matches) and the Korean pair files in eval/data. Rows carry
 * no identity column, so the identity is the listed name's slug.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { foldName } from "../../src/names/normalize.ts";
import { scorePair } from "../../src/screening/compare.ts";
import type { LabelledPair } from "./pairs.ts";
import { halfOf } from "./split.ts";

const slug = (name: string): string =>
  foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function pair(
  source: string,
  cls: string,
  schema: string,
  name1: string,
  name2: string,
  truth: boolean,
  identity = slug(name2),
): LabelledPair {
  return {
    source,
    class: cls,
    schema,
    identity,
    half: halfOf(identity),
    truth,
    score: scorePair(schema, name1, name2).score,
    name1,
    name2,
  };
}

/** D. ../shared/data/names: cross-script pairs and 80 spellings of Vladimir Putin. */
export function sharedNamePairs(crossScriptFile: string, putinFile: string): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const line of readFileSync(crossScriptFile, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [query, expected] = line.split(",");
    if (!query || !expected) continue;
    out.push(pair("shared-names", "cross-script", "Person", query, expected, true));
  }
  for (const spelling of readFileSync(putinFile, "utf8").split("\n").filter(Boolean))
    out.push(
      pair(
        "shared-names",
        "80-spellings",
        "Person",
        spelling,
        "PUTIN, Vladimir Vladimirovich",
        true,
        "vladimir-putin",
      ),
    );
  return out;
}

/** E. eval/data/korean-*.csv: different Korean names, and spellings of one Korean name. */
export function koreanCsvPairs(falseFile: string, variantFile: string): LabelledPair[] {
  const rows = (file: string) =>
    parse(readFileSync(file), { columns: true }) as Array<Record<string, string>>;
  return [
    ...rows(falseFile).map((r) =>
      pair("korean-csv", "korean-different", r.schema!, r.name1!, r.name2!, false),
    ),
    ...rows(variantFile).map((r) =>
      pair("korean-csv", "korean-spellings", r.schema!, r.name1!, r.name2!, true),
    ),
  ];
}

/** F. Spearman rank correlation of two score lists (ties share their mean rank). */
export function spearman(a: number[], b: number[]): number {
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
