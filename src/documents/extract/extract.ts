/**
 * All mentions of one text: listed names (gazetteer), pattern entities, amounts, dates and typed
 * proper-noun chunks, overlaps settled in that order of trust. Chunks the gazetteer did not know
 * are offered to a linker (the screening engine) that may tie them to a listed entity.
 */
import type { Mention } from "../types.ts";
import { cjkNames, keptCjkNames } from "./cjk-names.ts";
import { extractAmounts } from "./amounts.ts";
import { extractDates } from "./dates.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { settleHomonyms } from "./homonyms.ts";
import { extractNames } from "./names.ts";
import { PATTERN_EXTRACTORS } from "./patterns.ts";
import { LEGAL_FORMS } from "../../names/normalize.ts";
import { TITLES } from "./words.ts";

export interface LinkResult {
  entityId: string;
  caption: string;
  score: number;
  /** Other entities scored as close (homonyms), for the text near the name to choose among. */
  alternatives?: Array<{ entityId: string; caption: string; score: number }> | undefined;
}

/** Screening by another name: ties a name of a given type to a listed entity, or not. */
export type Linker = (
  names: Array<{ text: string; type: Mention["type"] }>,
) => Promise<Array<LinkResult | undefined>>;

export interface ExtractOptions {
  gazetteer?: Gazetteer | undefined;
  linker?: Linker | undefined;
  /** Texts longer than this are scanned for names only in their first part (NER cost). */
  maxNameChars?: number;
}

const DEFAULT_MAX_NAME_CHARS = 2_000_000;
/** CJK strings screened per document (a long Chinese text proposes one or two per surname). */
const MAX_CJK_PROPOSALS = 5_000;
/** Proposals are guesses at word boundaries: they need a closer match than extracted names. */
const MIN_CJK_PROPOSAL_SCORE = 0.9;

/**
 * Runs of non-space characters longer than this are blanked before extraction: no name, number,
 * account or amount is that long, and several patterns are quadratic over an unbroken run (40,000
 * dashes took seconds; a hostile file of 20 million would take days).
 */
const MAX_RUN_CHARS = 200;
const LONG_RUN = new RegExp(String.raw`\S{${MAX_RUN_CHARS + 1},}`, "g");

/** Blanks long runs with as many spaces, so every offset still points into the original. */
function blankLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => " ".repeat(run.length));
}

