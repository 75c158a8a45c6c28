import { WireError } from '../errors.js';
import { runbus } from './gen/telemetry.js';
import { kCol, kResourceFigures, kSnapshotColumns } from './figures.js';
import { kMaxFutureMs, kMaxNameLength, kMinTsMs } from './validate.js';

const pb = runbus.v1;
const Snapshot = pb.ResourceSnapshot;
type Snapshot = runbus.v1.ResourceSnapshot;

/*
 * A single-pass reader of encoded `Publish` batches, for the two hot paths
 * that receive them: the hub's socket server and sampler pool
 * (decodeFrame/decodeBatch in codec.ts hand `snapshot` to the bus) and the
 * store's writer (reads `row.values` in t_snapshot column order). RESOURCE
 * envelopes, nearly all of the volume, are read straight from the bytes into
 * the ResourceSnapshot message class protobufjs's decoder builds, and
 * validated as they are read; every other envelope is handed back as a byte
 * range for protobufjs.
 *
 *   Publish   { 1: Envelope (len) }*
 *   Envelope  { 1: topic (varint), 2..8: payload (len) }
 *   Resource  { 1 ts, 2 run_id, 3 component, 4 pid, 5.. figures, 27: FigureError* }
 *
 * It reads what protobufjs 8's Reader reads (tags of at most 5 bytes, lengths
 * of at most 5, 10-byte varints, strict UTF-8 keeping a BOM, unknown fields
 * skipped) and applies the wire validator's checks (src/wire/validate.ts) to
 * a RESOURCE envelope. Where it differs it is stricter — a group (wire types
 * 3/4) is an error here — never more lenient, so what it accepts protobufjs
 * reads the same way. test/wire/fast-decode.test.ts checks that with
 * fast-check against protobufjs (valid, mutated and random bytes);
 * test/wire/resource-decoder.test.ts checks the store's column view.
 */

/** Doubles the validator requires finite and >= 0 (every double of the figure table). */
const kCheckedDoubles: readonly string[] = kResourceFigures.filter((f) => f.type === 'double').map((f) => f.key);

const kTwo32 = 4294967296;
// protobufjs's strict decoder: fatal on bad UTF-8, and a leading BOM is kept.
const kUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function truncated(): WireError {
  return new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: index out of range');
}
function undecodable(what: string): WireError {
  return new WireError('ERR_WIRE_UNDECODABLE', `batch does not decode: ${what}`);
}
function invalid(index: number, what: string): WireError {
  return new WireError('ERR_WIRE_INVALID', `envelope ${index} (resource): ${what}`);
}

/** A RESOURCE envelope read by {@link BatchScanner}. */
export interface ResourceRow {
  /** t_snapshot column order; run and comp are left for the caller; errors as JSON. */
  readonly values: (number | string | null)[];
  runId: string;
  component: string;
}

// Strings decoded so far, by a hash of their bytes: run ids, components,
// states and commands repeat from row to row and from batch to batch, so
// UTF-8 decoding (and a new string per row) is rare. One cache per thread.
interface CachedString {
  readonly bytes: Uint8Array;
  readonly value: string;
}
const kStrings = new Map<number, CachedString>();
const kMaxCachedStrings = 1024;
const kMaxCachedBytes = 256;
// And the last ASCII string read for each string field: run_id, component,
// state, command, FigureError figure and reason (#slot).
const kLast: string[] = ['', '', '', '', '', ''];

export class BatchScanner {
  readonly #buf: Uint8Array;
  readonly #view: DataView;
  #pos: number;
  readonly #end: number;
  readonly #nowMs: number;
  #index = -1;
  readonly #columns: boolean;
  // Varint result, as two unsigned 32-bit halves.
  #lo = 0;
  #hi = 0;
  #suspect = false;
  // Which kLast entry #str compares with.
  #slot = 0;

  /** The snapshot just read by next() === 'resource', as protobufjs's decoder builds it (validated). */
  snapshot: Snapshot | null = null;
  /** The same in t_snapshot column order (only when constructed with `columns`). */
  readonly row: ResourceRow = { values: new Array<number | string | null>(kSnapshotColumns).fill(null), runId: '', component: '' };
  /** Byte range of the envelope just read by next() === 'other'. */
  otherStart = 0;
  otherEnd = 0;

