import { WireError } from '../errors.js';
import { runbus } from './gen/telemetry.js';
import { kCol, kResourceFigures, kSnapshotColumns } from './figures.js';
import { KeptSnapshot } from './kept-snapshot.js';
import { ProtoReader } from './proto-reader.js';
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
 * test/wire/resource-decoder.test.ts checks the store's column view, and
 * test/wire/figures.test.ts the field switch and #fillRow against the figure
 * table (src/wire/figures.ts). The primitive reads are in proto-reader.ts.
 */

/** Doubles the validator requires finite and >= 0 (every double of the figure table). */
const kCheckedDoubles: readonly string[] = kResourceFigures.filter((f) => f.type === 'double').map((f) => f.key);

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

export class BatchScanner extends ProtoReader {
  readonly #end: number;
  readonly #nowMs: number;
  #index = -1;
  readonly #columns: boolean;
  /** The bytes, when snapshots keep their encoding in them. */
  readonly #keep: Uint8Array | null;
  /** A 64-bit figure of the snapshot being read was past 2^53 (not kept). */
  #wide = false;

  /** The snapshot just read by next() === 'resource', as protobufjs's decoder builds it (validated). */
  snapshot: Snapshot | null = null;
  /** The same in t_snapshot column order (only when constructed with `columns`). */
  readonly row: ResourceRow = { values: new Array<number | string | null>(kSnapshotColumns).fill(null), runId: '', component: '' };
  /** Byte range of the envelope just read by next() === 'other'. */
  otherStart = 0;
  otherEnd = 0;

  /**
   * Reads the `Publish` message in bytes[start, end); `columns` false skips
   * filling `row` (the codec reads `snapshot` only); `keep` makes each
   * snapshot a {@link KeptSnapshot} of its bytes (the caller must never change them).
   */
  constructor(bytes: Uint8Array, nowMs: number, start = 0, end = bytes.byteLength, columns = true, keep = false) {
    super(bytes, start);
    this.#columns = columns;
    this.#keep = keep ? bytes : null;
    this.#end = end;
    this.#nowMs = nowMs;
  }

  /** Index of the envelope just read. */
  get index(): number {
    return this.#index;
  }

