import type { FigureError } from './types.js';

// The primitive writes of the wire's hand-written encoders (fast-encode.ts,
// container-encode.ts), each byte-for-byte what protobufjs's Writer writes.
// The put* helpers write at b[q] and return the position after what they wrote.

const kTwo32 = 4294967296;

// 64-bit halves, as protobufjs's LongBits.fromNumber computes them.
let gLo = 0;
let gHi = 0;
function split64(v: number): void {
  if (v === 0) {
    gLo = gHi = 0;
    return;
  }
  const neg = v < 0;
  if (neg) v = -v;
  let lo = v >>> 0;
  let hi = ((v - lo) / kTwo32) >>> 0;
  if (neg) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
    if (++lo > 4294967295) {
      lo = 0;
      if (++hi > 4294967295) hi = 0;
    }
  }
  gLo = lo;
  gHi = hi;
}

export function size32(v: number): number {
  v >>>= 0;
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

export function utf8Length(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; ++i) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, 'utf8');
  return n;
}

const kF64 = new Float64Array(1);
const kF64Bytes = new Uint8Array(kF64.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('runbus wire encoders assume a little-endian platform');

export function putU32(b: Uint8Array, q: number, v: number): number {
  v >>>= 0;
  while (v > 127) {
    b[q++] = (v & 127) | 128;
    v >>>= 7;
  }
  b[q++] = v;
  return q;
}

export function putU64(b: Buffer, q: number, v: number): number {
  let lo: number;
  let hi: number;
  if (v >= 0) {
    if (v < 0x80000000 && (v | 0) === v) return putU32(b, q, v);
    // LongBits.fromNumber for a non-negative number.
    lo = v >>> 0;
    hi = ((v - lo) / kTwo32) >>> 0;
  } else {
    split64(v);
    lo = gLo;
    hi = gHi;
  }
  while (hi) {
    b[q++] = (lo & 127) | 128;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    b[q++] = (lo & 127) | 128;
    lo >>>= 7;
  }
  b[q++] = lo;
  return q;
}

// Little-endian doubles through a shared scratch: cheaper here than Buffer#writeDoubleLE's
// checks. (Every supported platform is little-endian; checked at load.)
export function putDbl(b: Buffer, q: number, v: number): number {
  kF64[0] = v;
  b[q++] = kF64Bytes[0]!;
  b[q++] = kF64Bytes[1]!;
  b[q++] = kF64Bytes[2]!;
  b[q++] = kF64Bytes[3]!;
  b[q++] = kF64Bytes[4]!;
  b[q++] = kF64Bytes[5]!;
  b[q++] = kF64Bytes[6]!;
  b[q++] = kF64Bytes[7]!;
  return q;
}

// Below this many UTF-16 units a string's UTF-8 form is under 128 bytes (3 per unit at most): one length byte.
const kShortString = 43;

/** A string with its length prefix. */
export function putStr(b: Buffer, q: number, s: string): number {
  const n = s.length;
  if (n < kShortString) {
    const at = q++;
    for (let i = 0; i < n; ++i) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        const w = b.write(s, at + 1, 'utf8');
        b[at] = w;
        return at + 1 + w;
      }
      b[q++] = c;
    }
    b[at] = n;
    return q;
  }
  const len = utf8Length(s);
  q = putU32(b, q, len);
  if (len !== n) return q + b.write(s, q, 'utf8');
  for (let i = 0; i < n; ++i) b[q++] = s.charCodeAt(i);
  return q;
}

/**
 * FigureError sub-messages (rare) of the repeated field whose two-byte tag is
 * tag0 tag1, each sized first: its strings' UTF-8 lengths decide its length prefix.
 */
export function putErrors(b: Buffer, q: number, errors: readonly FigureError[], tag0: number, tag1: number): number {
  for (const e of errors) {
    const fig = e.figure != null && e.figure !== '' ? e.figure : null;
    const rea = e.reason != null && e.reason !== '' ? e.reason : null;
    const figLen = fig === null ? 0 : utf8Length(fig);
    const reaLen = rea === null ? 0 : utf8Length(rea);
    const n = (fig === null ? 0 : 1 + size32(figLen) + figLen) + (rea === null ? 0 : 1 + size32(reaLen) + reaLen);
    b[q++] = tag0;
    b[q++] = tag1;
    q = putU32(b, q, n);
    if (fig !== null) {
      b[q++] = 0x0a;
      q = putStr(b, q, fig);
    }
    if (rea !== null) {
      b[q++] = 0x12;
      q = putStr(b, q, rea);
    }
  }
  return q;
}

/** An upper bound on what putErrors writes: tags, lengths and 3 bytes per UTF-16 unit. */
export function errorsBound(errors: readonly FigureError[] | null | undefined): number {
  let n = 0;
  if (errors != null) for (const e of errors) n += 2 * 7 + 7 + 3 * ((e.figure?.length ?? 0) + (e.reason?.length ?? 0));
  return n;
}

/**
 * The head of an envelope in a Publish whose body of `bodyLen` bytes is
 * known beforehand (a payload's kept bytes): `0a [envLen] 08 topic
 * payloadTag [bodyLen]` at b[q…]; returns where the body goes.
 */
export function putEnvelopeHead(b: Uint8Array, q: number, topic: number, payloadTag: number, bodyLen: number): number {
  b[q] = 0x0a;
  q = putU32(b, q + 1, 3 + size32(bodyLen) + bodyLen);
  b[q++] = 0x08;
  b[q++] = topic;
  b[q++] = payloadTag;
  return putU32(b, q, bodyLen);
}

/**
 * Starts an envelope in a Publish at b[q]: `0a [envLen] 08 topic payloadTag
 * [bodyLen]`, both lengths guessed at one byte; the body goes at the
 * position returned, and {@link endEnvelope} sets the lengths.
 */
export function beginEnvelope(b: Buffer, q: number, topic: number, payloadTag: number): number {
  b[q] = 0x0a;
  b[q + 2] = 0x08;
  b[q + 3] = topic;
  b[q + 4] = payloadTag;
  return q + 6;
}

/**
 * Ends the envelope begun at `at` by beginEnvelope() whose body lies at
 * b[body, end): writes both lengths, moving the body right when they take
 * more than a byte each. Returns the position after the envelope.
 */
export function endEnvelope(b: Buffer, at: number, body: number, end: number): number {
  const bodyLen = end - body;
  const envLen = 3 + size32(bodyLen) + bodyLen;
  if (envLen < 128) {
    b[at + 1] = envLen;
    b[at + 5] = bodyLen;
    return end;
  }
  // Longer lengths: move the body right to make room for them.
  const topic = b[at + 3]!;
  const payloadTag = b[at + 4]!;
  const shift = size32(envLen) - 1 + size32(bodyLen) - 1;
  b.copyWithin(body + shift, body, end);
  let q = putU32(b, at + 1, envLen);
  b[q++] = 0x08;
  b[q++] = topic;
  b[q++] = payloadTag;
  putU32(b, q, bodyLen);
  return end + shift;
}
