// Snappy *block* format (not the framed stream format), as remote write
// requires: a compressor with greedy hash matching, and a decoder (used by
// tests and by anyone who wants to read back what was sent).
//
//   +----------------------+-----------+-----------+---
//   | varint: input length | element 1 | element 2 | …
//   +----------------------+-----------+-----------+---
//
// Each element starts with a tag byte whose low two bits say its kind:
//
//   00 literal   bits 7..2 = len-1 (0..59), or 60..63 = len-1 follows in 1..4 LE bytes
//   01 copy, 1-byte offset   bits 4..2 = len-4 (4..11), bits 7..5 = offset >> 8, then offset & 0xff
//   10 copy, 2-byte offset   bits 7..2 = len-1 (1..64), then offset as 2 LE bytes
//   11 copy, 4-byte offset   bits 7..2 = len-1 (1..64), then offset as 4 LE bytes
//
// A copy repeats `len` bytes starting `offset` bytes back in the output, and
// may overlap what it writes (offset < len repeats a pattern).

import { RunbusError } from '../errors.js';
import { writeVarint } from '../wire/varint.js';

/** Input that is not a well-formed snappy block. */
export class SnappyError extends RunbusError {
  declare readonly code: 'ERR_SNAPPY_CORRUPT';

  constructor(message: string) {
    super('ERR_SNAPPY_CORRUPT', message);
    this.name = 'SnappyError';
  }
}

/** Input is compressed in independent fragments of this size (as the reference does). */
const kFragment = 1 << 16;
const kHashBits = 14;
const kMinMatch = 4;

function maxCompressedLength(n: number): number {
  return 32 + n + Math.floor(n / 6);
}

function load32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

function hash(v: number): number {
  return Math.imul(v, 0x1e35a7bd) >>> (32 - kHashBits);
}

function emitLiteral(out: Uint8Array, pos: number, src: Uint8Array, from: number, to: number): number {
  const n = to - from - 1;
  if (n < 60) {
    out[pos++] = n << 2;
  } else if (n < 0x100) {
    out[pos++] = 60 << 2;
    out[pos++] = n;
  } else if (n < 0x10000) {
    out[pos++] = 61 << 2;
    out[pos++] = n & 0xff;
    out[pos++] = n >>> 8;
  } else if (n < 0x1000000) {
    out[pos++] = 62 << 2;
    out[pos++] = n & 0xff;
    out[pos++] = (n >>> 8) & 0xff;
    out[pos++] = n >>> 16;
  } else {
    out[pos++] = 63 << 2;
    out[pos++] = n & 0xff;
    out[pos++] = (n >>> 8) & 0xff;
    out[pos++] = (n >>> 16) & 0xff;
    out[pos++] = n >>> 24;
  }
  out.set(src.subarray(from, to), pos);
  return pos + (to - from);
}

function emitCopyUpTo64(out: Uint8Array, pos: number, offset: number, len: number): number {
  if (len >= 4 && len <= 11 && offset < 2048) {
    out[pos++] = 1 | ((len - 4) << 2) | ((offset >>> 8) << 5);
    out[pos++] = offset & 0xff;
  } else {
    out[pos++] = 2 | ((len - 1) << 2);
    out[pos++] = offset & 0xff;
    out[pos++] = offset >>> 8;
  }
  return pos;
}

function emitCopy(out: Uint8Array, pos: number, offset: number, len: number): number {
  // Pieces of 64, keeping the last at least 4 long so it can use the short form.
  while (len >= 68) {
    pos = emitCopyUpTo64(out, pos, offset, 64);
    len -= 64;
  }
  if (len > 64) {
    pos = emitCopyUpTo64(out, pos, offset, 60);
    len -= 60;
  }
  return emitCopyUpTo64(out, pos, offset, len);
}

/** Compresses one fragment (at most 64 KiB, so offsets fit two bytes). */
function compressFragment(src: Uint8Array, start: number, end: number, out: Uint8Array, pos: number, table: Int32Array): number {
  table.fill(-1);
  let lit = start;
  let i = start;
  const last = end - kMinMatch;
  while (i <= last) {
    const v = load32(src, i);
    const h = hash(v);
    const cand = table[h]!;
    table[h] = i;
    if (cand >= start && load32(src, cand) === v) {
      let len = kMinMatch;
      while (i + len < end && src[cand + len] === src[i + len]) len++;
      if (lit < i) pos = emitLiteral(out, pos, src, lit, i);
      pos = emitCopy(out, pos, i - cand, len);
      // Index the last position of the match so the next one can chain.
      if (i + len - 1 <= last) table[hash(load32(src, i + len - 1))] = i + len - 1;
      i += len;
      lit = i;
    } else {
      i++;
    }
  }
  if (lit < end) pos = emitLiteral(out, pos, src, lit, end);
  return pos;
}

