/**
 * Queries as clients send them — yente's `{schema, properties}` or a row of a customer file — to
 * the engine's MatchQuery, with values cleaned like listed ones (dates to ISO prefixes,
 * countries to codes).
 */
import { InvalidInputError } from "../errors.ts";
import { parseDates } from "../model/clean/dates.ts";
import { countryCode } from "../model/clean/countries.ts";
import { findSchema, propertyTypeName } from "../model/ftm.ts";
import { IDENTIFIER_PROPS } from "../matching/identifiers.ts";
import { MAX_NAME_LENGTH } from "../names/length.ts";
import { COUNTRY_PROPS } from "../matching/prepared.ts";
import type { MatchQuery } from "../matching/types.ts";

/** Whole names, and the parts of a name a client may send instead (joined in this order). */
const WHOLE_NAME_PROPS = ["name", "alias", "weakAlias", "previousName"];
const NAME_PART_PROPS = ["firstName", "secondName", "middleName", "fatherName", "lastName"];
const DATE_PROPS = ["birthDate", "incorporationDate", "buildDate"];

/**
 * All the names of one query together. Romanising and matching cost grows with the characters
 * (a 500-character Han name takes about 60 ms here); this bound keeps one query under about
 * 120 ms, and the service yields to other requests between queries.
 */
export const MAX_QUERY_NAME_CHARACTERS = 1000;

export interface EntityLikeQuery {
  schema: string;
  properties: Record<string, unknown>;
}

/**
 * The cleaned values of the given properties. A plain loop with the field named only on error:
 * this runs for every property of every query a busy server receives.
 */
function collect(
  props: Record<string, unknown>,
  names: readonly string[],
  where: string,
  maxLength = Infinity,
): string[] {
  const values: string[] = [];
  for (const prop of names) {
    const value = props[prop];
    if (value === undefined || value === null) continue;
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) {
      if (typeof v !== "string" && typeof v !== "number")
        throw new InvalidInputError(`${where}.properties.${prop}: values must be strings`);
      const text = String(v).trim();
      // Refused rather than cut: a name screened cut short could miss its listing unnoticed.
      if (text.length > maxLength)
        throw new InvalidInputError(
          `${where}.properties.${prop}: a name is at most ${maxLength} characters, this one has ${text.length}`,
        );
      if (text) values.push(text);
    }
  }
  return values;
}

/** yente's query shape to a MatchQuery; refuses unknown schemata and queries without a name or id. */
export function queryFromEntity(input: EntityLikeQuery, where = "query"): MatchQuery {
  const schema = findSchema(input.schema);
  if (!schema) throw new InvalidInputError(`${where}: unknown schema '${input.schema}'`);
  if (!schema.matchable)
    throw new InvalidInputError(`${where}: schema '${input.schema}' cannot be matched`);
  const props = input.properties ?? {};
  for (const [prop, value] of Object.entries(props))
    if (!isEmpty(value) && propertyTypeName(schema.name, prop) === undefined)
      throw new InvalidInputError(
        `${where}.properties.${prop}: schema '${schema.name}' has no such property`,
      );
  const names = collect(props, WHOLE_NAME_PROPS, where, MAX_NAME_LENGTH);
  const parts = collect(props, NAME_PART_PROPS, where, MAX_NAME_LENGTH);
  if (parts.length > 0) names.push(parts.join(" "));
  const characters = names.reduce((sum, name) => sum + name.length, 0);
  if (characters > MAX_QUERY_NAME_CHARACTERS)
    throw new InvalidInputError(
      `${where}.properties: a query's names are at most ${MAX_QUERY_NAME_CHARACTERS} characters together, these have ${characters}`,
    );
  const identifiers = collect(props, IDENTIFIER_PROPS, where);
  if (names.length === 0 && identifiers.length === 0) {
    throw new InvalidInputError(`${where}: give at least a name or an identifier`);
  }
  const birthDates: string[] = [];
  for (const date of collect(props, DATE_PROPS, where)) birthDates.push(...parseDates(date));
  const countries = new Set<string>();
  for (const country of collect(props, COUNTRY_PROPS, where)) {
    const code = countryCode(country);
    if (code) countries.add(code);
  }
  return {
    schema: schema.name,
    names: [...new Set(names)],
    birthDates,
    countries: [...countries],
    gender: collect(props, ["gender"], where)[0]?.toLowerCase(),
    identifiers,
  };
}

/** A customer-file row (`name`, `schema`, `birth_date`, `country`, `identifier`). */
export function queryFromRow(
  row: {
    name?: string;
    schema?: string;
    birth_date?: string;
    country?: string;
    identifier?: string;
  },
  where: string,
): MatchQuery {
  const schemaName = row.schema?.trim() || "LegalEntity";
  // A file's columns are generic: each goes to the first property of the row's schema that
  // takes it (a company's `birth_date` is its incorporation date, a vessel's identifier its IMO).
  const known = (candidates: string[]) =>
    findSchema(schemaName) ? candidates.find((p) => propertyTypeName(schemaName, p)) : undefined;
  const properties: Record<string, string[]> = {};
  const put = (candidates: string[], values: string[]) => {
    const prop = known(candidates);
    if (prop && values.length > 0) properties[prop] = values;
  };
  put(["name"], row.name ? [row.name] : []);
  put(["birthDate", "incorporationDate", "buildDate"], row.birth_date ? [row.birth_date] : []);
  put(["country", "jurisdiction", "flag"], row.country ? row.country.split(/[;|]/) : []);
  put(
    ["idNumber", "registrationNumber", "imoNumber"],
    row.identifier ? row.identifier.split(/[;|]/) : [],
  );
  return queryFromEntity({ schema: schemaName, properties }, where);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}
