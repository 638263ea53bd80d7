/**
 * OFAC `sdn.xml` (and `consolidated.xml`, same schema): one `<sdnEntry>` per designation. Its
 * structured fields (ids, dates and places of birth, nationalities) are turned into the same
 * "label value" facts the CSV remarks hold, so both formats share one mapping.
 */
import { ListFormatError } from "../../errors.ts";
import {
  child,
  children,
  childText,
  nodeToRaw,
  streamXmlRecords,
  type XmlNode,
} from "../io/xml.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";
import { designationToRecord, type OfacAlias } from "./designation.ts";

const FORMAT = "ofac-xml";

export const ofacXmlReader: ListReader = {
  format: FORMAT,
  defaultDataset: (files) => (files.some((f) => /cons/i.test(f)) ? "us_ofac_cons" : "us_ofac_sdn"),
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      const seen = new Set<string>();
      for await (const { node } of streamXmlRecords(file, {
        format: FORMAT,
        recordNames: new Set(["sdnEntry"]),
        rootNames: new Set(["sdnList"]),
        onProgress: options.onProgress,
      })) {
        const uid = childText(node, "uid");
        if (!uid || !/^\d+$/.test(uid))
          throw new ListFormatError(
            FORMAT,
            { file, line: node.line },
            "sdnEntry without a numeric uid",
          );
        if (seen.has(uid))
          throw new ListFormatError(FORMAT, { file, line: node.line }, `uid ${uid} appears twice`);
        seen.add(uid);
        yield toRecord(node, uid);
      }
    }
  },
};

function personName(node: XmlNode): string {
  const last = childText(node, "lastName");
  const first = childText(node, "firstName");
  return [last, first].filter(Boolean).join(", ");
}

function listItems(node: XmlNode, list: string, item: string, field: string): string[] {
  const container = child(node, list);
  if (!container) return [];
  return children(container, item)
    .map((i) => childText(i, field))
    .filter((v): v is string => !!v);
}

function toRecord(node: XmlNode, uid: string): SourceRecord {
  const sdnType = (childText(node, "sdnType") ?? "").toLowerCase();
  const facts: string[] = [];
  for (const dob of listItems(node, "dateOfBirthList", "dateOfBirthItem", "dateOfBirth"))
    facts.push(`DOB ${dob}`);
  for (const pob of listItems(node, "placeOfBirthList", "placeOfBirthItem", "placeOfBirth"))
    facts.push(`POB ${pob}`);
  for (const c of listItems(node, "nationalityList", "nationality", "country"))
    facts.push(`nationality ${c}`);
  for (const c of listItems(node, "citizenshipList", "citizenship", "country"))
    facts.push(`citizen ${c}`);
  for (const id of children(child(node, "idList") ?? node, "id")) {
    const type = childText(id, "idType");
    const number = childText(id, "idNumber");
    if (type && number) facts.push(`${type} ${number}`);
  }
  const aliases: OfacAlias[] = children(child(node, "akaList") ?? node, "aka").map((aka) => ({
    type: (childText(aka, "type") ?? "a.k.a.")
      .replace(/\./g, "")
      .toLowerCase() as OfacAlias["type"],
    name: personName(aka),
    weak: childText(aka, "category") === "weak",
  }));
  const addresses = children(child(node, "addressList") ?? node, "address");
  const vessel = child(node, "vesselInfo");
  const remarks = [facts.join("; "), childText(node, "remarks")].filter(Boolean).join("; ");
  return designationToRecord({
    entNum: uid,
    name: personName(node),
    sdnType: sdnType === "entity" ? "" : sdnType,
    programs: children(child(node, "programList") ?? node, "program").map((p) => p.text.trim()),
    title: childText(node, "title"),
    callSign: vessel && childText(vessel, "callSign"),
    vesselType: vessel && childText(vessel, "vesselType"),
    tonnage: vessel && childText(vessel, "tonnage"),
    grossRegisteredTonnage: vessel && childText(vessel, "grossRegisteredTonnage"),
    vesselFlag: vessel && childText(vessel, "vesselFlag"),
    vesselOwner: vessel && childText(vessel, "vesselOwner"),
    remarks,
    addresses: addresses.map((a) =>
      ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"]
        .map((k) => childText(a, k))
        .filter(Boolean)
        .join(", "),
    ),
    addressCountries: addresses.map((a) => childText(a, "country") ?? ""),
    aliases: aliases.filter((a) => a.name),
    listName: "Specially Designated Nationals (SDN) List",
    raw: nodeToRaw(node),
  });
}