// Kept between calls (a call runs to its end before the next): a pass then
// allocates only its body, not a 64 KiB table and a worst-case output each
// time, which on the writer's thread showed as garbage-collection time.
const kTable = new Int32Array(1 << kHashBits);
let scratch = new Uint8Array(64 * 1024);

/** Compresses `src` into one snappy block (a new array of its exact length). */
export function snappyCompress(src: Uint8Array): Uint8Array {
  const max = maxCompressedLength(src.length);
  if (scratch.length < max) scratch = new Uint8Array(Math.max(max, scratch.length * 2));
  const out = scratch;
  let pos = writeVarint(out, 0, src.length);
  for (let start = 0; start < src.length; start += kFragment) {
    pos = compressFragment(src, start, Math.min(src.length, start + kFragment), out, pos, kTable);
  }
  return out.slice(0, pos);
}

/** The uncompressed length a block declares (its varint preamble). */
export function snappyUncompressedLength(src: Uint8Array): number {
  return readPreamble(src)[0];
}

function readPreamble(src: Uint8Array): [len: number, pos: number] {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 5; i++) {
    if (i >= src.length) throw new SnappyError('snappy: truncated length preamble');
    const b = src[i]!;
    v += (b & 0x7f) * mul;
    mul *= 128;
    if ((b & 0x80) === 0) {
      if (v > 0xffffffff) throw new SnappyError('snappy: length preamble over 2^32');
      return [v, i + 1];
    }
  }
  throw new SnappyError('snappy: length preamble longer than 5 bytes');
}

/**
 * Decompresses one snappy block. Throws {@link SnappyError} on anything
 * malformed, and refuses a declared length over `maxLength` before
 * allocating it.
 */
export function snappyDecompress(src: Uint8Array, maxLength = 64 * 1024 * 1024): Uint8Array {
  const [len, start] = readPreamble(src);
  if (len > maxLength) throw new SnappyError(`snappy: declared length ${len} is over the limit ${maxLength}`);
  const out = new Uint8Array(len);
  let o = 0;
  let i = start;
  while (i < src.length) {
    const tag = src[i++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let n = tag >>> 2;
      if (n >= 60) {
        const bytes = n - 59;
        if (i + bytes > src.length) throw new SnappyError('snappy: truncated literal length');
        n = 0;
        for (let k = 0; k < bytes; k++) n += src[i + k]! * 2 ** (8 * k);
        i += bytes;
      }
      n += 1;
      if (i + n > src.length) throw new SnappyError('snappy: literal runs past the input');
      if (o + n > len) throw new SnappyError('snappy: literal runs past the declared length');
      out.set(src.subarray(i, i + n), o);
      i += n;
      o += n;
      continue;
    }
    let n: number;
    let offset: number;
    if (kind === 1) {
      if (i + 1 > src.length) throw new SnappyError('snappy: truncated copy');
      n = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | src[i]!;
      i += 1;
    } else if (kind === 2) {
      if (i + 2 > src.length) throw new SnappyError('snappy: truncated copy');
      n = (tag >>> 2) + 1;
      offset = src[i]! | (src[i + 1]! << 8);
      i += 2;
    } else {
      if (i + 4 > src.length) throw new SnappyError('snappy: truncated copy');
      n = (tag >>> 2) + 1;
      offset = load32(src, i);
      i += 4;
    }
    if (offset === 0 || offset > o) throw new SnappyError(`snappy: copy offset ${offset} outside the ${o} bytes written`);
    if (o + n > len) throw new SnappyError('snappy: copy runs past the declared length');
    if (offset >= n) {
      out.copyWithin(o, o - offset, o - offset + n);
      o += n;
    } else {
      for (let k = 0; k < n; k++, o++) out[o] = out[o - offset]!;
    }
  }
  if (o !== len) throw new SnappyError(`snappy: ${o} bytes decoded, ${len} declared`);
  return out;
}
