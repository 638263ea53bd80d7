/**
 * The Korean and Chinese section of eval:extraction: documents in Hangul and Han characters
 * (eval/extraction/texts/ko-*.txt, zh-*.txt), labelled before the extractor first ran on them,
 * with a `links` array of the mentions that must link to a listed record (decoys are absent from
 * it). Scored per split: names per type, expected links found, wrong links (a linked mention not
 * in `links`, or linked to another record than its labels name), and places. The held-out texts'
 * misses are never printed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { extractMentions, type ExtractOptions } from "../src/documents/extract/extract.ts";
import type { Mention, MentionType } from "../src/documents/types.ts";
import { makeId } from "../src/model/ids.ts";

export interface ExpectedLink {
  text: string;
  list: "un_sc_sanctions" | "us_ofac_sdn";
  /** UN reference number (KPe.047) or OFAC uid (15603). */
  ref: string;
}

export interface CjkLabels {
  file: string;
  split: "dev" | "holdout";
  language: "ko" | "zh";
  entities: Partial<Record<MentionType, string[]>>;
  links: ExpectedLink[];
}

/** Labels of documents in Korean or Chinese: they carry a `language` and are scored here only. */
export const isCjkLabels = (labels: object): boolean => "language" in labels;

const ID_PREFIX: Record<ExpectedLink["list"], string> = {
  un_sc_sanctions: "unsc",
  us_ofac_sdn: "ofac",
};
const NAME_TYPES: MentionType[] = ["Person", "Organization", "Location"];

interface Figures {
  documents: number;
  names: Map<MentionType, { tp: number; fp: number; fn: number }>;
  linksExpected: number;
  linksFound: number;
  /** Of those found, ambiguous between records of the same body on two lists. */
  linksSameBody: number;
  wrongLinks: number;
  placesExpected: number;
  placesFound: number;
  misses: string[];
}

function readLabels(file: string): CjkLabels {
  const labels = JSON.parse(readFileSync(file, "utf8")) as CjkLabels;
  if (labels.split !== "dev" && labels.split !== "holdout")
    throw new Error(`${file}: field "split" must be "dev" or "holdout"`);
  for (const [i, link] of (labels.links ?? []).entries()) {
    if (!ID_PREFIX[link.list] || !link.ref || !link.text)
      throw new Error(`${file}: links[${i}] needs text, list (un_sc_sanctions|us_ofac_sdn), ref`);
  }
  return labels;
}

function scoreDocument(labels: CjkLabels, mentions: Mention[], figures: Figures): void {
  figures.documents++;
  for (const type of NAME_TYPES) {
    const want = new Set(labels.entities[type] ?? []);
    const got = new Set(mentions.filter((m) => m.type === type).map((m) => m.text.trim()));
    const tally = figures.names.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    for (const g of got) {
      if (want.has(g)) tally.tp++;
      else {
        tally.fp++;
        figures.misses.push(`${type} extra: ${g}`);
      }
    }
    for (const w of want) {
      if (got.has(w)) continue;
      tally.fn++;
      figures.misses.push(`${type} missed: ${w}`);
    }
    figures.names.set(type, tally);
  }
  const places = new Set(labels.entities.Location ?? []);
  const foundPlaces = new Set(
    mentions.filter((m) => m.type === "Location" && places.has(m.text)).map((m) => m.text),
  );
  figures.placesExpected += places.size;
  figures.placesFound += foundPlaces.size;

  // The records each expected text may link to (one body listed by several lists).
  const expected = new Map<string, Set<string>>();
  for (const link of labels.links ?? []) {
    const ids = expected.get(link.text) ?? new Set<string>();
    ids.add(makeId(ID_PREFIX[link.list], link.ref));
    expected.set(link.text, ids);
  }
  const linkedTo = new Map<string, Set<string>>();
  // Ambiguous links whose every candidate is a record of the expected body (its UN and its OFAC
  // listing): the right body, though not one record of it.
  const sameBody = new Set<string>();
  for (const m of mentions) {
    const right = expected.get(m.text);
    if (!m.entityId && m.linkStatus === "ambiguous" && right)
      if (m.candidates?.every((c) => right.has(c.entityId))) sameBody.add(m.text);
    if (!m.entityId) continue;
    const ids = linkedTo.get(m.text) ?? new Set<string>();
    ids.add(m.entityId);
    linkedTo.set(m.text, ids);
  }
  figures.linksExpected += expected.size;
  for (const [text, ids] of expected) {
    const got = linkedTo.get(text);
    if (got && [...got].some((id) => ids.has(id))) figures.linksFound++;
    else if (sameBody.has(text)) {
      figures.linksFound++;
      figures.linksSameBody++;
    } else
      figures.misses.push(
        `link missed: ${text}${got ? ` (linked to ${[...got].join(", ")})` : ""}`,
      );
  }
  for (const [text, ids] of linkedTo) {
    const right = expected.get(text);
    const wrong = [...ids].filter((id) => !right?.has(id));
    if (wrong.length === 0) continue;
    figures.wrongLinks++;
    const caption = mentions.find((m) => m.text === text && m.entityId === wrong[0])?.entityCaption;
    figures.misses.push(`wrong link: ${text} → ${wrong.join(", ")} (${caption ?? "?"})`);
  }
}

function printFigures(title: string, f: Figures, showMisses: boolean): void {
  console.log(`Korean and Chinese documents (${title}, ${f.documents} documents)`);
  for (const [type, t] of f.names) {
    const p = t.tp / Math.max(1, t.tp + t.fp);
    const r = t.tp / Math.max(1, t.tp + t.fn);
    console.log(
      `  ${type.padEnd(13)} P ${p.toFixed(3)}  R ${r.toFixed(3)}  (${t.tp} right, ${t.fp} extra, ${t.fn} missed)`,
    );
  }
  console.log(
    `  links         ${f.linksFound} of ${f.linksExpected} expected links found (${f.linksSameBody} of them ambiguous between the same body's records on two lists), ${f.wrongLinks} wrong`,
  );
  console.log(`  places        ${f.placesFound} of ${f.placesExpected} places found`);
  if (showMisses) for (const miss of f.misses) console.log(`      ${miss}`);
}

/**
 * Scores the Korean and Chinese documents with the lists already loaded in `options`. Dev misses
 * are printed with EVAL_VERBOSE; held-out texts are skipped under EVAL_SPLIT=dev.
 */
export async function cjkDocuments(labelDir: string, options: ExtractOptions): Promise<void> {
  const root = path.join(labelDir, "..", "..");
  const all = readdirSync(labelDir)
    .filter((f) => f.endsWith(".labels.json"))
    .map((f) => path.join(labelDir, f))
    .filter((file) => isCjkLabels(JSON.parse(readFileSync(file, "utf8")) as object))
    .map(readLabels);
  for (const split of ["dev", "holdout"] as const) {
    if (split === "holdout" && process.env.EVAL_SPLIT === "dev") continue;
    const figures: Figures = {
      documents: 0,
      names: new Map(),
      linksExpected: 0,
      linksFound: 0,
      linksSameBody: 0,
      wrongLinks: 0,
      placesExpected: 0,
      placesFound: 0,
      misses: [],
    };
    for (const labels of all.filter((l) => l.split === split)) {
      const text = readFileSync(path.join(root, labels.file), "utf8");
      const before = figures.misses.length;
      scoreDocument(labels, await extractMentions(text, options), figures);
      if (figures.misses.length > before)
        figures.misses.splice(before, 0, `${path.basename(labels.file)}:`);
    }
    printFigures(split, figures, split === "dev" && !!process.env.EVAL_VERBOSE);
  }
}
