/**
 * The two ways mentions reach the sanctions network: the gazetteer of every listed name, and
 * the screening engine for names the gazetteer does not know verbatim (other romanisations,
 * word orders, typos), both built from the screening index of the active list versions.
 */
import type { ScreeningIndex } from "../matching/index.ts";
import { caption, type Entity } from "../model/entity.ts";
import type { ScreeningService } from "../screening/service.ts";
import { CJK, Gazetteer } from "./extract/gazetteer.ts";
import type { ExtractOptions, Linker } from "./extract/extract.ts";

/** Screening scores from which a name in a document is taken to be the listed entity. */
export const DEFAULT_LINK_THRESHOLD = 0.85;

export function screeningLinker(
  service: ScreeningService,
  threshold = DEFAULT_LINK_THRESHOLD,
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
      { limit: 1, threshold },
    );
    return answers.map(({ results }, i) => {
      const top = results[0];
      if (!top || top.score < threshold) return undefined;
      if (names[i]!.type === "Person" && !namesAsFully(names[i]!.text, top.entity))
        return undefined;
      return { entityId: top.entity.id, caption: caption(top.entity), score: top.score };
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

/** One gazetteer per index build: uploads reuse it until a list change brings a new index. */
const gazetteers = new WeakMap<ScreeningIndex, Gazetteer>();

/** Gazetteer and linker over the lists in the store (none when no list is loaded). */
export async function networkExtractOptions(service: ScreeningService): Promise<ExtractOptions> {
  const index = await service.ready();
  if (index.entities.length === 0) return {};
  let gazetteer = gazetteers.get(index);
  if (!gazetteer) {
    gazetteer = new Gazetteer(index.entities);
    gazetteers.set(index, gazetteer);
  }
  return { gazetteer, linker: screeningLinker(service) };
}

/** What reader threads need of the lists: the entities for their gazetteer, and a linker. */
export interface NetworkSource {
  /** The screening index's entities: one array per index build, so its identity is the build. */
  entities?: readonly Entity[];
  linker?: Linker;
}

/** The lists in the store for reader threads (reader/pool.ts); empty when no list is loaded. */
export async function networkSource(service: ScreeningService): Promise<NetworkSource> {
  const index = await service.ready();
  if (index.entities.length === 0) return {};
  return { entities: index.entities, linker: screeningLinker(service) };
}
