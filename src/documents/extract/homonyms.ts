/**
 * What the text near a name says of each listed entity it could be: a birth year given beside
 * it, a title or an organisation in the words that describe it ("Kim Yong Chol, director of the
 * United Front Department"), organisations and places named in the same sentence. Each is read
 * against what the candidate's record says (birth dates, position, notes) and weighed;
 * link-decision.ts settles the candidates from the weights.
 */
import type { Entity } from "../../model/entity.ts";
import { foldName, tokenizeName } from "../../names/normalize.ts";
import type { LinkCandidate, LinkEvidence, Mention } from "../types.ts";
import { applyDecision, MAX_CANDIDATES } from "./link-decision.ts";
import { ORG_HEADS, TITLES } from "./words.ts";

/** What a record says that text can agree with: kept per candidate, sent to reader threads. */
export interface CandidateProfile {
  birthYears: number[];
  /** Position, notes and titles: what the record says the entity does and for whom. */
  descriptions: string[];
  /** An organisation's names: a record's description may name it by any ("KOMID"). */
  names?: string[] | undefined;
}

const DESCRIPTION_PROPS = ["position", "notes", "title"];
/** An organisation's names kept for descriptions to name it by. */
const MAX_NAMES = 12;
/** Characters of a record's description kept: notes can run to paragraphs. */
const MAX_DESCRIPTION = 400;

/** The profile of an entity, or undefined when its record says nothing to weigh. */
export function profileOf(entity: Entity): CandidateProfile | undefined {
  const birthYears = [
    ...new Set(
      (entity.properties.birthDate ?? []).flatMap((d) => {
        const year = /^(\d{4})/.exec(d)?.[1];
        return year ? [Number(year)] : [];
      }),
    ),
  ];
  const descriptions = [
    ...new Set(
      DESCRIPTION_PROPS.flatMap((p) => entity.properties[p] ?? []).map((d) =>
        d.slice(0, MAX_DESCRIPTION),
      ),
    ),
  ];
  const names =
    entity.schema === "Person"
      ? []
      : [...(entity.properties.name ?? []), ...(entity.properties.alias ?? [])].slice(0, MAX_NAMES);
  if (!birthYears.length && !descriptions.length && !names.length) return undefined;
  return { birthYears, descriptions, ...(names.length ? { names } : {}) };
}

/** Evidence kept per candidate: a sentence listing twenty firms says no more than eight. */
const MAX_EVIDENCE = 8;
/** Weights: a birth year is near proof, an organisation the record names strong, a title weak. */
const WEIGHT = { birthYear: 3, organisation: 2, title: 1, place: 1 } as const;
/** How far around a mention its sentence is looked for (characters each side). */
const SENTENCE_REACH = 300;
/** How far before a mention words can describe it ("United Front Department director Kim"). */
const LEAD_REACH = 80;
/** How far after a mention its description runs (", the KOMID representative in Iran,"). */
const TAIL_REACH = 160;

/** What a mention's own words say: the clause that describes it, and its sentence. */
interface Surroundings {
  /** Describing words right before and after the name (the appositive clause). */
  clause: { start: number; end: number; text: string };
  sentence: { start: number; end: number };
}

/** A sentence's end: not the point of "c. 1946", "b. 1962", "Co." or "Mr". */
const SENTENCE_END =
  /(?<!\b(?:\p{L}|Co|Ltd|Inc|Corp|No|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Capt))[.!?](?:\s|$)|\n\s*\n/gu;

function surroundings(text: string, m: Mention): Surroundings {
  const from = Math.max(0, m.start - SENTENCE_REACH);
  let sentenceStart = from;
  for (const b of text.slice(from, m.start).matchAll(SENTENCE_END))
    sentenceStart = from + b.index + b[0].length;
  const ahead = text.slice(m.end, m.end + SENTENCE_REACH);
  const stop = ahead.search(SENTENCE_END);
  const sentenceEnd = stop < 0 ? m.end + ahead.length : m.end + stop;
  const clauseStart =
    m.start - describingLead(text.slice(Math.max(sentenceStart, m.start - LEAD_REACH), m.start));
  // A description after the name opens with a comma or a bracket, and runs to the next.
  const tail = text.slice(m.end, Math.min(sentenceEnd, m.end + TAIL_REACH));
  const opened = /^\s*[,(]/.exec(tail);
  let clauseEnd = m.end;
  if (opened) {
    const rest = tail.slice(opened[0].length);
    const close = rest.search(/[,;)]/);
    clauseEnd = m.end + opened[0].length + (close < 0 ? rest.length : close);
  }
  return {
    clause: { start: clauseStart, end: clauseEnd, text: text.slice(clauseStart, clauseEnd) },
    sentence: { start: sentenceStart, end: sentenceEnd },
  };
}

