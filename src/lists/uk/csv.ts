/**
 * UK lists in CSV: OFSI's `ConList.csv` (one row per name, grouped by Group ID) and the FCDO UK
 * Sanctions List CSV (one row per name, grouped by Unique ID). Both start with a date line
 * before the header; columns are found by name.
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { hashId, makeId } from "../../model/ids.ts";
import { ColumnReader } from "../io/columns.ts";
import { readCsvObjects } from "../io/csv.ts";
import { ukSchema } from "./schema.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";
import { ukPersonName } from "./xml.ts";

const FORMAT = "uk-csv";

interface Group {
  rows: Array<Record<string, string>>;
  line: number;
}

export const ukCsvReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "gb_fcdo_sanctions",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      // Rows of one designation need not be adjacent (ConList sorts by name), so group first.
      const groups = new Map<string, Group>();
      let columns: ColumnReader | undefined;
      for await (const { row, line, header } of readCsvObjects(file, {
        format: FORMAT,
        onProgress: options.onProgress,
        headerLine: (fields) => fields.some((f) => /^name ?6$/i.test(f.trim())),
      })) {
        columns ??= new ColumnReader(header);
        const key = columns.get(row, "Unique ID", "Group ID", "OFSI Group ID");
        if (!key)
          throw new ListFormatError(FORMAT, { file, line }, "row without Unique ID or Group ID");
        const group = groups.get(key);
        if (group) group.rows.push(row);
        else groups.set(key, { rows: [row], line });
      }
      for (const [sourceId, group] of groups) yield toRecord(sourceId, group.rows, columns!);
    }
  },
};

function toRecord(
  sourceId: string,
  rows: Array<Record<string, string>>,
  c: ColumnReader,
): SourceRecord {
  const first = rows[0]!;
  const schema = ukSchema(
    c.get(first, "Group Type", "Designation Type", "Individual, Entity, Ship"),
  );
  const id = makeId("gb-fcdo", sourceId);
  const party = new EntityBuilder(schema, id, { dateOrder: "dmy" });
  const isPerson = schema === "Person";
  const regimes = new Set<string>();
  for (const row of rows) {
    const name = ukPersonName(
      Object.fromEntries(
        ["Name1", "Name2", "Name3", "Name4", "Name5", "Name6"].map((k) => [
          k,
          c.get(row, k.replace("Name", "Name ")) ?? "",
        ]),
      ),
    );
    const aliasType = (c.get(row, "Alias Type", "Name Type") ?? "").toLowerCase();
    const weak = /low/i.test(c.get(row, "Alias Quality", "Alias Strength") ?? "");
    const primary = /prime|primary name$/.test(aliasType);
    party.add(primary && !party.has("name") ? "name" : weak ? "weakAlias" : "alias", name);
    party.add("alias", c.get(row, "Name Non-Latin Script"));
    if (isPerson) {
      party.add("title", c.get(row, "Title"));
      party.add("birthDate", c.get(row, "DOB", "D.O.B"));
      party.add("nationality", c.get(row, "Nationality", "Nationality(/ies)"));
      party.add("passportNumber", c.get(row, "Passport Number"));
      party.add(
        "idNumber",
        c.get(row, "National Identification Number", "National Identifier number"),
      );
      party.add("position", c.get(row, "Position"));
      party.add("gender", c.get(row, "Gender"));
      const place = [c.get(row, "Town of Birth"), c.get(row, "Country of Birth")]
        .filter(Boolean)
        .join(", ");
      if (place) party.add("birthPlace", place);
    } else if (schema === "Vessel") {
      party.add("imoNumber", c.get(row, "IMO number"));
      party.add("flag", c.get(row, "Current believed flag of ship"));
    }
    const address = [
      "Address 1",
      "Address 2",
      "Address 3",
      "Address 4",
      "Address 5",
      "Address 6",
      "Post/Zip Code",
      "Country",
    ]
      .map((k) =>
        c.get(
          row,
          k,
          k.replace("Address ", "Address Line "),
          k === "Country" ? "Address Country" : k,
        ),
      )
      .filter(Boolean)
      .join(", ");
    if (address) party.add("address", address);
    party.add("country", c.get(row, "Country", "Address Country"));
    party.add("notes", c.get(row, "Other Information"));
    const regime = c.get(row, "Regime", "Regime Name");
    if (regime) regimes.add(regime);
  }
  // Excerpts of ConList can lack the "Prime Alias" row; the first name given then stands for it.
  if (!party.has("name")) party.add("name", party.get("alias")[0]);
  party.add("program", [...regimes]).add("topics", "sanction");
  const sanction = new EntityBuilder("Sanction", hashId("gb-fcdo-sanction", sourceId), {
    dateOrder: "dmy",
  })
    .add("entity", id)
    .add("authority", "UK HM Treasury / FCDO")
    .add("country", "gb")
    .add("program", [...regimes])
    .add("authorityId", sourceId)
    .add("listingDate", c.get(first, "Listed On", "Date Designated"))
    .add("modifiedAt", c.get(first, "Last Updated"));
  const unRef =
    /UN Ref\s+([A-Z]{2}[ie]\.\d+)/.exec(c.get(first, "Other Information") ?? "")?.[1] ??
    c.get(first, "UN Reference Number");
  sanction.add("unscId", unRef);
  return { sourceId, raw: { rows }, entities: [party.build(), sanction.build()] };
}
