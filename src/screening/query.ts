/**
 * Queries as clients send them — yente's `{schema, properties}` or a row of a customer file — to
 * the engine's MatchQuery, with values cleaned like listed ones (dates to ISO prefixes,
 * countries to codes).
 */
import { InvalidInputError } from "../errors.ts";
import { parseDates } from "../model/clean/dates.ts";
import { countryCode } from "../model/clean/countries.ts";
import { findSchema } from "../model/ftm.ts";
import { IDENTIFIER_PROPS } from "../matching/identifiers.ts";
import { COUNTRY_PROPS } from "../matching/prepared.ts";
import type { MatchQuery } from "../matching/types.ts";

const NAME_PROPS = [
  "name",
  "alias",
  "firstName",
  "lastName",
  "middleName",
  "secondName",
  "fatherName",
  "weakAlias",
  "previousName",
];
const DATE_PROPS = ["birthDate", "incorporationDate", "buildDate"];

export interface EntityLikeQuery {
  schema: string;
  properties: Record<string, unknown>;
}

function strings(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => {
      if (typeof v !== "string" && typeof v !== "number")
        throw new InvalidInputError(`${field}: values must be strings`);
      return String(v).trim();
    })
    .filter(Boolean);
}

/** yente's query shape to a MatchQuery; refuses unknown schemata and queries without a name or id. */
export function queryFromEntity(input: EntityLikeQuery, where = "query"): MatchQuery {
  const schema = findSchema(input.schema);
  if (!schema) throw new InvalidInputError(`${where}: unknown schema '${input.schema}'`);
  if (!schema.matchable)
    throw new InvalidInputError(`${where}: schema '${input.schema}' cannot be matched`);
  const props = input.properties ?? {};
  const get = (prop: string): string[] => strings(props[prop], `${where}.properties.${prop}`);
  const names = NAME_PROPS.filter(
    (p) => !["firstName", "lastName", "middleName", "secondName", "fatherName"].includes(p),
  ).flatMap(get);
  const parts = ["firstName", "secondName", "middleName", "fatherName", "lastName"].flatMap(get);
  if (parts.length > 0) names.push(parts.join(" "));
  const identifiers = IDENTIFIER_PROPS.flatMap(get);
  if (names.length === 0 && identifiers.length === 0) {
    throw new InvalidInputError(`${where}: give at least a name or an identifier`);
  }
  return {
    schema: schema.name,
    names: [...new Set(names)],
    birthDates: DATE_PROPS.flatMap(get).flatMap((d) => parseDates(d)),
    countries: [
      ...new Set(
        COUNTRY_PROPS.flatMap(get)
          .map((c) => countryCode(c))
          .filter((c): c is string => !!c),
      ),
    ],
    gender: get("gender")[0]?.toLowerCase(),
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
  return queryFromEntity(
    {
      schema: row.schema?.trim() || "LegalEntity",
      properties: {
        name: row.name ? [row.name] : [],
        birthDate: row.birth_date ? [row.birth_date] : [],
        country: row.country ? row.country.split(/[;|]/) : [],
        idNumber: row.identifier ? row.identifier.split(/[;|]/) : [],
      },
    },
    where,
  );
}
