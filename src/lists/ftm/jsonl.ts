/**
 * FollowTheMoney / OpenSanctions JSON lines: one entity per line. Entities that share an id are
 * fragments of one entity; each becomes one record whose source id is the entity id.
 */
import { createInterface } from "node:readline";
import { ListFormatError } from "../../errors.ts";
import type { Entity } from "../../model/entity.ts";
import { findSchema, propertyTypeName } from "../../model/ftm.ts";
import { openListFile } from "../io/input.ts";
import type { ListReader, ReadOptions, SourceRecord } from "../types.ts";

const FORMAT = "ftm";
const MAX_LINE = 16 * 1024 * 1024;

export const ftmReader: ListReader = {
  format: FORMAT,
  defaultDataset: () => "ftm",
  async *read(files: string[], options: ReadOptions): AsyncIterable<SourceRecord> {
    for (const file of files) {
      const seen = new Set<string>();
      for await (const { entity, line, raw } of readEntityLines(file, FORMAT, options.onProgress)) {
        // A repeated id is another fragment: it becomes part of the first record's entity.
        const sourceId = seen.has(entity.id) ? `${entity.id}#${line}` : entity.id;
        seen.add(entity.id);
        yield { sourceId, raw, entities: [entity] };
      }
    }
  },
};

/** Streams the entities of an FtM JSON-lines file, each with its line and raw object. */
export async function* readEntityLines(
  file: string,
  format: string,
  onProgress?: ReadOptions["onProgress"],
): AsyncGenerator<{ entity: Entity; line: number; raw: Record<string, unknown> }> {
  const input = await openListFile(file, format, onProgress);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    if (text.length > MAX_LINE)
      throw new ListFormatError(format, { file, line }, "line longer than 16 MB");
    yield { ...parseEntity(file, line, text, format), line };
  }
}

/** One line's entity, checked against the model, and the line's object as it was (parsed once). */
function parseEntity(
  file: string,
  line: number,
  text: string,
  format: string,
): { entity: Entity; raw: Record<string, unknown> } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ListFormatError(format, { file, line }, `invalid JSON: ${(error as Error).message}`);
  }
  const fail = (detail: string): never => {
    throw new ListFormatError(format, { file, line }, detail);
  };
  if (!data || typeof data !== "object" || Array.isArray(data))
    return fail("expected a JSON object per line");
  const { id, schema, properties } = data as {
    id?: unknown;
    schema?: unknown;
    properties?: unknown;
  };
  if (typeof id !== "string" || id === "") return fail("entity without an id");
  if (typeof schema !== "string" || !findSchema(schema))
    return fail(`unknown schema '${String(schema)}'`);
  const clean: Record<string, string[]> = {};
  for (const [prop, values] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    if (propertyTypeName(schema, prop) === undefined)
      return fail(`${schema} has no property '${prop}'`);
    if (!Array.isArray(values)) return fail(`property '${prop}' must be a list`);
    const strings = values.filter((v): v is string => typeof v === "string" && v.trim() !== "");
    if (strings.length > 0) clean[prop] = strings;
  }
  return { entity: { id, schema, properties: clean }, raw: data as Record<string, unknown> };
}
