/**
 * Candidate pairs and their scores. Blocking is the screening index itself: each source entity is
 * screened, with all its names, dates, countries and identifiers, against the entities of the
 * other datasets, and the best answers become candidate pairs. Pairs that cite the same
 * designation (a UK or EU entry's UN reference, a Consolidated Screening List row's OFAC entry
 * number) are candidates whatever their names, and such a citation decides them.
 */
import type { ScreeningIndex } from "../matching/index.ts";
import { schemataCompatible } from "../matching/index.ts";
import type { FeatureExplanation, IndexedEntity, MatchQuery } from "../matching/types.ts";
import type { Entity } from "../model/entity.ts";
import { entityIdentifiers } from "../matching/identifiers.ts";
import { COUNTRY_PROPS } from "../matching/prepared.ts";
import { roundScore } from "../matching/score.ts";
import { foldName } from "../names/normalize.ts";
import { getSchema } from "../model/ftm.ts";
import { orderedPair } from "../store/resolution/resolution-store.ts";

export interface ScoredPair {
  left: string;
  right: string;
  score: number;
  features: Record<string, number>;
  explanations: Record<string, FeatureExplanation>;
}

export interface PairOptions {
  /** Pairs scoring below this are not kept at all. */
  floor: number;
  /** Best answers kept per screened entity. */
  perEntity: number;
  /** Whether shared list references count (off when they are the truth being evaluated). */
  useReferences: boolean;
  /** Whether identifiers (passports, IMO numbers) are screened (off likewise). */
  useIdentifiers: boolean;
}

export const DEFAULT_PAIR_OPTIONS: PairOptions = {
  floor: 0.7,
  perEntity: 8,
  useReferences: true,
  useIdentifiers: true,
};

/** Names screened per entity, at most: a few designees carry dozens of spellings. */
const MAX_QUERY_NAMES = 24;
/** A reference shared by more records than this is not one designation (bad data): skipped. */
const MAX_REFERENCE_GROUP = 12;

/**
 * The references of a party: `unsc:KPI.033` from any list's UN reference, `ofac:12345` from an
 * OFAC entry number (on OFAC's own lists and the Consolidated Screening List's Treasury rows).
 */
export function referenceKeys(sanctions: Entity[]): string[] {
  const keys = new Set<string>();
  for (const sanction of sanctions) {
    const p = sanction.properties;
    for (const ref of p.unscId ?? []) keys.add(`unsc:${compactReference(ref)}`);
    const authority = (p.authority ?? []).join(" ");
    if (/Foreign Assets Control|Treasury/i.test(authority)) {
      for (const ref of p.authorityId ?? []) keys.add(`ofac:${compactReference(ref)}`);
    }
  }
  return [...keys];
}

function compactReference(ref: string): string {
  return ref.toUpperCase().replace(/\s+/g, "").replace(/\.$/, "");
}

export function entityQuery(entity: IndexedEntity, useIdentifiers: boolean): MatchQuery {
  const p = entity.properties;
  const names = [...new Set([...(p.name ?? []), ...(p.alias ?? []), ...(p.previousName ?? [])])];
  return {
    schema: entity.schema,
    names: names.slice(0, MAX_QUERY_NAMES),
    birthDates: p.birthDate ?? [],
    countries: [...new Set(COUNTRY_PROPS.flatMap((prop) => p[prop] ?? []))],
    ...(p.gender?.[0] ? { gender: p.gender[0] } : {}),
    identifiers: useIdentifiers ? entityIdentifiers(p) : [],
  };
}

/**
 * Every candidate pair across datasets with its best score. `references` maps entity ids to
 * their reference keys; `onEntity` reports progress.
 */
