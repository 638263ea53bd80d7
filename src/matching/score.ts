/**
 * The score of a candidate for a query, in [0, 1], with an explanation per feature. Names carry
 * most of it: a perfect name alone gives NAME_ONLY_CEILING, so that a name with an agreeing birth
 * date or nationality ranks above it and a conflicting birth date below. A shared identifier
 * (passport, IMO, BIC, wallet) makes a match near-certain.
 */
import { alignForms, type Alignment, type SimilarityCache } from "../names/align.ts";
import type { PreparedName } from "../names/prepare.ts";
import { birthDateFeature, countryFeature, genderFeature, identifierFeature } from "./features.ts";
import { looksLikeRegistration, sameRegistration } from "./identifiers.ts";
import type { Comparable } from "./prepared.ts";
import type { FeatureExplanation } from "./types.ts";

const NAME_ONLY_CEILING = 0.92;
const WEAK_ALIAS_FACTOR = 0.9;
const MAX_SCORE = 0.99;
const OTHER_REGISTRATION_FACTOR = 0.6;

export interface Scored {
  score: number;
  features: Record<string, number>;
  explanations: Record<string, FeatureExplanation>;
}

interface NameMatch {
  score: number;
  query: string;
  candidate: string;
  alignment: Alignment;
}

export function bestNameMatch(
  query: PreparedName[],
  names: PreparedName[],
  weak: PreparedName[],
  cache?: SimilarityCache,
): NameMatch | undefined {
  // Plain functions rather than closures: the hot path runs under tsx, whose keep-names helper
  // costs a property definition per closure created.
  const strong = bestAmong(query, names, 1, cache, undefined);
  return bestAmong(query, weak, WEAK_ALIAS_FACTOR, cache, strong);
}

function bestAmong(
  query: PreparedName[],
  candidates: PreparedName[],
  factor: number,
  cache: SimilarityCache | undefined,
  best: NameMatch | undefined,
): NameMatch | undefined {
  for (const q of query) {
    for (const c of candidates) {
      for (const qf of q.forms) {
        for (const cf of c.forms) {
          const alignment = alignForms(qf, cf, cache);
          const score = alignment.score * factor;
          if (!best || score > best.score)
            best = { score, query: q.original, candidate: c.original, alignment };
        }
      }
    }
  }
  return best;
}

/**
 * `explainFrom`: scores below it come back without the name's explanation, whose text costs more
 * than the rest of the scoring of a weak candidate (the index drops such candidates anyway).
 */
export function scoreCandidate(
  query: Comparable,
  candidate: Comparable,
  cache?: SimilarityCache,
  explainFrom = 0,
): Scored {
  const explanations: Record<string, FeatureExplanation> = {};
  const features: Record<string, number> = {};
  const name = bestNameMatch(query.names, candidate.names, candidate.weakNames, cache);
  const nameScore = name?.score ?? 0;
  features.name = roundScore(nameScore);
  const identifier = identifierFeature(query.identifiers, candidate.identifiers);
  let score: number;
  if (identifier) {
    features.identifier = 1;
    explanations.identifier = identifier;
    score = roundScore(0.95 + 0.04 * nameScore);
  } else {
    score = nameScore * NAME_ONLY_CEILING;
    // A registration typed as the name (RA-86555) names one aircraft or vessel: another
    // registration a character away is another one.
    if (name && isRegistration(name.query) && !sameRegistration(name.query, name.candidate))
      score *= OTHER_REGISTRATION_FACTOR;
    const others: Array<[string, FeatureExplanation | undefined]> = [
      ["birth_date", birthDateFeature(query.birthDates, candidate.birthDates)],
      ["country", countryFeature(query.countries, candidate.countries)],
      ["gender", genderFeature(query.gender, candidate.gender)],
    ];
    for (const [key, feature] of others) {
      if (!feature) continue;
      // Supporting evidence only counts for names that already match; conflicts always count.
      const weight = feature.weight > 0 ? feature.weight * nameScore : feature.weight;
      features[key] = roundScore(weight);
      explanations[key] = { ...feature, weight: roundScore(weight) };
      score += weight;
    }
    score = roundScore(Math.min(MAX_SCORE, Math.max(0, score)));
  }
  // The name's explanation comes first.
  if (!name || score < explainFrom) return { score, features, explanations };
  return { score, features, explanations: { name: nameExplanation(name), ...explanations } };
}

/** A registration by its shape, with a digit or a hyphen in it: "Tom Wilson" has the shape of "EP GOM". */
function isRegistration(name: string): boolean {
  return /[\d-]/.test(name) && looksLikeRegistration(name);
}

function nameExplanation(name: NameMatch): FeatureExplanation {
  const pairs = name.alignment.pairs
    .map((p) => `${p.query}~${p.candidate} ${p.similarity.toFixed(2)}`)
    .join(", ");
  return {
    weight: roundScore(name.score * NAME_ONLY_CEILING),
    detail:
      `'${name.query}' ~ '${name.candidate}' (${pairs || "no parts aligned"})` +
      (name.alignment.notes?.length ? `; ${name.alignment.notes.join("; ")}` : ""),
  };
}

/** Scores and feature weights to four decimals, as they are shown and compared. */
export function roundScore(value: number): number {
  return Math.round(value * 10000) / 10000;
}
