import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBatch, encodeBatchReference, encodeBatchTransferable, Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { addEnvelopeFast, addResourceFast, beginBatchFast, finishBatchFastTransferable } from '../../src/wire/fast-encode.js';
import { snapshotOf } from '../support/arbitraries.js';
import { everyTopic, resource } from '../../support/samples.js';

// The sampler worker writes its batch one envelope at a time; the bytes must
// be those of the whole-batch encoder (and so of protobufjs).

const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');
const str = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(''), fc.string({ minLength: 40, maxLength: 200 }));
const num = fc.integer({ min: 0, max: 2 ** 40 });
const snapshot = snapshotOf({ ts: fc.integer({ min: 0, max: 2 ** 45 }), pid: fc.integer({ min: 0, max: 2 ** 31 }), u32: fc.integer({ min: 0, max: 2 ** 32 - 1 }), u64: num, dbl: fc.double(), str });

/** Writes `envelopes` one at a time; RESOURCE ones by addResourceFast every other time. */
function streamed(envelopes: readonly Envelope[]): ArrayBuffer {
  const s = beginBatchFast();
  let i = 0;
  for (const e of envelopes) {
    if (e.topic === Topic.RESOURCE && i++ % 2 === 0) addResourceFast(s, e.payload);
    else addEnvelopeFast(s, e);
  }
  return finishBatchFastTransferable(s);
}

describe('fast batch encoder, one envelope at a time', () => {
  it('writes the bytes of the whole-batch encoder, for random snapshots among every other topic', () => {
    const others = everyTopic().filter((e) => e.topic !== Topic.RESOURCE);
    fc.assert(
      fc.property(fc.array(fc.oneof(snapshot.map((payload): Envelope => ({ topic: Topic.RESOURCE, payload })), fc.constantFrom(...others)), { maxLength: 12 }), (batch) => {
        const bytes = streamed(batch);
        expect(bytes).toBeInstanceOf(ArrayBuffer);
        expect(hex(bytes)).toBe(hex(encodeBatchTransferable(batch)));
        expect(hex(bytes)).toBe(hex(encodeBatchReference(batch)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives each batch its own ArrayBuffer, and grows past the initial buffer', () => {
    const big: Envelope[] = Array.from({ length: 3000 }, (_, i) => ({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1, component: 'y'.repeat(i % 200) }) }));
    const a = streamed(big);
    expect(a.byteLength).toBeGreaterThan(64 * 1024);
    const copy = hex(a);
    const b = streamed(big.slice(0, 3));
    expect(hex(a)).toBe(copy);
    expect(hex(a)).toBe(hex(encodeBatchReference(big)));
    expect(hex(b)).toBe(hex(encodeBatchReference(big.slice(0, 3))));
    expect(hex(streamed([]))).toBe('');
  });

  it('refuses to go on with a batch that another encode has ended', () => {
    const s = beginBatchFast();
    addEnvelopeFast(s, { topic: Topic.RESOURCE, payload: resource() });
    encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ pid: 9 }) }]);
    expect(() => addEnvelopeFast(s, { topic: Topic.RESOURCE, payload: resource() })).toThrow(/ended by another encode/);
    expect(() => addResourceFast(s, resource())).toThrow(/ended by another encode/);
    expect(() => finishBatchFastTransferable(s)).toThrow(/ended by another encode/);
    const t = beginBatchFast();
    expect(() => finishBatchFastTransferable(s)).toThrow(/ended by another encode/);
    expect(hex(finishBatchFastTransferable(t))).toBe('');
    expect(() => finishBatchFastTransferable(t)).toThrow(/ended by another encode/);
  });
});