  /**
   * Reads the `Publish` message in bytes[start, end); `columns` false skips
   * filling `row` (the codec reads `snapshot` only).
   */
  constructor(bytes: Uint8Array, nowMs: number, start = 0, end = bytes.byteLength, columns = true) {
    this.#columns = columns;
    this.#buf = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#pos = start;
    this.#end = end;
    this.#nowMs = nowMs;
  }

  /** Index of the envelope just read. */
  get index(): number {
    return this.#index;
  }

  // A varint of up to 10 bytes into #lo/#hi (protobufjs's uint64 and skip).
  #varint(limit: number): void {
    const buf = this.#buf;
    let lo = 0;
    let hi = 0;
    let b = 0;
    let i = 0;
    for (; i < 4; ++i) {
      if (this.#pos >= limit) throw truncated();
      b = buf[this.#pos++]!;
      lo |= (b & 0x7f) << (i * 7);
      if (b < 0x80) {
        this.#lo = lo >>> 0;
        this.#hi = 0;
        return;
      }
    }
    if (this.#pos >= limit) throw truncated();
    b = buf[this.#pos++]!;
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (i = 0; i < 5; ++i) {
        if (this.#pos >= limit) throw truncated();
        b = buf[this.#pos++]!;
        hi |= (b & 0x7f) << (i * 7 + 3);
        if (b < 0x80) break;
      }
      if (b >= 0x80) throw undecodable('invalid varint encoding');
    }
    this.#lo = lo >>> 0;
    this.#hi = hi >>> 0;
  }

  // protobufjs's uint32: the low 32 bits of a varint of up to 10 bytes.
  #u32(limit: number): number {
    const p = this.#pos;
    if (p < limit) {
      const b = this.#buf[p]!;
      if (b < 0x80) {
        this.#pos = p + 1;
        return b;
      }
    }
    this.#varint(limit);
    return this.#lo;
  }

  // protobufjs's tag(): at most 5 bytes, the 5th with no bits past 32; and,
  // as its skipType() says for any tag no decoder knows, never field 0.
  #tag(limit: number): number {
    const buf = this.#buf;
    let p = this.#pos;
    if (p >= limit) throw truncated();
    let b = buf[p++]!;
    let t = b;
    if (b >= 0x80) {
      t &= 0x7f;
      let i = 1;
      for (; i < 4; ++i) {
        if (p >= limit) throw truncated();
        b = buf[p++]!;
        t |= (b & 0x7f) << (7 * i);
        if (b < 0x80) break;
      }
      if (i === 4) {
        if (p >= limit) throw truncated();
        b = buf[p++]!;
        if (b >= 0x80 || (b & 0x70) !== 0) throw undecodable('invalid tag encoding');
        t |= b << 28;
      }
      t >>>= 0;
    }
    this.#pos = p;
    if (t >>> 3 === 0) throw undecodable('illegal tag: field number 0');
    return t;
  }

  // protobufjs's size(): at most 5 bytes, below 2^32; then within limit.
  #len(limit: number): number {
    const buf = this.#buf;
    let p = this.#pos;
    let n = 0;
    let b = 0x80;
    for (let i = 0; i < 4 && b >= 0x80; ++i) {
      if (p >= limit) throw truncated();
      b = buf[p++]!;
      n |= (b & 0x7f) << (7 * i);
    }
    if (b >= 0x80) {
      if (p >= limit) throw truncated();
      b = buf[p++]!;
      if (b > 7) throw undecodable('invalid length encoding');
      n |= b << 28;
    }
    n >>>= 0;
    if (p + n > limit) throw truncated();
    this.#pos = p;
    return n;
  }

  #skip(wireType: number, limit: number): void {
    switch (wireType) {
      case 0:
        this.#varint(limit);
        return;
      case 1:
        this.#pos += 8;
        break;
      case 2: {
        // Not `#pos += #len()`: #len moves #pos past the length first.
        const n = this.#len(limit);
        this.#pos += n;
        return;
      }
      case 5:
        this.#pos += 4;
        break;
      default:
        throw undecodable(`wire type ${wireType} at offset ${this.#pos}`);
    }
    if (this.#pos > limit) throw truncated();
  }

  #str(start: number, len: number): string {
    if (len === 0) return '';
    const buf = this.#buf;
    const end = start + len;
    // The string this field of the previous snapshot had, usually the same.
    // Only ASCII strings are kept there: for them a byte-by-char compare is exact.
    const slot = this.#slot;
    const last = kLast[slot]!;
    if (last.length === len) {
      let i = 0;
      while (i < len && last.charCodeAt(i) === buf[start + i]) ++i;
      if (i === len) return last;
    }
    if (len > kMaxCachedBytes) return this.#utf8(start, end);
    let h = len;
    for (let i = start; i < end; ++i) h = (Math.imul(h, 31) + buf[i]!) | 0;
    const hit = kStrings.get(h);
    let value: string | null = null;
    if (hit !== undefined && hit.bytes.length === len) {
      const b = hit.bytes;
      let i = 0;
      while (i < len && b[i] === buf[start + i]) ++i;
      if (i === len) value = hit.value;
    }
    if (value === null) {
      value = this.#utf8(start, end);
      // Bounded: a stream of distinct strings only churns the cache.
      if (kStrings.size >= kMaxCachedStrings) kStrings.clear();
      kStrings.set(h, { bytes: buf.slice(start, end), value });
    }
    if (value.length === len) kLast[slot] = value; // as many chars as bytes: ASCII
    return value;
  }

