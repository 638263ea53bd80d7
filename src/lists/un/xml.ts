/**
 * UN Security Council consolidated list XML (`consolidated.xml`): one `<INDIVIDUAL>` or `<ENTITY>`
 * per designation, keyed by its reference number (`KPi.033`, `KPe.001`).
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { foldSpace } from "../../model/clean/values.ts";
import { hashId, makeId } from "../../model/ids.ts";
import {
  childText,
  children,
  nestedTexts,
  nodeToRaw,
  streamXmlRecords,
  type XmlNode,
} from "../io/xml.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "un-xml";
const NAME_PARTS = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"] as const;
const IMO_IN_TEXT = /\bIMO(?:\s+(?:number|no\.?))?\s*:?\s*(\d{7})\b/gi;
/** "SWIFT/BIC: FTBDKPPY": the UN gives banks' codes only in the comments. */
const BIC_IN_TEXT =
  /\bSWIFT(?:\s*\/\s*BIC)?(?:\s+code)?\s*:?\s*([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b/g;

export const unXmlReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "un_sc_sanctions",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      const seen = new Set<string>();
      for await (const { node } of streamXmlRecords(file, {
        format: FORMAT,
        recordNames: new Set(["INDIVIDUAL", "ENTITY"]),
        rootNames: new Set(["CONSOLIDATED_LIST"]),
        onProgress: options.onProgress,
      })) {
        const record = toRecord(node);
        if (!record)
          throw new ListFormatError(
            FORMAT,
            { file, line: node.line },
            "record without REFERENCE_NUMBER or DATAID",
          );
        if (seen.has(record.sourceId)) {
          throw new ListFormatError(
            FORMAT,
            { file, line: node.line },
            `reference ${record.sourceId} appears twice`,
          );
        }
        seen.add(record.sourceId);
        yield record;
      }
    }
  },
};

function toRecord(node: XmlNode): SourceRecord | undefined {
  const sourceId = childText(node, "REFERENCE_NUMBER") ?? childText(node, "DATAID");
  if (!sourceId) return undefined;
  const isPerson = node.name === "INDIVIDUAL";
  const id = makeId("unsc", sourceId);
  const party = new EntityBuilder(isPerson ? "Person" : "Organization", id);
  const nameParts = NAME_PARTS.map((part) => childText(node, part)).filter((p): p is string => !!p);
  party.add("name", nameParts.join(" "));
  if (isPerson) {
    party
      .add("firstName", childText(node, "FIRST_NAME"))
      .add("secondName", childText(node, "SECOND_NAME"));
    party.add("title", nestedTexts(node, "TITLE", "VALUE"));
    party.add("position", nestedTexts(node, "DESIGNATION", "VALUE"));
    party.add("nationality", nestedTexts(node, "NATIONALITY", "VALUE"));
    party.add("gender", childText(node, "GENDER"));
    addBirthDates(party, node);
    addBirthPlaces(party, node);
    addDocuments(party, node);
  }
  party.add("alias", childText(node, "NAME_ORIGINAL_SCRIPT"));
  for (const alias of children(node, isPerson ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS")) {
    const name = childText(alias, "ALIAS_NAME");
    const quality = childText(alias, "QUALITY")?.toLowerCase();
    if (!name) continue;
    party.add(
      quality === "low" ? "weakAlias" : quality === "f.k.a." ? "previousName" : "alias",
      name,
    );
  }
  for (const address of children(node, isPerson ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS")) {
    const parts = ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"].map((p) =>
      childText(address, p),
    );
    const text = parts.filter(Boolean).join(", ");
    if (text) party.add("address", text);
    party.add("country", childText(address, "COUNTRY"));
  }
  const comments = childText(node, "COMMENTS1");
  party.add("notes", comments);
  for (const match of comments?.matchAll(IMO_IN_TEXT) ?? []) party.add("imoNumber", match[1]);
  if (party.supports("swiftBic"))
    for (const match of comments?.matchAll(BIC_IN_TEXT) ?? []) party.add("swiftBic", match[1]);
  const program = childText(node, "UN_LIST_TYPE");
  party.add("program", program).add("topics", "sanction");
  const sanction = new EntityBuilder("Sanction", hashId("unsc-sanction", sourceId))
    .add("entity", id)
    .add("authority", "United Nations Security Council")
    .add("program", program)
    .add("unscId", sourceId)
    .add("authorityId", sourceId)
    .add("listingDate", childText(node, "LISTED_ON"))
    .add("modifiedAt", nestedTexts(node, "LAST_DAY_UPDATED", "VALUE"))
    .add("sourceUrl", "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list");
  return { sourceId, raw: nodeToRaw(node), entities: [party.build(), sanction.build()] };
}

function addBirthDates(party: EntityBuilder, node: XmlNode): void {
  for (const dob of children(node, "INDIVIDUAL_DATE_OF_BIRTH")) {
    const from = childText(dob, "FROM_YEAR");
    const to = childText(dob, "TO_YEAR");
    if (from && to) party.add("birthDate", `${from} to ${to}`);
    party.add("birthDate", childText(dob, "DATE") ?? childText(dob, "YEAR"));
  }
}

function addBirthPlaces(party: EntityBuilder, node: XmlNode): void {
  for (const pob of children(node, "INDIVIDUAL_PLACE_OF_BIRTH")) {
    const text = ["CITY", "STATE_PROVINCE", "COUNTRY"]
      .map((p) => childText(pob, p))
      .filter(Boolean)
      .join(", ");
    if (text) party.add("birthPlace", text);
    party.add("birthCountry", childText(pob, "COUNTRY"));
  }
}

function addDocuments(party: EntityBuilder, node: XmlNode): void {
  for (const doc of children(node, "INDIVIDUAL_DOCUMENT")) {
    const number = childText(doc, "NUMBER");
    if (!number) continue;
    const type = foldSpace(childText(doc, "TYPE_OF_DOCUMENT") ?? "").toLowerCase();
    party.add(/passport|pasaporte|passeport/.test(type) ? "passportNumber" : "idNumber", number);
  }
}
