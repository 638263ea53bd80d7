/**
 * What the layout of cables, memos and report narratives says about names: header labels and
 * markings ("SUBJECT:", "CONFIDENTIAL", "END SUMMARY") are no names, cable addresses go before a
 * place ("AMEMBASSY SEOUL"), and a line broken to fit a column does not end a name ("Financial
 * Crimes Enforcement Network", "Ocean Pearl Maritime Co. Ltd." cut at a line end).
 */

/** Words of headers, markings and section heads, which cables and memos write in capitals. */
export const HEADER_WORDS = new Set(
  `cable cables memo memorandum subject subj re ref refs from to date dated cc bcc attn attention
  classification classified confidential secret noforn unclassified restricted internal strictly
  sensitive official use only summary end comment comments background findings finding
  recommendation recommendations details next steps step action tags eo urgent priority immediate
  routine narrative encl enclosure enclosures distribution info`.split(/\s+/),
);

/** Cable addresses before a post's place: "AMEMBASSY SEOUL", "AMCONSUL HONG KONG", "SECSTATE". */
export const CABLE_ADDRESSES = new Set(
  "amembassy amconsul usmission secstate usun usnato useu usdel amemb".split(" "),
);

/** A line at least this long that breaks before a word is running text wrapped to a column. */
const WRAPPED_LINE = 40;
/** "Subject:", "Filing institution:": a line that opens with a label is a header's, not prose. */
const LABEL = /^[ \t]*[\p{L}][\p{L} .]{0,30}:/u;

/**
 * The text with the line breaks of wrapped running text made spaces (same length, so offsets
 * still point into the original): names go on across them. A break after a short line (a header,
 * an address, a list of names one a line) or one in capitals, before a label, or in a blank line
 * stays.
 *
 * @example
 * unwrapLines("…the Financial\nCrimes Enforcement Network.") // "…the Financial Crimes …"
 */
export function unwrapLines(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  let out = lines[0]!;
  for (let k = 1; k < lines.length; k++) {
    const crlf = lines[k - 1]!.endsWith("\r");
    const before = crlf ? lines[k - 1]!.slice(0, -1) : lines[k - 1]!;
    const line = lines[k]!;
    const wraps =
      (before.trim().length >= WRAPPED_LINE &&
        line.trim().length > 0 &&
        // Headers and captions are in capitals or end in a bracket; prose goes on in lower case.
        /\p{Ll}/u.test(before) &&
        !/(?:[.:;!?]["”]?|\))\s*$/.test(before) &&
        !LABEL.test(line)) ||
      legalFormsBroken(before, line);
    if (wraps && crlf) out = `${out.slice(0, -1)} `;
    out += (wraps ? " " : "\n") + line;
  }
  return out;
}

/** "Co.," at a line's end and "Ltd." at the next one's start: one firm's two legal forms. */
function legalFormsBroken(before: string, line: string): boolean {
  return (
    /\b(?:co|corp|company|pte|pvt)\.?,?\s*$/i.test(before) &&
    /^\s*(?:ltd|limited|llc|inc|plc|jsc)\b/i.test(line)
  );
}

/** Legal forms that follow another after a comma in one firm's name: "Co., Ltd.". */
export const SECOND_LEGAL_FORMS = new Set(["ltd", "limited", "llc", "inc", "plc", "jsc"]);
