/**
 * List-derived items for eval:screening, built at run time from the list snapshots in ../shared
 * (nothing copied into the repo). Truth comes from identifiers and records, never from names:
 *
 *  A. every alias of a listed record, screened alone, finds that record first;
 *  B. UN DPRK designees → their OFAC SDN record, joined by passport number;
 *  B2. UN DPRK entities → their OFAC SDN record, hand-labelled in eval/data/names/un-dprk-ofac.csv
 *     (no identifier joins them; see that folder's README);
 *  C. pairs within one list: a record's own aliases against its name (positives) and names of
 *     different designees that share a surname, a first name part or a legal form (negatives);
 *  G. the Consolidated Screening List's SDN part (≈2022) → the 2024 SDN record with the same
 *     entity number, for spellings the 2024 record does not carry (sharing a name part with it).
 *
 * Items are split by `halfOf` the truth cluster's id (B2: the UN reference). Texts of misses are
 * returned for the tune half only.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InvalidInputError } from "../../src/errors.ts";
import type { ScreeningIndex } from "../../src/matching/index.ts";
import type { IndexedEntity } from "../../src/matching/types.ts";
import { makeId } from "../../src/model/ids.ts";
import { foldName } from "../../src/names/normalize.ts";
import { scorePair } from "../../src/screening/compare.ts";
import { THRESHOLD, Tally } from "./metrics.ts";
import type { LabelledPair } from "./pairs.ts";
import { readLabelledCsv } from "./labelled-csv.ts";
import { halfOf } from "./split.ts";

const MISS_LIMIT = 15;

export interface TopOneResult {
  tally: Tally;
  /** Tune-half misses only. */
  misses: string[];
}

const query = (schema: string, name: string) => ({
  schema,
  names: [name],
  birthDates: [],
  countries: [],
  identifiers: [],
});

export function category(e: IndexedEntity): string {
  const p = e.properties;
  const countries = [...(p.nationality ?? []), ...(p.country ?? []), ...(p.citizenship ?? [])];
  if ((p.program ?? []).some((x) => /DPRK|^KP/.test(x)) || countries.includes("kp"))
    return "korean";
  if (countries.some((c) => ["cn", "hk", "tw"].includes(c))) return "chinese";
  if (countries.some((c) => ["ru", "by", "ua", "kz"].includes(c))) return "cyrillic";
  if (e.schema !== "Person") return "company";
  return "other";
}

const allNames = (e: IndexedEntity): string[] => [
  ...(e.properties.name ?? []),
  ...(e.properties.alias ?? []),
  ...(e.properties.previousName ?? []),
  ...(e.properties.weakAlias ?? []),
];

/** A. Each alias screened alone must find its own record first. */
export function aliasTopOne(index: ScreeningIndex): TopOneResult {
  const tally = new Tally();
  const misses: string[] = [];
  for (const entity of index.entities) {
    const aliases = [...(entity.properties.alias ?? []), ...(entity.properties.previousName ?? [])];
    const primary = new Set((entity.properties.name ?? []).map(foldName));
    const half = halfOf(entity.id);
    for (const alias of aliases) {
      if (primary.has(foldName(alias))) continue;
      const results = index.match(query(entity.schema, alias), {
        limit: 5,
        threshold: THRESHOLD,
        includeDatasets: entity.datasets,
      });
      const top = results[0]?.score ?? -1;
      const ok = results.some((r) => r.entity.id === entity.id && r.score === top);
      tally.add(`${half} ${category(entity)}`, ok);
      tally.add(`${half} all`, ok);
      if (!ok && half === "tune" && misses.length < MISS_LIMIT)
        misses.push(
          `${alias} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${entity.properties.name?.[0]})`,
        );
    }
  }
  return { tally, misses };
}