export function scorePairs(
  index: ScreeningIndex,
  references: Map<string, string[]>,
  options: PairOptions,
  onEntity?: (done: number) => void,
): ScoredPair[] {
  const pairs = new Map<string, ScoredPair>();
  const keep = (pair: ScoredPair): void => {
    const key = `${pair.left}\u0000${pair.right}`;
    const existing = pairs.get(key);
    if (!existing || existing.score < pair.score) pairs.set(key, pair);
  };
  let done = 0;
  for (const entity of index.entities) {
    const results = index.match(entityQuery(entity, options.useIdentifiers), {
      limit: options.perEntity,
      threshold: 1,
      excludeDatasets: entity.datasets,
    });
    for (const result of results) {
      if (result.score < options.floor) continue;
      const [left, right] = orderedPair(entity.id, result.entity.id);
      keep({ left, right, ...refine(entity, result.entity, result) });
    }
    onEntity?.(++done);
  }
  if (options.useReferences) {
    for (const pair of referencePairs(index, references)) {
      const key = `${pair.left}\u0000${pair.right}`;
      const named = pairs.get(key);
      pairs.set(key, {
        ...pair,
        features: { ...named?.features, ...pair.features },
        explanations: { ...named?.explanations, ...pair.explanations },
      });
    }
  }
  return [...pairs.values()].sort(
    (a, b) => b.score - a.score || a.left.localeCompare(b.left) || a.right.localeCompare(b.right),
  );
}

/** A shared identifier proves little when the names do not agree at all (successor companies, reused numbers). */
const IDENTIFIER_NEEDS_NAME = 0.3;
const IDENTIFIER_WITHOUT_NAME_CEILING = 0.9;
/** Evidence that one record copies another: most of their spellings and an address in common. */
const SHARED_NAMES_WEIGHT = 0.05;
const SHARED_NAMES_SHARE = 0.75;
const SHARED_ADDRESS_WEIGHT = 0.03;

/**
 * Screening scores one query against one record; two records also agree (or not) in how many of
 * their spellings and addresses they share, which lists that copy each other (the Consolidated
 * Screening List from OFAC's, the UK's from the UN's) do almost entirely.
 */
function refine(
  a: IndexedEntity,
  b: IndexedEntity,
  scored: Pick<ScoredPair, "score" | "features" | "explanations">,
): Pick<ScoredPair, "score" | "features" | "explanations"> {
  let score = scored.score;
  const features = { ...scored.features };
  const explanations = { ...scored.explanations };
  if (features.identifier && (features.name ?? 0) < IDENTIFIER_NEEDS_NAME) {
    score = Math.min(score, IDENTIFIER_WITHOUT_NAME_CEILING);
    explanations.identifier = {
      ...explanations.identifier!,
      detail: `${explanations.identifier!.detail}, but the names disagree`,
    };
  } else if (!features.identifier) {
    const namesA = foldedValues(a, ["name", "alias", "previousName"]);
    const namesB = foldedValues(b, ["name", "alias", "previousName"]);
    const sharedNames = [...namesA].filter((n) => namesB.has(n)).length;
    const share = sharedNames / Math.max(1, Math.min(namesA.size, namesB.size));
    if (sharedNames >= 2 && share >= SHARED_NAMES_SHARE) {
      const weight = SHARED_NAMES_WEIGHT * share;
      features.shared_names = roundScore(weight);
      explanations.shared_names = {
        weight: roundScore(weight),
        detail: `${sharedNames} of ${Math.min(namesA.size, namesB.size)} spellings in common`,
      };
      score += weight;
    }
    const position = sharedPosition(a, b);
    if (position && (features.name ?? 0) > 0) {
      const weight = roundScore(SHARED_POSITION_WEIGHT * position.share);
      features.position = weight;
      explanations.position = { weight, detail: `same post: '${position.text}'` };
      score += weight;
    }
    const addressesB = foldedValues(b, ["address"]);
    const address = [...foldedValues(a, ["address"])].find((x) => addressesB.has(x));
    if (address && (features.name ?? 0) > 0) {
      features.address = SHARED_ADDRESS_WEIGHT;
      explanations.address = { weight: SHARED_ADDRESS_WEIGHT, detail: `same address '${address}'` };
      score += SHARED_ADDRESS_WEIGHT;
    }
  }
  const supported = Object.entries(features).some(([key, value]) => key !== "name" && value > 0);
  if (!supported && getSchema(a.schema).isA("Person") && score > PERSON_NAME_ONLY_CEILING) {
    // Two people of the same name are common; two firms or ships of one name far less so.
    score = PERSON_NAME_ONLY_CEILING;
    explanations.name_only = {
      weight: 0,
      detail: "a person's name with nothing else agreeing waits for a reviewer",
    };
  }
  return { score: roundScore(Math.min(MAX_PAIR_SCORE, score)), features, explanations };
}

