import { runbus } from './gen/telemetry.js';
import { kTopicNames } from './types.js';
import type { Envelope, FigureError, ResourceSnapshot } from './types.js';

// The hot path of every sampler tick and every socket client is "encode a
// batch of ResourceSnapshots". protobufjs's generated encoder allocates a
// LongBits object per 64-bit field and a fork per nested message; this
// encoder sizes each snapshot first and then writes it straight into one
// growing buffer. Its output is byte-for-byte what protobufjs writes
// (test/wire/fast-encode.test.ts proves it with fast-check); other topics are
// encoded by protobufjs and copied in.
//
//   Publish   = { 0x0a len Envelope }*
//   Envelope  = 0x08 topic  0x12 len ResourceSnapshot     (topic RESOURCE)
//   Snapshot  = fields in number order; proto3 scalars only when not 0/"",
//               optionals whenever present (even 0)

const pb = runbus.v1;
const kTwo32 = 4294967296;

const kErrorsTag = [0xda, 0x01];

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

function size64(v: number): number {
  if (v >= 0 && v < 128) return 1;
  split64(v);
  let lo = gLo;
  let hi = gHi;
  let n = 1;
  while (hi) {
    n++;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  while (lo > 127) {
    n++;
    lo >>>= 7;
  }
  return n;
}

function size32(v: number): number {
  v >>>= 0;
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

function utf8Length(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; ++i) if (s.charCodeAt(i) >= 0x80) return Buffer.byteLength(s, 'utf8');
  return n;
}

const kF64 = new Float64Array(1);
const kF64Bytes = new Uint8Array(kF64.buffer);
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('runbus fast-encode assumes a little-endian platform');

class Out {
  buf: Buffer = Buffer.allocUnsafe(64 * 1024);
  pos = 0;

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  u32(v: number): void {
    v >>>= 0;
    const b = this.buf;
    while (v > 127) {
      b[this.pos++] = (v & 127) | 128;
      v >>>= 7;
    }
    b[this.pos++] = v;
  }

  u64(v: number): void {
    if (v >= 0 && v < 0x80000000 && (v | 0) === v) {
      this.u32(v);
      return;
    }
    split64(v);
    let lo = gLo;
    let hi = gHi;
    const b = this.buf;
    while (hi) {
      b[this.pos++] = (lo & 127) | 128;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    while (lo > 127) {
      b[this.pos++] = (lo & 127) | 128;
      lo >>>= 7;
    }
    b[this.pos++] = lo;
  }

  str(s: string, len: number): void {
    this.u32(len);
    if (len === s.length) {
      const b = this.buf;
      for (let i = 0; i < len; ++i) b[this.pos++] = s.charCodeAt(i);
    } else {
      this.pos += this.buf.write(s, this.pos, len, 'utf8');
    }
  }

  // Little-endian doubles through a shared scratch: cheaper here than
  // Buffer#writeDoubleLE's checks. (Every supported platform is little-endian;
  // kLittleEndian guards it.)
  dbl(v: number): void {
    kF64[0] = v;
    const b = this.buf;
    let p = this.pos;
    b[p++] = kF64Bytes[0]!;
    b[p++] = kF64Bytes[1]!;
    b[p++] = kF64Bytes[2]!;
    b[p++] = kF64Bytes[3]!;
    b[p++] = kF64Bytes[4]!;
    b[p++] = kF64Bytes[5]!;
    b[p++] = kF64Bytes[6]!;
    b[p++] = kF64Bytes[7]!;
    this.pos = p;
  }

  bytes(tag: readonly number[]): void {
    for (const t of tag) this.buf[this.pos++] = t;
  }
}

const out = new Out();
// Per-snapshot scratch: string byte lengths and errors sub-message sizes.
const strLens: number[] = [];

// Unrolled, one property access per field: a loop over a field table made
// every access megamorphic and was slower than protobufjs.
function snapshotSize(p: ResourceSnapshot): number {
  let size = 0;
  let si = 0;
  if (p.tsMs != null && p.tsMs !== 0) {
    size += 1 + size64(p.tsMs);
  }
  if (p.runId != null && p.runId !== '') {
    const len = utf8Length(p.runId);
    strLens[si++] = len;
    size += 1 + size32(len) + len;
  }
  if (p.component != null && p.component !== '') {
    const len = utf8Length(p.component);
    strLens[si++] = len;
    size += 1 + size32(len) + len;
  }
  if (p.pid != null && p.pid !== 0) {
    size += 1 + size32(p.pid);
  }
  if (p.cpuPercent != null) {
    size += 9;
  }
  if (p.rssBytes != null) {
    size += 1 + size64(p.rssBytes);
  }
  if (p.ussBytes != null) {
    size += 1 + size64(p.ussBytes);
  }
  if (p.threads != null) {
    size += 1 + size32(p.threads);
  }
  if (p.openFds != null) {
    size += 1 + size32(p.openFds);
  }
  if (p.gpuUtilPercent != null) {
    size += 9;
  }
  if (p.gpuMemBytes != null) {
    size += 1 + size64(p.gpuMemBytes);
  }
  if (p.loopLagP99Ms != null) {
    size += 9;
  }
  if (p.cpuUserMs != null) {
    size += 9;
  }
  if (p.cpuSystemMs != null) {
    size += 9;
  }
  if (p.pssBytes != null) {
    size += 1 + size64(p.pssBytes);
  }
  if (p.vmsBytes != null) {
    size += 2 + size64(p.vmsBytes);
  }
  if (p.ioReadBytes != null) {
    size += 2 + size64(p.ioReadBytes);
  }
  if (p.ioWriteBytes != null) {
    size += 2 + size64(p.ioWriteBytes);
  }
  if (p.ctxSwitchesVoluntary != null) {
    size += 2 + size64(p.ctxSwitchesVoluntary);
  }
  if (p.ctxSwitchesInvoluntary != null) {
    size += 2 + size64(p.ctxSwitchesInvoluntary);
  }
  if (p.state != null && p.state !== '') {
    const len = utf8Length(p.state);
    strLens[si++] = len;
    size += 2 + size32(len) + len;
  }
  if (p.loopLagP50Ms != null) {
    size += 10;
  }
  if (p.loopLagMaxMs != null) {
    size += 10;
  }
  if (p.loopUtilization != null) {
    size += 10;
  }
  if (p.ppid != null && p.ppid !== 0) {
    size += 2 + size32(p.ppid);
  }
  if (p.command != null && p.command !== '') {
    const len = utf8Length(p.command);
    strLens[si++] = len;
    size += 2 + size32(len) + len;
  }
  if (p.errors != null && p.errors.length > 0) size += errorsSize(p.errors, si);
  return size;
}

function writeSnapshot(p: ResourceSnapshot): void {
  const o = out;
  let si = 0;
  if (p.tsMs != null && p.tsMs !== 0) {
    o.buf[o.pos++] = 0x08;
    o.u64(p.tsMs);
  }
  if (p.runId != null && p.runId !== '') {
    o.buf[o.pos++] = 0x12;
    o.str(p.runId, strLens[si++]!);
  }
  if (p.component != null && p.component !== '') {
    o.buf[o.pos++] = 0x1a;
    o.str(p.component, strLens[si++]!);
  }
  if (p.pid != null && p.pid !== 0) {
    o.buf[o.pos++] = 0x20;
    o.u32(p.pid);
  }
  if (p.cpuPercent != null) {
    o.buf[o.pos++] = 0x29;
    o.dbl(p.cpuPercent);
  }
  if (p.rssBytes != null) {
    o.buf[o.pos++] = 0x30;
    o.u64(p.rssBytes);
  }
  if (p.ussBytes != null) {
    o.buf[o.pos++] = 0x38;
    o.u64(p.ussBytes);
  }
  if (p.threads != null) {
    o.buf[o.pos++] = 0x40;
    o.u32(p.threads);
  }
  if (p.openFds != null) {
    o.buf[o.pos++] = 0x48;
    o.u32(p.openFds);
  }
  if (p.gpuUtilPercent != null) {
    o.buf[o.pos++] = 0x51;
    o.dbl(p.gpuUtilPercent);
  }
  if (p.gpuMemBytes != null) {
    o.buf[o.pos++] = 0x58;
    o.u64(p.gpuMemBytes);
  }
  if (p.loopLagP99Ms != null) {
    o.buf[o.pos++] = 0x61;
    o.dbl(p.loopLagP99Ms);
  }
  if (p.cpuUserMs != null) {
    o.buf[o.pos++] = 0x69;
    o.dbl(p.cpuUserMs);
  }
  if (p.cpuSystemMs != null) {
    o.buf[o.pos++] = 0x71;
    o.dbl(p.cpuSystemMs);
  }
  if (p.pssBytes != null) {
    o.buf[o.pos++] = 0x78;
    o.u64(p.pssBytes);
  }
  if (p.vmsBytes != null) {
    o.buf[o.pos++] = 0x80;
    o.buf[o.pos++] = 0x01;
    o.u64(p.vmsBytes);
  }
  if (p.ioReadBytes != null) {
    o.buf[o.pos++] = 0x88;
    o.buf[o.pos++] = 0x01;
    o.u64(p.ioReadBytes);
  }
  if (p.ioWriteBytes != null) {
    o.buf[o.pos++] = 0x90;
    o.buf[o.pos++] = 0x01;
    o.u64(p.ioWriteBytes);
  }
  if (p.ctxSwitchesVoluntary != null) {
    o.buf[o.pos++] = 0x98;
    o.buf[o.pos++] = 0x01;
    o.u64(p.ctxSwitchesVoluntary);
  }
  if (p.ctxSwitchesInvoluntary != null) {
    o.buf[o.pos++] = 0xa0;
    o.buf[o.pos++] = 0x01;
    o.u64(p.ctxSwitchesInvoluntary);
  }
  if (p.state != null && p.state !== '') {
    o.buf[o.pos++] = 0xaa;
    o.buf[o.pos++] = 0x01;
    o.str(p.state, strLens[si++]!);
  }
  if (p.loopLagP50Ms != null) {
    o.buf[o.pos++] = 0xb1;
    o.buf[o.pos++] = 0x01;
    o.dbl(p.loopLagP50Ms);
  }
  if (p.loopLagMaxMs != null) {
    o.buf[o.pos++] = 0xb9;
    o.buf[o.pos++] = 0x01;
    o.dbl(p.loopLagMaxMs);
  }
  if (p.loopUtilization != null) {
    o.buf[o.pos++] = 0xc1;
    o.buf[o.pos++] = 0x01;
    o.dbl(p.loopUtilization);
  }
  if (p.ppid != null && p.ppid !== 0) {
    o.buf[o.pos++] = 0xc8;
    o.buf[o.pos++] = 0x01;
    o.u32(p.ppid);
  }
  if (p.command != null && p.command !== '') {
    o.buf[o.pos++] = 0xd2;
    o.buf[o.pos++] = 0x01;
    o.str(p.command, strLens[si++]!);
  }
  if (p.errors != null && p.errors.length > 0) writeErrors(p.errors, si);
}

// FigureError sub-messages: their strings' lengths, then their own size,
// are kept in strLens after the snapshot's own strings.
function errorsSize(errors: readonly FigureError[], si: number): number {
  let size = 0;
  for (const e of errors) {
    let n = 0;
    if (e.figure != null && e.figure !== '') {
      const len = utf8Length(e.figure);
      strLens[si++] = len;
      n += 1 + size32(len) + len;
    }
    if (e.reason != null && e.reason !== '') {
      const len = utf8Length(e.reason);
      strLens[si++] = len;
      n += 1 + size32(len) + len;
    }
    strLens[si++] = n;
    size += kErrorsTag.length + size32(n) + n;
  }
  return size;
}

function writeErrors(errors: readonly FigureError[], si: number): void {
  const o = out;
  for (const e of errors) {
    const hasFigure = e.figure != null && e.figure !== '';
    const hasReason = e.reason != null && e.reason !== '';
    const figLen = hasFigure ? strLens[si++]! : 0;
    const reaLen = hasReason ? strLens[si++]! : 0;
    o.bytes(kErrorsTag);
    o.u32(strLens[si++]!);
    if (hasFigure) {
      o.buf[o.pos++] = 0x0a;
      o.str(e.figure!, figLen);
    }
    if (hasReason) {
      o.buf[o.pos++] = 0x12;
      o.str(e.reason!, reaLen);
    }
  }
}


function encodeInto(envelopes: readonly Envelope[]): void {
  out.pos = 0;
  for (const e of envelopes) {
    if (e.topic === 1) {
      const body = snapshotSize(e.payload);
      const env = 2 + 1 + size32(body) + body;
      out.reserve(1 + 5 + env);
      out.buf[out.pos++] = 0x0a;
      out.u32(env);
      out.buf[out.pos++] = 0x08;
      out.buf[out.pos++] = 1;
      out.buf[out.pos++] = 0x12;
      out.u32(body);
      writeSnapshot(e.payload);
    } else {
      const props = { topic: e.topic, [kTopicNames[e.topic]]: e.payload };
      const bytes = pb.Envelope.encode(props).finish();
      out.reserve(1 + 5 + bytes.length);
      out.buf[out.pos++] = 0x0a;
      out.u32(bytes.length);
      out.buf.set(bytes, out.pos);
      out.pos += bytes.length;
    }
  }
}

/** Encodes a batch as a `Publish` message; same bytes as protobufjs. */
export function encodeBatchFast(envelopes: readonly Envelope[]): Uint8Array {
  encodeInto(envelopes);
  // A copy of its own: the scratch buffer is reused by the next call.
  return new Uint8Array(out.buf.subarray(0, out.pos));
}

/** Like {@link encodeBatchFast}, into an ArrayBuffer of its own (transferable). */
export function encodeBatchFastTransferable(envelopes: readonly Envelope[]): ArrayBuffer {
  encodeInto(envelopes);
  const ab = new ArrayBuffer(out.pos);
  new Uint8Array(ab).set(out.buf.subarray(0, out.pos));
  return ab;
}
