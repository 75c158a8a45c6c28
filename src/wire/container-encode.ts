import { KeptContainer } from './kept-snapshot.js';
import { beginEnvelope, endEnvelope, errorsBound, putDbl, putEnvelopeHead, putErrors, putStr, putU32, putU64 } from './put-bytes.js';
import type { ContainerSnapshot } from './types.js';

// CONTAINER envelopes, written by hand as fast-encode.ts writes RESOURCE ones:
// byte-for-byte what protobufjs writes (test/wire/container-codec.test.ts
// proves it with fast-check), with no LongBits or fork per snapshot. A
// snapshot decoded from bytes it keeps (KeptContainer: the sampler's batch,
// see container-decode.ts) is copied from them. A payload holding what only
// protobufjs writes the same way (a Long, a number as a string, unknown
// fields a decoder kept) is left to protobufjs.
//
//   0a [envLen] 08 08 4a [bodyLen] body…     (Publish field 1, topic 8, Envelope field 9)

const isNum = (v: unknown): boolean => v == null || typeof v === 'number';
const isStr = (v: unknown): boolean => v == null || typeof v === 'string';

/** Whether the hand-written encoder writes `p` exactly as protobufjs does. */
function plain(p: ContainerSnapshot): boolean {
  if (!(isNum(p.tsMs) && isNum(p.pid) && isNum(p.cpuPercent) && isNum(p.memBytes) && isNum(p.memLimitBytes) && isNum(p.pids))) return false;
  if (!(isNum(p.ioReadBytes) && isNum(p.ioWriteBytes) && isNum(p.cpuMs))) return false;
  if (!(isStr(p.runId) && isStr(p.containerId) && isStr(p.name) && isStr(p.image) && isStr(p.source))) return false;
  if ((p as { $unknowns?: unknown }).$unknowns != null) return false;
  if (p.errors != null) {
    if (!Array.isArray(p.errors)) return false;
    for (const e of p.errors) {
      if (e == null || !isStr(e.figure) || !isStr(e.reason) || (e as { $unknowns?: unknown }).$unknowns != null) return false;
    }
  }
  return true;
}

/** An upper bound on the bytes the CONTAINER envelope of `p` takes (plain(p) or kept). */
export function containerEnvelopeBound(p: ContainerSnapshot): number {
  const kept = KeptContainer.keptLength(p);
  if (kept >= 0) return kept + 16;
  // 15 fields of ≤ 1 tag + 10 varint bytes, 5 strings' lengths, the envelope's prefixes; 3 bytes per UTF-16 unit.
  let n = 15 * 11 + 5 * 5 + 16;
  n += 3 * ((p.runId?.length ?? 0) + (p.containerId?.length ?? 0) + (p.name?.length ?? 0) + (p.image?.length ?? 0) + (p.source?.length ?? 0));
  return n + errorsBound(p.errors);
}

// Unrolled, one property access per field, as putSnapshot in fast-encode.ts.
function putContainer(b: Buffer, q: number, p: ContainerSnapshot): number {
  if (p.tsMs != null && p.tsMs !== 0) {
    b[q++] = 0x08;
    q = putU64(b, q, p.tsMs);
  }
  if (p.runId != null && p.runId !== '') {
    b[q++] = 0x12;
    q = putStr(b, q, p.runId);
  }
  if (p.containerId != null && p.containerId !== '') {
    b[q++] = 0x1a;
    q = putStr(b, q, p.containerId);
  }
  if (p.name != null && p.name !== '') {
    b[q++] = 0x22;
    q = putStr(b, q, p.name);
  }
  if (p.image != null && p.image !== '') {
    b[q++] = 0x2a;
    q = putStr(b, q, p.image);
  }
  if (p.pid != null && p.pid !== 0) {
    b[q++] = 0x30;
    q = putU32(b, q, p.pid);
  }
  if (p.cpuPercent != null) {
    b[q++] = 0x39;
    q = putDbl(b, q, p.cpuPercent);
  }
  if (p.memBytes != null) {
    b[q++] = 0x40;
    q = putU64(b, q, p.memBytes);
  }
  if (p.memLimitBytes != null) {
    b[q++] = 0x48;
    q = putU64(b, q, p.memLimitBytes);
  }
  if (p.pids != null) {
    b[q++] = 0x50;
    q = putU32(b, q, p.pids);
  }
  if (p.ioReadBytes != null) {
    b[q++] = 0x58;
    q = putU64(b, q, p.ioReadBytes);
  }
  if (p.ioWriteBytes != null) {
    b[q++] = 0x60;
    q = putU64(b, q, p.ioWriteBytes);
  }
  if (p.cpuMs != null) {
    b[q++] = 0x69;
    q = putDbl(b, q, p.cpuMs);
  }
  if (p.source != null && p.source !== '') {
    b[q++] = 0x72;
    q = putStr(b, q, p.source);
  }
  // As protobufjs: anything but false (or absent) is written, as 1 or 0.
  const stale = p.stale as unknown;
  if (stale != null && stale !== false) {
    b[q++] = 0x78;
    b[q++] = stale ? 1 : 0;
  }
  if (p.errors != null && p.errors.length > 0) q = putErrors(b, q, p.errors, 0x82, 0x01);
  return q;
}

/**
 * Writes the CONTAINER envelope of `p`, its Publish field tag first, at
 * b[q…] (room for containerEnvelopeBound(p) bytes); returns the position
 * after it, or -1 (nothing written) when `p` is for protobufjs to encode.
 */
export function putContainerEnvelope(b: Buffer, q: number, p: ContainerSnapshot): number {
  const kept = KeptContainer.keptLength(p);
  if (kept >= 0) return KeptContainer.putBody(p, b, putEnvelopeHead(b, q, 8, 0x4a, kept));
  if (!plain(p)) return -1;
  const body = beginEnvelope(b, q, 8, 0x4a);
  return endEnvelope(b, q, body, putContainer(b, body, p));
}
