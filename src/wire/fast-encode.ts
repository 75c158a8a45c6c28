import { runbus } from './gen/telemetry.js';
import { KeptHost, KeptSnapshot } from './kept-snapshot.js';
import { kTopicNames } from './types.js';
import type { Envelope, ResourceSnapshot } from './types.js';
import { beginEnvelope, endEnvelope, errorsBound, putDbl, putEnvelopeHead, putErrors, putStr, putU32, putU64, size32 } from './put-bytes.js';
import { containerEnvelopeBound, putContainerEnvelope } from './container-encode.js';

// The hot path of every sampler tick and every socket client is "encode a batch of
// ResourceSnapshots". protobufjs's generated encoder allocates a LongBits object per 64-bit
// field and a fork per nested message; this encoder writes each snapshot in one pass straight
// into one growing scratch buffer, guessing one-byte lengths (a snapshot and its strings are
// nearly always under 128 bytes) and moving the body along in the rare case they are not. Its
// output is byte-for-byte what protobufjs writes (test/wire/fast-encode.test.ts proves it with
// fast-check); CONTAINER ones by container-encode.ts, other topics by protobufjs, copied in. A snapshot decoded from
// bytes it keeps (KeptSnapshot, kept-snapshot.ts) is copied from them, not written again.
//
//   Publish   = { 0x0a len Envelope }*
//   Envelope  = 0x08 topic  0x12 len ResourceSnapshot     (topic RESOURCE)
//   Snapshot  = fields in number order; proto3 scalars only when not 0/"",
//               optionals whenever present (even 0)
//
// One envelope as first written, lengths guessed at one byte each:
//
//   0a [envLen] 08 01 12 [bodyLen] body…
//        ^envAt          ^bodyAt    (patched, or body moved right, after)

const pb = runbus.v1;

// The scratch buffer every batch is written into, and the write position.
let buf: Buffer = Buffer.allocUnsafe(64 * 1024);
let pos = 0;

function reserve(n: number): void {
  if (pos + n <= buf.length) return;
  let size = buf.length * 2;
  while (size < pos + n) size *= 2;
  const next = Buffer.allocUnsafe(size);
  buf.copy(next, 0, 0, pos);
  buf = next;
}

/** An upper bound on the bytes one RESOURCE envelope takes, cheap to compute. */
function snapshotBound(p: ResourceSnapshot): number {
  // 36 fields of ≤ 2 tag + 10 varint bytes, 4 strings' tags and lengths, the envelope's prefixes; 3 bytes per UTF-16 unit.
  let n = 36 * 12 + 4 * 7 + 16;
  n += 3 * ((p.runId?.length ?? 0) + (p.component?.length ?? 0) + (p.state?.length ?? 0) + (p.command?.length ?? 0));
  return n + errorsBound(p.errors);
}

