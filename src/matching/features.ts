/**
 * The non-name evidence of a match, each as a signed contribution with a sentence that says why:
 * birth dates (agreeing to the day, the year, or conflicting), countries, gender, identifiers.
 */
import type { FeatureExplanation } from "./types.ts";

export const WEIGHTS = {
  birthDateExact: 0.06,
  birthYear: 0.03,
  birthDateConflict: -0.3,
  birthDateNear: -0.08,
  countryMatch: 0.03,
  countryConflict: -0.08,
  genderConflict: -0.15,
} as const;

/** Two ISO date prefixes agree when the shorter is a prefix of the longer. */
function agree(a: string, b: string): boolean {
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

export function birthDateFeature(
  query: string[],
  candidate: string[],
): FeatureExplanation | undefined {
  if (query.length === 0 || candidate.length === 0) return undefined;
  let best: FeatureExplanation | undefined;
  for (const q of query) {
    for (const c of candidate) {
      if (agree(q, c)) {
        const exact = Math.min(q.length, c.length) >= 10;
        const found = exact
          ? { weight: WEIGHTS.birthDateExact, detail: `birth date ${q} = ${c}` }
          : { weight: WEIGHTS.birthYear, detail: `birth date ${q} agrees with ${c}` };
        if (!best || found.weight > best.weight) best = found;
      }
    }
  }
  if (best) return best;
  const gap = Math.min(
    ...query.flatMap((q) =>
      candidate.map((c) => Math.abs(Number(q.slice(0, 4)) - Number(c.slice(0, 4)))),
    ),
  );
  return gap <= 1
    ? {
        weight: WEIGHTS.birthDateNear,
        detail: `birth dates ${query.join(", ")} and ${candidate.join(", ")} differ by a year at most`,
      }
    : {
        weight: WEIGHTS.birthDateConflict,
        detail: `birth dates ${query.join(", ")} conflict with ${candidate.join(", ")}`,
      };
}

export function countryFeature(
  query: string[],
  candidate: string[],
): FeatureExplanation | undefined {
  if (query.length === 0 || candidate.length === 0) return undefined;
  const shared = query.filter((c) => candidate.includes(c));
  if (shared.length > 0)
    return { weight: WEIGHTS.countryMatch, detail: `country ${shared.join(", ")} in common` };
  return {
    weight: WEIGHTS.countryConflict,
    detail: `countries ${query.join(", ")} vs ${candidate.join(", ")}`,
  };
}

export function genderFeature(
  query: string | undefined,
  candidate: string | undefined,
): FeatureExplanation | undefined {
  if (!query || !candidate || query === candidate) return undefined;
  return { weight: WEIGHTS.genderConflict, detail: `gender ${query} vs ${candidate}` };
}

export function identifierFeature(
  query: string[],
  candidate: string[],
): FeatureExplanation | undefined {
  const shared = query.filter((id) => candidate.includes(id));
  if (shared.length === 0) return undefined;
  return { weight: 1, detail: `identifier ${shared.join(", ")} in common` };
}
