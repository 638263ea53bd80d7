/**
 * Similarity of two prepared name forms, independent of word order and of how syllables are
 * joined (Ho-jin = Hojin = Ho Jin): tokens, and joined pairs of neighbouring short tokens, are
 * aligned one-to-one, best pairs first; each pair counts by its characters and by how alike it
 * is. Parts left over on one side only (a patronymic the query lacks) cost little once two or
 * more parts agree; parts left over on both sides are a conflict (Kim Jong Un vs Kim Yo Jong).
 */
import { jaroWinkler } from "./jaro-winkler.ts";
import { consonantSkeleton } from "./phonetic.ts";
import type { NameUnit, PreparedForm } from "./prepare.ts";

/** Below this similarity two parts are different names, not variants of one. */
const FLOOR = 0.72;
const CONFLICT_FACTOR = 0.9;
const SHORT_PART_PENALTY = 0.08;
const ORG_EXTRA_WORD_FACTOR = 0.85;

export interface AlignedPair {
  query: string;
  candidate: string;
  similarity: number;
}

export interface Alignment {
  score: number;
  pairs: AlignedPair[];
}

/** How alike two parts are, from their spelling and their phonetic keys. */
export function partSimilarity(a: string, b: string, keyA: string, keyB: string): number {
  if (a === b) return 1;
  // Numbers in names (Office 39, 2nd Economic Committee) are equal or different, never alike.
  if (isDigit(a.charCodeAt(0)) || isDigit(b.charCodeAt(0))) return 0;
  if (keyA === keyB && a.length > 1 && b.length > 1) return 0.97;
  if (keyA === keyB && (a.length > 1 || b.length > 1)) return 0.95;
  if (a.length === 1 || b.length === 1) {
    // An initial stands for any part with that first letter, but proves little.
    return a[0] === b[0] ? 0.85 : 0;
  }
  // Short parts pay a length penalty below; when it alone sinks them, skip the comparison.
  const shortestLength = Math.min(a.length, b.length);
  if (shortestLength <= 3 && 1 - 0.12 * Math.abs(a.length - b.length) - SHORT_PART_PENALTY < FLOOR)
    return 0;
  const spelled = jaroWinkler(a, b);
  // The phonetic keys can only help when they differ from the spellings and could beat them.
  const sounded = spelled < 0.95 && (keyA !== a || keyB !== b) ? jaroWinkler(keyA, keyB) * 0.95 : 0;
  const similarity = Math.max(spelled, sounded);
  // Jaro–Winkler rates a short part inside a longer one highly ("un" in "jung"); short name
  // parts must differ in length little to be variants of each other.
  // Korean syllables a letter apart are usually other syllables (Jon/Jong, Pak/Paek): short
  // parts whose phonetic keys differ are held to a stricter standard.
  const shortest = Math.min(a.length, b.length);
  if (shortest > 4) return similarity;
  const lengthPenalty = shortest <= 3 ? 0.12 * Math.abs(a.length - b.length) : 0;
  return similarity - lengthPenalty - SHORT_PART_PENALTY;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function credit(similarity: number): number {
  return similarity < FLOOR ? 0 : (similarity - FLOOR) / (1 - FLOOR);
}

interface Candidate {
  q: NameUnit;
  c: NameUnit;
  sim: number;
}

/** Pairs remembered before the cache starts afresh (some 40 MB at most). */
const CACHE_LIMIT = 500_000;

/**
 * Part similarities remembered across queries. Name parts follow a steep frequency curve in
 * lists and customer files alike (Kim, Mohammad, Trading), so most pairs recur; a pair's
 * similarity depends only on the two parts' spellings and phonetic keys.
 */
export class SimilarityCache {
  private readonly byQueryPart = new Map<string, Map<string, number>>();
  private size = 0;

  similarity(q: NameUnit, c: NameUnit): number {
    const qId = (q.id ??= unitId(q));
    const cId = (c.id ??= unitId(c));
    let known = this.byQueryPart.get(qId);
    if (!known) {
      known = new Map();
      this.byQueryPart.set(qId, known);
    }
    let sim = known.get(cId);
    if (sim === undefined) {
      sim = partSimilarity(q.text, c.text, q.key, c.key);
      if (this.size >= CACHE_LIMIT) {
        this.byQueryPart.clear();
        this.size = 0;
        this.byQueryPart.set(qId, known);
        known.clear();
      }
      known.set(cId, sim);
      this.size++;
    }
    return sim;
  }
}

/** A part's spelling and key in one string; most keys differ from the spelling. */
function unitId(unit: NameUnit): string {
  return unit.key === unit.text ? unit.text : `${unit.text}\u0000${unit.key}`;
}

/** Parts compared by their consonants, when one side was romanised from an abjad. */
function consonantSimilarity(q: NameUnit, c: NameUnit): number {
  const qc = (q.cons ??= consonantSkeleton(q.text));
  const cc = (c.cons ??= consonantSkeleton(c.text));
  if (qc.length === 0 || cc.length === 0) return 0;
  if (qc === cc) return 0.97;
  return Math.min(qc.length, cc.length) >= 3 ? jaroWinkler(qc, cc) * 0.9 : 0;
}

function cachedSimilarity(
  q: NameUnit,
  c: NameUnit,
  cache: SimilarityCache | undefined,
  abjad: boolean,
): number {
  if (abjad)
    return Math.max(partSimilarity(q.text, c.text, q.key, c.key), consonantSimilarity(q, c));
  return cache ? cache.similarity(q, c) : partSimilarity(q.text, c.text, q.key, c.key);
}

export function alignForms(
  query: PreparedForm,
  candidate: PreparedForm,
  cache?: SimilarityCache,
): Alignment {
  const scored: Candidate[] = [];
  const abjad = query.abjad || candidate.abjad;
  for (const q of query.units) {
    const qJoined = (q.mask & (q.mask - 1)) !== 0;
    for (const c of candidate.units) {
      // Joined syllables meet spaced ones; joined against joined repeats what their parts found.
      if (qJoined && (c.mask & (c.mask - 1)) !== 0) continue;
      const sim = cachedSimilarity(q, c, cache, abjad);
      if (sim >= FLOOR) scored.push({ q, c, sim });
    }
  }
  if (scored.length === 0) return { score: 0, pairs: [] };
  scored.sort((x, y) => y.sim - x.sim || y.q.weight + y.c.weight - (x.q.weight + x.c.weight));
  let usedQ = 0;
  let usedC = 0;
  let matched = 0;
  let matchedQ = 0;
  let matchedC = 0;
  let creditSum = 0;
  let tokensMatched = 0;
  const pairs: AlignedPair[] = [];
  for (const { q, c, sim } of scored) {
    if ((usedQ & q.mask) !== 0 || (usedC & c.mask) !== 0) continue;
    usedQ |= q.mask;
    usedC |= c.mask;
    const value = credit(sim);
    matched += value * (q.weight + c.weight);
    matchedQ += q.weight;
    matchedC += c.weight;
    creditSum += value;
    tokensMatched += popcount(q.mask);
    pairs.push({ query: q.text, candidate: c.text, similarity: sim });
  }
  const total = query.length + candidate.length;
  let score = matched / total;
  const queryCovered = matchedQ >= query.length - 1e-9;
  const candidateCovered = matchedC >= candidate.length - 1e-9;
  // Every part of the query found in a fuller listed name (a patronymic, a second given name).
  // Not the other way round: a short listed alias ("Bank for Development") inside a longer query
  // says little.
  if (tokensMatched >= 2 && queryCovered && !candidateCovered && matchedC * 2 >= candidate.length) {
    score = Math.max(score, (creditSum / pairs.length) * (0.8 + 0.2 * score));
  } else if (!queryCovered && !candidateCovered) {
    score *= CONFLICT_FACTOR;
  } else if (!queryCovered && query.kind !== "person") {
    // An organisation named with a word the listed name lacks is usually another organisation
    // ("Amnokkang Development Bank" is not the "Bank for Development").
    score *= ORG_EXTRA_WORD_FACTOR;
  }
  return { score, pairs };
}
