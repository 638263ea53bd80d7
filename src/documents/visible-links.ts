/**
 * Documents' links to listed entities as one reader sees them. A document in a shared collection
 * is read by people of other agencies than its uploader's, and lists change after an upload: a
 * link kept to an entity the reader may not read would name what another agency's private list
 * holds. Such a link is dropped (the mention or party stays, as unlinked text), as absent as a
 * link that was never made; a merged entity the reader sees in part is captioned from that part.
 */
import { readableOf, type Permissions } from "../access/collections.ts";
import type { ScreeningIndex } from "../matching/index.ts";
import { caption } from "../model/entity.ts";
import type { Mention, Relation, RelationParty } from "./types.ts";

/** The list datasets a caller may read; undefined for those who read every list. */
export function readableLists(
  permissions: Permissions,
  datasets: Iterable<string>,
): string[] | undefined {
  return permissions.all ? undefined : readableOf(permissions, datasets);
}

/** What a reader sees of a link to `entityId`: nothing, the stored link, or another caption. */
export type LinkSight = (entityId: string) => { caption: string | undefined } | undefined;

/** Every link as stored: for those who read every list. */
export const EVERY_LINK: LinkSight = () => ({ caption: undefined });

/**
 * Links as seen by one who may read only the `readable` lists. The screening index knows each
 * active entity's lists, so no store read is needed; an entity on no active list any more is
 * seen by nobody who is limited to some lists.
 */
export function linkSight(index: ScreeningIndex, readable: string[]): LinkSight {
  const seen = new Map<string, { caption: string | undefined } | undefined>();
  return (entityId) => {
    if (seen.has(entityId)) return seen.get(entityId);
    const entity = index.seenBy(entityId, readable);
    // Seen whole, the stored caption stands; seen in part, only the readable records name it.
    const sight = entity && {
      caption: entity === index.get(entityId) ? undefined : caption(entity),
    };
    seen.set(entityId, sight);
    return sight;
  };
}

/** A mention without a link the reader may not see, or captioned from what it sees. */
export function visibleMention<T extends Mention>(mention: T, sight: LinkSight): T {
  if (!mention.entityId) return mention;
  const seen = sight(mention.entityId);
  if (seen)
    return seen.caption === undefined ? mention : { ...mention, entityCaption: seen.caption };
  const unlinked = { ...mention };
  delete unlinked.entityId;
  delete unlinked.entityCaption;
  delete unlinked.score;
  return unlinked;
}

/** A relation whose parties keep only links the reader may see. */
export function visibleRelation<T extends Relation>(relation: T, sight: LinkSight): T {
  const party = (p: RelationParty): RelationParty => {
    if (!p.entityId || sight(p.entityId)) return p;
    const unlinked = { ...p };
    delete unlinked.entityId;
    return unlinked;
  };
  return { ...relation, source: party(relation.source), target: party(relation.target) };
}
