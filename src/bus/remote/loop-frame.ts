import { encodeFrame } from '../../wire/index.js';
import type { LoopReport } from '../../wire/index.js';
import { varintLen, writeVarint as putVarint } from '../../wire/varint.js';
import type { HubLink } from './hub-link.js';

// The LOOP report, a client's one frame a second while idle, encoded by hand
// into one reused buffer: the same bytes as encodeFrame({ kind: 'loop' })
// (protobufjs: a Writer, an op object per field, a fresh buffer each time),
// with none of its allocations and a fraction of its code run on a tick of an
// otherwise idle process. A value the hand encoder does not cover (an int64
// that is negative, fractional or past 2^53) goes the reference way.
//
//   varint(n) │ 0x32 varint(m) │ LoopReport (m bytes) │   n = 1 + len(varint(m)) + m

// Field tags of runbus.v1.LoopReport (see the .proto): doubles are wire
// type 1, integers wire type 0. Written out field by field (no table to
// walk): this runs once a second, never hot enough to be optimized.
/** Frame field 6 (loop), length-delimited. */
const kTagLoop = 0x32;
// Largest LoopReport: ts 11, 8 doubles × 9, 4 × 11, activeResources 6.
const kMaxReport = 11 + 8 * 9 + 4 * 11 + 6;
const kReserve = 3 + 3;

const isCount = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;
const isCount0 = (v: number | null | undefined): boolean => v == null || isCount(v);

/** Encodes LOOP frames into one reused buffer; see encode(). */
export class LoopFrameEncoder {
  // The report is written after room for its prefixes, which are then
  // written just before it: the frame is one contiguous subarray.
  readonly #buf = Buffer.allocUnsafeSlow(kReserve + kMaxReport);
  readonly #view = new DataView(this.#buf.buffer, this.#buf.byteOffset, this.#buf.byteLength);
  #frame: Buffer | null = null;

  /**
   * The frame for `r`, the same bytes as encodeFrame({ kind: 'loop', loop: r }).
   * Valid until the next call: a writer that keeps it (a socket that
   * could not write it at once) must encode the next one with a new encoder.
   */
  encode(r: LoopReport): Uint8Array {
    if (!this.#coverable(r)) return encodeFrame({ kind: 'loop', loop: r });
    const b = this.#buf;
    const start = kReserve;
    let p = start;
    if (r.tsMs !== 0) {
      b[p++] = 0x08;
      p = putVarint(b, p, r.tsMs);
    }
    p = this.#double(p, 0x11, r.loopLagP50Ms);
    p = this.#double(p, 0x19, r.loopLagP99Ms);
    p = this.#double(p, 0x21, r.loopLagMaxMs);
    p = this.#double(p, 0x29, r.loopUtilization);
    p = this.#count(p, 0x30, r.heapUsedBytes);
    p = this.#count(p, 0x38, r.heapTotalBytes);
    p = this.#count(p, 0x40, r.externalBytes);
    p = this.#count(p, 0x48, r.arrayBuffersBytes);
    p = this.#double(p, 0x51, r.gcMinorMs);
    p = this.#double(p, 0x59, r.gcMajorMs);
    p = this.#double(p, 0x61, r.gcIncrementalMs);
    p = this.#double(p, 0x69, r.gcWeakcbMs);
    p = this.#count(p, 0x70, r.activeResources);
    const m = p - start;
    const body = 1 + varintLen(m) + m;
    const from = start - 1 - varintLen(m) - varintLen(body);
    let q = putVarint(b, from, body);
    b[q++] = kTagLoop;
    q = putVarint(b, q, m);
    const f = this.#frame;
    if (f !== null && f.byteOffset - b.byteOffset === from && f.length === p - from) return f;
    this.#frame = b.subarray(from, p);
    return this.#frame;
  }

  #double(p: number, tag: number, v: number | null | undefined): number {
    if (v == null) return p;
    this.#buf[p] = tag;
    this.#view.setFloat64(p + 1, v, true);
    return p + 9;
  }

  #count(p: number, tag: number, v: number | null | undefined): number {
    if (v == null) return p;
    this.#buf[p] = tag;
    return putVarint(this.#buf, p + 1, v);
  }

  // Integers the varints here write as protobufjs does: whole, 0..2^53
  // (activeResources, a uint32, below 2^32).
  #coverable(r: LoopReport): boolean {
    const a = r.activeResources;
    return isCount(r.tsMs) && isCount0(r.heapUsedBytes) && isCount0(r.heapTotalBytes) && isCount0(r.externalBytes) &&
      isCount0(r.arrayBuffersBytes) && (a == null || (isCount(a) && a <= 0xffffffff));
  }
}

/** A remote bus's LOOP frames, written to its link from a reused buffer. */
export class LoopFrames {
  #encoder = new LoopFrameEncoder();

  send(link: HubLink, r: LoopReport): void {
    link.write(this.#encoder.encode(r));
    // A socket that could not write the frame at once holds on to it: the
    // next frame goes into a buffer of its own.
    if (link.socket.writableLength > 0) this.#encoder = new LoopFrameEncoder();
  }
}