export async function extractMentions(
  original: string,
  options: ExtractOptions = {},
): Promise<Mention[]> {
  const text = blankLongRuns(original);
  const gazetteer = options.gazetteer;
  const listed = gazetteer?.find(text) ?? [];
  const patterns = PATTERN_EXTRACTORS.flatMap((extract) => extract(text)).map((m) => {
    const entry = m.value ? gazetteer?.identifier(m.value) : undefined;
    return entry ? { ...m, entityId: entry.entityId, entityCaption: entry.caption, score: 1 } : m;
  });
  const values = [...extractAmounts(text), ...extractDates(text)];
  const chunks = extractNames(
    text.slice(0, options.maxNameChars ?? DEFAULT_MAX_NAME_CHARS),
    gazetteer?.givenNames,
  );
  let kept = settleOverlaps(text.length, [
    withoutPartsOfLongerNames(listed, chunks, text),
    patterns,
    values,
    chunks,
  ]);
  oneSensePerDocument(kept);
  // Korean and Chinese names: those the text's words make plain are kept unlinked too.
  const cjk = cjkNames(text);
  cjk.proposals = cjk.proposals.slice(0, MAX_CJK_PROPOSALS);
  if (options.linker) {
    await linkChunks(kept, options.linker);
    await linkChunks([...cjk.mentions, ...cjk.proposals], options.linker);
  }
  kept = settleOverlaps(text.length, [kept, ...keptCjkNames(cjk, MIN_CJK_PROPOSAL_SCORE)]);
  // Homonyms and links the text near them contradicts: settled by what it says of each.
  if (gazetteer) settleHomonyms(text, kept, gazetteer);
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Typed an organisation by its words or by what the text says of it ("…, a conglomerate"). */
const LONGER_ORGANISATION = 0.65;

/**
 * Listed names found inside a known place's name are not that listing: a vessel called SIERRA in
 * "Sierra Leone", a company called CENTRAL in "Central African Republic", nor a name that is a
 * country's ("INDONESIA" cut from "… INDONESIA (MMI)"). Nor is a listed organisation inside a
 * longer organisation's name that the rules read whole: "National Bank" in "National Bank of
 * Cambodia", "Islamic Revolutionary Guard Corps" in "… Corps-Qods Force"; the longer name is then
 * offered to the linker itself.
 */
function withoutPartsOfLongerNames(listed: Mention[], chunks: Mention[], text: string): Mention[] {
  const wholes = chunks.filter(
    (m) =>
      (m.type === "Location" && m.confidence >= 0.9) ||
      (m.type === "Organization" && m.confidence >= LONGER_ORGANISATION),
  );
  const inside = (m: Mention, w: Mention): boolean =>
    w.start <= m.start && m.end <= w.end && w.end - w.start > m.end - m.start;
  return listed.filter(
    (m) =>
      !wholes.some((w) => {
        // A listed name that is a country's whole name is the country.
        if (w.type === "Location") return w.start <= m.start && m.end <= w.end;
        return (
          m.type === "Organization" &&
          inside(m, w) &&
          longerName(m, w, text) &&
          !listed.some((other) => other !== m && other.start < w.end && w.start < other.end)
        );
      }),
  );
}

/**
 * Whether an organisation's chunk goes on from a listed name inside it as one name: not past a
 * legal form ("Korea Ryonbong General Corporation Chairman Kim"), and not into a title.
 */
function longerName(listed: Mention, whole: Mention, text: string): boolean {
  const words = (from: number, to: number): string[] =>
    text
      .slice(from, to)
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
  const own = words(listed.start, listed.end);
  const added = [...words(whole.start, listed.start), ...words(listed.end, whole.end)];
  return (
    !(listed.end < whole.end && LEGAL_FORMS.has(own.at(-1) ?? "")) &&
    !added.some((w) => TITLES.has(w))
  );
}

const NAME_KINDS = new Set<Mention["type"]>(["Person", "Organization", "Location"]);
/** Below this, a name was typed by the words around one of its mentions only. */
const STRONG_TYPING = 0.8;

/**
 * One sense per document: a name typed only by the words around one mention ("a director at
 * Sovcomflot in St Petersburg" read as a place) takes the type the lists or a stronger rule gave
 * the same name elsewhere in the text ("PAO Sovcomflot"'s firm, "the Sovcomflot group").
 */
function oneSensePerDocument(mentions: Mention[]): void {
  const strong = new Map<string, Set<Mention["type"]>>();
  for (const m of mentions) {
    if (!NAME_KINDS.has(m.type) || (m.confidence < STRONG_TYPING && !m.entityId)) continue;
    const key = m.text.toLowerCase();
    strong.set(key, (strong.get(key) ?? new Set()).add(m.type));
  }
  for (const m of mentions) {
    if (!NAME_KINDS.has(m.type) || m.confidence >= STRONG_TYPING || m.entityId) continue;
    const types = strong.get(m.text.toLowerCase());
    if (types?.size === 1) m.type = [...types][0]!;
  }
}

/**
 * Earlier groups win; within a group, longer spans win. Characters already taken are marked in
 * one array, so a spreadsheet with tens of thousands of mentions is not checked pair by pair.
 */
function settleOverlaps(textLength: number, groups: Mention[][]): Mention[] {
  const kept: Mention[] = [];
  const taken = new Uint8Array(textLength);
  const free = (m: Mention): boolean => {
    for (let i = m.start; i < m.end; i++) if (taken[i]) return false;
    return true;
  };
  for (const group of groups) {
    for (const m of [...group].sort((a, b) => b.end - b.start - (a.end - a.start))) {
      if (!free(m)) continue;
      kept.push(m);
      taken.fill(1, m.start, m.end);
    }
  }
  return kept;
}

async function linkChunks(mentions: Mention[], linker: Linker): Promise<void> {
  const open = mentions.filter(
    (m) => !m.entityId && (m.type === "Person" || m.type === "Organization"),
  );
  const unique = [...new Map(open.map((m) => [`${m.type}\u0000${m.text}`, m])).values()];
  const links = await linker(unique.map((m) => ({ text: m.text, type: m.type })));
  const byKey = new Map(unique.map((m, i) => [`${m.type}\u0000${m.text}`, links[i]]));
  for (const m of open) {
    const link = byKey.get(`${m.type}\u0000${m.text}`);
    if (!link) continue;
    m.entityId = link.entityId;
    m.entityCaption = link.caption;
    m.score = link.score;
    if (link.alternatives?.length)
      m.candidates = [link, ...link.alternatives].map(({ entityId, caption, score }) => ({
        entityId,
        caption,
        score,
        evidence: [],
      }));
  }
}
