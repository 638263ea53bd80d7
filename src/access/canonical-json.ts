/**
 * JSON text of a value, written without recursion: the audit log hashes what clients sent, and a
 * client can send 10,000 nested objects in 60 KB, deep enough to overflow the stack of the
 * recursive JSON.stringify. The text is JSON.stringify's to the byte for plain JSON data (arrays,
 * objects with keys in insertion order, strings, finite numbers, booleans, null), so hashes of
 * entries written before this module existed still verify.
 */

/** Values past this many are cut off: a guard against cycles, which JSON.stringify refuses too. */
const MAX_NODES = 5_000_000;

type Frame =
  | { kind: "array"; items: unknown[]; next: number }
  | {
      kind: "object";
      keys: string[];
      source: Record<string, unknown>;
      next: number;
      wrote: boolean;
    };

/** Calls `write` with consecutive pieces of the JSON text of `value`. */
export function writeJson(value: unknown, write: (piece: string) => void): void {
  const stack: Frame[] = [];
  let nodes = 0;
  const open = (item: unknown): void => {
    if (++nodes > MAX_NODES) throw new RangeError("canonical-json: value too large or cyclic");
    const v = toJsonValue(item);
    if (v === undefined || typeof v === "function" || typeof v === "symbol") {
      write("null"); // only reached in arrays or at the top: object members are skipped before
      return;
    }
    if (Array.isArray(v)) {
      write("[");
      stack.push({ kind: "array", items: v, next: 0 });
      return;
    }
    if (typeof v === "object" && v !== null) {
      write("{");
      const source = v as Record<string, unknown>;
      stack.push({ kind: "object", keys: Object.keys(source), source, next: 0, wrote: false });
      return;
    }
    write(scalarJson(v));
  };
  open(value);
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    if (frame.kind === "array") {
      if (frame.next >= frame.items.length) {
        write("]");
        stack.pop();
        continue;
      }
      if (frame.next > 0) write(",");
      open(frame.items[frame.next++]);
      continue;
    }
    let key: string | undefined;
    let member: unknown;
    while (frame.next < frame.keys.length) {
      const candidate = frame.keys[frame.next++]!;
      const raw = toJsonValue(frame.source[candidate]);
      if (raw === undefined || typeof raw === "function" || typeof raw === "symbol") continue;
      key = candidate;
      member = raw;
      break;
    }
    if (key === undefined) {
      write("}");
      stack.pop();
      continue;
    }
    write(`${frame.wrote ? "," : ""}${JSON.stringify(key)}:`);
    frame.wrote = true;
    open(member);
  }
}

/**
 * JSON.stringify's text: natively while the value is shallow enough (the usual case, and fast),
 * written without recursion when it is too deep for the native serialiser. Both give one text.
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof RangeError) return canonicalJson(value);
    throw error;
  }
}

/** The whole JSON text at once (for values known to be small). */
export function canonicalJson(value: unknown): string {
  const pieces: string[] = [];
  writeJson(value, (piece) => pieces.push(piece));
  return pieces.join("");
}

function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as () => unknown).call(value);
  }
  if (typeof value === "bigint") return value.toString();
  return value;
}

function scalarJson(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  return "null";
}

/** Bytes of a value's JSON text in UTF-8, without making the text. */
export function jsonByteLength(value: unknown): number {
  let bytes = 0;
  writeJson(value, (piece) => (bytes += Buffer.byteLength(piece)));
  return bytes;
}
