/**
 * The US Consolidated Screening List CSV (trade.gov): thirteen US lists in one file, multi-valued
 * cells joined with "; ". The same `_id` can appear on several rows; they are one record.
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import type { Entity } from "../../model/entity.ts";
import { hashId, makeId } from "../../model/ids.ts";
import { readCsvObjects } from "../io/csv.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "csl-csv";
const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: "Person",
  entity: "Organization",
  vessel: "Vessel",
  aircraft: "Airplane",
};

export const cslCsvReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "us_trade_csl",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      const groups = new Map<string, Array<Record<string, string>>>();
      for await (const { row, line } of readCsvObjects(file, {
        format: FORMAT,
        onProgress: options.onProgress,
      })) {
        const id = row._id;
        if (!id) throw new ListFormatError(FORMAT, { file, line }, "row without _id");
        if (!row.name) throw new ListFormatError(FORMAT, { file, line }, `row ${id} has no name`);
        const group = groups.get(id);
        if (group) group.push(row);
        else groups.set(id, [row]);
      }
      for (const [sourceId, rows] of groups) yield toRecord(sourceId, rows);
    }
  },
};

function split(value: string | undefined): string[] {
  return (value ?? "")
    .split(/;\s*/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function toRecord(sourceId: string, rows: Array<Record<string, string>>): SourceRecord {
  const first = rows[0]!;
  const schema = SCHEMA_BY_TYPE[(first.type ?? "").toLowerCase()] ?? "LegalEntity";
  const id = makeId("trade-csl", sourceId);
  const party = new EntityBuilder(schema, id);
  const wallets: Entity[] = [];
  const provisions: string[] = [];
  const isPerson = schema === "Person";
  for (const row of rows) {
    party
      .add("name", row.name)
      .add("alias", split(row.alt_names))
      .add("address", split(row.addresses));
    party.add("program", split(row.programs)).add("notes", row.remarks);
    if (isPerson) {
      party
        .add("birthDate", split(row.dates_of_birth))
        .add("birthPlace", split(row.places_of_birth));
      party
        .add("nationality", split(row.nationalities))
        .add("citizenship", split(row.citizenships));
      party.add("title", row.title);
    }
    if (schema === "Vessel") {
      party
        .add("callSign", row.call_sign)
        .add("type", row.vessel_type)
        .add("flag", row.vessel_flag);
      party
        .add("tonnage", row.gross_tonnage)
        .add("grossRegisteredTonnage", row.gross_registered_tonnage);
    }
    for (const item of split(row.ids)) {
      const comma = item.lastIndexOf(", ");
      if (comma < 0) continue;
      const [value, type] = [item.slice(0, comma).trim(), item.slice(comma + 2).trim()];
      const wallet = /^Digital Currency Address - (\w+)/.exec(type);
      if (wallet) {
        wallets.push(
          new EntityBuilder("CryptoWallet", makeId("trade-csl-wallet", value))
            .add("publicKey", value)
            .add("currencySymbol", wallet[1])
            .add("holder", id)
            .build(),
        );
      } else if (/sanctions|prohibited/i.test(type)) provisions.push(`${type} ${value}`);
      else addIdentifier(party, type, value);
    }
  }
  party.add("topics", "sanction");
  const sanction = new EntityBuilder("Sanction", hashId("trade-csl-sanction", sourceId))
    .add("entity", id)
    .add("authority", first.source)
    .add("country", "us")
    .add("program", split(first.programs))
    .add("authorityId", first.entity_number)
    .add("startDate", first.start_date)
    .add("endDate", first.end_date)
    .add("provisions", provisions)
    .add("sourceUrl", first.source_list_url);
  return {
    sourceId,
    raw: rows.length === 1 ? first : { rows },
    entities: [party.build(), sanction.build(), ...wallets],
  };
}

const IDENTIFIER_PROPS: Array<[RegExp, string]> = [
  [/^Gender$/i, "gender"],
  [/^Passport$/i, "passportNumber"],
  [/Vessel Registration Identification|^IMO/i, "imoNumber"],
  [/^MMSI$/i, "mmsi"],
  [/^Tax ID/i, "taxNumber"],
  [/^SWIFT\/BIC$/i, "swiftBic"],
  [/^Email Address$/i, "email"],
  [/^Website$/i, "website"],
  [/^Phone Number$/i, "phone"],
  [/Registration (Number|ID)|Company Number/i, "registrationNumber"],
  [/^Legal Entity Number$/i, "leiCode"],
];

function addIdentifier(party: EntityBuilder, type: string, value: string): void {
  const cleaned = value.replace(/^IMO\s+/i, "");
  for (const [pattern, prop] of IDENTIFIER_PROPS) {
    if (pattern.test(type) && party.supports(prop)) {
      party.add(prop, type === "Gender" ? value : cleaned);
      return;
    }
  }
  if (party.supports("idNumber")) party.add("idNumber", cleaned);
}
