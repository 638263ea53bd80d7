/**
 * In-house lists as plain CSV with a header line, mapped to FtM by a column mapping (given, or
 * guessed from the header).
 */
import { ListFormatError } from "../../errors.ts";
import { EntityBuilder } from "../../model/builder.ts";
import { findSchema, propertyTypeName } from "../../model/ftm.ts";
import { makeId } from "../../model/ids.ts";
import { readCsvObjects } from "../io/csv.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";
import { guessMapping, type ColumnMapping } from "./mapping.ts";

const FORMAT = "csv";
const META_KEYS = new Set(["id", "schema", "separator"]);

const SCHEMA_WORDS: Record<string, string> = {
  individual: "Person",
  person: "Person",
  entity: "Organization",
  organization: "Organization",
  organisation: "Organization",
  company: "Company",
  vessel: "Vessel",
  ship: "Vessel",
  aircraft: "Airplane",
  airplane: "Airplane",
};

export const plainCsvReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "inhouse",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      let mapping: ColumnMapping | undefined = options.mapping;
      const seen = new Set<string>();
      for await (const { row, line, header } of readCsvObjects(file, {
        format: FORMAT,
        onProgress: options.onProgress,
      })) {
        mapping ??= checkMapping(file, header, guessMapping(header));
        const record = toRecord(file, line, row, mapping, options.dataset);
        if (seen.has(record.sourceId))
          throw new ListFormatError(
            FORMAT,
            { file, line },
            `id '${record.sourceId}' appears twice`,
          );
        seen.add(record.sourceId);
        yield record;
      }
    }
  },
};

function checkMapping(file: string, header: string[], mapping: ColumnMapping): ColumnMapping {
  if (!mapping.name) {
    throw new ListFormatError(
      FORMAT,
      { file, line: 1 },
      `no name column in header (${header.join(", ")}); pass --mapping`,
    );
  }
  return mapping;
}

function toRecord(
  file: string,
  line: number,
  row: Record<string, string>,
  mapping: ColumnMapping,
  dataset: string,
): SourceRecord {
  const separator = mapping.separator ?? ";";
  const schemaSpec = mapping.schema;
  const schemaValue = schemaSpec === undefined ? "LegalEntity" : (row[schemaSpec] ?? schemaSpec);
  const schema =
    findSchema(schemaValue)?.name ??
    SCHEMA_WORDS[schemaValue.trim().toLowerCase()] ??
    "LegalEntity";
  const sourceId = (mapping.id ? row[mapping.id] : undefined) || String(line);
  const builder = new EntityBuilder(schema, makeId(dataset.replace(/_/g, "-"), sourceId));
  for (const [prop, column] of Object.entries(mapping)) {
    if (META_KEYS.has(prop)) continue;
    if (propertyTypeName(schema, prop) === undefined) continue;
    const cell = row[column];
    if (cell === undefined)
      throw new ListFormatError(
        FORMAT,
        { file, line },
        `mapped column '${column}' is not in the header`,
      );
    builder.add(prop, cell.split(separator));
  }
  if (!builder.has("name")) throw new ListFormatError(FORMAT, { file, line }, "row has no name");
  builder.add("topics", "sanction");
  return { sourceId, raw: row, entities: [builder.build()] };
}