/** B. UN DPRK designees' names screened against OFAC; the truth is a shared passport number. */
export function unToOfac(index: ScreeningIndex): TopOneResult {
  const byPassport = new Map<string, Set<string>>();
  for (const e of index.entities) {
    if (!e.datasets.includes("us_ofac_sdn")) continue;
    for (const p of e.properties.passportNumber ?? []) {
      const key = p.replace(/\W/g, "");
      byPassport.set(key, new Set([...(byPassport.get(key) ?? []), e.id]));
    }
  }
  const tally = new Tally();
  const misses: string[] = [];
  for (const e of index.entities) {
    if (!e.datasets.includes("un_sc_sanctions") || !e.sourceIds.some((s) => /^KP[ie]\./.test(s)))
      continue;
    const targets = new Set(
      (e.properties.passportNumber ?? []).flatMap((p) => [
        ...(byPassport.get(p.replace(/\W/g, "")) ?? []),
      ]),
    );
    if (targets.size === 0) continue;
    const half = halfOf([...targets].sort().join("|"));
    const wanted = [...targets].map((id) => index.get(id)?.properties.name?.[0]).join(" / ");
    for (const name of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
      const results = index.match(query(e.schema, name), {
        limit: 3,
        threshold: THRESHOLD,
        includeDatasets: ["us_ofac_sdn"],
      });
      const ok = targets.has(results[0]?.entity.id ?? "");
      tally.add(half, ok);
      tally.add("all", ok);
      if (!ok && half === "tune" && misses.length < MISS_LIMIT)
        misses.push(
          `${name} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${wanted})`,
        );
    }
  }
  return { tally, misses };
}

const UN_REF = /^KPe\.\d{3}$/;
const OFAC_UIDS = /^\d+(;\d+)*$/;

/** One hand-labelled row of eval/data/names/un-dprk-ofac.csv. */
export interface UnOfacLabel {
  line: number;
  unRef: string;
  /** Empty where OFAC has no record of the body; several where OFAC lists one body twice. */
  ofacUids: string[];
}

/** The B2 truth, with a clear error naming the file, line and field. */
export function readUnOfacLabels(file: string): UnOfacLabel[] {
  const { records, fail } = readLabelledCsv(file);
  const seen = new Set<string>();
  return records.map(({ record: r, line }) => {
    for (const column of ["un_ref", "un_name", "ofac_uid", "ofac_name", "evidence"])
      if (!(column in r)) fail(line, column, "column missing from the header");
    if (!UN_REF.test(r.un_ref!)) fail(line, "un_ref", `'${r.un_ref}' is not a UN KPe reference`);
    if (seen.has(r.un_ref!)) fail(line, "un_ref", `'${r.un_ref}' is labelled twice`);
    seen.add(r.un_ref!);
    if (!r.un_name?.trim()) fail(line, "un_name", "empty");
    if (r.ofac_uid && !OFAC_UIDS.test(r.ofac_uid))
      fail(line, "ofac_uid", `'${r.ofac_uid}' is not empty or OFAC uids joined by ';'`);
    if (!r.ofac_uid !== !r.ofac_name?.trim())
      fail(line, "ofac_name", "given without ofac_uid, or missing beside it");
    if (!r.evidence?.trim()) fail(line, "evidence", "empty: say why the records are one body");
    return { line, unRef: r.un_ref!, ofacUids: r.ofac_uid ? r.ofac_uid.split(";") : [] };
  });
}

export interface UnEntitiesResult extends TopOneResult {
  /** UN entities labelled as having no OFAC record, their names, and how many of those names
   * find some OFAC record above the threshold (a false alarm, or OFAC's record of a parent). */
  unlisted: { entities: number; names: number; aboveThreshold: number };
}

/**
 * B2. Every name of every UN DPRK entity (name, aliases, former and weak aliases, as the UN list
 * gives them) screened against OFAC alone; the hand label says which OFAC record must come first.
 * Every labelled record must be in the index and every UN KPe entity labelled, so that a new list
 * version cannot silently shrink the test.
 */
