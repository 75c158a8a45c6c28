// A hand-written WriteRequest encoder (proto/remote.proto) that keeps each
// series' encoded labels between passes: a series' labels are the same
// every second, only its samples change, so a steady pass writes the kept
// label bytes and the new samples and nothing else. Its output decodes to
// what protobufjs encodes from the same input (fast-check equivalence test,
// test/remote-write/encode.test.ts; same-run bench row in
// bench/remote-write.ts), with proto3's rule that a zero or empty field is
// left out, as protobufjs does.
//
//   WriteRequest   1: TimeSeries (len)      ← repeated
//                  3: MetricMetadata (len)  ← repeated
//   TimeSeries     1: Label (len)  ─┐ kept per series: the same bytes each pass
//                                   ┘
//                  2: Sample (len)          ← written each pass
//   Sample         1: double (fixed64), 2: int64 timestamp (varint)
//
// Tags are (field << 3) | wire type: 0x0a, 0x12, 0x1a for length-delimited
// fields 1, 2, 3; 0x09 fixed64 field 1; 0x10 varint field 2.

import { varintLen, writeVarint } from '../wire/varint.js';
import type { FamilyMeta, LabelPair, Series } from './request.js';

const kMetaType: Readonly<Record<FamilyMeta['type'], number>> = { counter: 1, gauge: 2, info: 6 };
/** Series whose labels are kept at most (the oldest go first past it). */
export const kDefaultMaxKeptSeries = 100_000;

const utf8 = new TextEncoder();

/** int64 as protobuf writes it: a negative value is ten bytes of two's complement. */
function int64Len(v: number): number {
  return v >= 0 ? varintLen(v) : 10;
}

function writeInt64(out: Uint8Array, pos: number, v: number): number {
  if (v >= 0) return writeVarint(out, pos, v);
  let u = BigInt.asUintN(64, BigInt(v));
  for (let i = 0; i < 9; i++) {
    out[pos++] = Number(u & 0x7fn) | 0x80;
    u >>= 7n;
  }
  out[pos++] = Number(u);
  return pos;
}

/** A string field (tag, length, UTF-8), left out when empty. */
function stringField(tag: number, s: string): Uint8Array[] {
  if (s === '') return [];
  const b = utf8.encode(s);
  const head = new Uint8Array(1 + varintLen(b.length));
  head[0] = tag;
  writeVarint(head, 1, b.length);
  return [head, b];
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

function lengthDelimited(tag: number, parts: readonly Uint8Array[]): Uint8Array {
  const body = concat(parts);
  const out = new Uint8Array(1 + varintLen(body.length) + body.length);
  out[0] = tag;
  out.set(body, writeVarint(out, 1, body.length));
  return out;
}

/** A TimeSeries' label fields (field 1, each a Label message), as they appear inside it. */
export function encodeLabels(labels: readonly LabelPair[]): Uint8Array {
  const parts = labels.map(([name, value]) => lengthDelimited(0x0a, [...stringField(0x0a, name), ...stringField(0x12, value)]));
  return concat(parts);
}

function encodeMetadata(m: FamilyMeta): Uint8Array {
  const type = kMetaType[m.type];
  return lengthDelimited(0x1a, [new Uint8Array([0x08, type]), ...stringField(0x12, m.name), ...stringField(0x22, m.help)]);
}

function sampleLen(value: number, ts: number): number {
  return (Object.is(value, 0) ? 0 : 9) + (ts === 0 ? 0 : 1 + int64Len(ts));
}

/**
 * Encodes WriteRequests, keeping each series' label bytes under the key the
 * caller names it by (its identity: name and sorted labels) until
 * `forget(key)` or until more than `maxKept` series are kept.
 */
export class WriteRequestEncoder {
  readonly #kept = new Map<string, Uint8Array>();
  readonly #maxKept: number;
  #buf = new Uint8Array(64 * 1024);
  #view = new DataView(this.#buf.buffer);

  constructor(maxKept = kDefaultMaxKeptSeries) {
    this.#maxKept = maxKept;
  }

  /** Series whose labels are kept now. */
  get kept(): number {
    return this.#kept.size;
  }

  /** Drops a series' kept labels (it left: stale, or its run ended). */
  forget(key: string): void {
    this.#kept.delete(key);
  }

  #labels(s: Series, key: string | undefined): Uint8Array {
    if (key === undefined || this.#maxKept === 0) return encodeLabels(s.labels);
    let b = this.#kept.get(key);
    if (b === undefined) {
      b = encodeLabels(s.labels);
      if (this.#kept.size >= this.#maxKept) this.#kept.delete(this.#kept.keys().next().value!);
      this.#kept.set(key, b);
    }
    return b;
  }

  /**
   * The WriteRequest's bytes. `keys[i]` names series i for the label cache
   * (undefined: encode its labels afresh). The result is a view of a buffer
   * the next call overwrites: compress or copy it before encoding again.
   */
  encode(series: readonly Series[], metadata: readonly FamilyMeta[] = [], keys: readonly (string | undefined)[] = []): Uint8Array {
    const labels: Uint8Array[] = new Array<Uint8Array>(series.length);
    const lens: number[] = new Array<number>(series.length);
    let total = 0;
    for (let i = 0; i < series.length; i++) {
      const s = series[i]!;
      const l = this.#labels(s, keys[i]);
      labels[i] = l;
      let n = l.length;
      for (const x of s.samples) {
        const m = sampleLen(x.value, x.timestampMs);
        n += 1 + varintLen(m) + m;
      }
      lens[i] = n;
      total += 1 + varintLen(n) + n;
    }
    const meta = metadata.map(encodeMetadata);
    for (const m of meta) total += m.length;
    if (this.#buf.length < total) {
      this.#buf = new Uint8Array(Math.max(total, this.#buf.length * 2));
      this.#view = new DataView(this.#buf.buffer);
    }
    const out = this.#buf;
    const view = this.#view;
    let pos = 0;
    for (let i = 0; i < series.length; i++) {
      out[pos++] = 0x0a;
      pos = writeVarint(out, pos, lens[i]!);
      const l = labels[i]!;
      out.set(l, pos);
      pos += l.length;
      for (const x of series[i]!.samples) {
        const v = x.value;
        const ts = x.timestampMs;
        out[pos++] = 0x12;
        out[pos++] = sampleLen(v, ts); // at most 20: one byte
        if (!Object.is(v, 0)) {
          out[pos++] = 0x09;
          view.setFloat64(pos, v, true);
          pos += 8;
        }
        if (ts !== 0) {
          out[pos++] = 0x10;
          pos = writeInt64(out, pos, ts);
        }
      }
    }
    for (const m of meta) {
      out.set(m, pos);
      pos += m.length;
    }
    return out.subarray(0, pos);
  }
}
