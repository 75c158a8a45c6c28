import protobuf from 'protobufjs/minimal.js';

// protobufjs hands 64-bit integers back as Long objects whenever the `long`
// package is present, and switching that off is a process-wide setting that
// would change behaviour for any other protobufjs user in the host app. This
// reader, passed to the generated decoders, returns plain numbers instead:
// byte counts and millisecond timestamps stay far below 2^53.

const kTwo32 = 4294967296;
let gLo = 0;
let gHi = 0;

/** Reads a varint of up to 10 bytes into gLo/gHi (unsigned 32-bit halves). */
function readParts(r: protobuf.Reader): void {
  const buf = r.buf;
  let lo = 0;
  let hi = 0;
  let b = 0x80;
  let i = 0;
  for (; i < 4 && b >= 0x80; ++i) {
    if (r.pos >= r.len) throw new RangeError('index out of range');
    b = buf[r.pos++]!;
    lo |= (b & 0x7f) << (i * 7);
  }
  if (b >= 0x80) {
    // Fifth byte: 4 bits to lo, 3 bits to hi.
    if (r.pos >= r.len) throw new RangeError('index out of range');
    b = buf[r.pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    for (i = 0; i < 5 && b >= 0x80; ++i) {
      if (r.pos >= r.len) throw new RangeError('index out of range');
      b = buf[r.pos++]!;
      hi |= (b & 0x7f) << (i * 7 + 3);
    }
    if (b >= 0x80) throw new Error('invalid varint encoding');
  }
  gLo = lo >>> 0;
  gHi = hi >>> 0;
}

function signed(lo: number, hi: number): number {
  // Two's complement over 64 bits.
  return hi & 0x80000000 ? -((~hi >>> 0) * kTwo32 + (~lo >>> 0) + 1) : hi * kTwo32 + lo;
}

/** A protobufjs BufferReader whose 64-bit reads return numbers. */
export class NumberReader extends protobuf.BufferReader {
  constructor(buf: Uint8Array) {
    super(Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  }
}

// Assigned rather than declared with `override`: the published typings say
// these return Long.
Object.assign(NumberReader.prototype, {
  uint64(this: protobuf.Reader): number {
    readParts(this);
    return gHi * kTwo32 + gLo;
  },
  int64(this: protobuf.Reader): number {
    readParts(this);
    return signed(gLo, gHi);
  },
  sint64(this: protobuf.Reader): number {
    readParts(this);
    // zig-zag: 2n → n, 2n+1 → -(n+1)
    const v = gHi * kTwo32 + gLo;
    return gLo & 1 ? -(v + 1) / 2 : v / 2;
  },
  fixed64(this: protobuf.Reader): number {
    const lo = this.fixed32();
    return this.fixed32() * kTwo32 + lo;
  },
  sfixed64(this: protobuf.Reader): number {
    const lo = this.fixed32();
    return signed(lo, this.fixed32());
  },
});
