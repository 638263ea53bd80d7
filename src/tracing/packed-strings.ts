/**
 * Many short strings (transfer ids) in one byte array with offsets. A 5-million-transfer ledger
 * held its ids as 5M string objects, and every major garbage collection walked them all: that
 * walk was the slowest part of large traces. Packed, they are two objects whatever the count.
 */
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class PackedStrings {
  constructor(
    private readonly bytes: Uint8Array,
    /** String i is bytes[offsets[i] .. offsets[i+1]). */
    private readonly offsets: Float64Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  get(index: number): string {
    return decoder.decode(this.bytes.subarray(this.offsets[index], this.offsets[index + 1]));
  }

  /** The strings in the given order: result i is this.get(order[i]). */
  permute(order: ArrayLike<number>): PackedStrings {
    const bytes = new Uint8Array(this.bytes.length);
    const offsets = new Float64Array(order.length + 1);
    let at = 0;
    for (let i = 0; i < order.length; i++) {
      offsets[i] = at;
      const start = this.offsets[order[i]!]!;
      const end = this.offsets[order[i]! + 1]!;
      for (let b = start; b < end; b++) bytes[at++] = this.bytes[b]!;
    }
    offsets[order.length] = at;
    return new PackedStrings(bytes, offsets);
  }
}

export class PackedStringsBuilder {
  private bytes = new Uint8Array(1 << 16);
  private offsets = new Float64Array(1 << 12);
  private count = 0;
  private used = 0;

  push(text: string): void {
    if (this.count + 2 > this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) {
        ascii = false;
        break;
      }
      this.bytes[this.used + i] = code;
    }
    this.used += ascii
      ? text.length
      : encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.offsets[++this.count] = this.used;
  }

  build(): PackedStrings {
    return new PackedStrings(this.bytes.slice(0, this.used), this.offsets.slice(0, this.count + 1));
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.used + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }
}