/** Words that may stand in a description before a name besides titles and capitalised words. */
const LEAD_GLUE = new Set(["former", "then", "the", "of", "s", "and", "ex"]);

/**
 * How many characters before a name describe it: the run of titles, capitalised words and glue
 * right before it ("former United Front Department director"), not the sentence's verb.
 */
function describingLead(lead: string): number {
  const words = [...lead.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu)];
  let taken = lead.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]![0];
    const fits =
      /^\p{Lu}/u.test(word) ||
      TITLES.has(word.toLowerCase()) ||
      LEAD_GLUE.has(word) ||
      /^['’-]$/.test(word);
    if (!fits) break;
    taken = words[i]!.index;
  }
  return lead.length - taken;
}

const BORN =
  /\b(?:born(?: in| on)?|b\.|dob|date of birth)\s*[:\s]?\s*(?:c\.\s*|circa\s+|about\s+|around\s+|\d{1,2}\s+\p{L}+\s+|\p{L}+\s+\d{1,2},?\s+)?((?:19|20)\d\d)\b/giu;
const YEAR_ALONE = /\(\s*((?:19|20)\d\d)\s*\)/g;

const wordIn = (word: string, description: string): boolean =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(word)}(?:$|[^\\p{L}\\p{N}])`, "iu").test(description);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The evidence the text gives for and against one candidate of mention `m`. `source` knows the
 * listed organisations a record's description names and their other names, so that "Korea
 * Mining Development Trading Corporation" near the name agrees with a record saying "KOMID".
 */
export function evidenceFor(
  text: string,
  m: Mention,
  nearby: readonly Mention[],
  profile: CandidateProfile | undefined,
  source: HomonymSource,
): LinkEvidence[] {
  if (!profile) return [];
  const evidence: LinkEvidence[] = [];
  const { clause, sentence } = surroundings(text, m);
  const inside = (n: Mention, span: { start: number; end: number }): boolean =>
    n !== m && n.start >= span.start && n.end <= span.end;
  // Birth years said in the clause ("Kim Yong Chol (born 1946)", ", b. 1962,").
  if (profile.birthYears.length > 0) {
    const years = new Map<number, string>();
    for (const match of clause.text.matchAll(BORN)) years.set(Number(match[1]), match[0]);
    for (const match of clause.text.matchAll(YEAR_ALONE)) years.set(Number(match[1]), match[0]);
    for (const [year, said] of years) {
      const agrees = profile.birthYears.some((y) => Math.abs(y - year) <= 0);
      const near = profile.birthYears.some((y) => Math.abs(y - year) <= 1);
      if (!agrees && near) continue;
      evidence.push({
        kind: "birth_year",
        text: said.trim(),
        listed: profile.birthYears.join(", "),
        weight: agrees ? WEIGHT.birthYear : -WEIGHT.birthYear,
      });
    }
  }
  const described = profile.descriptions.join(" | ");
  const recordOrganisations = new Set(
    profile.descriptions.flatMap((d) => source.organisationsIn(d)),
  );
  // A linked organisation the record names by one of its names, listed or short ("KOMID").
  const namedByRecord = (entityId: string): boolean =>
    recordOrganisations.has(entityId) ||
    (source.profile(entityId)?.names ?? []).some((name) =>
      profile.descriptions.some((d) => wordIn(name, d)),
    );
  const namesEmployer =
    recordOrganisations.size > 0 || profile.descriptions.some(namesAnOrganisation);
  // Titles in the clause that the record's position or notes use too.
  const clauseWords = clause.text.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const word of new Set(clauseWords)) {
    if (!TITLES.has(word) || !profile.descriptions.some((d) => wordIn(word, d))) continue;
    evidence.push({
      kind: "title",
      text: word,
      listed: describing(profile, word),
      weight: WEIGHT.title,
    });
  }
  for (const n of nearby) {
    if (n.type === "Organization" && inside(n, sentence)) {
      const named =
        profile.descriptions.some((d) => wordIn(n.text, d)) ||
        (n.entityId !== undefined && namedByRecord(n.entityId));
      if (named)
        evidence.push({
          kind: "organisation",
          text: n.text,
          listed: describing(profile, n.text),
          weight: WEIGHT.organisation,
          ...(n.entityId ? { entityId: n.entityId } : {}),
        });
      // An employer the clause gives that the record does not, where the record names another.
      else if (inside(n, clause) && namesEmployer)
        evidence.push({
          kind: "organisation",
          text: n.text,
          listed: described,
          weight: -WEIGHT.organisation,
        });
    } else if (
      n.type === "Location" &&
      inside(n, clause) &&
      profile.descriptions.some((d) => wordIn(n.text, d))
    ) {
      evidence.push({
        kind: "place",
        text: n.text,
        listed: describing(profile, n.text),
        weight: WEIGHT.place,
      });
    }
  }
  // A name said twice in the sentence says it once; a line break inside it is a space.
  const said = new Set<string>();
  return evidence
    .map((e) => ({ ...e, text: e.text.replace(/\s+/g, " ") }))
    .filter((e) => {
      const key = `${e.kind}\u0000${e.text.toLowerCase()}\u0000${e.weight}`;
      if (said.has(key)) return false;
      said.add(key);
      return true;
    })
    .slice(0, MAX_EVIDENCE);
}

/**
 * Whether a record's description names some organisation, listed or not: an acronym ("KOMID
 * Representative in Iran") or an organisation's head word ("Ministry of State Security").
 */
function namesAnOrganisation(description: string): boolean {
  if (/\b\p{Lu}{3,}\b/u.test(description) && /\p{Ll}/u.test(description)) return true;
  return (description.toLowerCase().match(/\p{L}+/gu) ?? []).some((w) => ORG_HEADS.has(w));
}

/** The record's description that uses a word, for the evidence's `listed`. */
function describing(profile: CandidateProfile, word: string): string {
  return profile.descriptions.find((d) => wordIn(word, d)) ?? profile.descriptions[0] ?? "";
}

/** Profiles by entity id and the listed organisations a description names: what settling needs. */
export interface HomonymSource {
  profile(entityId: string): CandidateProfile | undefined;
  organisationsIn(description: string): string[];
}

/** A name written in Hangul or Han characters. */
const CJK_NAME = /[\p{Script=Hangul}\p{Script=Han}]/u;

/**
 * Settles the mentions that carry candidates (homonyms the gazetteer or screening found, their
 * evidence not yet read): each candidate is weighed by the text near its mention, and the mention
 * linked to the one that clearly wins, left ambiguous with its candidates, or unlinked when the
 * text contradicts every one. A person linked to a single entity is weighed too: "Kim Yong Chol
 * (born 1980)" is no listed Kim Yong Chol; so is any name in Hangul or Han characters, which may
 * say too little to link alone (cjk-link-caution.ts).
 */
export function settleHomonyms(text: string, mentions: Mention[], source: HomonymSource): void {
  const byStart = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of mentions) {
    const weighed = m.type === "Person" || CJK_NAME.test(m.text);
    const found = m.candidates ?? (weighed && m.entityId ? [leadOf(m)] : []);
    if (found.length === 0) continue;
    const nearby = mentionsWithin(byStart, m.start - SENTENCE_REACH, m.end + SENTENCE_REACH);
    const candidates: LinkCandidate[] = found.slice(0, MAX_CANDIDATES).map((lead) => ({
      ...lead,
      evidence: evidenceFor(text, m, nearby, source.profile(lead.entityId), source),
    }));
    markSameBodies(candidates, m.type === "Person", source);
    applyDecision(m, candidates);
  }
}

/**
 * A caption's words in any order; an organisation's without its legal form, its bracketed
 * acronym or abbreviations (KOREA KWANGSON BANKING CORP = … CORPORATION (KKBC), SHPG = SHIPPING).
 */
const captionKey = (caption: string, people: boolean): string =>
  (people
    ? (foldName(caption)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? [])
    : tokenizeName(caption.replace(/\([^)]*\)/g, " "), "organization").tokens
  )
    .sort()
    .join(" ");

/**
 * Marks the candidates that are another's record on a second list: the same name, and for a
 * person the same birth year too (without one, two Kim Yong Chols are two people). Without
 * cross-list resolution the UN's and OFAC's KOMID are two entities, and no rivals.
 */
function markSameBodies(candidates: LinkCandidate[], people: boolean, source: HomonymSource): void {
  const leaders: LinkCandidate[] = [];
  for (const c of candidates) {
    const years = source.profile(c.entityId)?.birthYears ?? [];
    const leader = leaders.find((l) => {
      if (captionKey(l.caption, people) !== captionKey(c.caption, people)) return false;
      if (!people) return true;
      const theirs = source.profile(l.entityId)?.birthYears ?? [];
      return years.some((y) => theirs.includes(y));
    });
    if (leader) c.sameAs = leader.entityId;
    else leaders.push(c);
  }
}

/** The mentions (sorted by start) that start within [from, to): a binary search, then a walk. */
function mentionsWithin(byStart: readonly Mention[], from: number, to: number): Mention[] {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (byStart[mid]!.start < from) low = mid + 1;
    else high = mid;
  }
  const found: Mention[] = [];
  for (let i = low; i < byStart.length && byStart[i]!.start < to; i++) found.push(byStart[i]!);
  return found;
}

const leadOf = (m: Mention): LinkCandidate => ({
  entityId: m.entityId!,
  caption: m.entityCaption ?? m.entityId!,
  score: m.score ?? 1,
  evidence: [],
});
