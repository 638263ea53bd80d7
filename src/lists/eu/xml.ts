/**
 * EU Financial Sanctions Files XML (`xmlFullSanctionsList_1_1`): one `<sanctionEntity>` per
 * designation, keyed by its logicalId; attributes carry most facts.
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { hashId, makeId } from "../../model/ids.ts";
import { children, childText, nodeToRaw, streamXmlRecords, type XmlNode } from "../io/xml.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "eu-xml";

const SCHEMA_BY_CODE: Record<string, string> = {
  person: "Person",
  enterprise: "Organization",
  vessel: "Vessel",
};

export const euXmlReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "eu_fsf",
  mergesRepeatedRecords: true,
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      for await (const { node } of streamXmlRecords(file, {
        format: FORMAT,
        recordNames: new Set(["sanctionEntity"]),
        rootNames: new Set(["export"]),
        onProgress: options.onProgress,
      })) {
        const sourceId = node.attrs.logicalId;
        if (!sourceId)
          throw new ListFormatError(
            FORMAT,
            { file, line: node.line },
            "sanctionEntity without logicalId",
          );
        yield toRecord(node, sourceId);
      }
    }
  },
};

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.attrs[name]?.trim();
  return value && value !== "00" ? value : undefined;
}

function toRecord(node: XmlNode, sourceId: string): SourceRecord {
  const code = attr(children(node, "subjectType")[0], "code") ?? "";
  const schema = SCHEMA_BY_CODE[code] ?? "LegalEntity";
  const id = makeId("eu-fsf", sourceId);
  const party = new EntityBuilder(schema, id);
  const isPerson = schema === "Person";
  for (const alias of children(node, "nameAlias")) {
    const whole = attr(alias, "wholeName");
    const strong = attr(alias, "strong") !== "false";
    party.add(party.has("name") ? (strong ? "alias" : "weakAlias") : "name", whole);
    if (isPerson) {
      party.add("firstName", attr(alias, "firstName")).add("middleName", attr(alias, "middleName"));
      party.add("lastName", attr(alias, "lastName")).add("title", attr(alias, "title"));
      party.add("gender", attr(alias, "gender"));
      party.add("position", attr(alias, "function"));
    }
  }
  for (const c of children(node, "citizenship")) {
    party.add(
      isPerson ? "nationality" : "country",
      attr(c, "countryIso2Code") ?? attr(c, "countryDescription"),
    );
  }
  if (isPerson) {
    for (const b of children(node, "birthdate")) {
      party.add("birthDate", attr(b, "birthdate") ?? attr(b, "year"));
      const place = [
        attr(b, "city"),
        attr(b, "place"),
        attr(b, "region"),
        attr(b, "countryDescription"),
      ]
        .filter(Boolean)
        .join(", ");
      if (place) party.add("birthPlace", place);
      party.add("birthCountry", attr(b, "countryIso2Code"));
    }
  }
  for (const doc of children(node, "identification")) {
    const number = attr(doc, "number") ?? attr(doc, "latinNumber");
    const type = attr(doc, "identificationTypeCode") ?? "";
    if (number)
      party.add(
        isPerson && type === "passport"
          ? "passportNumber"
          : type === "swiftbic"
            ? "swiftBic"
            : type === "imo"
              ? "imoNumber"
              : "idNumber",
        number,
      );
  }
  for (const address of children(node, "address")) {
    const parts = [
      "street",
      "poBox",
      "city",
      "zipCode",
      "place",
      "region",
      "countryDescription",
    ].map((k) => attr(address, k));
    const text = parts.filter(Boolean).join(", ");
    if (text) party.add("address", text);
    party.add("country", attr(address, "countryIso2Code"));
  }
  const regulations = children(node, "regulation");
  const programs = [
    ...new Set(regulations.map((r) => attr(r, "programme")).filter((p): p is string => !!p)),
  ];
  party.add("program", programs).add("topics", "sanction");
  party.add(
    "notes",
    children(node, "remark").map((r) => r.text.trim()),
  );
  const sanction = new EntityBuilder("Sanction", hashId("eu-fsf-sanction", sourceId))
    .add("entity", id)
    .add("authority", "European Union")
    .add("program", programs)
    .add("authorityId", attr(node, "euReferenceNumber"))
    .add("unscId", attr(node, "unitedNationId"))
    .add("listingDate", attr(node, "designationDate"))
    .add("reason", attr(node, "designationDetails"))
    .add(
      "sourceUrl",
      regulations.map((r) => childText(r, "publicationUrl")),
    );
  return { sourceId, raw: nodeToRaw(node), entities: [party.build(), sanction.build()] };
}
