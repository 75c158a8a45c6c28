import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePublishFast } from '../../src/wire/codec.js';
import { decodeBatch, decodeBatchReference, decodeFrame, decodeFrameReference, encodeBatch, encodeFrame, Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { snapshotOf } from '../support/arbitraries.js';
import { everyTopic, kTs, resource } from '../../support/samples.js';
import { agreesAt, mutated, outcome } from '../support/decode-outcome.js';
import type { Outcome } from '../support/decode-outcome.js';

// decodeBatch and decodeFrame read RESOURCE envelopes with src/wire's own
// scanner and fall back to protobufjs for anything it refuses. Whatever the
// bytes, they must give exactly what protobufjs's decoder + validateEnvelope
// give: the same messages (same class, same own fields), or the same error.

const kNow = kTs + 1000;

const agreesOnBatch = (bytes: Uint8Array): { fast: Envelope[] | null; ref: Outcome } => agreesAt(bytes, kNow);

const u64 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 32 - 1, 2 ** 53 - 1));
const u32 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));
// Mostly valid figures, sometimes ones the validator refuses.
const dbl = fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) }, { weight: 1, arbitrary: fc.double() });
const str = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constant(''), fc.constant('\uFEFFbom'));
const ts = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: kTs - 1e10, max: kNow }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) });

const pid = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 2 ** 32 - 1 }) }, { weight: 1, arbitrary: fc.constant(0) });
const snapshot = snapshotOf({ ts, pid, u32, u64, dbl, str });

const envelopes = fc.array(
  fc.oneof({ weight: 6, arbitrary: snapshot.map((payload): Envelope => ({ topic: Topic.RESOURCE, payload })) }, { weight: 1, arbitrary: fc.constantFrom(...everyTopic()) }),
  { maxLength: 12 },
);

// Hand-written protobuf, for encodings our encoder never writes.
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
const field = (no: number, wt: number): number[] => varint(no * 8 + wt);
const lenField = (no: number, body: number[]): number[] => [...field(no, 2), ...varint(body.length), ...body];
const utf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')];
const snapBytes = (over: number[] = []): number[] => [...field(1, 0), ...varint(kTs), ...lenField(2, utf8('run')), ...lenField(3, utf8('comp')), ...field(4, 0), ...varint(77), ...over];
const batchOf = (...snaps: number[][]): Uint8Array => Uint8Array.from(snaps.flatMap((s) => lenField(1, [...field(1, 0), 1, ...lenField(2, s)])));

