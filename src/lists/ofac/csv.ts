/**
 * OFAC's legacy CSV set: `sdn.csv` (or `cons_prim.csv`) with `add.csv`, `alt.csv` and
 * `sdn_comments.csv` from the same folder. Latin-1, `-0- ` for empty, a trailing \x1a byte.
 * Given only companion files (an alias file without its sdn.csv), it reads them as a supplement:
 * one record per ent_num with the names and addresses they hold, under the same `ofac-N` ids.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { makeId } from "../../model/ids.ts";
import { readCsv } from "../io/csv.ts";
import type { ListFormat, ListReader, ReadOptions, SourceRecord } from "../types.ts";
import { designationToRecord, type OfacAlias } from "./designation.ts";

type FileRole = "main" | "add" | "alt" | "comments";

const MAIN_COLUMNS = 12;
/** OFAC's own column names for sdn.csv, used as the keys of the raw record. */
const MAIN_FIELDS = [
  "ent_num",
  "SDN_Name",
  "SDN_Type",
  "Program",
  "Title",
  "Call_Sign",
  "Vess_type",
  "Tonnage",
  "GRT",
  "Vess_flag",
  "Vess_owner",
  "Remarks",
];
const COLUMNS: Record<FileRole, number> = { main: MAIN_COLUMNS, add: 6, alt: 5, comments: 2 };

interface Companions {
  addresses: Map<string, Array<{ text: string; country: string; raw: string[] }>>;
  aliases: Map<string, Array<OfacAlias & { raw: string[] }>>;
  comments: Map<string, string>;
}

export function fileRole(file: string): FileRole {
  const base = path.basename(file).toLowerCase();
  if (/(^|_)add\b|^add\.csv$/.test(base)) return "add";
  if (/(^|_)alt\b|^alt\.csv$/.test(base)) return "alt";
  if (/comments/.test(base)) return "comments";
  return "main";
}

function emptyToUndefined(value: string | undefined): string | undefined {
  const text = value?.trim();
  return !text || text === "-0-" ? undefined : text;
}

const isEndMarker = (fields: string[]): boolean =>
  fields.length === 1 && fields[0]!.trim() === "\x1a";

function makeReader(format: ListFormat, defaultDataset: string, listName: string): ListReader {
  return {
    format,
    defaultDataset: (files) =>
      files.some((f) => fileRole(f) === "main") ? defaultDataset : `${defaultDataset}_supplement`,
    async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
      const mains = files.filter((f) => fileRole(f) === "main");
      if (mains.length > 1) {
        throw new ListFormatError(
          format,
          { file: mains[1]! },
          "only one main file (sdn.csv or cons_prim.csv) per import",
        );
      }
      const given = files.filter((f) => fileRole(f) !== "main");
      const companionFiles = mains[0]
        ? [...given, ...(await findCompanions(mains[0], given))]
        : given;
      const companions = await readCompanions(format, companionFiles);
      if (mains[0]) yield* readMain(format, mains[0], companions, listName, options);
      else yield* supplementRecords(companions);
    },
  };
}

export const ofacCsvReader = makeReader(
  "ofac-csv",
  "us_ofac_sdn",
  "Specially Designated Nationals (SDN) List",
);
export const ofacConsCsvReader = makeReader(
  "ofac-cons-csv",
  "us_ofac_cons",
  "Consolidated (non-SDN) Sanctions List",
);

async function findCompanions(main: string, given: string[]): Promise<string[]> {
  const dir = path.dirname(main);
  const prefix = path.basename(main).toLowerCase().startsWith("cons_") ? "cons_" : "";
  const wanted = new Set([
    `${prefix}add.csv`,
    `${prefix}alt.csv`,
    prefix ? "cons_comments.csv" : "sdn_comments.csv",
  ]);
  const givenRoles = new Set(given.map(fileRole));
  const names = await readdir(dir);
  return names
    .filter((name) => wanted.has(name.toLowerCase()) && !givenRoles.has(fileRole(name)))
    .map((name) => path.join(dir, name));
}

