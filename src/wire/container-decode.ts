import { runbus } from './gen/telemetry.js';
import { KeptContainer } from './kept-snapshot.js';
import { CanonicalReader } from './canonical-reader.js';
import type { ContainerSnapshot } from './types.js';
import { kMaxNameLength } from './validate.js';

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
const kSlotFigure = 4;
const kSlotId = 6;
const kSlotName = 7;
const kSlotImage = 8;
const kSlotSource = 9;

/** A lower-case hex digit (the validator's container id: 12 to 64 of them). */
const isHex = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);

export class ContainerReader extends CanonicalReader {
  /**
   * The CONTAINER envelope in bytes[start, end) (an Envelope's own bytes,
   * without its Publish tag and length), decoded and validated; null when it
   * is not one in canonical form, or the validator would refuse it.
   */
  read(start: number, end: number, nowMs: number): ContainerSnapshot | null {
    const b = this.buf;
    const bodyStart = this.envelopeBody(start, end, 8, 0x4a);
    if (bodyStart < 0) return null;
    const keep = this.keepBytes;
    const kept = keep === null ? null : new KeptContainer();
    const m = kept ?? new pb.ContainerSnapshot();
    this.lastField = 0;
    while (this.pos < end) {
      // Errors (16) repeat.
      const t = this.nextTag(end, 16);
      switch (t) {
        case 0x08:
        case 0x12:
          if (!this.timeOrRun(t, end, nowMs, m)) return null;
          break;
        case 0x1a: {
          const id = this.cString(end, kSlotId);
          if (id.length < 12 || id.length > 64) return null;
          for (let i = 0; i < id.length; ++i) if (!isHex(id.charCodeAt(i))) return null;
          m.containerId = id;
          break;
        }
        case 0x22:
          m.name = this.cString(end, kSlotName);
          if (m.name.length > kMaxNameLength) return null;
          break;
        case 0x2a:
          m.image = this.cString(end, kSlotImage);
          break;
        case 0x30:
          m.pid = this.cU32(end);
          if (m.pid === 0) return null;
          break;
        case 0x39:
          m.cpuPercent = this.double(end);
          break;
        case 0x40:
          m.memBytes = this.cU64(end);
          break;
        case 0x48:
          m.memLimitBytes = this.cU64(end);
          break;
        case 0x50:
          m.pids = this.cU32(end);
          break;
        case 0x58:
          m.ioReadBytes = this.cU64(end);
          break;
        case 0x60:
          m.ioWriteBytes = this.cU64(end);
          break;
        case 0x69:
          m.cpuMs = this.double(end);
          break;
        case 0x72:
          m.source = this.cString(end, kSlotSource);
          break;
        case 0x78:
          // Written only when true, as the one byte 01.
          if (this.pos >= end || b[this.pos] !== 1) return null;
          this.pos++;
          m.stale = true;
          break;
        case 0x82:
          if (!this.figureError(m.errors, end, kSlotFigure)) return null;
          break;
        default:
          // Out of order, another wire type, or a field no ContainerSnapshot has.
          return null;
      }
      if (this.odd) return null;
    }
    // validateEnvelope: a plausible time, a container id, cpu figures finite and >= 0.
    if (m.tsMs === 0 || m.containerId === '' || this.suspect) return null;
    if (kept !== null) KeptContainer.keep(kept, keep!, bodyStart, end);
    return m;
  }
}