describe('fast RESOURCE decoding agrees with protobufjs', () => {
  it('takes the fast path for every batch the encoder writes, and decodes it exactly as protobufjs does', () => {
    fc.assert(
      fc.property(envelopes, (envs) => {
        const { fast, ref } = agreesOnBatch(encodeBatch(envs));
        if ('ok' in ref) expect(fast).not.toBeNull();
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same messages or refuses, on mutated batches and random bytes', () => {
    const valid = envelopes.map((e) => encodeBatch(e));
    fc.assert(fc.property(fc.oneof(mutated(valid), fc.uint8Array({ maxLength: 300 })), (bytes) => {
      agreesOnBatch(bytes);
    }), { numRuns: 4000 });
  });

  it('decodeBatch throws exactly the reference error (code and message)', () => {
    const valid = envelopes.map((e) => encodeBatch(e));
    fc.assert(fc.property(fc.oneof(mutated(valid), envelopes.map((e) => encodeBatch(e))), (bytes) => {
      const ref = outcome(() => decodeBatchReference(bytes));
      const got = outcome(() => decodeBatch(bytes));
      if ('ok' in ref) expect(got).toStrictEqual(ref);
      else expect(got).toEqual(ref);
    }), { numRuns: 2000 });
  });

  it('decodeFrame agrees with the reference on publish frames and on anything else', () => {
    const frames = envelopes.map((envs) => encodeFrame({ kind: 'publish', envelopes: envs }).subarray(0));
    // Bodies without the length prefix, as the frame reader hands them over.
    const bodies = frames.map((f) => {
      let p = 0;
      while (f[p]! & 0x80) p++;
      return f.subarray(p + 1);
    });
    fc.assert(fc.property(fc.oneof(bodies, mutated(bodies), fc.uint8Array({ maxLength: 200 })), (body) => {
      const ref = outcome(() => decodeFrameReference(body));
      const got = outcome(() => decodeFrame(body));
      if ('ok' in ref) expect(got).toStrictEqual(ref);
      else expect(got).toMatchObject({ code: ref.code });
    }), { numRuns: 3000 });
  });

  it('handles, or hands to protobufjs, the encodings protobuf allows and our encoder never writes', () => {
    const cases: [string, Uint8Array][] = [
      ['unknown fields in a snapshot', batchOf(snapBytes([...field(40, 0), 5, ...lenField(41, [1, 2]), ...field(42, 1), 1, 2, 3, 4, 5, 6, 7, 8, ...field(43, 5), 1, 2, 3, 4]))],
      ['a known field with the wrong wire type', batchOf(snapBytes([...field(5, 0), 3, ...field(6, 1), 1, 2, 3, 4, 5, 6, 7, 8]))],
      ['a field given twice (last wins; "" clears)', batchOf(snapBytes([...field(4, 0), 78, ...lenField(2, []), ...field(8, 0), 1, ...field(8, 0), 2]))],
      ['a two-byte tag for a one-byte field', batchOf(snapBytes([0xc0, 0x00, 9]))],
      ['a ten-byte varint in a uint32 field', batchOf(snapBytes([...field(9, 0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))],
      ['a six-byte tag', batchOf(snapBytes([0xc8, 0x80, 0x80, 0x80, 0x80, 0x00, 1]))],
      ['field number 0', batchOf(snapBytes([...field(0, 0), 1]))],
      ['a group', batchOf(snapBytes([...field(44, 3), ...field(1, 0), 1, ...field(44, 4)]))],
      ['invalid UTF-8', batchOf(snapBytes(lenField(21, [0xc3, 0x28])))],
      ['a BOM at the start of a string', batchOf(snapBytes(lenField(26, utf8('\uFEFFnode'))))],
      ['errors with empty and repeated figures', batchOf(snapBytes([...lenField(27, [...lenField(1, utf8('a')), ...lenField(1, [])]), ...lenField(27, [...lenField(2, utf8('r')), ...field(3, 0), 1])]))],
      ['a payload given twice (merged)', Uint8Array.from(lenField(1, [...field(1, 0), 1, ...lenField(2, snapBytes()), ...lenField(2, [...field(5, 1), 0, 0, 0, 0, 0, 0, 0x24, 0x40])]))],
      ['an envelope with the payload before the topic', Uint8Array.from(lenField(1, [...lenField(2, snapBytes()), ...field(1, 0), 1]))],
      ['unknown fields in the envelope and the batch', Uint8Array.from([...lenField(1, [...field(1, 0), 1, ...field(9, 0), 1, ...lenField(2, snapBytes())]), ...field(2, 0), 7])],
      ['an over-long length', Uint8Array.from([...field(1, 2), 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])],
    ];
    for (const [name, bytes] of cases) {
      const ref = outcome(() => decodeBatchReference(bytes, kNow));
      const fast = decodePublishFast(bytes, 0, bytes.length, kNow, 0);
      if ('ok' in ref) {
        if (fast !== null) expect(fast, name).toStrictEqual(ref.ok);
      } else {
        expect(fast, name).toBeNull();
      }
    }
    // The everyday shapes among them stay on the fast path.
    for (const i of [0, 1, 2, 3, 4, 9, 10, 12, 13]) expect(decodePublishFast(cases[i]![1], 0, cases[i]![1].length, kNow, 0), cases[i]![0]).not.toBeNull();
  });

  it('keeps an absent figure absent and a zero a zero, like protobufjs', () => {
    const [e] = decodeBatch(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ cpuPercent: 0, rssBytes: undefined, state: '', ppid: 0 }) }]));
    const p = e!.payload as unknown as Record<string, unknown>;
    expect(p.cpuPercent).toBe(0);
    expect(Object.hasOwn(p, 'rssBytes')).toBe(false);
    expect(p.rssBytes).toBeNull();
    expect(Object.hasOwn(p, 'state')).toBe(false);
    expect(p.state).toBe('');
    expect(p.ppid).toBe(0);
  });
});
