/**
 * The in-memory screening index: every name of every listed entity, prepared, with an inverted
 * index from name trigrams and from identifiers to entities. A query takes the best-scoring
 * candidates by weighted trigram overlap (plus identifier hits) and scores only those in full.
 */
import { findSchema } from "../model/ftm.ts";
import { prepareEntity, prepareQuery, type Comparable } from "./prepared.ts";
import { scoreCandidate } from "./score.ts";
import { formTrigrams } from "./trigrams.ts";
import { weighForm } from "../names/prepare.ts";
import type { IndexedEntity, MatchOptions, MatchQuery, MatchResult } from "./types.ts";

/** Candidates scored in full per query. */
const CANDIDATES = 40;
/** Candidates kept whatever their overlap, and the share of the best overlap others need. */
const MIN_CANDIDATES = 8;
const RELATIVE_OVERLAP = 0.5;
/** The weight factor of the most common name parts. */
const MIN_RARITY = 0.3;
/** Results below this score are not returned at all. */
export const CUTOFF = 0.5;

export class ScreeningIndex {
  readonly entities: IndexedEntity[] = [];
  private readonly prepared: Comparable[] = [];
  private readonly byId = new Map<string, number>();
  private readonly postingLists = new Map<string, number[]>();
  private postings = new Map<string, { entries: Int32Array; idf: number }>();
  private readonly identifiers = new Map<string, number[]>();
  private scores = new Float64Array(0);
  /** Schema of each entity as a small number, and per query schema which of them it may find. */
  private readonly schemaNames: string[] = [];
  private schemaOf = new Uint16Array(0);
  private readonly schemaCodes: number[] = [];
  private readonly compatibleBySchema = new Map<string, Uint8Array>();

  /** Adds an entity; call build() once all are added. */
  add(entity: IndexedEntity): void {
    const index = this.entities.length;
    const prepared = prepareEntity(entity);
    this.entities.push(entity);
    this.prepared.push(prepared);
    this.byId.set(entity.id, index);
    let code = this.schemaNames.indexOf(entity.schema);
    if (code === -1) code = this.schemaNames.push(entity.schema) - 1;
    this.schemaCodes.push(code);
    const trigrams = new Set<string>();
    for (const name of [...prepared.names, ...prepared.weakNames])
      for (const form of name.forms) formTrigrams(form, trigrams);
    for (const trigram of trigrams) {
      const list = this.postingLists.get(trigram);
      if (list) list.push(index);
      else this.postingLists.set(trigram, [index]);
    }
    for (const id of prepared.identifiers) {
      const list = this.identifiers.get(id);
      if (list) list.push(index);
      else this.identifiers.set(id, [index]);
    }
  }

  build(): this {
    const n = Math.max(1, this.entities.length);
    this.weighNames();
    this.postings = new Map();
    for (const [trigram, list] of this.postingLists) {
      this.postings.set(trigram, {
        entries: Int32Array.from(list),
        idf: Math.log(1 + n / list.length),
      });
    }
    this.postingLists.clear();
    this.scores = new Float64Array(this.entities.length);
    this.schemaOf = Uint16Array.from(this.schemaCodes);
    this.compatibleBySchema.clear();
    return this;
  }

  /** Document frequency of name parts over entities, for weighing common parts down. */
  private readonly partFrequency = new Map<string, number>();

  private weighNames(): void {
    this.partFrequency.clear();
    for (const prepared of this.prepared) {
      const parts = new Set<string>();
      for (const name of [...prepared.names, ...prepared.weakNames])
        for (const form of name.forms) for (const t of form.tokens) parts.add(t);
      for (const part of parts)
        this.partFrequency.set(part, (this.partFrequency.get(part) ?? 0) + 1);
    }
    const rarity = this.rarity();
    for (const prepared of this.prepared) {
      for (const name of [...prepared.names, ...prepared.weakNames])
        for (const form of name.forms) weighForm(form, rarity);
    }
  }

  /** 1 for a part no listed name has, down to MIN_RARITY for the most common. */
  private rarity(): (token: string) => number {
    const logN = Math.log(Math.max(2, this.entities.length));
    return (token) => {
      const df = this.partFrequency.get(token) ?? 0;
      if (df <= 1) return 1;
      return MIN_RARITY + (1 - MIN_RARITY) * (Math.log(this.entities.length / df) / logN);
    };
  }