export function unEntitiesToOfac(
  index: ScreeningIndex,
  labels: UnOfacLabel[],
  file: string,
): UnEntitiesResult {
  const unByRef = new Map<string, IndexedEntity>();
  for (const e of index.entities) {
    if (!e.datasets.includes("un_sc_sanctions")) continue;
    for (const s of e.sourceIds) if (UN_REF.test(s.trim())) unByRef.set(s.trim(), e);
  }
  const labelled = new Set(labels.map((l) => l.unRef));
  const unlabelled = [...unByRef.keys()].filter((ref) => !labelled.has(ref));
  if (unlabelled.length)
    throw new InvalidInputError(
      `${file}: UN entities without a row: ${unlabelled.sort().join(", ")} (label them by hand)`,
    );
  const tally = new Tally();
  const misses: string[] = [];
  const unlisted = { entities: 0, names: 0, aboveThreshold: 0 };
  for (const label of labels) {
    const un = unByRef.get(label.unRef);
    if (!un)
      throw new InvalidInputError(
        `${file}: line ${label.line}: un_ref: '${label.unRef}' is not in the UN list loaded`,
      );
    const targets = new Set(label.ofacUids.map((uid) => makeId("ofac", uid)));
    for (const id of targets)
      if (!index.get(id)?.datasets.includes("us_ofac_sdn"))
        throw new InvalidInputError(
          `${file}: line ${label.line}: ofac_uid: '${id}' is not in the OFAC list loaded`,
        );
    const half = halfOf(label.unRef);
    const wanted = [...targets].map((id) => index.get(id)?.properties.name?.[0]).join(" / ");
    if (targets.size === 0) unlisted.entities++;
    for (const name of new Set(allNames(un))) {
      const results = index.match(query(un.schema, name), {
        limit: 3,
        threshold: THRESHOLD,
        includeDatasets: ["us_ofac_sdn"],
      });
      if (targets.size === 0) {
        unlisted.names++;
        if (results[0]?.match) unlisted.aboveThreshold++;
        continue;
      }
      const ok = targets.has(results[0]?.entity.id ?? "");
      tally.add(half, ok);
      tally.add("all", ok);
      if (!ok && half === "tune" && misses.length < MISS_LIMIT)
        misses.push(
          `${label.unRef} ${name} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${wanted})`,
        );
    }
  }
  return { tally, misses, unlisted };
}

/** Legal-form words that end an organisation's name (a list-independent selection rule). */
const LEGAL_FORMS = new Set(
  "llc ltd limited co company corp corporation inc gmbh ag sa srl bv nv ab as oy plc pjsc ojsc cjsc jsc ooo oao zao pao fze fzco fzc spa sarl sas".split(
    " ",
  ),
);

