/**
 * Column mappings for in-house lists in plain CSV. A mapping names, for `id`, `schema` and any
 * FtM property, the column that holds it; `schema` may instead be a schema name for every row.
 * Without a mapping, common header names are recognised.
 *
 *   {"id": "ref", "schema": "type", "name": "full_name", "alias": "aliases", "birthDate": "dob",
 *    "separator": ";"}
 */
import { readFile } from "node:fs/promises";
import { InvalidInputError } from "../../errors.ts";

export type ColumnMapping = Record<string, string>;

const GUESSES: Record<string, string[]> = {
  id: ["id", "ref", "reference", "record_id", "entity_id", "uid"],
  schema: ["schema", "type", "entity_type", "kind"],
  name: ["name", "full_name", "entity_name", "primary_name"],
  alias: ["alias", "aliases", "aka", "other_names"],
  birthDate: ["birth_date", "dob", "date_of_birth", "birthdate"],
  nationality: ["nationality", "nationalities", "citizenship"],
  country: ["country", "countries", "jurisdiction"],
  passportNumber: ["passport", "passport_number", "passport_no"],
  idNumber: ["id_number", "national_id", "identifier", "registration_number"],
  imoNumber: ["imo", "imo_number"],
  program: ["program", "programme", "regime"],
  address: ["address", "addresses"],
  notes: ["notes", "remarks", "comments"],
  gender: ["gender", "sex"],
};

export async function readMapping(file: string): Promise<ColumnMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new InvalidInputError(`mapping ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new InvalidInputError(`mapping ${file}: expected a JSON object of property → column`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== "string")
      throw new InvalidInputError(`mapping ${file}: '${key}' must name a column`);
  }
  return parsed as ColumnMapping;
}

/** The mapping a header suggests: each known property from the first header that names it. */
export function guessMapping(header: string[]): ColumnMapping {
  const byLower = new Map(
    header.map((h) => [
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, "_"),
      h,
    ]),
  );
  const mapping: ColumnMapping = {};
  for (const [prop, names] of Object.entries(GUESSES)) {
    const column = names.map((n) => byLower.get(n)).find((c) => c !== undefined);
    if (column) mapping[prop] = column;
  }
  return mapping;
}
