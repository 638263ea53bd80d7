/**
 * Identifiers compared as publishers print them differently ("PA 381 420 754", "381420754",
 * "IMO 8660313"): upper-case letters and digits only, prefixes like IMO dropped.
 */
/** The properties that hold them, shared by listed entities and queries. */
export const IDENTIFIER_PROPS = [
  "passportNumber",
  "idNumber",
  "taxNumber",
  "registrationNumber",
  "leiCode",
  "swiftBic",
  "imoNumber",
  "mmsi",
  "publicKey",
  "innCode",
  "ogrnCode",
  "vatCode",
  "callSign",
  "serialNumber",
  "icaoCode",
] as const;

export function normaliseIdentifier(value: string): string {
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return compact.replace(/^(IMO|MMSI)(NO|NR|NUMBER)?(?=\d{7,9}$)/, "");
}

/** Identifiers of an entity, normalised; too-short ones (under 5 characters) prove nothing. */
export function entityIdentifiers(properties: Record<string, string[]>): string[] {
  const out = new Set<string>();
  for (const prop of IDENTIFIER_PROPS) {
    for (const value of properties[prop] ?? []) {
      const id = normaliseIdentifier(value);
      if (id.length >= 5 || looksLikeRegistration(value)) out.add(id);
      for (const number of numbersInText(value)) out.add(number);
    }
  }
  return [...out];
}

/**
 * The numbers inside a described identifier: the UN prints "Libyan passport no. 96184442" where
 * OFAC prints "96184442". Words with a digit and at least six characters count.
 */
export function numbersInText(value: string): string[] {
  if (!/\s/.test(value.trim())) return [];
  return value
    .split(/[\s,;:()]+/)
    .filter((word) => /\d/.test(word))
    .map(normaliseIdentifier)
    .filter((word) => word.length >= 6);
}

/**
 * A name that is a registration rather than a name: an aircraft's tail number (RA-86555, EP-GOM,
 * 4K-AZ38) or a vessel's IMO or MMSI number. Customers put them in the name field whatever the
 * schema they screen under, and they say themselves what they name.
 */
export function looksLikeRegistration(name: string): boolean {
  const text = name.trim();
  return (
    (/^[A-Z0-9]{1,3}[- ][A-Z0-9]{2,6}$/i.test(text) && /[A-Z]/i.test(text)) ||
    /^(?:(?:IMO|MMSI)[\s:.#-]*(?:(?:no|nr|number)[\s:.#-]*)?)?\d{7,9}$/i.test(text) ||
    // United States registrations have no hyphen (N123AB), nor do some others (YV2726).
    /^N[1-9]\d{0,4}[A-Z]{0,2}$/.test(text) ||
    /^[A-Z]{2}\d{3,5}$/.test(text) ||
    // China and Taiwan (B-2447) and North Korea (P-632) number their aircraft after one letter.
    /^[BP]\d{3,5}$/.test(text) ||
    hyphenlessTailNumber(text)
  );
}

/**
 * ICAO nationality prefixes that hold a digit, which tell a tail number typed without its hyphen
 * (T7OKY, 4KAZ38, A6EDA) from a brand written with digits for letters (N0RINC0, P3MEX).
 */
const DIGIT_PREFIXES = new Set(
  `3A 3B 3C 3D 3X 4K 4L 4O 4R 4W 4X 5A 5B 5H 5N 5R 5T 5U 5V 5W 5X 5Y 6O 6V 6Y 7O 7P 7Q 7T 8P 8Q
  8R 9A 9G 9H 9J 9K 9L 9M 9N 9Q 9U 9V 9Y A2 A3 A5 A6 A7 A8 C2 C3 C5 C6 C9 D2 D4 D6 E3 E5 E7 H4 J2
  J3 J5 J6 J7 J8 P2 P4 S2 S5 S7 S9 T7 T9 V2 V3 V4 V5 V6 V7 V8 Z3 Z8`.split(/\s+/),
);

function hyphenlessTailNumber(text: string): boolean {
  return (
    /^[A-Z0-9]{5,7}$/.test(text) &&
    DIGIT_PREFIXES.has(text.slice(0, 2)) &&
    /[A-Z]/.test(text.slice(2))
  );
}

/** Two registrations as one string each: the same or not, never alike (T7-OKI is not T7-OKY). */
export function sameRegistration(a: string, b: string): boolean {
  return normaliseIdentifier(a) === normaliseIdentifier(b);
}

/**
 * The registrations a query name gives: the whole name when it is one, and IMO numbers written
 * inside a vessel's name ("SEA STAR (IMO 9123456)"), whose check digit must hold.
 */
export function registrationsIn(name: string): string[] {
  if (looksLikeRegistration(name)) return [normaliseIdentifier(name)];
  const found: string[] = [];
  // Lloyd's Register numbers became IMO numbers.
  const imo = /\b(?:IMO|Lloyd'?s Register|LR)[\s:.#-]*(?:(?:no|nr|number)[\s:.#-]*)?(\d{7})\b/gi;
  for (const match of name.matchAll(imo)) if (validImo(match[1]!)) found.push(match[1]!);
  return found;
}

/** An IMO ship number's last digit is the sum of the others weighted 7 down to 2, mod 10. */
export function validImo(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]);
}
