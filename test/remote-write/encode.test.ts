// The hand-written WriteRequest encoder against protobufjs: for any series
// and metadata, its bytes decode (with protobufjs) to the same WriteRequest
// as protobufjs's own encoding of the same input — also when the labels come
// from its cache, after the series' samples changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WriteRequestEncoder } from '../../src/remote-write/encode.js';
import { prometheus } from '../../src/remote-write/gen/remote.js';
import { encodeWriteRequest, encodeWriteRequestProtobufjs } from '../../src/remote-write/request.js';
import type { FamilyMeta, LabelPair, Series } from '../../src/remote-write/request.js';

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constant(''));
const value = fc.oneof(fc.double(), fc.constant(0), fc.constant(-0), fc.integer().map(Number));
const timestamp = fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constant(0), fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(Number.MIN_SAFE_INTEGER));
const sample = fc.record({ value, timestampMs: timestamp });
const labels = fc.array(fc.tuple(text, text).map(([n, v]): LabelPair => [n, v]), { maxLength: 8 });
const series = fc.array(fc.record({ labels, samples: fc.array(sample, { maxLength: 5 }) }), { maxLength: 12 });
const metadata = fc.array(fc.record({ name: text, type: fc.constantFrom<FamilyMeta['type']>('gauge', 'counter', 'info'), help: text }), { maxLength: 4 });

function decoded(bytes: Uint8Array): unknown {
  return prometheus.WriteRequest.toObject(prometheus.WriteRequest.decode(bytes), { longs: String, defaults: true });
}

describe('hand-written WriteRequest encoder', () => {
  it('decodes to what protobufjs encodes, metadata included', () => {
    fc.assert(fc.property(series, metadata, (ss, meta) => {
      expect(decoded(encodeWriteRequest(ss, meta))).toEqual(decoded(encodeWriteRequestProtobufjs(ss, meta)));
    }), { numRuns: 500 });
  });

  it('writes the bytes protobufjs writes', () => {
    fc.assert(fc.property(series, metadata, (ss, meta) => {
      expect(Buffer.from(encodeWriteRequest(ss, meta)).equals(Buffer.from(encodeWriteRequestProtobufjs(ss, meta)))).toBe(true);
    }), { numRuns: 300 });
  });

  it('with kept labels: new samples under the same keys still decode right, and a forgotten key is encoded afresh', () => {
    fc.assert(fc.property(series, fc.array(sample, { minLength: 1, maxLength: 5 }), (ss, next) => {
      const enc = new WriteRequestEncoder(4);
      const keys = ss.map((_, i) => `k${i}`);
      enc.encode(ss, [], keys);
      expect(enc.kept).toBe(Math.min(4, ss.length));
      // The same series, new samples; the label bytes come from the cache.
      const later: Series[] = ss.map((s) => ({ labels: s.labels, samples: next }));
      expect(decoded(enc.encode(later, [], keys))).toEqual(decoded(encodeWriteRequestProtobufjs(later)));
      if (ss.length > 0) {
        enc.forget('k0');
        const changed: Series[] = [{ labels: [['__name__', 'other']], samples: next }];
        expect(decoded(enc.encode(changed, [], ['k0']))).toEqual(decoded(encodeWriteRequestProtobufjs(changed)));
      }
    }), { numRuns: 200 });
  });
});
