/**
 * OFAC `sdn_advanced.xml` / `cons_advanced.xml`: parties, profiles, identities and aliases with
 * name parts, typed features (birth dates, places, nationalities, vessel data, wallets) that point
 * into reference value sets, identity documents, and sanctions entries at the end of the file.
 * Reference values and documents come before the parties and are kept by id; parties are kept
 * until the sanctions entries that name their programmes have been read.
 */
import { ListFormatError } from "../../errors.ts";
import {
  child,
  children,
  childText,
  descendants,
  nodeToRaw,
  streamXmlRecords,
  type XmlNode,
} from "../io/xml.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";
import { designationToRecord, type OfacAlias } from "./designation.ts";

const FORMAT = "ofac-advanced-xml";

const REFERENCE_SETS = new Set([
  "AliasType",
  "Country",
  "FeatureType",
  "IDRegDocType",
  "PartySubType",
  "PartyType",
  "DetailReference",
  "LocPartType",
  "List",
]);
const RECORDS = new Set([
  ...REFERENCE_SETS,
  "Location",
  "IDRegDocument",
  "DistinctParty",
  "SanctionsEntry",
]);

/** Feature types whose value is a date, by OFAC's feature names. */
const DATE_FEATURES = /birthdate|date/i;

interface Party {
  node: XmlNode;
  line: number;
  fixedRef: string;
}

export const ofacAdvancedXmlReader: ListReader = {
  format: FORMAT,
  defaultDataset: (files) => (files.some((f) => /cons/i.test(f)) ? "us_ofac_cons" : "us_ofac_sdn"),
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) yield* readFile(file, options);
  },
};

async function* readFile(file: string, options: ReadOptions): AsyncGenerator<SourceRecord> {
  const refs = new Map<string, Map<string, XmlNode>>();
  const documents = new Map<string, XmlNode[]>();
  const locations = new Map<string, string>();
  const programs = new Map<string, string[]>();
  const listNames = new Map<string, string>();
  const parties: Party[] = [];
  const seen = new Set<string>();
  for await (const { node } of streamXmlRecords(file, {
    format: FORMAT,
    recordNames: RECORDS,
    rootNames: new Set(["Sanctions"]),
    onProgress: options.onProgress,
  })) {
    if (REFERENCE_SETS.has(node.name)) {
      let set = refs.get(node.name);
      if (!set) refs.set(node.name, (set = new Map()));
      set.set(node.attrs.ID ?? "", node);
    } else if (node.name === "Location") {
      locations.set(node.attrs.ID ?? "", locationText(node, refs));
    } else if (node.name === "IDRegDocument") {
      const identity = node.attrs.IdentityID ?? "";
      documents.set(identity, [...(documents.get(identity) ?? []), node]);
    } else if (node.name === "DistinctParty") {
      const fixedRef = node.attrs.FixedRef;
      if (!fixedRef)
        throw new ListFormatError(
          FORMAT,
          { file, line: node.line },
          "DistinctParty without FixedRef",
        );
      if (seen.has(fixedRef))
        throw new ListFormatError(
          FORMAT,
          { file, line: node.line },
          `FixedRef ${fixedRef} appears twice`,
        );
      seen.add(fixedRef);
      parties.push({ node, line: node.line, fixedRef });
    } else if (node.name === "SanctionsEntry") {
      const profile = node.attrs.ProfileID ?? "";
      const measures = children(node, "SanctionsMeasure")
        .map((m) => childText(m, "Comment"))
        .filter((c): c is string => !!c);
      programs.set(profile, [...(programs.get(profile) ?? []), ...measures]);
      const list = refs
        .get("List")
        ?.get(node.attrs.ListID ?? "")
        ?.text.trim();
      if (list) listNames.set(profile, list);
    }
  }
  for (const party of parties) {
    yield partyToRecord(party, { refs, documents, locations, programs, listNames });
  }
}

interface Context {
  refs: Map<string, Map<string, XmlNode>>;
  documents: Map<string, XmlNode[]>;
  locations: Map<string, string>;
  programs: Map<string, string[]>;
  listNames: Map<string, string>;
}

function refText(refs: Context["refs"], set: string, id: string | undefined): string {
  return (
    refs
      .get(set)
      ?.get(id ?? "")
      ?.text.trim() ?? ""
  );
}

