/**
 * The UK Sanctions List summary export (one row per designation: Unique ID, OFSI Group ID, Name,
 * Regime Name, Type, Designation source, Date Designated, Sanctions Imposed), as CSV or as the
 * ODS spreadsheet FCDO publishes it in.
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { hashId, makeId } from "../../model/ids.ts";
import { ColumnReader } from "../io/columns.ts";
import { readCsvObjects } from "../io/csv.ts";
import { readOdsRows } from "../io/ods.ts";
import { ukSchema } from "./schema.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "uk-summary";

export const ukSummaryReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "gb_fcdo_sanctions",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      const seen = new Set<string>();
      let columns: ColumnReader | undefined;
      for await (const { row, line, header } of readRows(file, options)) {
        columns ??= new ColumnReader(header);
        if (!columns.has("Unique ID") || !columns.has("Name")) {
          throw new ListFormatError(
            FORMAT,
            { file, line },
            `expected Unique ID and Name columns, found ${header.join(", ")}`,
          );
        }
        const sourceId = columns.get(row, "Unique ID");
        if (!sourceId) throw new ListFormatError(FORMAT, { file, line }, "row without Unique ID");
        if (seen.has(sourceId))
          throw new ListFormatError(FORMAT, { file, line }, `Unique ID ${sourceId} appears twice`);
        seen.add(sourceId);
        yield toRecord(sourceId, row, columns);
      }
    }
  },
};

async function* readRows(
  file: string,
  options: ReadOptions,
): AsyncGenerator<{ row: Record<string, string>; line: number; header: string[] }> {
  if (file.toLowerCase().endsWith(".ods")) {
    yield* readOdsRows(file, {
      format: FORMAT,
      headerLine: (cells) => cells.some((c) => /^unique id$/i.test(c.trim())),
    });
  } else {
    yield* readCsvObjects(file, { format: FORMAT, onProgress: options.onProgress });
  }
}

function toRecord(sourceId: string, row: Record<string, string>, c: ColumnReader): SourceRecord {
  const schema = ukSchema(c.get(row, "Type"));
  const id = makeId("gb-fcdo", sourceId);
  const regime = c.get(row, "Regime Name");
  const party = new EntityBuilder(schema, id, { dateOrder: "dmy" })
    .add("name", c.get(row, "Name"))
    .add("program", regime)
    .add("topics", "sanction");
  const sanction = new EntityBuilder("Sanction", hashId("gb-fcdo-sanction", sourceId), {
    dateOrder: "dmy",
  })
    .add("entity", id)
    .add("authority", "UK Foreign, Commonwealth & Development Office")
    .add("country", "gb")
    .add("program", regime)
    .add("authorityId", sourceId)
    .add("listingDate", c.get(row, "Date Designated"))
    .add("provisions", c.get(row, "Sanctions Imposed"))
    .add("description", c.get(row, "Designation source"));
  return { sourceId, raw: row, entities: [party.build(), sanction.build()] };
}
