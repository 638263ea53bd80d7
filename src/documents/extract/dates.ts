/** Dates in the forms documents use: ISO, `4 March 2017`, `March 4, 2017`, `2017年3月4日`, `2017년 3월 4일`. */
import type { Mention } from "../types.ts";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

const PATTERNS: Array<[RegExp, (m: RegExpMatchArray) => [number, number, number | undefined]]> = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => [+m[1]!, +m[2]!, +m[3]!]],
  [
    new RegExp(String.raw`\b(\d{1,2})\s${MONTH}\s(\d{4})\b`, "gi"),
    (m) => [+m[3]!, month(m[2]!), +m[1]!],
  ],
  [
    new RegExp(String.raw`\b${MONTH}\s(\d{1,2}),?\s(\d{4})\b`, "gi"),
    (m) => [+m[3]!, month(m[1]!), +m[2]!],
  ],
  [new RegExp(String.raw`\b${MONTH}\s(\d{4})\b`, "gi"), (m) => [+m[2]!, month(m[1]!), undefined]],
  [
    /(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월](?:\s?(\d{1,2})\s?[日일])?/g,
    (m) => [+m[1]!, +m[2]!, m[3] ? +m[3] : undefined],
  ],
];

/**
 * "December 19th", "19 December", "the 4th of March": a day of a month with no year, kept as the
 * ISO 8601 form without one (`--12-19`). Tried after the dated forms, which take their spans.
 */
const YEARLESS: Array<[RegExp, (m: RegExpMatchArray) => [number, number]]> = [
  [
    new RegExp(String.raw`\b${MONTH}\s(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s\d)`, "gi"),
    (m) => [month(m[1]!), +m[2]!],
  ],
  [
    new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\sof)?\s${MONTH}(?![\w.]*\s\d{4})`, "gi"),
    (m) => [month(m[2]!), +m[1]!],
  ],
];

function month(name: string): number {
  const prefix = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(prefix)) + 1;
}

export function extractDates(text: string): Mention[] {
  const found: Mention[] = [];
  for (const [pattern, read] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const [year, mo, day] = read(m);
      if (year < 1900 || year > 2100 || mo < 1 || mo > 12) continue;
      if (day !== undefined && (day < 1 || day > 31)) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const value = [year, mo, day]
        .filter((v) => v !== undefined)
        .map((v, i) => (i === 0 ? String(v) : String(v).padStart(2, "0")))
        .join("-");
      found.push({ type: "Date", text: m[0], start, end, confidence: 0.95, value });
    }
  }
  for (const [pattern, read] of YEARLESS) {
    for (const m of text.matchAll(pattern)) {
      const [mo, day] = read(m);
      if (mo < 1 || day < 1 || day > 31) continue;
      // "May 5" is a date; "may 5" in "you may 5 times" is not.
      if (!/^\p{Lu}/u.test(m[0].replace(/^\d+\w*\s(?:of\s)?/, ""))) continue;
      const start = m.index!;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      const value = `--${String(mo).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      found.push({ type: "Date", text: m[0], start, end, confidence: 0.8, value });
    }
  }
  return found;
}
