import { WireError } from '../errors.js';
import { kMaxFutureMs, kMaxNameLength, kMinTsMs } from '../wire/index.js';

// A single-pass reader of encoded `Publish` batches for the writer's hot path.
// RESOURCE envelopes (nearly all of the volume) are read straight from the
// bytes into the t_snapshot column order, without building message objects;
// every other envelope is handed back as a byte range for the wire codec.
// It applies the same checks as the wire validator (src/wire/validate.ts) to
// a RESOURCE envelope; test/store/resource-decoder.test.ts checks it agrees
// with decodeBatch() on every value.
//
//   Publish   { 1: Envelope (len) }*
//   Envelope  { 1: topic (varint), 2..8: payload (len) }
//   Resource  { 1 ts, 2 run_id, 3 component, 4 pid, 5.. figures, 27: FigureError* }

/** Column index in t_snapshot (and in ResourceRow.values) of each figure. */
export const kCol = {
  run: 0, comp: 1, pid: 2, ts: 3, cpu: 4, rss: 5, uss: 6, threads: 7, fds: 8, gpuUtil: 9, gpuMem: 10, lagP99: 11,
  cpuUser: 12, cpuSystem: 13, pss: 14, vms: 15, ioRead: 16, ioWrite: 17, ctxVol: 18, ctxInvol: 19, state: 20,
  lagP50: 21, lagMax: 22, elu: 23, ppid: 24, command: 25, errors: 26,
} as const;
export const kSnapshotColumns = 27;

// proto field number → column, and how it is encoded.
const enum Kind {
  Double = 1,
  U64 = 2,
  U32 = 3,
}
const kFieldCol: (readonly [number, Kind] | undefined)[] = [];
const fig = (field: number, col: number, kind: Kind): void => {
  kFieldCol[field] = [col, kind];
};
fig(4, kCol.pid, Kind.U32);
fig(5, kCol.cpu, Kind.Double);
fig(6, kCol.rss, Kind.U64);
fig(7, kCol.uss, Kind.U64);
fig(8, kCol.threads, Kind.U32);
fig(9, kCol.fds, Kind.U32);
fig(10, kCol.gpuUtil, Kind.Double);
fig(11, kCol.gpuMem, Kind.U64);
fig(12, kCol.lagP99, Kind.Double);
fig(13, kCol.cpuUser, Kind.Double);
fig(14, kCol.cpuSystem, Kind.Double);
fig(15, kCol.pss, Kind.U64);
fig(16, kCol.vms, Kind.U64);
fig(17, kCol.ioRead, Kind.U64);
fig(18, kCol.ioWrite, Kind.U64);
fig(19, kCol.ctxVol, Kind.U64);
fig(20, kCol.ctxInvol, Kind.U64);
fig(22, kCol.lagP50, Kind.Double);
fig(23, kCol.lagMax, Kind.Double);
fig(24, kCol.elu, Kind.Double);
fig(25, kCol.ppid, Kind.U32);

/** Doubles the validator requires finite and >= 0 (wire kDoubles.resource). */
const kCheckedDoubles: readonly [number, string][] = [
  [kCol.cpu, 'cpuPercent'],
  [kCol.gpuUtil, 'gpuUtilPercent'],
  [kCol.lagP99, 'loopLagP99Ms'],
  [kCol.cpuUser, 'cpuUserMs'],
  [kCol.cpuSystem, 'cpuSystemMs'],
  [kCol.lagP50, 'loopLagP50Ms'],
  [kCol.lagMax, 'loopLagMaxMs'],
  [kCol.elu, 'loopUtilization'],
];

const kTwo32 = 4294967296;
const kUtf8 = new TextDecoder('utf-8', { fatal: true });

function truncated(): WireError {
  return new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: index out of range');
}
function invalid(index: number, what: string): WireError {
  return new WireError('ERR_WIRE_INVALID', `envelope ${index} (resource): ${what}`);
}

/** A RESOURCE envelope read by {@link BatchScanner}. */
export interface ResourceRow {
  /** t_snapshot column order; run and comp are left for the caller. */
  readonly values: (number | string | null)[];
  runId: string;
  component: string;
}

export class BatchScanner {
  readonly #buf: Uint8Array;
  readonly #view: DataView;
  #pos = 0;
  readonly #end: number;
  readonly #nowMs: number;
  #index = -1;
  // Varint result, as two unsigned 32-bit halves.
  #lo = 0;
  #hi = 0;
  // Strings decoded so far, by a hash of their bytes: run ids, components,
  // states and commands repeat from row to row, so UTF-8 decoding is rare.
  readonly #strings = new Map<number, { bytes: Uint8Array; value: string }>();

  /** The envelope just read by next() === 'resource'. */
  readonly row: ResourceRow = { values: new Array<number | string | null>(kSnapshotColumns).fill(null), runId: '', component: '' };
  /** Byte range of the envelope just read by next() === 'other'. */
  otherStart = 0;
  otherEnd = 0;

  constructor(bytes: Uint8Array, nowMs: number) {
    this.#buf = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#end = bytes.byteLength;
    this.#nowMs = nowMs;
  }

