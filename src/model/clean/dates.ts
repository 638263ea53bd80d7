/**
 * Dates as lists print them, turned into ISO 8601 prefixes (`1960`, `1960-01`, `1960-01-31`), which
 * is how FtM stores partial dates. A range (`1960 to 1962`) gives every year in it.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** How to read an ambiguous all-digit date: day first (UK, EU) or month first (US). */
export type DateOrder = "dmy" | "mdy";

const MAX_RANGE_YEARS = 15;

export function parseDates(raw: string, order: DateOrder = "dmy"): string[] {
  const text = raw
    .trim()
    .replace(/^(circa|approximately|approx\.?|about|ca\.?|c\.)\s*/i, "")
    .replace(/\s+/g, " ");
  if (text === "") return [];
  const range = /^(\d{4})\s*(?:to|-|–)\s*(\d{4})$/i.exec(text);
  if (range) return yearRange(Number(range[1]), Number(range[2]));
  const single = parseDate(text, order);
  return single ? [single] : [];
}

export function parseDate(text: string, order: DateOrder = "dmy"): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T.*)?$/.exec(t);
  if (m) return isoPrefix(Number(m[1]), num(m[2]), num(m[3]));
  m = /^(\d{1,2}) ([a-z]{3,9})\.? (\d{4})$/i.exec(t);
  if (m) return isoPrefix(Number(m[3]), monthNumber(m[2]), Number(m[1]));
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(t);
  if (m) return isoPrefix(Number(m[3]), monthNumber(m[1]), Number(m[2]));
  m = /^([a-z]{3,9})\.? (\d{4})$/i.exec(t);
  if (m) return isoPrefix(Number(m[2]), monthNumber(m[1]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === "dmy" ? [first, second] : [second, first];
    return isoPrefix(Number(m[3]), month || undefined, day || undefined);
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoPrefix(Number(m[2]), Number(m[1]) || undefined);
  return undefined;
}

function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return value === 0 ? undefined : value;
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return (
    MONTHS[name.toLowerCase().slice(0, name.length >= 4 ? 4 : 3)] ??
    MONTHS[name.toLowerCase().slice(0, 3)]
  );
}

/** Builds `YYYY[-MM[-DD]]`, dropping parts that are missing or impossible rather than guessing. */
function isoPrefix(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return undefined;
  const y = String(year);
  if (month === undefined || month < 1 || month > 12) return y;
  const ym = `${y}-${String(month).padStart(2, "0")}`;
  if (day === undefined || day < 1 || day > daysInMonth(year, month)) return ym;
  return `${ym}-${String(day).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function yearRange(from: number, to: number): string[] {
  if (to < from || to - from > MAX_RANGE_YEARS) return [String(from), String(to)];
  const years: string[] = [];
  for (let year = from; year <= to; year++) years.push(String(year));
  return years;
}
