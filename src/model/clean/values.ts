/**
 * Cleaning of property values by FtM type, the part of validation the JS model lacks: names and
 * strings trimmed and whitespace folded, dates to ISO prefixes, countries to ISO codes, genders to
 * FtM's vocabulary. A value that cannot be cleaned is dropped (the raw record keeps it).
 */
import { countryCode } from "./countries.ts";
import { parseDates, type DateOrder } from "./dates.ts";

export interface CleanOptions {
  dateOrder?: DateOrder;
}

export function cleanValues(type: string, raw: string, options: CleanOptions = {}): string[] {
  const text = foldSpace(raw);
  if (text === "") return [];
  switch (type) {
    case "date":
      return parseDates(text, options.dateOrder);
    case "country": {
      const code = countryCode(text);
      return code ? [code] : [];
    }
    case "gender":
      return cleanGender(text);
    case "name":
      return [stripQuotes(text)];
    case "identifier":
    case "phone":
    case "email":
    case "url":
    case "iban":
      return [text.replace(/[.;,]+$/, "")];
    default:
      return [text];
  }
}

export function foldSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** UN and OFAC print some aliases in quotes (`"KOMID"`); the quotes are not part of the name. */
function stripQuotes(name: string): string {
  const stripped = name.replace(/^["'“”‘’]+|["'“”‘’]+$/g, "").trim();
  return stripped === "" ? name : stripped;
}

function cleanGender(text: string): string[] {
  const lower = text.toLowerCase();
  if (lower === "m" || lower === "male") return ["male"];
  if (lower === "f" || lower === "female") return ["female"];
  if (lower === "other") return ["other"];
  return [];
}
