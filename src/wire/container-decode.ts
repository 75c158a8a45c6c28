import { runbus } from './gen/telemetry.js';
import { KeptContainer } from './kept-snapshot.js';
import { ProtoReader } from './proto-reader.js';
import type { ContainerSnapshot } from './types.js';
import { kMaxFutureMs, kMaxNameLength, kMinTsMs } from './validate.js';

const pb = runbus.v1;

/*
 * The fast way through a CONTAINER envelope of a Publish (decodePublishFast in
 * codec.ts hands it each envelope BatchScanner did not read): the envelope as
 * the encoders write it (container-encode.ts, or protobufjs: the same bytes),
 * read straight into the ContainerSnapshot class protobufjs's decoder builds
 * and checked as validateEnvelope checks it. It reads only that canonical
 * form — fields once each, in number order, the envelope's topic then its
 * payload, minimal varints, no 0/"" proto3 scalar, no unknown field, no
 * 64-bit figure past 2^53 — and any other envelope, or one the validator
 * would refuse, it leaves to protobufjs and validateEnvelope (read() returns
 * null). So what it reads, encoding the result afresh gives back the same
 * bytes, and a reader that keeps them (the sampler's batch) can hand out a
 * KeptContainer. test/wire/container-codec.test.ts checks both against
 * protobufjs with fast-check.
 *
 *   Envelope   08 08  4a len  ContainerSnapshot
 *   Container  1 ts, 2 run_id, 3 container_id, 4 name, 5 image, 6 pid,
 *              7..13 figures, 14 source, 15 stale, 16: FigureError*
 */

// Where str() keeps the last string of each field (proto-reader.ts's kLast).
const kSlotRunId = 0;
const kSlotFigure = 4;
const kSlotId = 6;
const kSlotName = 7;
const kSlotImage = 8;
const kSlotSource = 9;

/** A lower-case hex digit (the validator's container id: 12 to 64 of them). */
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

export class ContainerReader extends ProtoReader {
  readonly #keep: Uint8Array | null;
  /** The current read left the canonical form (see above). */
  #odd = false;

  /** Reads CONTAINER envelopes of `bytes`; `keep`: each snapshot keeps its bytes (the caller never changes them). */
  constructor(bytes: Uint8Array, keep: boolean) {
    super(bytes, 0);
    this.#keep = keep ? bytes : null;
  }

  /**
   * The CONTAINER envelope in bytes[start, end) (an Envelope's own bytes,
   * without its Publish tag and length), decoded and validated; null when it
   * is not one in canonical form, or the validator would refuse it.
   */
  read(start: number, end: number, nowMs: number): ContainerSnapshot | null {
    const b = this.buf;
    if (end - start < 4 || b[start] !== 0x08 || b[start + 1] !== 8 || b[start + 2] !== 0x4a) return null;
    this.pos = start + 3;
    this.#odd = false;
    const n = this.#len(end);
    if (this.#odd || this.pos + n !== end) return null;
    const bodyStart = this.pos;
    this.suspect = false;
    const keep = this.#keep;
    const kept = keep === null ? null : new KeptContainer();
    const m = kept ?? new pb.ContainerSnapshot();
    let last = 0;
    while (this.pos < end) {
      const at = this.pos;
      const t = this.tag(end);
      this.#minimal(at);
      const field = t >>> 3;
      if (field < last || (field === last && field !== 16)) return null;
      last = field;
      switch (t) {
        case 0x08: {
          const ts = this.i64(end);
          if (!Number.isSafeInteger(ts) || ts < kMinTsMs || ts > nowMs + kMaxFutureMs) return null;
          m.tsMs = ts;
          break;
        }
        case 0x12:
          m.runId = this.#string(end, kSlotRunId);
          if (m.runId.length > kMaxNameLength) return null;
          break;
        case 0x1a: {
          const id = this.#string(end, kSlotId);
          if (id.length < 12 || id.length > 64) return null;
          for (let i = 0; i < id.length; ++i) if (!isHex(id.charCodeAt(i))) return null;
          m.containerId = id;
          break;
        }
        case 0x22:
          m.name = this.#string(end, kSlotName);
          if (m.name.length > kMaxNameLength) return null;
          break;
        case 0x2a:
          m.image = this.#string(end, kSlotImage);
          break;
        case 0x30:
          m.pid = this.#u32(end);
          if (m.pid === 0) return null;
          break;
        case 0x39:
          m.cpuPercent = this.double(end);
          break;
        case 0x40:
          m.memBytes = this.#u64(end);
          break;
        case 0x48:
          m.memLimitBytes = this.#u64(end);
          break;
        case 0x50:
          m.pids = this.#u32(end);
          break;
        case 0x58:
          m.ioReadBytes = this.#u64(end);
          break;
        case 0x60:
          m.ioWriteBytes = this.#u64(end);
          break;
        case 0x69:
          m.cpuMs = this.double(end);
          break;
        case 0x72:
          m.source = this.#string(end, kSlotSource);
          break;
        case 0x78:
          // Written only when true, as the one byte 01.
          if (this.pos >= end || b[this.pos] !== 1) return null;
          this.pos++;
          m.stale = true;
          break;
        case 0x82:
          if (!this.#figureError(m, end)) return null;
          break;
        default:
          // Another wire type, or a field no ContainerSnapshot has.
          return null;
      }
      if (this.#odd) return null;
    }
    // validateEnvelope: a plausible time, a container id, cpu figures finite and >= 0.
    if (m.tsMs === 0 || m.containerId === '' || this.suspect) return null;
    if (kept !== null) KeptContainer.keep(kept, keep!, bodyStart, end);
    return m;
  }

  // Marks a varint of more than one byte whose last byte adds nothing (not minimal).
  #minimal(from: number): void {
    if (this.pos - from > 1 && this.buf[this.pos - 1] === 0) this.#odd = true;
  }

  #len(limit: number): number {
    const from = this.pos;
    const n = this.len(limit);
    this.#minimal(from);
    return n;
  }

  // A uint32 field: within 32 bits (what a writer of the field writes).
  #u32(limit: number): number {
    const from = this.pos;
    this.varint(limit);
    this.#minimal(from);
    if (this.hi !== 0) this.#odd = true;
    return this.lo;
  }

  // A uint64 field below 2^53: read back as the number it was written from.
  #u64(limit: number): number {
    const from = this.pos;
    const v = this.u64(limit);
    this.#minimal(from);
    if (this.hi >= 0x200000) this.#odd = true;
    return v;
  }

  // A proto3 string: never empty (an empty one is left out).
  #string(limit: number, slot: number): string {
    this.slot = slot;
    const n = this.#len(limit);
    if (n === 0) this.#odd = true;
    const s = this.str(this.pos, n);
    this.pos += n;
    return s;
  }

  // Field 16 (its tag's first byte read as 0x82 by tag(): 0x82 0x01): one FigureError, figure then reason.
  #figureError(m: runbus.v1.ContainerSnapshot, limit: number): boolean {
    const n = this.#len(limit);
    const end = this.pos + n;
    const e = new pb.FigureError();
    let last = 0;
    while (this.pos < end) {
      const at = this.pos;
      const t = this.tag(end);
      this.#minimal(at);
      if ((t !== 0x0a && t !== 0x12) || t >>> 3 <= last) return false;
      last = t >>> 3;
      const s = this.#string(end, kSlotFigure + last - 1);
      if (last === 1) e.figure = s;
      else e.reason = s;
    }
    m.errors.push(e);
    return true;
  }
}
