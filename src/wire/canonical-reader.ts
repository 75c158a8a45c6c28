import { runbus } from './gen/telemetry.js';
import { ProtoReader } from './proto-reader.js';
import { kMaxFutureMs, kMaxNameLength, kMinTsMs } from './validate.js';

const pb = runbus.v1;

/*
 * The canonical form the encoders write (fast-encode.ts, container-encode.ts,
 * protobufjs: the same bytes), for the readers of one envelope kind
 * (container-decode.ts, host-decode.ts): fields once each, in number order,
 * minimal varints, no 0/"" proto3 scalar, no 64-bit figure past 2^53.
 * A read that leaves it sets `odd`, and the reader then hands the envelope
 * to protobufjs instead; what it does read, encoding afresh gives back the
 * same bytes, so a reader may keep them.
 */
export class CanonicalReader extends ProtoReader {
  /** The current read left the canonical form. */
  protected odd = false;
  /** The bytes each payload read may keep (the caller never changes them), or null. */
  protected readonly keepBytes: Uint8Array | null;

  /** Reads envelopes of `bytes`; `keep`: each payload keeps its bytes. */
  constructor(bytes: Uint8Array, keep: boolean) {
    super(bytes, 0);
    this.keepBytes = keep ? bytes : null;
  }

  /**
   * An envelope of `topic` whose payload is field `payloadTag` (its tag
   * byte) filling bytes[start, end): where its payload starts, or -1.
   */
  protected envelopeBody(start: number, end: number, topic: number, payloadTag: number): number {
    const b = this.buf;
    if (end - start < 4 || b[start] !== 0x08 || b[start + 1] !== topic || b[start + 2] !== payloadTag) return -1;
    this.pos = start + 3;
    this.odd = false;
    const n = this.cLen(end);
    if (this.odd || this.pos + n !== end) return -1;
    this.suspect = false;
    return this.pos;
  }

  /**
   * A payload's field 1 or 2 (tag `t` read), its time and run id, into `m`:
   * false when validateEnvelope would refuse it (a time that is not a
   * plausible epoch time in ms, a run id longer than kMaxNameLength).
   */
  protected timeOrRun(t: number, limit: number, nowMs: number, m: { tsMs: number; runId: string }): boolean {
    if (t === 0x08) {
      const ts = this.i64(limit);
      m.tsMs = ts;
      return Number.isSafeInteger(ts) && ts >= kMinTsMs && ts <= nowMs + kMaxFutureMs;
    }
    m.runId = this.cString(limit, 0);
    return m.runId.length <= kMaxNameLength;
  }

  /** The last field number nextTag() read in the payload being read. */
  protected lastField = 0;

  /**
   * The next tag of the payload (reset lastField at its start): -1 when its
   * field comes before the last one, or repeats one that is not the
   * repeated field `repeated` (fields in number order, once each).
   */
  protected nextTag(limit: number, repeated: number, repeated2 = repeated): number {
    const t = this.cTag(limit);
    const f = t >>> 3;
    if (f < this.lastField || (f === this.lastField && f !== repeated && f !== repeated2)) return -1;
    this.lastField = f;
    return t;
  }

  // Marks a varint of more than one byte whose last byte adds nothing (not minimal).
  protected minimal(from: number): void {
    if (this.pos - from > 1 && this.buf[this.pos - 1] === 0) this.odd = true;
  }

  /** A tag, minimal. */
  protected cTag(limit: number): number {
    const at = this.pos;
    const t = this.tag(limit);
    this.minimal(at);
    return t;
  }

  protected cLen(limit: number): number {
    const from = this.pos;
    const n = this.len(limit);
    this.minimal(from);
    return n;
  }

  // A uint32 field: within 32 bits (what a writer of the field writes).
  protected cU32(limit: number): number {
    const from = this.pos;
    this.varint(limit);
    this.minimal(from);
    if (this.hi !== 0) this.odd = true;
    return this.lo;
  }

  // A uint64 field below 2^53: read back as the number it was written from.
  protected cU64(limit: number): number {
    const from = this.pos;
    const v = this.u64(limit);
    this.minimal(from);
    if (this.hi >= 0x200000) this.odd = true;
    return v;
  }

  // A proto3 string: never empty (an empty one is left out).
  protected cString(limit: number, slot: number): string {
    this.slot = slot;
    const n = this.cLen(limit);
    if (n === 0) this.odd = true;
    const s = this.str(this.pos, n);
    this.pos += n;
    return s;
  }

  // One FigureError (its tag read), figure then reason, onto `errors`; false when not canonical.
  protected figureError(errors: runbus.v1.FigureError.$Properties[], limit: number, slotFigure: number): boolean {
    const n = this.cLen(limit);
    const end = this.pos + n;
    const e = new pb.FigureError();
    let last = 0;
    while (this.pos < end) {
      const t = this.cTag(end);
      if ((t !== 0x0a && t !== 0x12) || t >>> 3 <= last) return false;
      last = t >>> 3;
      const s = this.cString(end, slotFigure + last - 1);
      if (last === 1) e.figure = s;
      else e.reason = s;
    }
    errors.push(e);
    return true;
  }
}
