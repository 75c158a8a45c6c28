import { WireError } from '../errors.js';

// The protobuf primitives of the single-pass batch reader (resource-decoder.ts):
// varints, tags, lengths, skips, doubles and cached strings, read exactly as
// protobufjs 8's Reader reads them (see there for where it is stricter).

const kTwo32 = 4294967296;
// protobufjs's strict decoder: fatal on bad UTF-8, and a leading BOM is kept.
const kUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function truncated(): WireError {
  return new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: index out of range');
}
export function undecodable(what: string): WireError {
  return new WireError('ERR_WIRE_UNDECODABLE', `batch does not decode: ${what}`);
}

// Strings decoded so far, by a hash of their bytes: run ids, components,
// states and commands repeat from row to row and from batch to batch, so
// UTF-8 decoding (and a new string per row) is rare. One cache per thread.
interface CachedString {
  readonly bytes: Uint8Array;
  readonly value: string;
}
const kStrings = new Map<number, CachedString>();
const kMaxCachedStrings = 1024;
const kMaxCachedBytes = 256;
// And the last ASCII string read for each string field: run_id, component,
// state, command, FigureError figure and reason; a container's id, name, image, source;
// a host's name and a disk's mount (slot).
const kLast: string[] = ['', '', '', '', '', '', '', '', '', '', '', ''];

/** A cursor over bytes with protobufjs's primitive reads; BatchScanner extends it. */
export class ProtoReader {
  protected readonly buf: Uint8Array;
  protected readonly view: DataView;
  protected pos: number;
  // Varint result, as two unsigned 32-bit halves.
  protected lo = 0;
  protected hi = 0;
  /** A double the validator refuses was read (see double()). */
  protected suspect = false;
  // Which kLast entry str() compares with.
  protected slot = 0;

  constructor(bytes: Uint8Array, start: number) {
    this.buf = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
  }

