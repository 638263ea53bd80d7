/**
 * Pattern entities: identifiers found by their shape and kept only when their check digits (or
 * the words around them) confirm them. Each extractor returns mentions with offsets into the text.
 */
import type { Mention } from "../types.ts";
import { isValidBase58Check, isValidBech32, isValidIban, isValidImo } from "./checks.ts";

type Extractor = (text: string) => Mention[];

function mention(
  type: Mention["type"],
  match: RegExpMatchArray,
  confidence: number,
  value?: string,
  group = 0,
): Mention {
  const text = match[group]!;
  const start = match.index! + (group === 0 ? 0 : match[0].indexOf(text));
  return { type, text, start, end: start + text.length, confidence, value };
}

/** Words before a match (lower case), to read labels such as "SWIFT:" or "IMO". */
function before(text: string, index: number, chars = 40): string {
  return text.slice(Math.max(0, index - chars), index).toLowerCase();
}

const ibans: Extractor = (text) =>
  [...text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g)].flatMap(
    (m) => {
      const value = m[0].replace(/ /g, "");
      return isValidIban(value) ? [mention("BankAccount", m, 0.99, value)] : [];
    },
  );

/** Account numbers that are not IBANs, where the text says they are accounts. */
const accountNumbers: Extractor = (text) =>
  [
    ...text.matchAll(
      /\b(?:account|acct|a\/c|konto|계좌|账户|账号|口座)(?:\s*(?:no\.?|number|#|번호))?\s*[:#]?\s*([0-9][0-9 -]{5,28}[0-9])\b/gi,
    ),
  ].map((m) => mention("BankAccount", m, 0.8, m[1]!.replace(/[ -]/g, ""), 1));

const COUNTRY_CODES = new Set(
  "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MO MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW".split(
    " ",
  ),
);

/**
 * SWIFT/BIC: 8 or 11 characters with a real country code. Upper-case words of that length are
 * common in lists and headlines, so a bare code counts only with a label ("SWIFT", "BIC") nearby
 * or a digit in its location part.
 */
const bics: Extractor = (text) =>
  [...text.matchAll(/\b([A-Z]{4})([A-Z]{2})([A-Z0-9]{2})([A-Z0-9]{3})?\b/g)].flatMap((m) => {
    if (!COUNTRY_CODES.has(m[2]!)) return [];
    const labelled = /\b(swift|bic|swift\/bic|bank identifier)\b[^.\n]{0,20}$/.test(
      before(text, m.index!),
    );
    const digit = /\d/.test(m[3]! + (m[4] ?? ""));
    if (!labelled && !digit) return [];
    return [mention("Identifier", m, labelled ? 0.97 : 0.7, `BIC ${m[0]}`)];
  });

const imos: Extractor = (text) =>
  [...text.matchAll(/\bIMO(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*(\d{7})\b/gi)].flatMap((m) =>
    isValidImo(m[1]!) ? [mention("Vessel", m, 0.99, `IMO ${m[1]}`, 0)] : [],
  );

const mmsis: Extractor = (text) =>
  [...text.matchAll(/\bMMSI(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*([2-7]\d{8})\b/gi)].map((m) =>
    mention("Vessel", m, 0.97, `MMSI ${m[1]}`),
  );

const emails: Extractor = (text) =>
  [...text.matchAll(/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g)].map(
    (m) => mention("Email", m, 0.99, m[0].toLowerCase()),
  );

/** International numbers (+…), or local ones after a label (Tel, Fax, Phone, 전화, 电话). */
const phones: Extractor = (text) => {
  const found: Mention[] = [];
  for (const m of text.matchAll(
    /(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d\b/g,
  )) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length >= 8 && digits.length <= 15)
      found.push(mention("Phone", m, 0.95, `+${digits}`));
  }
  for (const m of text.matchAll(
    /\b(?:tel|telephone|phone|fax|mobile|cell|전화|전화번호|电话|電話)\.?\s*[:：]?\s*(\(?\d[\d\s().-]{6,18}\d)/gi,
  )) {
    const digits = m[1]!.replace(/\D/g, "");
    if (
      digits.length >= 7 &&
      digits.length <= 15 &&
      !found.some((f) => f.start <= m.index! + m[0].length && f.end >= m.index!)
    )
      found.push(mention("Phone", m, 0.85, digits, 1));
  }
  return found;
};

const wallets: Extractor = (text) => {
  const found: Mention[] = [];
  for (const m of text.matchAll(/\b0x[0-9a-fA-F]{40}\b/g))
    found.push(mention("CryptoWallet", m, 0.97, `ETH ${m[0].toLowerCase()}`));
  for (const m of text.matchAll(/\b(?:bc1|tb1)[ac-hj-np-z02-9]{11,71}\b/gi))
    if (isValidBech32(m[0]))
      found.push(mention("CryptoWallet", m, 0.99, `XBT ${m[0].toLowerCase()}`));
  for (const m of text.matchAll(/\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b/g))
    if (isValidBase58Check(m[0])) found.push(mention("CryptoWallet", m, 0.99, `XBT ${m[0]}`));
  for (const m of text.matchAll(/\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g))
    if (isValidBase58Check(m[0])) found.push(mention("CryptoWallet", m, 0.99, `TRX ${m[0]}`));
  return found;
};

/** Passport and registration numbers where the text labels them. */
const identifiers: Extractor = (text) =>
  [
    ...text.matchAll(
      /\b(passport|registration|reg\.|tax id|national id|certificate)(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*([A-Z]{0,3}\d[A-Z0-9-]{4,14})\b/gi,
    ),
  ].map((m) => mention("Identifier", m, 0.9, `${m[1]!.toLowerCase()} ${m[2]}`, 2));

export const PATTERN_EXTRACTORS: Extractor[] = [
  ibans,
  accountNumbers,
  bics,
  imos,
  mmsis,
  emails,
  phones,
  wallets,
  identifiers,
];