  #utf8(start: number, end: number): string {
    try {
      return kUtf8.decode(this.#buf.subarray(start, end));
    } catch (err) {
      throw new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: invalid UTF-8 in a string', { cause: err });
    }
  }

  /** Reads the next envelope: 'resource' (see row), 'other' (see otherStart/End) or 'done'. */
  next(): 'resource' | 'other' | 'done' {
    while (this.#pos < this.#end) {
      const tag = this.#tag(this.#end);
      if (tag !== 0x0a) {
        // Not an envelope (field 1, length-delimited): unknown, skipped.
        this.#skip(tag & 7, this.#end);
        continue;
      }
      const n = this.#len(this.#end);
      const start = this.#pos;
      const end = start + n;
      this.#index++;
      // Envelope: find the topic and the payload field(s).
      let topic = 0;
      let payloadField = 0;
      let payloads = 0;
      let pStart = 0;
      let pLen = 0;
      while (this.#pos < end) {
        const t = this.#tag(end);
        const field = t >>> 3;
        const wt = t & 7;
        if (field === 1 && wt === 0) {
          topic = this.#u32(end) | 0;
        } else if (field >= 2 && field <= 8 && wt === 2) {
          pLen = this.#len(end);
          pStart = this.#pos;
          this.#pos += pLen;
          payloadField = field;
          payloads++;
        } else {
          this.#skip(wt, end);
        }
      }
      this.#pos = end;
      // Anything unusual (another topic, a payload that does not match its
      // topic, a payload given twice and merged) goes the general way.
      if (topic !== 1 || payloadField !== 2 || payloads !== 1) {
        this.otherStart = start;
        this.otherEnd = end;
        return 'other';
      }
      const m = this.#resource(pStart, pStart + pLen);
      this.#pos = end;
      this.snapshot = m;
      if (this.#columns) this.#fillRow(m);
      return 'resource';
    }
    return 'done';
  }

  // A double: little-endian, 8 bytes. One the validator refuses (negative,
  // NaN, infinite) marks the snapshot for the named check in #resource.
  #double(limit: number): number {
    const p = this.#pos;
    if (p + 8 > limit) throw truncated();
    const d = this.#view.getFloat64(p, true);
    this.#pos = p + 8;
    if (!(d >= 0 && d < Infinity)) this.#suspect = true;
    return d;
  }

