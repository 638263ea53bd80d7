import { assertNever } from "../errors.ts";
import { cryptoAddressReader } from "./crypto/addresses.ts";
import { cslCsvReader } from "./csl/csv.ts";
import { plainCsvReader } from "./csv/reader.ts";
import { euXmlReader } from "./eu/xml.ts";
import { ftmReader } from "./ftm/jsonl.ts";
import { ofacAdvancedXmlReader } from "./ofac/advanced.ts";
import { ofacConsCsvReader, ofacCsvReader } from "./ofac/csv.ts";
import { ofacXmlReader } from "./ofac/xml.ts";
import type { ListFormat, ListReader } from "./types.ts";
import { ukCsvReader } from "./uk/csv.ts";
import { ukSummaryReader } from "./uk/summary.ts";
import { ukXmlReader } from "./uk/xml.ts";
import { unXmlReader } from "./un/xml.ts";

/** The reader for each list format. */
export function readerFor(format: ListFormat): ListReader {
  switch (format) {
    case "ofac-csv":
      return ofacCsvReader;
    case "ofac-cons-csv":
      return ofacConsCsvReader;
    case "ofac-xml":
      return ofacXmlReader;
    case "ofac-advanced-xml":
      return ofacAdvancedXmlReader;
    case "un-xml":
      return unXmlReader;
    case "eu-xml":
      return euXmlReader;
    case "uk-xml":
      return ukXmlReader;
    case "uk-csv":
      return ukCsvReader;
    case "uk-summary":
      return ukSummaryReader;
    case "csl-csv":
      return cslCsvReader;
    case "ftm":
      return ftmReader;
    case "csv":
      return plainCsvReader;
    case "crypto-addresses":
      return cryptoAddressReader;
    default:
      return assertNever(format);
  }
}
