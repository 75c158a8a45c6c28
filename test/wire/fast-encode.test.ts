import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, encodeBatchReference, Topic } from '../../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../../src/wire/index.js';
import { everyTopic, resource } from '../support/samples.js';

// encodeBatch writes RESOURCE envelopes with a hand-written encoder; it must
// produce exactly the bytes protobufjs produces.

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const u64 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: -(2 ** 40), max: -1 }), fc.double({ min: 0, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(2 ** 31, 2 ** 32, 2 ** 32 - 1, 2 ** 53 - 1));
const u32 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));
const dbl = fc.double({ noNaN: false });
const str = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constant(''));

const snapshot: fc.Arbitrary<ResourceSnapshot> = fc.record({
  tsMs: fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constant(0)),
  runId: str, component: str, pid: u32,
  cpuPercent: opt(dbl), rssBytes: opt(u64), ussBytes: opt(u64), threads: opt(u32), openFds: opt(u32),
  gpuUtilPercent: opt(dbl), gpuMemBytes: opt(u64), loopLagP99Ms: opt(dbl), cpuUserMs: opt(dbl), cpuSystemMs: opt(dbl),
  pssBytes: opt(u64), vmsBytes: opt(u64), ioReadBytes: opt(u64), ioWriteBytes: opt(u64),
  ctxSwitchesVoluntary: opt(u64), ctxSwitchesInvoluntary: opt(u64), state: str,
  loopLagP50Ms: opt(dbl), loopLagMaxMs: opt(dbl), loopUtilization: opt(dbl), ppid: u32, command: str,
  errors: opt(fc.array(fc.record({ figure: opt(str), reason: opt(str) }), { maxLength: 3 })),
}, { requiredKeys: ['tsMs', 'runId', 'component', 'pid'] });

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

  it('handles a batch larger than its initial buffer', () => {
    const batch: Envelope[] = Array.from({ length: 5000 }, (_, i) => ({ topic: Topic.RESOURCE, payload: resource({ pid: i + 1, component: 'x'.repeat(i % 300) }) }));
    const bytes = encodeBatch(batch);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    expect(hex(bytes)).toBe(hex(encodeBatchReference(batch)));
  });
});