  #u64(limit: number): number {
    this.#varint(limit);
    return this.#hi * kTwo32 + this.#lo;
  }

  #string(limit: number, slot: number): string {
    this.#slot = slot;
    const n = this.#len(limit);
    const s = this.#str(this.#pos, n);
    this.#pos += n;
    return s;
  }

  // One switch over field numbers, as protobufjs's generated decoder has,
  // writing into the same message class with the same rules: a field of the
  // wrong wire type is skipped as unknown, the last of a repeated scalar
  // wins, a proto3 scalar at 0/"" is left out (and clears an earlier one),
  // an optional is kept whenever present.
  #resource(start: number, end: number): Snapshot {
    const m = new Snapshot();
    const d = m as Partial<Snapshot>; // for delete
    let ts = 0;
    let pid = 0;
    this.#suspect = false;
    this.#pos = start;
    while (this.#pos < end) {
      const t = this.#tag(end);
      switch (t >>> 3) {
        case 1:
          if ((t & 7) !== 0) break;
          this.#varint(end);
          // int64: two's complement over the two halves.
          ts = this.#hi & 0x80000000 ? -((~this.#hi >>> 0) * kTwo32 + (~this.#lo >>> 0) + 1) : this.#hi * kTwo32 + this.#lo;
          if (ts !== 0) m.tsMs = ts;
          else delete d.tsMs;
          continue;
        case 2: {
          if ((t & 7) !== 2) break;
          const s = this.#string(end, 0);
          if (s !== '') m.runId = s;
          else delete d.runId;
          continue;
        }
        case 3: {
          if ((t & 7) !== 2) break;
          const s = this.#string(end, 1);
          if (s !== '') m.component = s;
          else delete d.component;
          continue;
        }
        case 4:
          if ((t & 7) !== 0) break;
          pid = this.#u32(end);
          if (pid !== 0) m.pid = pid;
          else delete d.pid;
          continue;
        case 5:
          if ((t & 7) !== 1) break;
          m.cpuPercent = this.#double(end);
          continue;
        case 6:
          if ((t & 7) !== 0) break;
          m.rssBytes = this.#u64(end);
          continue;
        case 7:
          if ((t & 7) !== 0) break;
          m.ussBytes = this.#u64(end);
          continue;
        case 8:
          if ((t & 7) !== 0) break;
          m.threads = this.#u32(end);
          continue;
        case 9:
          if ((t & 7) !== 0) break;
          m.openFds = this.#u32(end);
          continue;
        case 10:
          if ((t & 7) !== 1) break;
          m.gpuUtilPercent = this.#double(end);
          continue;
        case 11:
          if ((t & 7) !== 0) break;
          m.gpuMemBytes = this.#u64(end);
          continue;
        case 12:
          if ((t & 7) !== 1) break;
          m.loopLagP99Ms = this.#double(end);
          continue;
        case 13:
          if ((t & 7) !== 1) break;
          m.cpuUserMs = this.#double(end);
          continue;
        case 14:
          if ((t & 7) !== 1) break;
          m.cpuSystemMs = this.#double(end);
          continue;
        case 15:
          if ((t & 7) !== 0) break;
          m.pssBytes = this.#u64(end);
          continue;
        case 16:
          if ((t & 7) !== 0) break;
          m.vmsBytes = this.#u64(end);
          continue;
        case 17:
          if ((t & 7) !== 0) break;
          m.ioReadBytes = this.#u64(end);
          continue;
        case 18:
          if ((t & 7) !== 0) break;
          m.ioWriteBytes = this.#u64(end);
          continue;
        case 19:
          if ((t & 7) !== 0) break;
          m.ctxSwitchesVoluntary = this.#u64(end);
          continue;
        case 20:
          if ((t & 7) !== 0) break;
          m.ctxSwitchesInvoluntary = this.#u64(end);
          continue;
        case 21: {
          if ((t & 7) !== 2) break;
          const s = this.#string(end, 2);
          if (s !== '') m.state = s;
          else delete d.state;
          continue;
        }
        case 22:
          if ((t & 7) !== 1) break;
          m.loopLagP50Ms = this.#double(end);
          continue;
        case 23:
          if ((t & 7) !== 1) break;
          m.loopLagMaxMs = this.#double(end);
          continue;
        case 24:
          if ((t & 7) !== 1) break;
          m.loopUtilization = this.#double(end);
          continue;
        case 25: {
          if ((t & 7) !== 0) break;
          const v = this.#u32(end);
          if (v !== 0) m.ppid = v;
          else delete d.ppid;
          continue;
        }
        case 26: {
          if ((t & 7) !== 2) break;
          const s = this.#string(end, 3);
          if (s !== '') m.command = s;
          else delete d.command;
          continue;
        }
        case 27: {
          if ((t & 7) !== 2) break;
          const n = this.#len(end);
          m.errors.push(this.#figureError(this.#pos, this.#pos + n));
          continue;
        }
        default:
          break;
      }
      this.#skip(t & 7, end);
    }
    this.#pos = end;
    // The wire validator's checks for a RESOURCE envelope, in its order.
    const i = this.#index;
    if (!Number.isSafeInteger(ts) || ts < kMinTsMs || ts > this.#nowMs + kMaxFutureMs) {
      throw invalid(i, `tsMs ${ts} is not a plausible epoch time in milliseconds`);
    }
    if (m.runId.length > kMaxNameLength) throw invalid(i, `runId is longer than ${kMaxNameLength} characters`);
    if (pid === 0) throw invalid(i, 'pid must be > 0');
    if (m.component.length > kMaxNameLength) throw invalid(i, `component is longer than ${kMaxNameLength} characters`);
    if (this.#suspect) {
      const r = m as unknown as Record<string, number | null>;
      for (const name of kCheckedDoubles) {
        const x = r[name]!;
        if (x !== null && !(Number.isFinite(x) && x >= 0)) throw invalid(i, `${name} ${String(x)} must be a finite number >= 0`);
      }
    }
    return m;
  }

  #figureError(start: number, end: number): runbus.v1.FigureError {
    const out = new pb.FigureError();
    const d = out as Partial<runbus.v1.FigureError>; // for delete
    this.#pos = start;
    while (this.#pos < end) {
      const t = this.#tag(end);
      const field = t >>> 3;
      if ((field === 1 || field === 2) && (t & 7) === 2) {
        const s = this.#string(end, 3 + field);
        if (field === 1) {
          if (s !== '') out.figure = s;
          else delete d.figure;
        } else if (s !== '') {
          out.reason = s;
        } else {
          delete d.reason;
        }
      } else {
        this.#skip(t & 7, end);
      }
    }
    this.#pos = end;
    return out;
  }

  // The store's view of the snapshot just read: t_snapshot column order.
  #fillRow(m: Snapshot): void {
    const v = this.row.values;
    v[kCol.pid] = m.pid;
    v[kCol.ts] = m.tsMs;
    v[kCol.cpu] = m.cpuPercent ?? null;
    v[kCol.rss] = m.rssBytes ?? null;
    v[kCol.uss] = m.ussBytes ?? null;
    v[kCol.threads] = m.threads ?? null;
    v[kCol.fds] = m.openFds ?? null;
    v[kCol.gpuUtil] = m.gpuUtilPercent ?? null;
    v[kCol.gpuMem] = m.gpuMemBytes ?? null;
    v[kCol.lagP99] = m.loopLagP99Ms ?? null;
    v[kCol.cpuUser] = m.cpuUserMs ?? null;
    v[kCol.cpuSystem] = m.cpuSystemMs ?? null;
    v[kCol.pss] = m.pssBytes ?? null;
    v[kCol.vms] = m.vmsBytes ?? null;
    v[kCol.ioRead] = m.ioReadBytes ?? null;
    v[kCol.ioWrite] = m.ioWriteBytes ?? null;
    v[kCol.ctxVol] = m.ctxSwitchesVoluntary ?? null;
    v[kCol.ctxInvol] = m.ctxSwitchesInvoluntary ?? null;
    v[kCol.state] = m.state === '' ? null : m.state ?? null;
    v[kCol.lagP50] = m.loopLagP50Ms ?? null;
    v[kCol.lagMax] = m.loopLagMaxMs ?? null;
    v[kCol.elu] = m.loopUtilization ?? null;
    v[kCol.ppid] = m.ppid ?? 0;
    v[kCol.command] = m.command === '' ? null : m.command ?? null;
    v[kCol.errors] = m.errors.length === 0 ? null : JSON.stringify(m.errors.map(plainFigureError));
    this.row.runId = m.runId;
    this.row.component = m.component;
  }
}

// Own fields only, figure first: the JSON the store has always written.
function plainFigureError(e: runbus.v1.FigureError.$Properties): { figure?: string | null; reason?: string | null } {
  return { ...(Object.hasOwn(e, 'figure') ? { figure: e.figure } : {}), ...(Object.hasOwn(e, 'reason') ? { reason: e.reason } : {}) };
}

/** Wraps envelope byte ranges back into one `Publish` message for decodeBatch(). */
export function publishOf(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  let size = 0;
  for (const [s, e] of ranges) size += 1 + varintSize(e - s) + (e - s);
  const out = new Uint8Array(size);
  let p = 0;
  for (const [s, e] of ranges) {
    out[p++] = 0x0a; // field 1, length-delimited
    let n = e - s;
    while (n >= 0x80) {
      out[p++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    out[p++] = n;
    out.set(bytes.subarray(s, e), p);
    p += e - s;
  }
  return out;
}

function varintSize(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n >>>= 7;
    size++;
  }
  return size;
}