  // A varint of up to 10 bytes into lo/hi (protobufjs's uint64 and skip).
  protected varint(limit: number): void {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let b = 0;
    let i = 0;
    for (; i < 4; ++i) {
      if (this.pos >= limit) throw truncated();
      b = buf[this.pos++]!;
      lo |= (b & 0x7f) << (i * 7);
      if (b < 0x80) {
        this.lo = lo >>> 0;
        this.hi = 0;
        return;
      }
    }
    if (this.pos >= limit) throw truncated();
    b = buf[this.pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (i = 0; i < 5; ++i) {
        if (this.pos >= limit) throw truncated();
        b = buf[this.pos++]!;
        hi |= (b & 0x7f) << (i * 7 + 3);
        if (b < 0x80) break;
      }
      if (b >= 0x80) throw undecodable('invalid varint encoding');
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }

  // protobufjs's uint32: the low 32 bits of a varint of up to 10 bytes.
  protected u32(limit: number): number {
    const p = this.pos;
    if (p < limit) {
      const b = this.buf[p]!;
      if (b < 0x80) {
        this.pos = p + 1;
        return b;
      }
    }
    this.varint(limit);
    return this.lo;
  }

  // protobufjs's tag(): at most 5 bytes, the 5th with no bits past 32; and,
  // as its skipType() says for any tag no decoder knows, never field 0.
  protected tag(limit: number): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= limit) throw truncated();
    let b = buf[p++]!;
    let t = b;
    if (b >= 0x80) {
      t &= 0x7f;
      let i = 1;
      for (; i < 4; ++i) {
        if (p >= limit) throw truncated();
        b = buf[p++]!;
        t |= (b & 0x7f) << (7 * i);
        if (b < 0x80) break;
      }
      if (i === 4) {
        if (p >= limit) throw truncated();
        b = buf[p++]!;
        if (b >= 0x80 || (b & 0x70) !== 0) throw undecodable('invalid tag encoding');
        t |= b << 28;
      }
      t >>>= 0;
    }
    this.pos = p;
    if (t >>> 3 === 0) throw undecodable('illegal tag: field number 0');
    return t;
  }

  // protobufjs's size(): at most 5 bytes, below 2^32; then within limit.
  protected len(limit: number): number {
    const buf = this.buf;
    let p = this.pos;
    let n = 0;
    let b = 0x80;
    for (let i = 0; i < 4 && b >= 0x80; ++i) {
      if (p >= limit) throw truncated();
      b = buf[p++]!;
      n |= (b & 0x7f) << (7 * i);
    }
    if (b >= 0x80) {
      if (p >= limit) throw truncated();
      b = buf[p++]!;
      if (b > 7) throw undecodable('invalid length encoding');
      n |= b << 28;
    }
    n >>>= 0;
    if (p + n > limit) throw truncated();
    this.pos = p;
    return n;
  }

  protected skip(wireType: number, limit: number): void {
    switch (wireType) {
      case 0:
        this.varint(limit);
        return;
      case 1:
        this.pos += 8;
        break;
      case 2: {
        // Not `pos += len()`: len moves pos past the length first.
        const n = this.len(limit);
        this.pos += n;
        return;
      }
      case 5:
        this.pos += 4;
        break;
      default:
        throw undecodable(`wire type ${wireType} at offset ${this.pos}`);
    }
    if (this.pos > limit) throw truncated();
  }

  protected str(start: number, len: number): string {
    if (len === 0) return '';
    const buf = this.buf;
    const end = start + len;
    // The string this field of the previous snapshot had, usually the same.
    // Only ASCII strings are kept there: for them a byte-by-char compare is exact.
    const slot = this.slot;
    const last = kLast[slot]!;
    if (last.length === len) {
      let i = 0;
      while (i < len && last.charCodeAt(i) === buf[start + i]) ++i;
      if (i === len) return last;
    }
    if (len > kMaxCachedBytes) return this.utf8(start, end);
    let h = len;
    for (let i = start; i < end; ++i) h = (Math.imul(h, 31) + buf[i]!) | 0;
    const hit = kStrings.get(h);
    let value: string | null = null;
    if (hit !== undefined && hit.bytes.length === len) {
      const b = hit.bytes;
      let i = 0;
      while (i < len && b[i] === buf[start + i]) ++i;
      if (i === len) value = hit.value;
    }
    if (value === null) {
      value = this.utf8(start, end);
      // Bounded: a stream of distinct strings only churns the cache.
      if (kStrings.size >= kMaxCachedStrings) kStrings.clear();
      kStrings.set(h, { bytes: buf.slice(start, end), value });
    }
    if (value.length === len) kLast[slot] = value; // as many chars as bytes: ASCII
    return value;
  }

  protected utf8(start: number, end: number): string {
    try {
      return kUtf8.decode(this.buf.subarray(start, end));
    } catch (err) {
      throw new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: invalid UTF-8 in a string', { cause: err });
    }
  }

  // A double: little-endian, 8 bytes. One the validator refuses (negative,
  // NaN, infinite) marks the snapshot for the named check in #resource.
  protected double(limit: number): number {
    const p = this.pos;
    if (p + 8 > limit) throw truncated();
    const d = this.view.getFloat64(p, true);
    this.pos = p + 8;
    if (!(d >= 0 && d < Infinity)) this.suspect = true;
    return d;
  }

  protected u64(limit: number): number {
    this.varint(limit);
    return this.hi * kTwo32 + this.lo;
  }

  // An int64: two's complement over the two halves.
  protected i64(limit: number): number {
    this.varint(limit);
    return this.hi & 0x80000000 ? -((~this.hi >>> 0) * kTwo32 + (~this.lo >>> 0) + 1) : this.hi * kTwo32 + this.lo;
  }

  protected string(limit: number, slot: number): string {
    this.slot = slot;
    const n = this.len(limit);
    const s = this.str(this.pos, n);
    this.pos += n;
    return s;
  }

}
