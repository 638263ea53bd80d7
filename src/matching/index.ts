/**
 * The in-memory screening index: every name of every listed entity, prepared, with an inverted
 * index from name trigrams to names and from identifiers to entities. A query picks the listed
 * names with the best weighted trigram overlap, aligns only those in full, and adds the other
 * features of their entities; identifier hits are always scored.
 */
import { findSchema } from "../model/ftm.ts";
import { SimilarityCache } from "../names/align.ts";
import { weighForm, type PreparedName } from "../names/prepare.ts";
import { prepareEntity, prepareQuery, type Comparable } from "./prepared.ts";
import { scoreCandidate } from "./score.ts";
import { formTrigrams, formTrigramsOf } from "./trigrams.ts";
import { keyFit, listedKeys, queryKeys } from "./keys.ts";
import { registrationsIn } from "./identifiers.ts";
import { mergeEntities } from "../model/merge.ts";
import type { EntityPart, IndexedEntity, MatchOptions, MatchQuery, MatchResult } from "./types.ts";

/** Listed names aligned in full per query, at most. */
const CANDIDATE_NAMES = 16;
/** Names kept whatever their overlap, and the share of the best overlap the others need. */
const MIN_CANDIDATE_NAMES = 4;
/**
 * Names of one entity among them, at most: a body listed with twenty spellings of "Foreign Trade
 * Bank" would otherwise fill every place, and the other bodies a query may mean go unscored.
 */
const NAMES_PER_ENTITY = 3;
const RELATIVE_OVERLAP = 0.6;
/**
 * The share of the query's own trigram weight (over the trigrams read) a name must overlap to be
 * aligned at all. Most customers match nobody; this spares aligning their best-but-hopeless
 * names. On eval:screening no true spelling falls below 0.4 (the lowest is a UN designee's
 * alias between 0.4 and 0.5). On 20,000 bench customers 0.35 drops 11 results, all scored
 * below 0.6 and none the best or a match; 0.3 dropped one.
 */
const ABSOLUTE_OVERLAP = 0.35;
/** Trigrams always counted, and the posting length beyond which further ones are skipped. */
const MIN_TRIGRAMS = 4;
const COMMON_POSTING = 800;
/** Posting entries read per query before further (commoner) trigrams are left out. */
const POSTING_BUDGET = 4000;
/** The weight factor of the most common name parts. */
const MIN_RARITY = 0.3;
/** Callers' views of merged entities kept before the cache starts afresh. */
const MAX_VIEWS = 20_000;
/**
 * Names a key (acronym, sound) finds are checked one by one; a key naming more is too common to
 * tell (the initials of Korea … Trading Corporation), and at most KEYED_NAMES are scored.
 */
const MAX_KEY_POSTING = 256;
const KEYED_NAMES = 8;
/** Results below this score are not returned at all. */
export const CUTOFF = 0.5;

interface Posting {
  entries: Int32Array;
  idf: number;
  trigram: string;
}

export class ScreeningIndex {
  readonly entities: IndexedEntity[] = [];
  private readonly prepared: Comparable[] = [];
  private readonly byId = new Map<string, number>();
  /** Every listed name: the entity it belongs to, and whether the publisher marked it weak. */
  private readonly nameEntity: number[] = [];
  private readonly names: PreparedName[] = [];
  private readonly nameIsWeak: boolean[] = [];
  private readonly postingLists = new Map<string, number[]>();
  private postings = new Map<string, Posting>();
  /** Listed names by the keys of keys.ts; keys naming more than MAX_KEY_POSTING names are dropped. */
  private keyPostingLists = new Map<string, number[]>();
  private keyPostings = new Map<string, Int32Array>();
  /** Trigrams per name, to prefer the shorter of names that overlap a query alike. */
  private readonly nameTrigramCounts: number[] = [];
  private nameSize = new Uint16Array(0);
  private readonly identifiers = new Map<string, number[]>();
  private scores = new Float64Array(0);
  /** Names touched by the current query, reused across queries (no allocation per query). */
  private touched = new Int32Array(0);
  private nameEntityArray = new Int32Array(0);
  /** Schema of each entity as a small number, and per query schema which of them it may find. */
  private readonly schemaNames: string[] = [];
  private schemaOf = new Uint16Array(0);
  private readonly schemaCodes: number[] = [];
  private readonly compatibleBySchema = new Map<string, Uint8Array>();
  /** Document frequency of name parts over entities, for weighing common parts down. */
  private readonly partFrequency = new Map<string, number>();
  private readonly similarities = new SimilarityCache();

