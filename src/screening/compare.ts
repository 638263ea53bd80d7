/**
 * Scores labelled name pairs without an index (`moneytrail compare`): each row's name1 is the
 * query, name2 a listed entity of the row's schema. For evaluating the matcher.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { stringify } from "csv-stringify";
import { InvalidInputError } from "../errors.ts";
import { spreadsheetSafeCsv } from "../io/spreadsheet-safe.ts";
import { findSchema } from "../model/ftm.ts";
import { prepareEntity, prepareQuery } from "../matching/prepared.ts";
import { scoreCandidate } from "../matching/score.ts";
import { DEFAULT_THRESHOLD } from "../matching/types.ts";
import { readCsvObjects } from "../lists/io/csv.ts";

export interface PairScore {
  score: number;
  match: boolean;
}

export function scorePair(
  schema: string,
  name1: string,
  name2: string,
  threshold = DEFAULT_THRESHOLD,
): PairScore {
  const s = findSchema(schema)?.name ?? "LegalEntity";
  const query = prepareQuery({
    schema: s,
    names: [name1],
    birthDates: [],
    countries: [],
    identifiers: [],
  });
  const candidate = prepareEntity({
    id: "pair",
    schema: s,
    properties: { name: [name2] },
    datasets: [],
    sourceIds: [],
    hash: "",
  });
  const { score } = scoreCandidate(query, candidate);
  return { score, match: score >= threshold };
}

export async function comparePairsFile(
  input: string,
  output: string,
  threshold = DEFAULT_THRESHOLD,
): Promise<number> {
  const out = stringify(spreadsheetSafeCsv({ header: true }));
  const file = createWriteStream(output);
  out.pipe(file);
  let count = 0;
  for await (const { row, line, header } of readCsvObjects(input, { format: "pairs" })) {
    if (count === 0) {
      for (const column of ["schema", "name1", "name2"]) {
        if (!header.includes(column))
          throw new InvalidInputError(`compare: ${input}: no '${column}' column`);
      }
    }
    if (!row.name1 || !row.name2)
      throw new InvalidInputError(`compare: ${input}: line ${line}: name1 and name2 are required`);
    const { score, match } = scorePair(
      row.schema || "LegalEntity",
      row.name1,
      row.name2,
      threshold,
    );
    if (!out.write({ ...row, score: score.toFixed(4), match: String(match) }))
      await once(out, "drain");
    count++;
  }
  out.end();
  await once(file, "finish");
  return count;
}
