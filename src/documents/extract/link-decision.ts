/**
 * Which listed entity a name in a document is, when more than one could be: two listed `Kim
 * Yong Chol`s, one born c. 1946 and one the KOMID representative in Iran born 1962. Screening
 * scores them alike (a name is a name), so they are told apart by what the text near the mention
 * says of each (homonyms.ts gathers it): a candidate is chosen only when its evidence clearly
 * outweighs every other's, else the link is ambiguous and lists them all.
 *
 * The decision is a function of the candidates alone, so a reader who may see only some of them
 * gets it afresh over those (visible-links.ts): the same answer as if the document had been read
 * with that reader's lists, with nothing said of the candidates it may not see.
 */
import type { LinkCandidate, LinkEvidence, LinkStatus, Mention } from "../types.ts";
import { cjkLinkCaution } from "./cjk-link-caution.ts";

/**
 * Net evidence by which the best candidate must lead the next to be chosen: a birth year (3) or
 * an organisation the record names (2) does, a title or a place alone (1) does not.
 */
export const CLEAR_LEAD = 2;
/** At or below this net evidence the text contradicts the record: another birth year, another employer. */
const CONTRADICTED = -2;
/** Candidates kept on one mention, best first. */
export const MAX_CANDIDATES = 5;

export interface LinkDecision {
  status: LinkStatus;
  /** The entity linked to, for `linked`. */
  chosen?: LinkCandidate | undefined;
  /** Why, in words; empty when a lone candidate was linked with nothing said either way. */
  note: string;
  /** Best first. */
  candidates: LinkCandidate[];
  /** Linked on the text's evidence where the name alone would not have been: keep it shown. */
  onEvidence?: boolean;
}

export const netEvidence = (candidate: LinkCandidate): number =>
  candidate.evidence.reduce((sum, e) => sum + e.weight, 0);

const said = (e: LinkEvidence): string =>
  e.weight > 0 ? `${e.text} (the record: ${e.listed})` : `${e.text}, but the record: ${e.listed}`;

const evidenceOf = (candidate: LinkCandidate, sign: 1 | -1): string =>
  candidate.evidence
    .filter((e) => Math.sign(e.weight) === sign)
    .map(said)
    .join("; ");

/**
 * Settles a mention's candidates. With the `mention`, a name in Hangul or Han characters that
 * says too little alone (cjk-link-caution.ts) links only on what the text says of the record.
 *
 * @example
 * decideLink([komidMan, ufdMan]).status // "ambiguous" when the text says nothing of either
 */
export function decideLink(
  all: readonly LinkCandidate[],
  mention?: Pick<Mention, "type" | "text">,
): LinkDecision | undefined {
  if (all.length === 0) return undefined;
  // Records of one body on two lists are one candidate: the first, with the best of their evidence.
  const present = new Set(all.map((c) => c.entityId));
  const candidates = all.filter((c) => !c.sameAs || !present.has(c.sameAs));
  const ranked = [...candidates].sort(
    (a, b) =>
      netEvidence(b) - netEvidence(a) ||
      b.score - a.score ||
      (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
  );
  const best = ranked[0]!;
  const next = ranked[1];
  const lead = next ? netEvidence(best) - netEvidence(next) : Infinity;
  if (netEvidence(best) <= CONTRADICTED) {
    const against = ranked.map((c) => `${c.caption}: ${evidenceOf(c, -1)}`).join(" | ");
    return {
      status: "contradicted",
      note: `the text near the name disagrees: ${against}`,
      candidates: withFollowers(ranked, all),
    };
  }
  const caution = mention && lead >= CLEAR_LEAD ? cjkLinkCaution(mention, best) : undefined;
  if (caution && (!caution.evidenceMay || netEvidence(best) < CLEAR_LEAD))
    return {
      status: "ambiguous",
      note: caution.reason,
      candidates: withFollowers(ranked, all),
    };
  if (lead >= CLEAR_LEAD) {
    const reasons: string[] = [];
    const support = evidenceOf(best, 1);
    if (support) reasons.push(support);
    for (const other of ranked.slice(1)) {
      const against = evidenceOf(other, -1);
      reasons.push(against ? `not ${other.caption}: ${against}` : `not ${other.caption}`);
    }
    return {
      status: "linked",
      chosen: best,
      note: next ? `chosen among ${ranked.length}: ${reasons.join("; ")}` : support,
      candidates: withFollowers(ranked, all),
      ...(caution ? { onEvidence: true } : {}),
    };
  }
  const close = ranked.filter((c) => netEvidence(best) - netEvidence(c) < CLEAR_LEAD);
  return {
    status: "ambiguous",
    note: `${close.length} listed entities fit the name and nothing near it tells them apart`,
    candidates: withFollowers(ranked, all),
  };
}

/** The ranked candidates, each followed by the records that are the same body as it. */
function withFollowers(ranked: LinkCandidate[], all: readonly LinkCandidate[]): LinkCandidate[] {
  return ranked.flatMap((c) => [c, ...all.filter((f) => f.sameAs === c.entityId)]);
}

/**
 * Sets a mention's link from its candidates: linked, ambiguous or contradicted. A lone candidate
 * the text says nothing against is an ordinary link, with no candidates kept.
 */
export function applyDecision(m: Mention, candidates: readonly LinkCandidate[]): void {
  const decision = decideLink(candidates, m);
  delete m.candidates;
  delete m.linkNote;
  delete m.linkStatus;
  delete m.entityId;
  delete m.entityCaption;
  delete m.score;
  if (!decision) return;
  if (decision.chosen) {
    m.entityId = decision.chosen.entityId;
    m.entityCaption = decision.chosen.caption;
    m.score = decision.chosen.score;
  }
  // A lone candidate, linked: a plain link, unless only the text's evidence links it. Records of
  // the same body on other lists are kept, for readers who may read only those.
  if (decision.candidates.length < 2 && decision.status === "linked" && !decision.onEvidence)
    return;
  m.candidates = decision.candidates;
  m.linkStatus = decision.status;
  if (decision.note) m.linkNote = decision.note;
}