  /** The records of entities merged from more than one dataset, by entity index. */
  private readonly parts = new Map<number, EntityPart[]>();
  /** Every dataset an indexed entity comes from, worked out on the first match. */
  private datasetNames: Set<string> | undefined;
  /** Callers' views of merged entities, by entity index and readable datasets. */
  private readonly views = new Map<
    string,
    { entity: IndexedEntity; prepared: Comparable } | null
  >();

  /** Adds an entity (with its records, when merged from several datasets); call build() once all are added. */
  add(entity: IndexedEntity, parts?: EntityPart[]): void {
    const index = this.entities.length;
    if (parts && parts.length > 1) this.parts.set(index, parts);
    const prepared = prepareEntity(entity);
    this.entities.push(entity);
    this.prepared.push(prepared);
    this.byId.set(entity.id, index);
    let code = this.schemaNames.indexOf(entity.schema);
    if (code === -1) code = this.schemaNames.push(entity.schema) - 1;
    this.schemaCodes.push(code);
    const addName = (name: PreparedName, weak: boolean): void => {
      const nameId = this.names.length;
      this.names.push(name);
      this.nameEntity.push(index);
      this.nameIsWeak.push(weak);
      const trigrams = new Set<string>();
      for (const form of name.forms) formTrigrams(form, trigrams);
      for (const trigram of trigrams) {
        const list = this.postingLists.get(trigram);
        if (list) list.push(nameId);
        else this.postingLists.set(trigram, [nameId]);
      }
      this.nameTrigramCounts.push(Math.min(trigrams.size, 0xffff));
      const keys = new Set(name.forms.flatMap((form) => listedKeys(form, spelledOut)));
      for (const key of keys) {
        const list = this.keyPostingLists.get(key);
        if (!list) this.keyPostingLists.set(key, [nameId]);
        else if (list.length <= MAX_KEY_POSTING) list.push(nameId);
      }
    };
    const spelledOut = [...prepared.names, ...prepared.weakNames].some((n) =>
      n.forms.some((f) => f.tokens.length > 1),
    );
    for (const name of prepared.names) addName(name, false);
    for (const name of prepared.weakNames) addName(name, true);
    for (const id of prepared.identifiers) {
      const list = this.identifiers.get(id);
      if (list) list.push(index);
      else this.identifiers.set(id, [index]);
    }
  }

  build(): this {
    this.weighNames();
    const n = Math.max(1, this.names.length);
    this.postings = new Map();
    for (const [trigram, list] of this.postingLists) {
      this.postings.set(trigram, {
        entries: Int32Array.from(list),
        idf: Math.log(1 + n / list.length),
        trigram,
      });
    }
    this.postingLists.clear();
    this.keyPostings = new Map();
    for (const [key, list] of this.keyPostingLists)
      if (list.length <= MAX_KEY_POSTING) this.keyPostings.set(key, Int32Array.from(list));
    this.keyPostingLists.clear();
    this.nameSize = Uint16Array.from(this.nameTrigramCounts);
    this.scores = new Float64Array(this.names.length);
    this.touched = new Int32Array(this.names.length);
    this.nameEntityArray = Int32Array.from(this.nameEntity);
    this.schemaOf = Uint16Array.from(this.schemaCodes);
    this.compatibleBySchema.clear();
    return this;
  }

  private weighNames(): void {
    this.partFrequency.clear();
    for (const prepared of this.prepared) {
      const parts = new Set<string>();
      for (const name of [...prepared.names, ...prepared.weakNames]) {
        for (const form of name.forms) for (const t of form.tokens) parts.add(t);
      }
      for (const part of parts)
        this.partFrequency.set(part, (this.partFrequency.get(part) ?? 0) + 1);
    }
    const rarity = this.rarity();
    for (const name of this.names) for (const form of name.forms) weighForm(form, rarity);
  }

  /** 1 for a part no other listed entity has, down to MIN_RARITY for the most common. */
  private rarity(): (token: string) => number {
    const count = Math.max(2, this.entities.length);
    const logN = Math.log(count);
    return (token) => {
      const df = this.partFrequency.get(token) ?? 0;
      if (df <= 1) return 1;
      return MIN_RARITY + (1 - MIN_RARITY) * (Math.log(count / df) / logN);
    };
  }

  get size(): number {
    return this.entities.length;
  }