// Unrolled, one property access per field (a field-table loop went megamorphic: slower than protobufjs).
function putSnapshot(b: Buffer, q: number, p: ResourceSnapshot): number {
  if (p.tsMs != null && p.tsMs !== 0) {
    b[q++] = 0x08;
    q = putU64(b, q, p.tsMs);
  }
  if (p.runId != null && p.runId !== '') {
    b[q++] = 0x12;
    q = putStr(b, q, p.runId);
  }
  if (p.component != null && p.component !== '') {
    b[q++] = 0x1a;
    q = putStr(b, q, p.component);
  }
  if (p.pid != null && p.pid !== 0) {
    b[q++] = 0x20;
    q = putU32(b, q, p.pid);
  }
  if (p.cpuPercent != null) {
    b[q++] = 0x29;
    q = putDbl(b, q, p.cpuPercent);
  }
  if (p.rssBytes != null) {
    b[q++] = 0x30;
    q = putU64(b, q, p.rssBytes);
  }
  if (p.ussBytes != null) {
    b[q++] = 0x38;
    q = putU64(b, q, p.ussBytes);
  }
  if (p.threads != null) {
    b[q++] = 0x40;
    q = putU32(b, q, p.threads);
  }
  if (p.openFds != null) {
    b[q++] = 0x48;
    q = putU32(b, q, p.openFds);
  }
  if (p.gpuUtilPercent != null) {
    b[q++] = 0x51;
    q = putDbl(b, q, p.gpuUtilPercent);
  }
  if (p.gpuMemBytes != null) {
    b[q++] = 0x58;
    q = putU64(b, q, p.gpuMemBytes);
  }
  if (p.loopLagP99Ms != null) {
    b[q++] = 0x61;
    q = putDbl(b, q, p.loopLagP99Ms);
  }
  if (p.cpuUserMs != null) {
    b[q++] = 0x69;
    q = putDbl(b, q, p.cpuUserMs);
  }
  if (p.cpuSystemMs != null) {
    b[q++] = 0x71;
    q = putDbl(b, q, p.cpuSystemMs);
  }
  if (p.pssBytes != null) {
    b[q++] = 0x78;
    q = putU64(b, q, p.pssBytes);
  }
  if (p.vmsBytes != null) {
    b[q++] = 0x80;
    b[q++] = 0x01;
    q = putU64(b, q, p.vmsBytes);
  }
  if (p.ioReadBytes != null) {
    b[q++] = 0x88;
    b[q++] = 0x01;
    q = putU64(b, q, p.ioReadBytes);
  }
  if (p.ioWriteBytes != null) {
    b[q++] = 0x90;
    b[q++] = 0x01;
    q = putU64(b, q, p.ioWriteBytes);
  }
  if (p.ctxSwitchesVoluntary != null) {
    b[q++] = 0x98;
    b[q++] = 0x01;
    q = putU64(b, q, p.ctxSwitchesVoluntary);
  }
  if (p.ctxSwitchesInvoluntary != null) {
    b[q++] = 0xa0;
    b[q++] = 0x01;
    q = putU64(b, q, p.ctxSwitchesInvoluntary);
  }
  if (p.state != null && p.state !== '') {
    b[q++] = 0xaa;
    b[q++] = 0x01;
    q = putStr(b, q, p.state);
  }
  if (p.loopLagP50Ms != null) {
    b[q++] = 0xb1;
    b[q++] = 0x01;
    q = putDbl(b, q, p.loopLagP50Ms);
  }
  if (p.loopLagMaxMs != null) {
    b[q++] = 0xb9;
    b[q++] = 0x01;
    q = putDbl(b, q, p.loopLagMaxMs);
  }
  if (p.loopUtilization != null) {
    b[q++] = 0xc1;
    b[q++] = 0x01;
    q = putDbl(b, q, p.loopUtilization);
  }
  if (p.ppid != null && p.ppid !== 0) {
    b[q++] = 0xc8;
    b[q++] = 0x01;
    q = putU32(b, q, p.ppid);
  }
  if (p.command != null && p.command !== '') {
    b[q++] = 0xd2;
    b[q++] = 0x01;
    q = putStr(b, q, p.command);
  }
  if (p.heapUsedBytes != null) {
    b[q++] = 0xe0;
    b[q++] = 0x01;
    q = putU64(b, q, p.heapUsedBytes);
  }
  if (p.heapTotalBytes != null) {
    b[q++] = 0xe8;
    b[q++] = 0x01;
    q = putU64(b, q, p.heapTotalBytes);
  }
  if (p.externalBytes != null) {
    b[q++] = 0xf0;
    b[q++] = 0x01;
    q = putU64(b, q, p.externalBytes);
  }
  if (p.arrayBuffersBytes != null) {
    b[q++] = 0xf8;
    b[q++] = 0x01;
    q = putU64(b, q, p.arrayBuffersBytes);
  }
  if (p.gcMinorMs != null) {
    b[q++] = 0x81;
    b[q++] = 0x02;
    q = putDbl(b, q, p.gcMinorMs);
  }
  if (p.gcMajorMs != null) {
    b[q++] = 0x89;
    b[q++] = 0x02;
    q = putDbl(b, q, p.gcMajorMs);
  }
  if (p.gcIncrementalMs != null) {
    b[q++] = 0x91;
    b[q++] = 0x02;
    q = putDbl(b, q, p.gcIncrementalMs);
  }
  if (p.gcWeakcbMs != null) {
    b[q++] = 0x99;
    b[q++] = 0x02;
    q = putDbl(b, q, p.gcWeakcbMs);
  }
  if (p.activeResources != null) {
    b[q++] = 0xa0;
    b[q++] = 0x02;
    q = putU32(b, q, p.activeResources);
  }
  if (p.errors != null && p.errors.length > 0) q = putErrors(b, q, p.errors, 0xda, 0x01);
  return q;
}

/** One RESOURCE envelope (with its Publish field tag) at `pos`. */
function writeResourceEnvelope(p: ResourceSnapshot): void {
  if (writeKept(KeptSnapshot, p, 1, 0x12)) return;
  reserve(snapshotBound(p));
  const body = beginEnvelope(buf, pos, 1, 0x12);
  pos = endEnvelope(buf, pos, body, putSnapshot(buf, body, p));
}

/** The kept-bytes statics of a payload class (kept-snapshot.ts). */
interface Keeper {
  keptLength(p: object): number;
  putBody(p: object, out: Uint8Array, at: number): number;
}

/** Copies the bytes `p` keeps as its `topic` envelope at `pos`; false when it keeps none. */
function writeKept(k: Keeper, p: object, topic: number, payloadTag: number): boolean {
  const kept = k.keptLength(p);
  if (kept < 0) return false;
  reserve(kept + 16);
  pos = k.putBody(p, buf, putEnvelopeHead(buf, pos, topic, payloadTag, kept));
  return true;
}