function locationText(node: XmlNode, refs: Context["refs"]): string {
  const parts = children(node, "LocationPart").flatMap((part) =>
    children(part, "LocationPartValue").map((v) => childText(v, "Value") ?? ""),
  );
  const country = child(node, "LocationCountry")?.attrs.CountryID;
  if (country) parts.push(refText(refs, "Country", country));
  return parts.filter(Boolean).join(", ");
}

function aliasName(alias: XmlNode): string {
  const name = descendants(alias, "DocumentedName")[0];
  if (!name) return "";
  return descendants(name, "NamePartValue")
    .map((v) => v.text.trim())
    .filter(Boolean)
    .join(" ");
}

/** A feature's value: a date from its DatePeriod, a place from its location, or its text. */
function featureValue(version: XmlNode, type: string, ctx: Context): string | undefined {
  const period = descendants(version, "DatePeriod")[0];
  if (period && DATE_FEATURES.test(type)) {
    const from = descendants(period, "From")[0];
    if (from) {
      const [y, m, d] = ["Year", "Month", "Day"].map((k) => childText(from, k));
      if (y) return [y, m?.padStart(2, "0"), d?.padStart(2, "0")].filter(Boolean).join("-");
    }
  }
  const location = child(version, "VersionLocation")?.attrs.LocationID;
  if (location) return ctx.locations.get(location);
  const detail = child(version, "VersionDetail");
  if (detail) {
    const text = detail.text.trim();
    return (
      text || refText(ctx.refs, "DetailReference", detail.attrs.DetailReferenceID) || undefined
    );
  }
  return undefined;
}

function partyToRecord({ node, fixedRef }: Party, ctx: Context): SourceRecord {
  const profile = child(node, "Profile") ?? node;
  // Sub-types name vessels and aircraft; the rest are "Unknown" under a party type (Individual, Entity).
  const subTypeNode = ctx.refs.get("PartySubType")?.get(profile.attrs.PartySubTypeID ?? "");
  const subType = subTypeNode?.text.trim().toLowerCase() ?? "";
  const partyType = refText(ctx.refs, "PartyType", subTypeNode?.attrs.PartyTypeID).toLowerCase();
  const kind = subType === "unknown" || subType === "" ? partyType : subType;
  const sdnType = ["individual", "vessel", "aircraft"].includes(kind) ? kind : "";
  let name = "";
  const aliases: OfacAlias[] = [];
  const facts: string[] = [];
  for (const identity of children(profile, "Identity")) {
    for (const alias of children(identity, "Alias")) {
      const text = aliasName(alias);
      if (!text) continue;
      if (alias.attrs.Primary === "true" && !name) {
        name = text;
        continue;
      }
      const kind = refText(ctx.refs, "AliasType", alias.attrs.AliasTypeID)
        .toLowerCase()
        .replace(/\./g, "");
      aliases.push({
        type: kind === "fka" ? "fka" : kind === "nka" ? "nka" : "aka",
        name: text,
        weak: alias.attrs.LowQuality === "true",
      });
    }
    for (const doc of ctx.documents.get(identity.attrs.ID ?? "") ?? []) {
      const type = refText(ctx.refs, "IDRegDocType", doc.attrs.IDRegDocTypeID);
      const number = childText(doc, "IDRegistrationNo");
      if (type && number) facts.push(`${type} ${number}`);
    }
  }
  const featureLabels: Record<string, string> = {
    birthdate: "DOB",
    "place of birth": "POB",
    "nationality country": "nationality",
    citizenship: "citizen",
  };
  for (const feature of children(profile, "Feature")) {
    const type = refText(ctx.refs, "FeatureType", feature.attrs.FeatureTypeID);
    for (const version of children(feature, "FeatureVersion")) {
      const value = featureValue(version, type, ctx);
      if (value) facts.push(`${featureLabels[type.toLowerCase()] ?? type} ${value}`);
    }
  }
  const profileId = profile.attrs.ID ?? fixedRef;
  return designationToRecord({
    entNum: fixedRef,
    name: name || fixedRef,
    sdnType,
    programs: [...new Set(ctx.programs.get(profileId) ?? [])],
    remarks: [facts.join("; "), childText(profile, "Comment")].filter(Boolean).join("; "),
    addresses: [],
    addressCountries: [],
    aliases,
    listName: ctx.listNames.get(profileId) ?? "SDN List",
    raw: nodeToRaw(node),
  });
}
