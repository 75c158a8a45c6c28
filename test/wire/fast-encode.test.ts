import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, encodeBatchReference, encodeFrame, encodePublishFrame, Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { snapshotOf } from '../support/arbitraries.js';
import { everyTopic, resource } from '../../support/samples.js';

// encodeBatch writes RESOURCE envelopes with a hand-written encoder; it must
// produce exactly the bytes protobufjs produces.

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const u64 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -(2 ** 40), max: -1 }), fc.double({ min: 0, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 32 - 1, 2 ** 53 - 1));
const u32 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));
const dbl = fc.double({ noNaN: false });
// Short and long (past the one-byte length guess: 43+ UTF-16 units, 128+ bytes).
const str = fc.oneof(
  fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constant(''),
  fc.string({ minLength: 40, maxLength: 200 }), fc.string({ unit: 'grapheme', minLength: 38, maxLength: 60 }),
);

const snapshot = snapshotOf({ ts: fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constant(0)), pid: u32, u32, u64, dbl, str });

describe('fast batch encoder', () => {
  it('writes the same bytes as protobufjs for random snapshots', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 8 }), (snaps) => {
        const batch: Envelope[] = snaps.map((payload) => ({ topic: Topic.RESOURCE, payload }));
        expect(hex(encodeBatch(batch))).toBe(hex(encodeBatchReference(batch)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same bytes for mixed topics and for re-encoded decoded messages', () => {
    const batch = everyTopic();
    expect(hex(encodeBatch(batch))).toBe(hex(encodeBatchReference(batch)));
    const decoded = decodeBatch(encodeBatch(batch));
    expect(hex(encodeBatch(decoded))).toBe(hex(encodeBatchReference(decoded)));
  });

  it('writes the same frame bytes as protobufjs’s encodeFrame for publish frames', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 40 }), (snaps) => {
        const envelopes: Envelope[] = snaps.map((payload) => ({ topic: Topic.RESOURCE, payload }));
        expect(hex(encodePublishFrame(envelopes))).toBe(hex(encodeFrame({ kind: 'publish', envelopes })));
      }),
      { numRuns: 500 },
    );
  });

  it('handles a batch larger than its initial buffer', () => {
    const batch: Envelope[] = Array.from({ length: 5000 }, (_, i) => ({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1, component: 'x'.repeat(i % 300) }) }));
    const bytes = encodeBatch(batch);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(hex(bytes)).toBe(hex(encodeBatchReference(batch)));
  });
});
