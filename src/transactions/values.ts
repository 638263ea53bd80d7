/**
 * Amounts, timestamps and currencies as ledgers write them. Each parser throws a short reason
 * that the importer prefixes with file and line.
 */
import { InvalidInputError } from "../errors.ts";
const DAY_MS = 86_400_000;

export class ValueError extends Error {}

const PLAIN_AMOUNT = /^\d+(?:\.\d+)?$/;

/**
 * Accepts `1234.56`, `1,234.56`, `1.234,56`, `1 234,56`, `$1,234`, `1234 USD`. The last of `.`
 * and `,` is the decimal mark when both occur; a lone `,` followed by exactly three digits is a
 * thousands separator (the common case in bank exports), otherwise a decimal comma.
 */
export function parseAmount(text: string | undefined): number {
  const raw = (text ?? "").trim();
  // Most machine-written ledgers: skip the separator logic below.
  if (PLAIN_AMOUNT.test(raw)) return Number(raw);
  if (raw === "") throw new ValueError("amount is missing");
  const negative = /^-|^\(.*\)$|-$/.test(raw);
  let digits = raw.replace(/[^\d.,]/g, "");
  if (negative)
    throw new ValueError(`amount '${raw}' is negative; give the direction by source and target`);
  if (!/\d/.test(digits)) throw new ValueError(`amount '${raw}' is not a number`);
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    digits = digits.split(thousands).join("").replace(decimal, ".");
  } else if (lastComma !== -1) {
    const parts = digits.split(",");
    const thousandsOnly = parts.length > 1 && parts.slice(1).every((p) => p.length === 3);
    digits = thousandsOnly ? parts.join("") : parts.join(".");
  } else if (digits.split(".").length > 2) {
    digits = digits.split(".").join("");
  }
  const value = Number(digits);
  if (!Number.isFinite(value)) throw new ValueError(`amount '${raw}' is not a number`);
  return value;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED_DATE = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const DOTTED_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/**
 * ISO 8601 dates and date-times (UTC unless an offset is given), `YYYY/MM/DD`, the European
 * `DD.MM.YYYY`, and Unix epochs in seconds (10 digits) or milliseconds (13 digits). `DD/MM/YYYY`
 * is refused: it cannot be told from the US order.
 */
export function parseTimestamp(text: string | undefined): number {
  const raw = (text ?? "").trim();
  if (raw === "") throw new ValueError("timestamp is missing");
  let ms: number | undefined;
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = iso;
    ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, Number(frac.padEnd(3, "0").slice(0, 3)));
    if (!sameCalendarDay(ms, +y!, +mo!, +d!)) ms = undefined;
    else if (zone && zone.toUpperCase() !== "Z") {
      const sign = zone.startsWith("-") ? -1 : 1;
      const offset = zone.slice(1).replace(":", "");
      ms -= sign * (Number(offset.slice(0, 2)) * 60 + Number(offset.slice(2))) * 60_000;
    }
  } else if (SLASHED_DATE.test(raw) || DOTTED_DATE.test(raw)) {
    const m = SLASHED_DATE.exec(raw);
    const [y, mo, d] = m ? [+m[1]!, +m[2]!, +m[3]!] : dotted(raw);
    ms = Date.UTC(y, mo - 1, d);
    if (!sameCalendarDay(ms, y, mo, d)) ms = undefined;
  } else if (/^\d{10}(\.\d+)?$/.test(raw)) {
    ms = Number(raw) * 1000;
  } else if (/^\d{13}$/.test(raw)) {
    ms = Number(raw);
  }
  if (ms === undefined || !Number.isFinite(ms))
    throw new ValueError(`timestamp '${raw}' is not a date`);
  return ms;
}

function dotted(raw: string): [number, number, number] {
  const [d, mo, y] = raw.split(".").map(Number);
  return [y!, mo!, d!];
}

function sameCalendarDay(ms: number, y: number, mo: number, d: number): boolean {
  const date = new Date(ms);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A simulation step (AMLSim's `time`) as a day after the base date. */
export function stepToTimestamp(step: string | undefined, baseDate: number): number {
  const raw = (step ?? "").trim();
  if (!/^\d+$/.test(raw)) throw new ValueError(`time step '${raw}' is not a whole number`);
  return baseDate + Number(raw) * DAY_MS;
}

export function parseCurrency(text: string | undefined, fallback: string): string {
  const raw = (text ?? "").trim().toUpperCase();
  if (raw === "") return fallback;
  if (!/^[A-Z]{3}$/.test(raw)) throw new ValueError(`currency '${text}' is not an ISO 4217 code`);
  return raw;
}

export function requireField(value: string | undefined, field: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new ValueError(`${field} is missing`);
  return trimmed;
}

/**
 * A --from/--to style bound given by a user: a bare date as an upper bound means the whole day.
 * Problems become InvalidInputError naming the field.
 */
export function parseTimeBound(
  value: string | undefined,
  field: string,
  upper: boolean,
): number | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    const ms = parseTimestamp(value);
    return upper && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? ms + DAY_MS - 1 : ms;
  } catch (error) {
    if (error instanceof ValueError) throw new InvalidInputError(`${field}: ${error.message}`);
    throw error;
  }
}
