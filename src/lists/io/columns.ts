/**
 * Header-driven access to CSV rows whose column names vary between editions of one publisher's
 * file ("DOB" / "D.O.B", "Group ID" / "OFSI Group ID"): fields are looked up by normalised name,
 * trying the alternatives in order.
 */
export function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export class ColumnReader {
  private readonly index = new Map<string, string>();

  constructor(header: string[]) {
    for (const name of header) this.index.set(normaliseHeader(name), name);
  }

  has(...names: string[]): boolean {
    return names.some((n) => this.index.has(normaliseHeader(n)));
  }

  get(row: Record<string, string>, ...names: string[]): string | undefined {
    for (const name of names) {
      const column = this.index.get(normaliseHeader(name));
      const value = column === undefined ? undefined : row[column]?.trim();
      if (value) return value;
    }
    return undefined;
  }
}
