/**
 * The two ways mentions reach the sanctions network: the gazetteer of every listed name, and
 * the screening engine for names the gazetteer does not know verbatim (other romanisations,
 * word orders, typos), both built from the screening index of the active list versions, cut to
 * the lists the uploader may read: a link to another agency's private list would tell the
 * uploader (and every reader of the document) a name that list holds.
 */
import type { ScreeningIndex } from "../matching/index.ts";
import { caption, type Entity } from "../model/entity.ts";
import type { ScreeningService } from "../screening/service.ts";
import { CJK, Gazetteer } from "./extract/gazetteer.ts";
import type { ExtractOptions, Linker } from "./extract/extract.ts";

/** Screening scores from which a name in a document is taken to be the listed entity. */
export const DEFAULT_LINK_THRESHOLD = 0.85;
/**
 * Candidates scored within this of the best are its homonyms: which one the name is, is for the
 * text near it to say (extract/homonyms.ts), not for a difference in score that small. Relative,
 * so that it holds whatever scale screening's scores settle on; narrow, since a name a syllable
 * shorter ("Kim Kyu" for 김호규) or with a word more ("Air Koryo Trading Corporation" for 고려항공)
 * scores only a few hundredths lower and is another entity, not a namesake.
 */
export const HOMONYM_MARGIN = 0.02;
/** Results read per name: the best and its homonyms. */
const LINK_CANDIDATES = 5;

/**
 * Links names by screening against the `readable` lists only (every list when undefined), as
 * the uploader would screen them at /match.
 */
export function screeningLinker(
  service: ScreeningService,
  threshold = DEFAULT_LINK_THRESHOLD,
  readable?: string[],
): Linker {
  return async (names) => {
    const answers = await service.match(
      names.map((name) => ({
        schema: name.type === "Person" ? "Person" : "Organization",
        names: [name.text],
        birthDates: [],
        countries: [],
        identifiers: [],
      })),
      {
        limit: LINK_CANDIDATES,
        threshold,
        ...(readable ? { readableDatasets: readable } : {}),
      },
    );
    return answers.map(({ results }, i) => {
      const name = names[i]!;
      const fits = results.filter(
        (r) =>
          r.score >= threshold && (name.type !== "Person" || namesAsFully(name.text, r.entity)),
      );
      // The best result decides whether the name links at all, as with one result read.
      const top = fits[0];
      if (!top || top !== results[0]) return undefined;
      const alternatives = fits
        .slice(1)
        .filter((r) => top.score - r.score <= HOMONYM_MARGIN)
        .map((r) => ({ entityId: r.entity.id, caption: caption(r.entity), score: r.score }));
      return {
        entityId: top.entity.id,
        caption: caption(top.entity),
        score: top.score,
        ...(alternatives.length ? { alternatives } : {}),
      };
    });
  };
}

/** Words of a Latin name; characters (syllables) of a name in Hangul, Han or kana. */
const nameParts = (name: string): number =>
  [...name].filter((char) => CJK.test(char)).length ||
  name.split(/[\s\-‐,.]+/).filter(Boolean).length;

/**
 * A person named in running text with fewer parts than every listed name of the candidate is a
 * different or a cut name ("Kim Jong" broken at a line end is not KIM JONG SIK), although
 * screening, made for whole records, scores it high.
 */
function namesAsFully(text: string, entity: Entity): boolean {
  const listed = [...(entity.properties.name ?? []), ...(entity.properties.alias ?? [])];
  return listed.length === 0 || listed.some((name) => nameParts(name) <= nameParts(text));
}

/** Entity sets of an index build by readable lists, at most MAX_READER_SETS per build. */
const entitySets = new WeakMap<ScreeningIndex, Map<string, readonly Entity[]>>();
const MAX_READER_SETS = 32;

/**
 * The index's entities as one who may read only the `readable` lists sees them (all when
 * undefined): none only on lists it may not read, merged ones cut to their readable records.
 * The same array for the same lists of one build, since its identity names the gazetteer built
 * from it (here and in reader/pool.ts); the index's own when every entity is seen whole.
 */
export function entitiesSeenBy(
  index: ScreeningIndex,
  readable: string[] | undefined,
): readonly Entity[] {
  if (!readable) return index.entities;
  const lists = [...new Set(readable)].sort();
  const key = lists.join("\n");
  let sets = entitySets.get(index);
  if (!sets) entitySets.set(index, (sets = new Map()));
  let entities = sets.get(key);
  if (!entities) {
    const seen = index.entities.flatMap((entity) => index.seenBy(entity.id, lists) ?? []);
    const whole =
      seen.length === index.entities.length && seen.every((e, i) => e === index.entities[i]);
    entities = whole ? index.entities : seen;
    if (sets.size >= MAX_READER_SETS) sets.delete(sets.keys().next().value!);
    sets.set(key, entities);
  }
  return entities;
}

/** One gazetteer per entity set: uploads reuse it until a list change brings a new index. */
const gazetteers = new WeakMap<readonly Entity[], Gazetteer>();

/**
 * Gazetteer and linker over the lists in the store that `readable` names (every list when
 * undefined: admins, the command line); none when no such list is loaded.
 */
export async function networkExtractOptions(
  service: ScreeningService,
  readable?: string[],
): Promise<ExtractOptions> {
  const entities = entitiesSeenBy(await service.ready(), readable);
  if (entities.length === 0) return {};
  let gazetteer = gazetteers.get(entities);
  if (!gazetteer) {
    gazetteer = new Gazetteer(entities);
    gazetteers.set(entities, gazetteer);
  }
  return { gazetteer, linker: screeningLinker(service, DEFAULT_LINK_THRESHOLD, readable) };
}

/** What reader threads need of the lists: the entities for their gazetteer, and a linker. */
export interface NetworkSource {
  /** The entities of the lists the uploader reads: one array per index build and set of lists. */
  entities?: readonly Entity[];
  linker?: Linker;
}

/**
 * The lists in the store that `readable` names, for reader threads (reader/pool.ts); empty when
 * no such list is loaded.
 */
export async function networkSource(
  service: ScreeningService,
  readable?: string[],
): Promise<NetworkSource> {
  const entities = entitiesSeenBy(await service.ready(), readable);
  if (entities.length === 0) return {};
  return { entities, linker: screeningLinker(service, DEFAULT_LINK_THRESHOLD, readable) };
}