async function readCompanions(format: string, files: string[]): Promise<Companions> {
  const companions: Companions = { addresses: new Map(), aliases: new Map(), comments: new Map() };
  for (const file of files) {
    const role = fileRole(file);
    for await (const { fields, line } of readCsv(file, {
      format,
      encoding: "latin1",
      columns: COLUMNS[role],
      skipLine: isEndMarker,
    })) {
      const entNum = requireEntNum(format, file, line, fields[0]);
      if (role === "add") {
        const parts = [fields[2], fields[3], fields[4]].map(emptyToUndefined).filter(Boolean);
        if (parts.length === 0) continue;
        push(companions.addresses, entNum, {
          text: parts.join(", "),
          country: emptyToUndefined(fields[4]) ?? "",
          raw: fields,
        });
      } else if (role === "alt") {
        const name = emptyToUndefined(fields[3]);
        if (!name) continue;
        const type = (emptyToUndefined(fields[2]) ?? "aka")
          .toLowerCase()
          .replace(/\./g, "") as OfacAlias["type"];
        const weak = /weak/i.test(fields[4] ?? "");
        push(companions.aliases, entNum, { type, name, weak, raw: fields });
      } else if (role === "comments") {
        companions.comments.set(
          entNum,
          (companions.comments.get(entNum) ?? "") + (fields[1] ?? ""),
        );
      }
    }
  }
  return companions;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function requireEntNum(
  format: string,
  file: string,
  line: number,
  value: string | undefined,
): string {
  const entNum = value?.trim() ?? "";
  if (!/^\d+$/.test(entNum)) {
    throw new ListFormatError(
      format,
      { file, line },
      `ent_num '${entNum.slice(0, 20)}' is not a number`,
    );
  }
  return entNum;
}

async function* readMain(
  format: string,
  file: string,
  companions: Companions,
  listName: string,
  options: ReadOptions,
): AsyncGenerator<SourceRecord> {
  const seen = new Set<string>();
  for await (const { fields, line } of readCsv(file, {
    format,
    encoding: "latin1",
    columns: MAIN_COLUMNS,
    skipLine: isEndMarker,
    onProgress: options.onProgress,
  })) {
    const entNum = requireEntNum(format, file, line, fields[0]);
    if (seen.has(entNum))
      throw new ListFormatError(format, { file, line }, `ent_num ${entNum} appears twice`);
    seen.add(entNum);
    const name = emptyToUndefined(fields[1]);
    if (!name) throw new ListFormatError(format, { file, line }, `ent_num ${entNum} has no name`);
    const [, , sdnType, program, title, callSign, vesselType, tonnage, grt, flag, owner, remarks] =
      fields.map(emptyToUndefined);
    const extended = companions.comments.get(entNum);
    const addresses = companions.addresses.get(entNum) ?? [];
    const aliases = companions.aliases.get(entNum) ?? [];
    yield designationToRecord({
      entNum,
      name,
      sdnType: sdnType ?? "",
      programs: splitPrograms(program),
      title,
      callSign,
      vesselType,
      tonnage,
      grossRegisteredTonnage: grt,
      vesselFlag: flag,
      vesselOwner: owner,
      remarks: (remarks ?? "") + (extended ?? ""),
      addresses: addresses.map((a) => a.text),
      addressCountries: addresses.map((a) => a.country),
      aliases,
      listName,
      raw: {
        ...Object.fromEntries(MAIN_FIELDS.map((name, i) => [name, fields[i]?.trim() ?? ""])),
        ...(extended ? { comments: extended } : {}),
        ...(addresses.length ? { addresses: addresses.map((a) => a.raw) } : {}),
        ...(aliases.length ? { aliases: aliases.map((a) => a.raw) } : {}),
      },
    });
  }
}

/** "SDGT] [IRGC" → ["SDGT", "IRGC"]. */
export function splitPrograms(program: string | undefined): string[] {
  if (!program) return [];
  return program
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, "").trim())
    .filter(Boolean);
}

function* supplementRecords(companions: Companions): Generator<SourceRecord> {
  const entNums = new Set([
    ...companions.aliases.keys(),
    ...companions.addresses.keys(),
    ...companions.comments.keys(),
  ]);
  for (const entNum of [...entNums].sort((a, b) => Number(a) - Number(b))) {
    const aliases = companions.aliases.get(entNum) ?? [];
    const addresses = companions.addresses.get(entNum) ?? [];
    const comments = companions.comments.get(entNum);
    const party = new EntityBuilder("LegalEntity", makeId("ofac", entNum));
    party.add(
      "name",
      aliases.filter((a) => a.type !== "fka").map((a) => a.name),
    );
    party.add(
      "previousName",
      aliases.filter((a) => a.type === "fka").map((a) => a.name),
    );
    party
      .add(
        "address",
        addresses.map((a) => a.text),
      )
      .add(
        "country",
        addresses.map((a) => a.country),
      );
    party.add("notes", comments);
    yield {
      sourceId: entNum,
      raw: {
        aliases: aliases.map((a) => a.raw),
        addresses: addresses.map((a) => a.raw),
        ...(comments ? { comments } : {}),
      },
      entities: [party.build()],
    };
  }
}
