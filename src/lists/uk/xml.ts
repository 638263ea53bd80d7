/**
 * UK Sanctions List XML (FCDO): one `<Designation>` per unique id (`DPR0001`), persons, entities
 * and ships; `UNReferenceNumber` ties an entry to its UN designation.
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { hashId, makeId } from "../../model/ids.ts";
import {
  child,
  children,
  childText,
  descendants,
  nodeToRaw,
  streamXmlRecords,
  type XmlNode,
} from "../io/xml.ts";
import { ukSchema } from "./schema.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "uk-xml";

export const ukXmlReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "gb_fcdo_sanctions",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      for await (const { node } of streamXmlRecords(file, {
        format: FORMAT,
        recordNames: new Set(["Designation"]),
        rootNames: new Set(["Designations"]),
        onProgress: options.onProgress,
      })) {
        const sourceId = childText(node, "UniqueID");
        if (!sourceId)
          throw new ListFormatError(
            FORMAT,
            { file, line: node.line },
            "Designation without UniqueID",
          );
        yield toRecord(node, sourceId);
      }
    }
  },
};

/** Texts of the elements with this name anywhere below `node`, empty ones left out. */
function deepTexts(node: XmlNode, name: string): string[] {
  return descendants(node, name)
    .map((c) => c.text.trim())
    .filter(Boolean);
}

export function ukPersonName(name: XmlNode | Record<string, string>): string {
  const get = (k: string): string | undefined =>
    "children" in name ? childText(name as XmlNode, k) : (name as Record<string, string>)[k];
  // Name6 is the family (or whole entity) name; Name1–5 are given names in order.
  const given = ["Name1", "Name2", "Name3", "Name4", "Name5"].map(get).filter(Boolean);
  return [...given, get("Name6")].filter(Boolean).join(" ");
}

function toRecord(node: XmlNode, sourceId: string): SourceRecord {
  const schema = ukSchema(childText(node, "IndividualEntityShip"));
  const id = makeId("gb-fcdo", sourceId);
  const party = new EntityBuilder(schema, id, { dateOrder: "dmy" });
  const isPerson = schema === "Person";
  for (const name of children(child(node, "Names") ?? node, "Name")) {
    const full = ukPersonName(name);
    const type = (childText(name, "NameType") ?? "").toLowerCase();
    const weak = /low quality/i.test(childText(name, "AliasStrength") ?? "");
    const prop =
      type === "primary name" && !party.has("name") ? "name" : weak ? "weakAlias" : "alias";
    party.add(prop, full);
  }
  party.add("alias", deepTexts(node, "NameNonLatinScript"));
  if (isPerson) {
    party.add("title", deepTexts(node, "Title"));
    party.add(
      "birthDate",
      deepTexts(node, "DOB").map((d) => d.replace(/dd|mm/gi, "00")),
    );
    party.add("nationality", deepTexts(node, "Nationality"));
    party.add("gender", deepTexts(node, "Gender"));
    party.add("position", deepTexts(node, "Position"));
    party.add("passportNumber", deepTexts(node, "PassportNumber"));
    party.add("idNumber", deepTexts(node, "NationalIdentifierNumber"));
    for (const location of descendants(node, "Location")) {
      const place = [childText(location, "TownOfBirth"), childText(location, "CountryOfBirth")]
        .filter(Boolean)
        .join(", ");
      if (place) party.add("birthPlace", place);
      party.add("birthCountry", childText(location, "CountryOfBirth"));
    }
  } else if (schema === "Vessel") {
    party.add("imoNumber", deepTexts(node, "IMONumber"));
    party.add("flag", deepTexts(node, "CurrentBelievedFlagOfShip"));
    party.add("pastFlags", deepTexts(node, "PreviousFlag"));
    party.add("type", deepTexts(node, "TypeOfShip"));
    party.add("tonnage", deepTexts(node, "TonnageOfShip"));
  } else {
    party.add("registrationNumber", deepTexts(node, "BusinessRegistrationNumber"));
    party.add("classification", deepTexts(node, "TypeOfEntity"));
  }
  for (const address of descendants(node, "Address")) {
    const lines = address.children.filter(
      (c) => c.name.startsWith("Address") || c.name === "AddressPostalCode",
    );
    const text = lines
      .map((c) => c.text.trim())
      .filter(Boolean)
      .join(", ");
    if (text) party.add("address", text);
    party.add("country", childText(address, "AddressCountry"));
  }
  party.add("phone", deepTexts(node, "PhoneNumber")).add("email", deepTexts(node, "EmailAddress"));
  party.add("website", deepTexts(node, "Website"));
  party.add("notes", childText(node, "OtherInformation"));
  const regime = childText(node, "RegimeName");
  party.add("program", regime).add("topics", "sanction");
  const sanction = new EntityBuilder("Sanction", hashId("gb-fcdo-sanction", sourceId), {
    dateOrder: "dmy",
  })
    .add("entity", id)
    .add("authority", "UK Foreign, Commonwealth & Development Office")
    .add("country", "gb")
    .add("program", regime)
    .add("authorityId", sourceId)
    .add("unscId", childText(node, "UNReferenceNumber"))
    .add("listingDate", childText(node, "DateDesignated"))
    .add("modifiedAt", childText(node, "LastUpdated"))
    .add("provisions", childText(node, "SanctionsImposed"))
    .add("reason", childText(node, "UKStatementofReasons"));
  return { sourceId, raw: nodeToRaw(node), entities: [party.build(), sanction.build()] };
}