  /** Index of the envelope just read. */
  get index(): number {
    return this.#index;
  }

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
      if (b >= 0x80) throw new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: invalid varint encoding');
    }
    this.#lo = lo >>> 0;
    this.#hi = hi >>> 0;
  }

  #len(limit: number): number {
    this.#varint(limit);
    const n = this.#lo;
    if (this.#hi !== 0 || this.#pos + n > limit) throw truncated();
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
      case 2:
        this.#pos += this.#len(limit);
        return;
      case 5:
        this.#pos += 4;
        break;
      default:
        throw new WireError('ERR_WIRE_UNDECODABLE', `batch does not decode: wire type ${wireType} at offset ${this.#pos}`);
    }
    if (this.#pos > limit) throw truncated();
  }

  #str(start: number, len: number): string {
    if (len === 0) return '';
    const buf = this.#buf;
    const end = start + len;
    let h = len;
    for (let i = start; i < end; ++i) h = (Math.imul(h, 31) + buf[i]!) | 0;
    const hit = this.#strings.get(h);
    if (hit !== undefined && hit.bytes.length === len) {
      const b = hit.bytes;
      let i = 0;
      while (i < len && b[i] === buf[start + i]) ++i;
      if (i === len) return hit.value;
    }
    let value: string;
    try {
      value = kUtf8.decode(buf.subarray(start, end));
    } catch (err) {
      throw new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: invalid UTF-8 in a string', { cause: err });
    }
    // Bounded: a batch full of distinct strings only churns the cache.
    if (this.#strings.size >= 1024) this.#strings.clear();
    this.#strings.set(h, { bytes: buf.slice(start, end), value });
    return value;
  }

  /** Reads the next envelope: 'resource' (see row), 'other' (see otherStart/End) or 'done'. */
  next(): 'resource' | 'other' | 'done' {
    while (this.#pos < this.#end) {
      this.#varint(this.#end);
      const tag = this.#lo;
      if (tag >>> 3 !== 1 || (tag & 7) !== 2) {
        if (this.#hi !== 0) throw new WireError('ERR_WIRE_UNDECODABLE', 'batch does not decode: invalid tag');
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
        this.#varint(end);
        const t = this.#lo;
        const field = t >>> 3;
        const wt = t & 7;
        if (field === 1 && wt === 0) {
          this.#varint(end);
          topic = this.#lo | 0;
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
      this.#resource(pStart, pStart + pLen);
      return 'resource';
    }
    return 'done';
  }

  #resource(start: number, end: number): void {
    const v = this.row.values;
    v.fill(null);
    v[kCol.pid] = 0;
    v[kCol.ppid] = 0;
    let ts = 0;
    let runId = '';
    let component = '';
    let errors: { figure?: string; reason?: string }[] | undefined;
    this.#pos = start;
    while (this.#pos < end) {
      this.#varint(end);
      const t = this.#lo;
      const field = t >>> 3;
      const wt = t & 7;
      const spec = kFieldCol[field];
      if (spec !== undefined) {
        const [col, kind] = spec;
        if (kind === Kind.Double) {
          if (wt !== 1) {
            this.#skip(wt, end);
            continue;
          }
          if (this.#pos + 8 > end) throw truncated();
          v[col] = this.#view.getFloat64(this.#pos, true);
          this.#pos += 8;
        } else {
          if (wt !== 0) {
            this.#skip(wt, end);
            continue;
          }
          this.#varint(end);
          v[col] = kind === Kind.U64 ? this.#hi * kTwo32 + this.#lo : this.#lo;
        }
        continue;
      }
      switch (field) {
        case 1:
          if (wt !== 0) break;
          this.#varint(end);
          // int64: two's complement over the two halves.
          ts = this.#hi & 0x80000000 ? -((~this.#hi >>> 0) * kTwo32 + (~this.#lo >>> 0) + 1) : this.#hi * kTwo32 + this.#lo;
          continue;
        case 2:
        case 3:
        case 21:
        case 26: {
          if (wt !== 2) break;
          const n = this.#len(end);
          const s = this.#str(this.#pos, n);
          this.#pos += n;
          if (field === 2) runId = s;
          else if (field === 3) component = s;
          else v[field === 21 ? kCol.state : kCol.command] = s === '' ? null : s;
          continue;
        }
        case 27: {
          if (wt !== 2) break;
          const n = this.#len(end);
          (errors ??= []).push(this.#figureError(this.#pos, this.#pos + n));
          continue;
        }
        default:
          break;
      }
      this.#skip(wt, end);
    }
    this.#pos = end;
    // The wire validator's checks for a RESOURCE envelope.
    const i = this.#index;
    if (!Number.isSafeInteger(ts) || ts < kMinTsMs || ts > this.#nowMs + kMaxFutureMs) {
      throw invalid(i, `tsMs ${ts} is not a plausible epoch time in milliseconds`);
    }
    if (runId.length > kMaxNameLength) throw invalid(i, `runId is longer than ${kMaxNameLength} characters`);
    if (v[kCol.pid] === 0) throw invalid(i, 'pid must be > 0');
    if (component.length > kMaxNameLength) throw invalid(i, `component is longer than ${kMaxNameLength} characters`);
    for (const [col, name] of kCheckedDoubles) {
      const d = v[col] as number | null;
      if (d !== null && !(Number.isFinite(d) && d >= 0)) throw invalid(i, `${name} ${String(d)} must be a finite number >= 0`);
    }
    v[kCol.ts] = ts;
    v[kCol.errors] = errors === undefined ? null : JSON.stringify(errors);
    this.row.runId = runId;
    this.row.component = component;
  }

  #figureError(start: number, end: number): { figure?: string; reason?: string } {
    const out: { figure?: string; reason?: string } = {};
    this.#pos = start;
    while (this.#pos < end) {
      this.#varint(end);
      const field = this.#lo >>> 3;
      const wt = this.#lo & 7;
      if ((field === 1 || field === 2) && wt === 2) {
        const n = this.#len(end);
        const s = this.#str(this.#pos, n);
        this.#pos += n;
        if (s !== '') {
          if (field === 1) out.figure = s;
          else out.reason = s;
        }
      } else {
        this.#skip(wt, end);
      }
    }
    this.#pos = end;
    return out;
  }
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