/** Appends one envelope (with its Publish field tag) at `pos`. */
function writeEnvelope(e: Envelope): void {
  if (e.topic === 1) {
    writeResourceEnvelope(e.payload);
    return;
  }
  // A HOST payload read from bytes it keeps (host-decode.ts): copied.
  if (e.topic === 2 && writeKept(KeptHost, e.payload, 2, 0x1a)) return;
  if (e.topic === 8) {
    reserve(containerEnvelopeBound(e.payload));
    const end = putContainerEnvelope(buf, pos, e.payload);
    if (end >= 0) {
      pos = end;
      return;
    }
  }
  const props = { topic: e.topic, [kTopicNames[e.topic]]: e.payload };
  const bytes = pb.Envelope.encode(props).finish();
  reserve(1 + 5 + bytes.length);
  buf[pos++] = 0x0a;
  pos = putU32(buf, pos, bytes.length);
  buf.set(bytes, pos);
  pos += bytes.length;
}

/** The Publish being written envelope by envelope (0: none); any other use of the scratch buffer ends it. */
let gStream = 0;
let gStreams = 0;

/** Writes `envelopes` as a Publish message at `start` in the scratch buffer; sets pos to its end. */
function encodeInto(envelopes: readonly Envelope[], start: number): void {
  gStream = 0;
  pos = start;
  for (const e of envelopes) writeEnvelope(e);
}

/**
 * Starts a Publish written one envelope at a time (add*Fast, then finish…):
 * the bytes of {@link encodeBatchFastTransferable} of the same envelopes,
 * without holding them all until the end. The scratch buffer is shared:
 * write a whole batch without an await in between. Returns its handle.
 */
export function beginBatchFast(): number {
  pos = 0;
  gStream = ++gStreams;
  return gStream;
}

function checkStream(stream: number): void {
  if (stream === 0 || stream !== gStream) throw new Error('runbus fast-encode: this batch was ended by another encode (write a batch without an await in between)');
}

/** Appends one envelope to the batch `stream` from {@link beginBatchFast}. */
export function addEnvelopeFast(stream: number, e: Envelope): void {
  checkStream(stream);
  writeEnvelope(e);
}

/** Appends one RESOURCE envelope of `snapshot` (no Envelope object needed) to the batch `stream`. */
export function addResourceFast(stream: number, snapshot: ResourceSnapshot): void {
  checkStream(stream);
  writeResourceEnvelope(snapshot);
}

/** Ends the batch `stream`: its bytes, in an ArrayBuffer of their own (transferable). */
export function finishBatchFastTransferable(stream: number): ArrayBuffer {
  checkStream(stream);
  gStream = 0;
  return copyOut();
}

/** The scratch buffer's bytes up to pos, in an ArrayBuffer of their own. */
function copyOut(): ArrayBuffer {
  const ab = new ArrayBuffer(pos);
  new Uint8Array(ab).set(buf.subarray(0, pos));
  return ab;
}

/** Encodes a batch as a `Publish` message; same bytes as protobufjs. */
export function encodeBatchFast(envelopes: readonly Envelope[]): Uint8Array {
  encodeInto(envelopes, 0);
  // A copy of its own: the scratch buffer is reused by the next call.
  return new Uint8Array(buf.subarray(0, pos));
}

/** Like {@link encodeBatchFast}, into an ArrayBuffer of its own (transferable). */
export function encodeBatchFastTransferable(envelopes: readonly Envelope[]): ArrayBuffer {
  encodeInto(envelopes, 0);
  return copyOut();
}

// Room left before the Publish for the frame's prefixes, at most
// varint(frame length) + 0x12 + varint(Publish length).
const kFramePrefixRoom = 5 + 1 + 5;

/**
 * A socket frame holding one Publish, length prefix included — the bytes of
 * protobufjs's `Frame.encodeDelimited({ publish })`, written once and copied
 * once:
 *
 *   varint(len F) | F = 0x12 varint(len P) | P
 */
export function encodePublishFrameFast(envelopes: readonly Envelope[]): Buffer {
  encodeInto(envelopes, kFramePrefixRoom);
  const publishLen = pos - kFramePrefixRoom;
  const frameLen = 1 + size32(publishLen) + publishLen;
  const start = kFramePrefixRoom - size32(frameLen) - 1 - size32(publishLen);
  let q = putU32(buf, start, frameLen);
  buf[q++] = 0x12;
  putU32(buf, q, publishLen);
  const out = Buffer.allocUnsafe(pos - start);
  buf.copy(out, 0, start, pos);
  return out;
}
