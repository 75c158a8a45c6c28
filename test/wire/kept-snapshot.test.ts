import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatch, decodeBatchKeepingBytes } from '../../src/wire/codec.js';
import { KeptSnapshot } from '../../src/wire/kept-snapshot.js';
import { encodeBatch, encodeBatchTransferable, encodePublishFrame, Topic } from '../../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../../src/wire/index.js';
import { opt, snapshotOf } from '../support/arbitraries.js';
import { everyTopic, resource } from '../../support/samples.js';

// decodeBatchKeepingBytes: RESOURCE payloads keep their bytes in the batch,
// and the encoders copy them. The bytes must be exactly those of encoding the
// decoded payloads afresh.

const hex = (b: Uint8Array | ArrayBuffer) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

const kU64Keys = [
  'rssBytes', 'ussBytes', 'gpuMemBytes', 'pssBytes', 'vmsBytes', 'ioReadBytes', 'ioWriteBytes', 'ctxSwitchesVoluntary',
  'ctxSwitchesInvoluntary', 'heapUsedBytes', 'heapTotalBytes', 'externalBytes', 'arrayBuffersBytes',
] as const;

// What the fast encoder may be handed, within what the decoder accepts:
// 64-bit figures negative, fractional or past 2^53 included.
const u64 = fc.oneof(
  fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -(2 ** 40), max: -1 }),
  fc.double({ min: 0, max: 1e15, noNaN: true }), fc.constantFrom(2 ** 53, 2 ** 53 + 2, 2 ** 60, 2 ** 64 - 2 ** 11, 2 ** 64),
);
const u32 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: -5, max: -1 }));
const dbl = fc.oneof(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.constant(-0));
const str = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constant(''), fc.string({ minLength: 40, maxLength: 200 }));
const snapshot: fc.Arbitrary<ResourceSnapshot> = fc
  .tuple(
    snapshotOf({ ts: fc.integer({ min: 946_684_800_000, max: Date.now() }), pid: fc.integer({ min: 1, max: 2 ** 32 - 1 }), u32, u64, dbl, str }),
    fc.record({
      heapUsedBytes: opt(u64), heapTotalBytes: opt(u64), externalBytes: opt(u64), arrayBuffersBytes: opt(u64),
      gcMinorMs: opt(dbl), gcMajorMs: opt(dbl), gcIncrementalMs: opt(dbl), gcWeakcbMs: opt(dbl), activeResources: opt(u32),
    }),
  )
  .map(([a, b]) => ({ ...a, ...b }));

const batch = fc.array(fc.oneof({ weight: 4, arbitrary: snapshot.map((payload): Envelope => ({ topic: Topic.RESOURCE, payload })) }, fc.constantFrom(...everyTopic())), { maxLength: 12 });

/** The same envelopes with RESOURCE payloads as plain objects: nothing kept. */
const afresh = (list: readonly Envelope[]): Envelope[] => list.map((e) => (e.topic === Topic.RESOURCE ? { topic: e.topic, payload: { ...e.payload } } : e));

describe('payloads that keep their bytes', () => {
  it('encode to the bytes of encoding them afresh, by every encoder', () => {
    fc.assert(
      fc.property(batch, (envelopes) => {
        const decoded = decodeBatchKeepingBytes(encodeBatch(envelopes));
        const fresh = afresh(decoded);
        expect(hex(encodeBatch(decoded))).toBe(hex(encodeBatch(fresh)));
        expect(hex(encodeBatchTransferable(decoded))).toBe(hex(encodeBatchTransferable(fresh)));
        expect(hex(encodePublishFrame(decoded))).toBe(hex(encodePublishFrame(fresh)));
        // Each keeps its bytes, but for a 64-bit figure past 2^53.
        for (const e of decoded) {
          if (e.topic !== Topic.RESOURCE) continue;
          const wide = kU64Keys.some((k) => (e.payload[k] ?? 0) >= 2 ** 53);
          expect(KeptSnapshot.keptLength(e.payload) >= 0).toBe(!wide);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('are copied, not encoded again, until forget() drops the bytes', () => {
    const [e] = decodeBatchKeepingBytes(encodeBatch([{ topic: Topic.RESOURCE, payload: resource({ cpuPercent: 1 }) }]));
    const p = e!.payload as ResourceSnapshot;
    // The contract broken on purpose: a change without forget() is not seen.
    p.cpuPercent = 2;
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as ResourceSnapshot).cpuPercent).toBe(1);
    KeptSnapshot.forget(p);
    expect(KeptSnapshot.keptLength(p)).toBe(-1);
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as ResourceSnapshot).cpuPercent).toBe(2);
  });

  it('come only from decodeBatchKeepingBytes, and are invisible to equality and JSON', () => {
    const bytes = encodeBatch(everyTopic());
    const kept = decodeBatchKeepingBytes(bytes);
    const plain = decodeBatch(bytes);
    expect(plain.every((e) => KeptSnapshot.keptLength(e.payload) === -1)).toBe(true);
    const i = kept.findIndex((e) => e.topic === Topic.RESOURCE);
    expect(KeptSnapshot.keptLength(kept[i]!.payload)).toBeGreaterThan(0);
    expect(kept).toEqual(plain);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(plain));
    expect(Object.keys(kept[i]!.payload)).toEqual(Object.keys(plain[i]!.payload));
  });

  it('refuse to copy the bytes of a payload that keeps nothing', () => {
    expect(() => KeptSnapshot.putBody(resource(), Buffer.alloc(64), 0)).toThrow(TypeError);
  });
});
