/**
 * Entities and queries in the shape the scorer compares: prepared names, birth years and dates,
 * countries, gender and identifiers, computed once.
 */
import { getSchema } from "../model/ftm.ts";
import type { NameKind } from "../names/normalize.ts";
import { prepareName, type PreparedName } from "../names/prepare.ts";
import { entityIdentifiers, normaliseIdentifier, registrationsIn } from "./identifiers.ts";
import type { IndexedEntity, MatchQuery } from "./types.ts";

export interface Comparable {
  schema: string;
  kind: NameKind;
  names: PreparedName[];
  /** Names marked low quality by the publisher: weaker evidence when they match. */
  weakNames: PreparedName[];
  birthDates: string[];
  countries: string[];
  gender: string | undefined;
  identifiers: string[];
}

const NAME_PROPS = ["name", "alias", "previousName", "firstName"] as const;
/** The properties that hold them, shared by listed entities and queries. */
export const COUNTRY_PROPS = [
  "nationality",
  "citizenship",
  "country",
  "birthCountry",
  "jurisdiction",
  "mainCountry",
  "flag",
];

export function nameKind(schema: string): NameKind {
  const s = getSchema(schema);
  if (s.isA("Person")) return "person";
  if (s.isA("Organization") || s.isA("Vessel") || s.isA("Airplane")) return "organization";
  return "any";
}

export function prepareEntity(entity: IndexedEntity): Comparable {
  const kind = nameKind(entity.schema);
  const p = entity.properties;
  const names = new Set<string>();
  for (const prop of NAME_PROPS)
    if (prop !== "firstName") for (const v of p[prop] ?? []) names.add(v);
  return {
    schema: entity.schema,
    kind,
    names: [...names].map((n) => prepareName(n, kind)),
    weakNames: (p.weakAlias ?? []).filter((n) => !names.has(n)).map((n) => prepareName(n, kind)),
    birthDates: p.birthDate ?? [],
    countries: [...new Set(COUNTRY_PROPS.flatMap((prop) => p[prop] ?? []))],
    gender: p.gender?.[0],
    identifiers: entityIdentifiers(p),
  };
}

export function prepareQuery(query: MatchQuery): Comparable {
  const kind = nameKind(query.schema);
  return {
    schema: query.schema,
    kind,
    names: query.names.map((n) => prepareName(n, kind)),
    weakNames: [],
    birthDates: query.birthDates,
    countries: query.countries,
    gender: query.gender,
    identifiers: [
      ...query.identifiers.map(normaliseIdentifier).filter((id) => id.length >= 5),
      // Registrations are short by nature (EP-GOM): the shape itself says what they are.
      ...query.names.flatMap(registrationsIn),
    ],
  };
}