  get size(): number {
    return this.entities.length;
  }

  get(id: string): IndexedEntity | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.entities[index];
  }

  match(query: MatchQuery, options: MatchOptions): MatchResult[] {
    const q = prepareQuery(query);
    const rarity = this.rarity();
    for (const name of q.names) for (const form of name.forms) weighForm(form, rarity);
    const candidates = this.candidates(q, options);
    const results: MatchResult[] = [];
    const cache = new Map<string, number>();
    for (const index of candidates) {
      const entity = this.entities[index]!;
      const scored = scoreCandidate(q, this.prepared[index]!, cache);
      if (scored.score < CUTOFF) continue;
      results.push({ entity, ...scored, match: scored.score >= options.threshold });
    }
    results.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
    return results.slice(0, options.limit);
  }

  /** Which schema codes a query schema may find, worked out once per schema. */
  private compatibleCodes(schema: string): Uint8Array {
    let codes = this.compatibleBySchema.get(schema);
    if (!codes) {
      codes = Uint8Array.from(
        this.schemaNames.map((name) => (schemataCompatible(schema, name) ? 1 : 0)),
      );
      this.compatibleBySchema.set(schema, codes);
    }
    return codes;
  }

  private allowed(
    index: number,
    compatible: Uint8Array,
    filterSchema: Uint8Array | undefined,
    options: MatchOptions,
  ): boolean {
    const code = this.schemaOf[index]!;
    if (compatible[code] === 0 || (filterSchema && filterSchema[code] === 0)) return false;
    if (!options.includeDatasets && !options.excludeDatasets && !options.excludeEntityIds)
      return true;
    const entity = this.entities[index]!;
    if (options.excludeEntityIds?.includes(entity.id)) return false;
    if (
      options.includeDatasets &&
      !entity.datasets.some((d) => options.includeDatasets!.includes(d))
    )
      return false;
    if (
      options.excludeDatasets &&
      entity.datasets.every((d) => options.excludeDatasets!.includes(d))
    )
      return false;
    return true;
  }

  private candidates(query: Comparable, options: MatchOptions): number[] {
    const scores = this.scores;
    const compatible = this.compatibleCodes(query.schema);
    const filterSchema = options.schema ? this.compatibleCodes(options.schema) : undefined;
    const touched: number[] = [];
    const trigrams = new Set<string>();
    for (const name of query.names) for (const form of name.forms) formTrigrams(form, trigrams);
    for (const trigram of trigrams) {
      const posting = this.postings.get(trigram);
      if (!posting) continue;
      const { entries, idf } = posting;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        const before = scores[e]!;
        if (before === 0) touched.push(e);
        scores[e] = before + idf;
      }
    }
    // Keep the best CANDIDATES by overlap without sorting everything touched.
    const best: number[] = [];
    for (const e of touched) {
      const score = scores[e]!;
      if (best.length === CANDIDATES && score <= scores[best[CANDIDATES - 1]!]!) continue;
      if (!this.allowed(e, compatible, filterSchema, options)) continue;
      let at = best.length;
      while (at > 0 && scores[best[at - 1]!]! < score) at--;
      best.splice(at, 0, e);
      if (best.length > CANDIDATES) best.pop();
    }
    // Candidates far behind the best in overlap rarely win on the full score.
    const floor = best.length > 0 ? scores[best[0]!]! * RELATIVE_OVERLAP : 0;
    const kept = best.filter((e, i) => i < MIN_CANDIDATES || scores[e]! >= floor);
    for (const e of touched) scores[e] = 0;
    const chosen = new Set(kept);
    for (const id of query.identifiers) {
      for (const e of this.identifiers.get(id) ?? [])
        if (this.allowed(e, compatible, filterSchema, options)) chosen.add(e);
    }
    return [...chosen];
  }
}

const compatibility = new Map<string, boolean>();

/** A query for a LegalEntity may find a Person or a Company; a query for a Person never a Vessel. */
export function schemataCompatible(query: string, candidate: string): boolean {
  const key = `${query}>${candidate}`;
  let result = compatibility.get(key);
  if (result === undefined) {
    const q = findSchema(query);
    const c = findSchema(candidate);
    result = !!q && !!c && (q.isA(c) || c.isA(q));
    compatibility.set(key, result);
  }
  return result;
}