  /** Reads the next envelope: 'resource' (see row), 'other' (see otherStart/End) or 'done'. */
  next(): 'resource' | 'other' | 'done' {
    while (this.pos < this.#end) {
      const tag = this.tag(this.#end);
      if (tag !== 0x0a) {
        // Not an envelope (field 1, length-delimited): unknown, skipped.
        this.skip(tag & 7, this.#end);
        continue;
      }
      const n = this.len(this.#end);
      const start = this.pos;
      const end = start + n;
      this.#index++;
      // Envelope: find the topic and the payload field(s).
      let topic = 0;
      let payloadField = 0;
      let payloads = 0;
      let pStart = 0;
      let pLen = 0;
      while (this.pos < end) {
        const t = this.tag(end);
        const field = t >>> 3;
        const wt = t & 7;
        if (field === 1 && wt === 0) {
          topic = this.u32(end) | 0;
        } else if (field >= 2 && field <= 8 && wt === 2) {
          pLen = this.len(end);
          pStart = this.pos;
          this.pos += pLen;
          payloadField = field;
          payloads++;
        } else {
          this.skip(wt, end);
        }
      }
      this.pos = end;
      // Anything unusual (another topic, a payload that does not match its
      // topic, a payload given twice and merged) goes the general way.
      if (topic !== 1 || payloadField !== 2 || payloads !== 1) {
        this.otherStart = start;
        this.otherEnd = end;
        return 'other';
      }
      const m = this.#resource(pStart, pStart + pLen);
      this.pos = end;
      this.snapshot = m;
      if (this.#columns) this.#fillRow(m);
      return 'resource';
    }
    return 'done';
  }

  // One switch over field numbers, as protobufjs's generated decoder has,
  // writing into the same message class with the same rules: a field of the
  // wrong wire type is skipped as unknown, the last of a repeated scalar
  // wins, a proto3 scalar at 0/"" is left out (and clears an earlier one),
  // an optional is kept whenever present.
  #resource(start: number, end: number): Snapshot {
    const keep = this.#keep;
    const kept = keep === null ? null : new KeptSnapshot();
    const m = kept ?? new Snapshot();
    const d = m as Partial<Snapshot>; // for delete
    let ts = 0;
    let pid = 0;
    this.suspect = false;
    this.#wide = false;
    this.pos = start;
    while (this.pos < end) {
      const t = this.tag(end);
      switch (t >>> 3) {
        case 1:
          if ((t & 7) !== 0) break;
          ts = this.i64(end);
          if (ts !== 0) m.tsMs = ts;
          else delete d.tsMs;
          continue;
        case 2: {
          if ((t & 7) !== 2) break;
          const s = this.string(end, 0);
          if (s !== '') m.runId = s;
          else delete d.runId;
          continue;
        }
        case 3: {
          if ((t & 7) !== 2) break;
          const s = this.string(end, 1);
          if (s !== '') m.component = s;
          else delete d.component;
          continue;
        }
        case 4:
          if ((t & 7) !== 0) break;
          pid = this.u32(end);
          if (pid !== 0) m.pid = pid;
          else delete d.pid;
          continue;
        case 5:
          if ((t & 7) !== 1) break;
          m.cpuPercent = this.double(end);
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
          m.threads = this.u32(end);
          continue;
        case 9:
          if ((t & 7) !== 0) break;
          m.openFds = this.u32(end);
          continue;
        case 10:
          if ((t & 7) !== 1) break;
          m.gpuUtilPercent = this.double(end);
          continue;
        case 11:
          if ((t & 7) !== 0) break;
          m.gpuMemBytes = this.#u64(end);
          continue;
        case 12:
          if ((t & 7) !== 1) break;
          m.loopLagP99Ms = this.double(end);
          continue;
        case 13:
          if ((t & 7) !== 1) break;
          m.cpuUserMs = this.double(end);
          continue;
        case 14:
          if ((t & 7) !== 1) break;
          m.cpuSystemMs = this.double(end);
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
          const s = this.string(end, 2);
          if (s !== '') m.state = s;
          else delete d.state;
          continue;
        }
        case 22:
          if ((t & 7) !== 1) break;
          m.loopLagP50Ms = this.double(end);
          continue;
        case 23:
          if ((t & 7) !== 1) break;
          m.loopLagMaxMs = this.double(end);
          continue;
        case 24:
          if ((t & 7) !== 1) break;
          m.loopUtilization = this.double(end);
          continue;
        case 25: {
          if ((t & 7) !== 0) break;
          const v = this.u32(end);
          if (v !== 0) m.ppid = v;
          else delete d.ppid;
          continue;
        }
        case 26: {
          if ((t & 7) !== 2) break;
          const s = this.string(end, 3);
          if (s !== '') m.command = s;
          else delete d.command;
          continue;
        }
        case 27: {
          if ((t & 7) !== 2) break;
          const n = this.len(end);
          m.errors.push(this.#figureError(this.pos, this.pos + n));
          continue;
        }
        case 28:
          if ((t & 7) !== 0) break;
          m.heapUsedBytes = this.#u64(end);
          continue;
        case 29:
          if ((t & 7) !== 0) break;
          m.heapTotalBytes = this.#u64(end);
          continue;
        case 30:
          if ((t & 7) !== 0) break;
          m.externalBytes = this.#u64(end);
          continue;
        case 31:
          if ((t & 7) !== 0) break;
          m.arrayBuffersBytes = this.#u64(end);
          continue;
        case 32:
          if ((t & 7) !== 1) break;
          m.gcMinorMs = this.double(end);
          continue;
        case 33:
          if ((t & 7) !== 1) break;
          m.gcMajorMs = this.double(end);
          continue;
        case 34:
          if ((t & 7) !== 1) break;
          m.gcIncrementalMs = this.double(end);
          continue;
        case 35:
          if ((t & 7) !== 1) break;
          m.gcWeakcbMs = this.double(end);
          continue;
        case 36:
          if ((t & 7) !== 0) break;
          m.activeResources = this.u32(end);
          continue;
        default:
          break;
      }
      this.skip(t & 7, end);
    }
    this.pos = end;
    // The wire validator's checks for a RESOURCE envelope, in its order.
    const i = this.#index;
    if (!Number.isSafeInteger(ts) || ts < kMinTsMs || ts > this.#nowMs + kMaxFutureMs) {
      throw invalid(i, `tsMs ${ts} is not a plausible epoch time in milliseconds`);
    }
    if (m.runId.length > kMaxNameLength) throw invalid(i, `runId is longer than ${kMaxNameLength} characters`);
    if (pid === 0) throw invalid(i, 'pid must be > 0');
    if (m.component.length > kMaxNameLength) throw invalid(i, `component is longer than ${kMaxNameLength} characters`);
    if (this.suspect) {
      const r = m as unknown as Record<string, number | null>;
      for (const name of kCheckedDoubles) {
        const x = r[name]!;
        if (x !== null && !(Number.isFinite(x) && x >= 0)) throw invalid(i, `${name} ${String(x)} must be a finite number >= 0`);
      }
    }
    if (keep !== null && kept !== null && !this.#wide) KeptSnapshot.keep(kept, keep, start, end);
    return m;
  }

  // A 64-bit figure; past 2^53 the double is rounded and would encode otherwise.
  #u64(end: number): number {
    const v = this.u64(end);
    if (this.hi >= 0x200000) this.#wide = true;
    return v;
  }

  #figureError(start: number, end: number): runbus.v1.FigureError {
    const out = new pb.FigureError();
    const d = out as Partial<runbus.v1.FigureError>; // for delete
    this.pos = start;
    while (this.pos < end) {
      const t = this.tag(end);
      const field = t >>> 3;
      if ((field === 1 || field === 2) && (t & 7) === 2) {
        const s = this.string(end, 3 + field);
        if (field === 1) {
          if (s !== '') out.figure = s;
          else delete d.figure;
        } else if (s !== '') {
          out.reason = s;
        } else {
          delete d.reason;
        }
      } else {
        this.skip(t & 7, end);
      }
    }
    this.pos = end;
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
    v[kCol.heapUsed] = m.heapUsedBytes ?? null;
    v[kCol.heapTotal] = m.heapTotalBytes ?? null;
    v[kCol.external] = m.externalBytes ?? null;
    v[kCol.arrayBuffers] = m.arrayBuffersBytes ?? null;
    v[kCol.gcMinor] = m.gcMinorMs ?? null;
    v[kCol.gcMajor] = m.gcMajorMs ?? null;
    v[kCol.gcIncremental] = m.gcIncrementalMs ?? null;
    v[kCol.gcWeakcb] = m.gcWeakcbMs ?? null;
    v[kCol.activeResources] = m.activeResources ?? null;
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