const parts = (name: string): string[] =>
  foldName(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const significantParts = (name: string): string[] =>
  parts(name).filter((t) => t.length > 2 && !LEGAL_FORMS.has(t) && !/^(the|of|and|for)$/.test(t));

function surnameOf(name: string): string | undefined {
  if (name.includes(",")) return parts(name.slice(0, name.indexOf(",")))[0];
  return parts(name).at(-1);
}

function legalFormOf(name: string): string | undefined {
  const p = parts(name);
  const last = p.at(-1);
  return last && LEGAL_FORMS.has(last) && p.length > 1 ? last : undefined;
}

/** C. Pairs within one list: own aliases (positives), different designees alike (negatives). */
export function listPairs(index: ScreeningIndex): LabelledPair[] {
  const groups = new Map<string, IndexedEntity[]>();
  const keysOf = (e: IndexedEntity): Array<[string, string]> => {
    const name = e.properties.name?.[0] ?? "";
    const base = `${e.datasets[0]}|${e.schema}`;
    const keys: Array<[string, string]> = [];
    const first = parts(name)[0];
    if (first && first.length > 1) keys.push(["list-same-first-part", `${base}|f|${first}`]);
    if (e.schema === "Person") {
      const surname = surnameOf(name);
      if (surname && surname.length > 1 && surname !== first)
        keys.push(["list-same-surname", `${base}|s|${surname}`]);
    } else {
      const form = legalFormOf(name);
      if (form) keys.push(["list-same-legal-form", `${base}|l|${form}`]);
    }
    return keys;
  };
  for (const e of index.entities) {
    if (!e.properties.name?.[0]) continue;
    for (const [, key] of keysOf(e)) groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: LabelledPair[] = [];
  const push = (
    e: IndexedEntity,
    cls: string,
    truth: boolean,
    name1: string,
    name2: string,
  ): void => {
    out.push({
      source: "lists",
      class: cls,
      schema: e.schema,
      identity: e.id,
      half: halfOf(e.id),
      truth,
      score: scorePair(e.schema, name1, name2).score,
      name1,
      name2,
    });
  };
  for (const e of index.entities) {
    const name = e.properties.name?.[0];
    if (!name) continue;
    // Positives: aliases that are another spelling of the name, told by a shared name part (a
    // rule that does not use the scorer); aliases that are other names altogether ("KOMID")
    // are for the top-1 test A.
    const nameParts = new Set(parts(name).filter((t) => t.length > 1));
    for (const alias of e.properties.alias ?? []) {
      if (foldName(alias) === foldName(name)) continue;
      if (!parts(alias).some((t) => nameParts.has(t))) continue;
      push(e, "list-alias", true, alias, name);
    }
    const own = new Set(allNames(e).map(foldName));
    const firstOwn = parts(name)[0];
    for (const [cls, key] of keysOf(e)) {
      const group = groups.get(key) ?? [];
      const at = group.indexOf(e);
      let taken = 0;
      // The next records of the group (a fixed order), not the first ones, so that a large
      // group does not pair every member with the same two records.
      for (let step = 1; step < group.length && taken < 2; step++) {
        const other = group[(at + step) % group.length]!;
        if (allNames(other).some((n) => own.has(foldName(n)))) continue;
        const otherName = other.properties.name?.[0] ?? "";
        // Same legal form: another brand, not the same brand under another form.
        if (cls === "list-same-legal-form" && parts(otherName)[0] === firstOwn) continue;
        push(e, cls, false, otherName, name);
        taken++;
      }
    }
  }
  return out;
}

/** G. CSL (SDN part, ≈2022) names → the 2024 SDN record of the same entity number. */
export function cslToOfac(index: ScreeningIndex, file: string): TopOneResult {
  const rows = parse(readFileSync(file), { columns: true, relax_quotes: true }) as Array<
    Record<string, string>
  >;
  const tally = new Tally();
  const misses: string[] = [];
  for (const row of rows) {
    if (!/^Specially Designated Nationals/.test(row.source ?? "") || !row.entity_number) continue;
    const target = index.get(makeId("ofac", row.entity_number));
    if (!target) continue;
    const known = new Set(allNames(target).map(foldName));
    const knownParts = new Set(allNames(target).flatMap(significantParts));
    const half = halfOf(target.id);
    // Spellings of a name the record has (a shared significant part, as in C), not other names
    // altogether that the 2024 CSV keeps in files we do not load.
    const names = [row.name ?? "", ...(row.alt_names ?? "").split(/;\s*/)]
      .map((n) => n.trim())
      .filter((n) => n && !known.has(foldName(n)))
      .filter((n) => significantParts(n).some((t) => knownParts.has(t)));
    for (const name of new Set(names)) {
      const results = index.match(query(target.schema, name), {
        limit: 3,
        threshold: THRESHOLD,
        includeDatasets: ["us_ofac_sdn"],
      });
      const top = results[0]?.score ?? -1;
      const ok = results.some((r) => r.entity.id === target.id && r.score === top);
      tally.add(`${half} ${target.schema}`, ok);
      tally.add(`${half} all`, ok);
      if (!ok && half === "tune" && misses.length < MISS_LIMIT)
        misses.push(
          `${name} → ${results[0]?.entity.properties.name?.[0] ?? "nothing"} (wanted ${target.properties.name?.[0]})`,
        );
    }
  }
  return { tally, misses };
}
