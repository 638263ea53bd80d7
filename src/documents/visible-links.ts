/**
 * Documents' links to listed entities as one reader sees them. A document in a shared collection
 * is read by people of other agencies than its uploader's, and lists change after an upload: a
 * link kept to an entity the reader may not read would name what another agency's private list
 * holds. Such a link is dropped (the mention or party stays, as unlinked text), as absent as a
 * link that was never made. A merged entity the reader sees in part is captioned from that part,
 * and keeps only the links that part names: a link made by another agency's private alias of a
 * public entity would show that alias.
 */
import { readableOf, type Permissions } from "../access/collections.ts";
import type { ScreeningIndex } from "../matching/index.ts";
import { caption } from "../model/entity.ts";
import { Gazetteer } from "./extract/gazetteer.ts";
import { profileOf, type CandidateProfile } from "./extract/homonyms.ts";
import { applyDecision } from "./extract/link-decision.ts";
import type { LinkCandidate, LinkEvidence, Mention, Relation, RelationParty } from "./types.ts";

/** The list datasets a caller may read; undefined for those who read every list. */
export function readableLists(
  permissions: Permissions,
  datasets: Iterable<string>,
): string[] | undefined {
  return permissions.all ? undefined : readableOf(permissions, datasets);
}

/** What a reader sees of an entity linked to. */
interface Sight {
  /** Undefined when the entity is seen whole: the stored link stands as it is. */
  caption: string | undefined;
  /** The names and identifiers of the readable part, when seen in part. */
  names?: Gazetteer;
  /** What the readable part says to weigh a candidate by, when seen in part (none: nothing). */
  profile?: CandidateProfile | undefined;
}

/** What a reader sees of links to `entityId`: nothing (undefined), or the entity's sight. */
export type LinkSight = (entityId: string) => Sight | undefined;

/** Every link as stored: for those who read every list. */
export const EVERY_LINK: LinkSight = () => ({ caption: undefined });

/** Whether a linked text (or value) is one of the names or identifiers the reader sees. */
function named(sight: Sight, text: string, value?: string): boolean {
  if (!sight.names) return true;
  const whole = sight.names.find(text).some((m) => m.start === 0 && m.end === text.length);
  return whole || sight.names.identifier(value ?? text) !== undefined;
}

/**
 * Links as seen by one who may read only the `readable` lists. The screening index knows each
 * active entity's lists, so no store read is needed; an entity on no active list any more is
 * seen by nobody who is limited to some lists.
 */
export function linkSight(index: ScreeningIndex, readable: string[]): LinkSight {
  const seen = new Map<string, Sight | undefined>();
  return (entityId) => {
    if (seen.has(entityId)) return seen.get(entityId);
    const entity = index.seenBy(entityId, readable);
    // Seen whole, the stored link stands; seen in part, only the readable records name it.
    const sight: Sight | undefined = !entity
      ? undefined
      : entity === index.get(entityId)
        ? { caption: undefined }
        : { caption: caption(entity), names: new Gazetteer([entity]), profile: profileOf(entity) };
    seen.set(entityId, sight);
    return sight;
  };
}

/**
 * A mention without a link the reader may not see, or captioned from what it sees. A mention with
 * candidates (homonyms) is settled afresh over those the reader sees, by the evidence their
 * readable records give: one left is a plain link, and nothing says others were there.
 */
export function visibleMention<T extends Mention>(mention: T, sight: LinkSight): T {
  if (mention.candidates) {
    const settled = { ...mention };
    applyDecision(settled, visibleCandidates(mention, sight));
    return settled;
  }
  if (!mention.entityId) return mention;
  const seen = sight(mention.entityId);
  if (seen && named(seen, mention.text, mention.value))
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
    const seen = p.entityId ? sight(p.entityId) : undefined;
    if (!p.entityId || (seen && named(seen, p.text))) return p;
    const unlinked = { ...p };
    delete unlinked.entityId;
    return unlinked;
  };
  return { ...relation, source: party(relation.source), target: party(relation.target) };
}

/** The candidates the reader sees, captioned and weighed by what it may read of each. */
function visibleCandidates(mention: Mention, sight: LinkSight): LinkCandidate[] {
  return (mention.candidates ?? []).flatMap((candidate) => {
    const seen = sight(candidate.entityId);
    if (!seen || !named(seen, mention.text, mention.value)) return [];
    const evidence = candidate.evidence.filter(
      (e) => (e.entityId === undefined || sight(e.entityId)) && backedBy(seen, e),
    );
    return [{ ...candidate, caption: seen.caption ?? candidate.caption, evidence }];
  });
}

/**
 * Whether evidence rests on records the reader sees: all of it when the entity is seen whole;
 * seen in part, only what the readable records say (a birth year or a position another agency's
 * record adds is not shown, nor weighed).
 */
function backedBy(sight: Sight, evidence: LinkEvidence): boolean {
  if (sight.caption === undefined) return true;
  const profile = sight.profile;
  if (!profile) return false;
  if (evidence.kind === "birth_year")
    return evidence.listed.split(", ").every((year) => profile.birthYears.includes(Number(year)));
  return evidence.listed.split(" | ").every((d) => profile.descriptions.includes(d));
}
