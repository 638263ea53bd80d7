/**
 * OFAC's remarks field ("DOB 01 Jan 1960; POB Pyongyang; a.k.a. 'X'; Linked To: Y.") parsed into
 * typed facts. OFAC's legacy CSV and sdn.xml carry most of what the advanced XML holds as features
 * only in this free text, so the parser is the difference between a name list and a usable one.
 */

export type RemarkFact =
  | { kind: "alias"; weight: "strong" | "previous"; value: string }
  | { kind: "property"; prop: string; value: string }
  | { kind: "wallet"; currency: string; address: string }
  | { kind: "link"; name: string }
  | { kind: "provision"; value: string }
  | { kind: "note"; value: string };

const ALIAS = /\b([afn])\.k\.a\.,?\s*'(.+?)'(?=\s*[;.,)]|\s*$)/g;

/** Labels that precede a value, longest first; `alt.` prefixes are stripped before matching. */
const LABELS: Array<[RegExp, string]> = [
  [/^DOB\s+/i, "birthDate"],
  [/^POB\s+/i, "birthPlace"],
  [/^nationality\s+/i, "nationality"],
  [/^citizen\s+/i, "citizenship"],
  [/^Gender\s+/i, "gender"],
  [/^Passport\s+/i, "passportNumber"],
  [/^(?:Vessel Registration Identification|Identification Number) IMO\s+/i, "imoNumber"],
  [/^MMSI\s+/i, "mmsi"],
  [/^Tax ID No\.\s*/i, "taxNumber"],
  [/^Legal Entity Number\s+/i, "leiCode"],
  [/^SWIFT\/BIC\s+/i, "swiftBic"],
  [/^Email Address\s+/i, "email"],
  [/^Website\s+/i, "website"],
  [/^(?:alt\. )?Phone(?: Number)?\s+/i, "phone"],
  [/^Organization Established Date\s+/i, "incorporationDate"],
  [/^(?:Organization Type:|Target Type)\s*/i, "classification"],
  [/^Former Vessel Flag\s+/i, "pastFlags"],
  [/^Vessel Year of Build\s+/i, "buildDate"],
  [/^Aircraft Manufacture Date\s+/i, "buildDate"],
  [/^Aircraft Model\s+/i, "model"],
  [/^Aircraft Manufacturer.s Serial Number \(MSN\)\s+/i, "serialNumber"],
  [/^Aircraft Tail Number\s+/i, "registrationNumber"],
  [
    /^(?:Registration Number|Registration ID|Business Registration Number|Company Number|Commercial Registry Number|C\.R\. No\.|Folio Mercantil No\.|Matricula Mercantil No|Unified Social Credit Code \(USCC\)|Government Gazette Number|Business Number|Certificate of Incorporation Number|Trade License No\.)\s*/i,
    "registrationNumber",
  ],
  [
    /^(?:National ID No\.|Cedula No\.|NIT #|RUC #|D\.N\.I\.|Identification Number|Personal ID Card|National Foreign ID Number|Residency Number|Credencial electoral|C\.U\.I\.T\.|C\.U\.R\.P\.|R\.F\.C\.|SSN|Kenyan ID No\.|Bosnian Personal ID No\.|Driver's License No\.|Citizen's Card Number|Stateless Person ID Card|Refugee ID Card|Numero Unico de Identificacion Tributaria \(NUIT\)|Economic Register Number \(CBLS\))\s*/i,
    "idNumber",
  ],
];

const WALLET = /^Digital Currency Address - ([A-Z0-9]+)\s+(\S+)$/i;
const LINK = /^Linked To:\s*(.+?)\.?$/i;
const PROVISION =
  /^(?:Additional Sanctions Information -|Secondary sanctions risk:|Transactions Prohibited For Persons Owned or Controlled By U\.S\. Financial Institutions:)\s*(.*)$/i;

export function parseRemarks(remarks: string): RemarkFact[] {
  const facts: RemarkFact[] = [];
  const rest = remarks.replace(ALIAS, (_match, kind: string, name: string) => {
    facts.push({
      kind: "alias",
      weight: kind.toLowerCase() === "f" ? "previous" : "strong",
      value: name,
    });
    return "";
  });
  for (const rawItem of rest.split(/;\s*/)) {
    const item = rawItem
      .trim()
      .replace(/^alt\.\s+/i, "")
      .replace(/\.$/, "")
      .trim();
    if (item === "" || item === "-") continue;
    facts.push(parseItem(item));
  }
  return facts;
}

function parseItem(item: string): RemarkFact {
  const wallet = WALLET.exec(item);
  if (wallet) return { kind: "wallet", currency: wallet[1]!.toUpperCase(), address: wallet[2]! };
  const link = LINK.exec(item);
  if (link) return { kind: "link", name: link[1]!.trim() };
  const provision = PROVISION.exec(item);
  if (provision) return { kind: "provision", value: item };
  for (const [label, prop] of LABELS) {
    const match = label.exec(item);
    if (!match) continue;
    const value = item.slice(match[0].length).trim();
    if (value === "") break;
    return { kind: "property", prop, value: cleanValue(prop, value) };
  }
  return { kind: "note", value: item };
}

/**
 * Identifiers are printed with their country and issue details in brackets ("Passport 12345
 * (Korea, North) expires 2020"); the number is the part before them.
 */
function cleanValue(prop: string, value: string): string {
  if (
    [
      "passportNumber",
      "idNumber",
      "taxNumber",
      "registrationNumber",
      "imoNumber",
      "mmsi",
      "leiCode",
      "swiftBic",
    ].includes(prop)
  ) {
    return value
      .replace(/\s*\(.*$/, "")
      .replace(/\s+(issued|expires|alt\.).*$/i, "")
      .trim();
  }
  if (prop === "nationality" || prop === "citizenship") return value.replace(/\s*\(.*$/, "");
  return value;
}
