/** The labelled CSV files of eval:screening, read with their line numbers for clear errors. */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { InvalidInputError } from "../../src/errors.ts";

export interface LabelledRecord {
  record: Record<string, string>;
  line: number;
}

/** Every record of `file`, and a `fail` that names the file, line and field. */
export function readLabelledCsv(file: string): {
  records: LabelledRecord[];
  fail: (line: number, field: string, why: string) => never;
} {
  const parsed = parse(readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
    info: true,
  }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  const fail = (line: number, field: string, why: string): never => {
    throw new InvalidInputError(`${file}: line ${line}: ${field}: ${why}`);
  };
  return { records: parsed.map(({ record, info }) => ({ record, line: info.lines })), fail };
}