  get(id: string): IndexedEntity | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.entities[index];
  }

  match(query: MatchQuery, given: MatchOptions): MatchResult[] {
    const options = this.withoutNoOpFilters(given);
    const q = prepareQuery(query);
    const rarity = this.rarity();
    for (const name of q.names) for (const form of name.forms) weighForm(form, rarity);
    const results: MatchResult[] = [];
    for (const [index, names] of this.candidates(q, options)) {
      // A caller who may read only some of a merged entity's lists sees it merged from those.
      const view = this.viewOf(index, options.readableDatasets);
      if (view === null) continue;
      const prepared = this.prepared[index]!;
      const only = names
        ? {
            names: names.filter((n) => !n.weak).map((n) => n.name),
            weakNames: names.filter((n) => n.weak).map((n) => n.name),
          }
        : prepared;
      const scored = scoreCandidate(
        q,
        view?.prepared ?? { ...prepared, ...only },
        this.similarities,
        CUTOFF,
      );
      if (scored.score < CUTOFF) continue;
      results.push({
        entity: view?.entity ?? this.entities[index]!,
        ...scored,
        match: scored.score >= options.threshold,
      });
    }
    results.sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id));
    return results.slice(0, options.limit);
  }

  /**
   * An entity as a caller who may read only the `readable` datasets sees it (all of them when
   * undefined): merged from its readable records; undefined when it has none, or is not listed.
   */
  seenBy(id: string, readable: string[] | undefined): IndexedEntity | undefined {
    const index = this.byId.get(id);
    if (index === undefined) return undefined;
    const view = this.viewOf(index, readable);
    return view === null ? undefined : (view?.entity ?? this.entities[index]);
  }

  /**
   * A merged entity as seen by a caller who may read only some of its datasets: merged again from
   * the readable records. Undefined when the caller sees it whole; null when it sees none of it.
   */
  private viewOf(
    index: number,
    readable: string[] | undefined,
  ): { entity: IndexedEntity; prepared: Comparable } | null | undefined {
    const entity = this.entities[index]!;
    if (!readable || entity.datasets.every((d) => readable.includes(d))) return undefined;
    const key = `${index}|${readable.join(",")}`;
    const cached = this.views.get(key);
    if (cached !== undefined) return cached;
    const parts = (this.parts.get(index) ?? []).filter((p) => readable.includes(p.dataset));
    let view: { entity: IndexedEntity; prepared: Comparable } | null = null;
    if (parts.length > 0) {
      const merged = parts.slice(1).reduce((a, p) => mergeEntities(a, p.entity), parts[0]!.entity);
      const seen: IndexedEntity = {
        ...merged,
        id: entity.id,
        datasets: [...new Set(parts.map((p) => p.dataset))],
        sourceIds: [...new Set(parts.map((p) => p.sourceId))],
        // The whole entity's hash: reviewers' decisions bind to the listing, not to a view of it.
        hash: entity.hash,
      };
      view = { entity: seen, prepared: prepareEntity(seen) };
    }
    if (this.views.size >= MAX_VIEWS) this.views.clear();
    this.views.set(key, view);
    return view;
  }

  /**
   * The options without dataset filters that keep every dataset of this index: a caller who may
   * read every list (the usual case) then costs no per-candidate checks. Decided against the
   * index's own datasets, so a list added since the caller's permissions were read stays filtered.
   */
  private withoutNoOpFilters(options: MatchOptions): MatchOptions {
    const all = (this.datasetNames ??= new Set(this.entities.flatMap((e) => e.datasets)));
    const keepsAll = (list: string[] | undefined) =>
      list !== undefined && [...all].every((d) => list.includes(d));
    if (!keepsAll(options.readableDatasets) && !keepsAll(options.includeDatasets)) return options;
    const { readableDatasets, includeDatasets, ...rest } = options;
    return {
      ...rest,
      ...(readableDatasets && !keepsAll(readableDatasets) ? { readableDatasets } : {}),
      ...(includeDatasets && !keepsAll(includeDatasets) ? { includeDatasets } : {}),
    };
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
    if (
      !options.includeDatasets &&
      !options.excludeDatasets &&
      !options.excludeEntityIds &&
      !options.readableDatasets
    )
      return true;
    const entity = this.entities[index]!;
    if (options.excludeEntityIds?.includes(entity.id)) return false;
    if (
      options.readableDatasets &&
      !entity.datasets.some((d) => options.readableDatasets!.includes(d))
    )
      return false;
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

  /** The rarest posting of each query part's trigrams (parts of two letters and more). */
  private rarestPerPart(query: Comparable): Set<Posting> {
    const rarest = new Set<Posting>();
    const trigrams = new Set<string>();
    for (const name of query.names)
      for (const form of name.forms)
        for (const key of form.keys) {
          if (key.length < 2) continue;
          trigrams.clear();
          formTrigramsOf(key, trigrams);
          let best: Posting | undefined;
          for (const trigram of trigrams) {
            const posting = this.postings.get(trigram);
            if (posting && (!best || posting.entries.length < best.entries.length)) best = posting;
          }
          if (best) rarest.add(best);
        }
    return rarest;
  }

  /**
   * The weight a name must overlap a share of: that of the query's trigrams read, or, for a query
   * of several forms (a name in Han with its pinyin and its Korean reading, a name with its
   * acronym), of the lightest form's, so that a listed name spelt like one form alone is found.
   */
  private queryWeight(read: Posting[], forms: Array<Set<string>>): number {
    let lightest = Infinity;
    for (const form of forms) {
      let weight = 0;
      for (let i = 0; i < read.length; i++) if (form.has(read[i]!.trigram)) weight += read[i]!.idf;
      if (weight > 0 && weight < lightest) lightest = weight;
    }
    if (lightest !== Infinity) return lightest;
    let total = 0;
    for (const { idf } of read) total += idf;
    return total;
  }

  /**
   * Names found by a key of keys.ts (an acronym and its name, a sound heard in another script)
   * and fitting the query's form, best fit first, added to `chosen` up to KEYED_NAMES.
   */
  private keyedCandidates(
    query: Comparable,
    chosen: Map<number, Array<{ name: PreparedName; weak: boolean }> | undefined>,
    allowed: (entity: number) => boolean,
  ): void {
    const found: Array<{ nameId: number; fit: number }> = [];
    const seen = new Set<number>();
    for (const name of query.names)
      for (const form of name.forms)
        for (const key of queryKeys(form)) {
          const posting = this.keyPostings.get(key);
          if (!posting) continue;
          for (const nameId of posting) {
            if (seen.has(nameId)) continue;
            let fit = 0;
            for (const listed of this.names[nameId]!.forms)
              fit = Math.max(fit, keyFit(key, form, listed));
            if (fit === 0) continue;
            seen.add(nameId);
            found.push({ nameId, fit });
          }
        }
    found.sort((a, b) => b.fit - a.fit || a.nameId - b.nameId);
    let added = 0;
    for (const { nameId } of found) {
      if (added >= KEYED_NAMES) break;
      const entity = this.nameEntityArray[nameId]!;
      if (!allowed(entity)) continue;
      const list = chosen.get(entity);
      if (list === undefined && chosen.has(entity)) continue;
      const name = this.names[nameId]!;
      if (list?.some((n) => n.name === name)) continue;
      const entry = { name, weak: this.nameIsWeak[nameId]! };
      if (list) list.push(entry);
      else chosen.set(entity, [entry]);
      added++;
    }
  }

  /**
   * Entities to score, each with the listed names worth aligning (undefined: all of them, for
   * identifier hits).
   */
  private candidates(
    query: Comparable,
    options: MatchOptions,
  ): Map<number, Array<{ name: PreparedName; weak: boolean }> | undefined> {
    const scores = this.scores;
    const owner = this.nameEntityArray;
    // A registration in the name field (RA-86555, IMO 9123456) finds its aircraft or vessel
    // under whatever schema the query came with.
    const registration = query.names.some((n) => registrationsIn(n.original).length > 0);
    const compatible = this.compatibleCodes(registration ? "Thing" : query.schema);
    const filterSchema = options.schema ? this.compatibleCodes(options.schema) : undefined;
    const touched = this.touched;
    let touchedCount = 0;
    const trigrams = new Set<string>();
    const formTrigramSets: Array<Set<string>> = [];
    for (const name of query.names)
      for (const form of name.forms) {
        const own = new Set<string>();
        formTrigrams(form, own);
        formTrigramSets.push(own);
        for (const trigram of own) trigrams.add(trigram);
      }
    // Rarest trigrams first; the commonest ("#al", "an#") are skipped once enough rare ones have
    // spoken: they cost the most and tell the least.
    const postings: Posting[] = [];
    for (const trigram of trigrams) {
      const posting = this.postings.get(trigram);
      if (posting) postings.push(posting);
    }
    postings.sort((a, b) => a.entries.length - b.entries.length);
    // Every part of the query has its say through its rarest trigram, however common: read by
    // rarity alone, a common given name's trigrams (Ibrahim) can use up the budget before the
    // family name's are read (al-Shaar), and thousands of Ibrahims crowd out the one asked for.
    const required = this.rarestPerPart(query);
    let budget = POSTING_BUDGET;
    const toRead: Posting[] = [];
    for (const posting of postings) {
      const common = posting.entries.length > COMMON_POSTING || budget <= 0;
      if (toRead.length >= MIN_TRIGRAMS && common && !required.has(posting)) continue;
      toRead.push(posting);
      budget -= posting.entries.length;
    }
    // The postings read, still rarest first, ahead of those skipped.
    const read = toRead.length;
    postings.splice(0, postings.length, ...toRead);
    const absoluteFloor =
      this.queryWeight(postings.slice(0, read), formTrigramSets) * ABSOLUTE_OVERLAP;
    // The commonest postings read, whose weights together stay below the absolute floor, cannot
    // lift a name to it on their own (the MaxScore idea of search engines): only the rarer ones
    // put names up for choice, and these only add to names already up. Names are found by the
    // short postings, and the long ones are read without noting first visits, a loop whose loads
    // need not wait on one another.
    let essential = read;
    let rest = 0;
    while (essential > 0 && rest + postings[essential - 1]!.idf < absoluteFloor)
      rest += postings[--essential]!.idf;
    for (let rank = 0; rank < essential; rank++) {
      const { entries, idf } = postings[rank]!;
      for (let i = 0; i < entries.length; i++) {
        const nameId = entries[i]!;
        const before = scores[nameId]!;
        if (before === 0) touched[touchedCount++] = nameId;
        scores[nameId] = before + idf;
      }
    }
    for (let rank = essential; rank < read; rank++) {
      const { entries, idf } = postings[rank]!;
      for (let i = 0; i < entries.length; i++) {
        const nameId = entries[i]!;
        const before = scores[nameId]!;
        if (before !== 0) scores[nameId] = before + idf;
      }
    }
    // The best CANDIDATE_NAMES by overlap, without sorting everything touched. Of names that
    // overlap alike (every listed name containing "Sberbank"), the shorter ones go first: they
    // have the least the query lacks.
    const best: number[] = [];
    const size = this.nameSize;
    const before = (a: number, b: number) =>
      scores[a]! > scores[b]! || (scores[a]! === scores[b]! && size[a]! < size[b]!);
    let bar = 0;
    let barSize = 0;
    for (let t = 0; t < touchedCount; t++) {
      const nameId = touched[t]!;
      const score = scores[nameId]!;
      // Names under the floor are never chosen (below), and rank below every name above it.
      if (score < absoluteFloor || score < bar || (score === bar && size[nameId]! >= barSize))
        continue;
      const entity = owner[nameId]!;
      if (!this.allowed(entity, compatible, filterSchema, options)) continue;
      let same = 0;
      let worstOfEntity = -1;
      for (let i = 0; i < best.length; i++)
        if (owner[best[i]!] === entity) {
          same++;
          worstOfEntity = i;
        }
      if (same >= NAMES_PER_ENTITY) {
        if (!before(nameId, best[worstOfEntity]!)) continue;
        best.splice(worstOfEntity, 1);
      }
      let at = best.length;
      while (at > 0 && before(nameId, best[at - 1]!)) at--;
      best.splice(at, 0, nameId);
      if (best.length > CANDIDATE_NAMES) best.pop();
      if (best.length === CANDIDATE_NAMES) {
        bar = scores[best[CANDIDATE_NAMES - 1]!]!;
        barSize = size[best[CANDIDATE_NAMES - 1]!]!;
      }
    }
    // Names far behind the best in overlap rarely win on the full score.
    const floor = best.length > 0 ? scores[best[0]!]! * RELATIVE_OVERLAP : 0;
    const chosen = new Map<number, Array<{ name: PreparedName; weak: boolean }> | undefined>();
    for (let rank = 0; rank < best.length; rank++) {
      const nameId = best[rank]!;
      const overlap = scores[nameId]!;
      if (overlap < absoluteFloor || (rank >= MIN_CANDIDATE_NAMES && overlap < floor)) continue;
      const entity = owner[nameId]!;
      const list = chosen.get(entity) ?? [];
      list.push({ name: this.names[nameId]!, weak: this.nameIsWeak[nameId]! });
      chosen.set(entity, list);
    }
    for (let t = 0; t < touchedCount; t++) scores[touched[t]!] = 0;
    // A registration (YK-AKF) is no acronym: its identifier finds what it names.
    if (!registration)
      this.keyedCandidates(query, chosen, (e) =>
        this.allowed(e, compatible, filterSchema, options),
      );
    for (const id of query.identifiers) {
      for (const e of this.identifiers.get(id) ?? [])
        if (this.allowed(e, compatible, filterSchema, options)) chosen.set(e, undefined);
    }
    return chosen;
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
