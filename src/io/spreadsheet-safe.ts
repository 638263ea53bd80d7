/**
 * Cells of the CSV files the project writes, made safe to open in a spreadsheet. Customer ids,
 * names and listed captions come from other people's files: a cell such as `=HYPERLINK(…)` or
 * `+cmd|' /C calc'!A0` would run as a formula in Excel or LibreOffice on the reviewer's desk.
 * OWASP's rule: a text cell that begins with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading single quote, which spreadsheets read as "this is text". The full-width forms of the
 * four signs are included because some spreadsheet locales (Japanese input) read them as the
 * ASCII signs. Numbers written as numbers are values, not formulas, and pass unchanged.
 */
import type { Options } from "csv-stringify";

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/**
 * A text cell as a spreadsheet will show it, never run it.
 *
 * @example spreadsheetSafe("=1+2") === "'=1+2"; spreadsheetSafe("Kim") === "Kim"
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * csv-stringify options with every string cell (header included) passed through
 * spreadsheetSafe: the one way the project writes CSV. Numbers, typed as numbers, keep
 * csv-stringify's own casting.
 *
 * @example stringify(rows, spreadsheetSafeCsv({ header: true, columns }))
 */
export function spreadsheetSafeCsv(options: Options = {}): Options {
  return { ...options, cast: { ...options.cast, string: spreadsheetSafe } };
}
