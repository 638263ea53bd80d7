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
    // A tail number typed without its hyphen, where a digit in the prefix shows it (T7OKY, 4KAZ38).
    /^(?:[A-Z]\d|\d[A-Z])[A-Z][A-Z0-9]{1,4}$/.test(text)
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