const PERSON_NAME_ONLY_CEILING = 0.9;

/**
 * Officials are listed by their post ("First Vice Director of the Propaganda and Agitation
 * Department"); two records naming the same post, word for word or one inside the other, agree.
 */
const SHARED_POSITION_WEIGHT = 0.04;
const MIN_POSITION_WORDS = 3;
const SHARED_POSITION_SHARE = 0.7;
const POSITION_STOPWORDS = new Set(["of", "the", "and", "for", "in", "to", "a", "s"]);

function sharedPosition(
  a: IndexedEntity,
  b: IndexedEntity,
): { text: string; share: number } | undefined {
  const words = (text: string): Set<string> =>
    new Set(
      foldName(text)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 0 && !POSITION_STOPWORDS.has(w)),
    );
  let best: { text: string; share: number } | undefined;
  for (const textA of [...(a.properties.position ?? []), ...(a.properties.title ?? [])]) {
    const wordsA = words(textA);
    if (wordsA.size < MIN_POSITION_WORDS) continue;
    for (const textB of [...(b.properties.position ?? []), ...(b.properties.title ?? [])]) {
      const wordsB = words(textB);
      if (wordsB.size < MIN_POSITION_WORDS) continue;
      const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
      const share = shared / Math.min(wordsA.size, wordsB.size);
      if (share >= SHARED_POSITION_SHARE && (!best || share > best.share))
        best = { text: wordsA.size <= wordsB.size ? textA : textB, share };
    }
  }
  return best;
}

/** Below the 1.0 that only a shared list reference gives. */
const MAX_PAIR_SCORE = 0.99;

function foldedValues(entity: IndexedEntity, props: string[]): Set<string> {
  const out = new Set<string>();
  for (const prop of props)
    for (const value of entity.properties[prop] ?? [])
      out.add(
        foldName(value)
          .replace(/[^a-z0-9]+/g, " ")
          .trim(),
      );
  out.delete("");
  return out;
}

function referencePairs(index: ScreeningIndex, references: Map<string, string[]>): ScoredPair[] {
  const byKey = new Map<string, string[]>();
  for (const [id, keys] of references) {
    if (!index.get(id)) continue;
    for (const key of keys) {
      const ids = byKey.get(key);
      if (ids) ids.push(id);
      else byKey.set(key, [id]);
    }
  }
  const pairs: ScoredPair[] = [];
  for (const [key, ids] of byKey) {
    if (ids.length < 2 || ids.length > MAX_REFERENCE_GROUP) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = index.get(ids[i]!)!;
        const b = index.get(ids[j]!)!;
        if (a.datasets.some((d) => b.datasets.includes(d))) continue;
        if (!schemataCompatible(a.schema, b.schema)) continue;
        const [left, right] = orderedPair(a.id, b.id);
        const [authority, ref] = key.split(":", 2) as [string, string];
        pairs.push({
          left,
          right,
          score: 1,
          features: { list_reference: 1 },
          explanations: {
            list_reference: {
              weight: 1,
              detail: `both cite ${authority === "unsc" ? "UN reference" : "OFAC entry"} ${ref}`,
            },
          },
        });
      }
    }
  }
  return pairs;
}
