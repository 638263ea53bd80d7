/** The FtM schema of a UK designation type ("Individual", "Entity", "Ship"), in every UK format. */
const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: "Person",
  entity: "Organization",
  ship: "Vessel",
};

export function ukSchema(type: string | undefined): string {
  return SCHEMA_BY_TYPE[(type ?? "").trim().toLowerCase()] ?? "LegalEntity";
}
