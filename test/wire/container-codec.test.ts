import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatchKeepingBytes } from '../../src/wire/codec.js';
import { KeptContainer } from '../../src/wire/kept-snapshot.js';
import { decodeBatch, decodeBatchReference, decodeFrame, decodeFrameReference, encodeBatch, encodeBatchReference, encodeFrame, encodePublishFrame, Topic } from '../../src/wire/index.js';
import type { ContainerSnapshot, Envelope } from '../../src/wire/index.js';
import { anyFields, opt } from '../support/arbitraries.js';
import { everyTopic, kTs } from '../../support/samples.js';
import { mutated, outcome } from '../support/decode-outcome.js';
import { agreesKeptOrNot, envelopesOf, keptEncodeAsAfresh } from '../support/kept-bytes.js';

// CONTAINER envelopes: written by container-encode.ts, read by
// container-decode.ts. The bytes must be exactly protobufjs's; what is read
// exactly what protobufjs + validateEnvelope read (same class, same own
// fields) or the same error; and a snapshot that keeps its bytes must encode
// to the bytes of encoding it afresh.

const kNow = kTs + 1000;
const hex = (b: Uint8Array | ArrayBuffer) => Buffer.from(b instanceof ArrayBuffer ? new Uint8Array(b) : b).toString('hex');

const kU64Keys = ['memBytes', 'memLimitBytes', 'ioReadBytes', 'ioWriteBytes'] as const;

const { u64, u32, dbl, str, ts, error } = anyFields(kTs, kNow);
const hexId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[0-9a-f]{64}$/) }, { weight: 2, arbitrary: fc.stringMatching(/^[0-9a-f]{12,64}$/) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9a-fA-F]{10,70}$/), fc.string({ maxLength: 20 })) },
);

const container: fc.Arbitrary<ContainerSnapshot> = fc.record({
  tsMs: ts, runId: str, containerId: hexId, name: str,
  image: opt(str), pid: opt(u32), cpuPercent: opt(dbl), memBytes: opt(u64), memLimitBytes: opt(u64), pids: opt(u32),
  ioReadBytes: opt(u64), ioWriteBytes: opt(u64), cpuMs: opt(dbl), source: opt(fc.constantFrom('cgroup', 'api', '')),
  stale: opt(fc.boolean()), errors: opt(fc.array(error, { maxLength: 3 })),
}, { requiredKeys: ['tsMs', 'runId', 'containerId', 'name'] });

/** A snapshot the sampler could write: valid, its 64-bit figures whole and below 2^53. */
const sampled = fc.record({
  tsMs: fc.integer({ min: kTs - 1e10, max: kNow }), runId: fc.string({ minLength: 1, maxLength: 40 }), containerId: fc.stringMatching(/^[0-9a-f]{64}$/),
  name: fc.string({ maxLength: 40 }), image: fc.string({ maxLength: 40 }), pid: fc.integer({ min: 1, max: 2 ** 22 }),
  cpuPercent: opt(fc.double({ min: 0, max: 800, noNaN: true })), memBytes: opt(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  pids: opt(fc.integer({ min: 0, max: 2 ** 32 - 1 })), cpuMs: opt(fc.double({ min: 0, max: 1e12, noNaN: true })),
  source: fc.constant('cgroup'), stale: fc.constant(false), errors: opt(fc.array(fc.record({ figure: fc.string({ minLength: 1 }), reason: fc.string({ minLength: 1 }) }), { maxLength: 2 })),
}, { requiredKeys: ['tsMs', 'runId', 'containerId', 'name', 'image', 'pid', 'source', 'stale'] }) as fc.Arbitrary<ContainerSnapshot>;

describe('CONTAINER encoder', () => {
  it('writes the same bytes as protobufjs, batch and frame', () => {
    fc.assert(
      fc.property(envelopesOf(container, Topic.CONTAINER), (envelopes) => {
        expect(hex(encodeBatch(envelopes))).toBe(hex(encodeBatchReference(envelopes)));
        expect(hex(encodePublishFrame(envelopes))).toBe(hex(encodeFrame({ kind: 'publish', envelopes })));
      }),
      { numRuns: 1500 },
    );
  });

  it('leaves to protobufjs what only it writes the same way', () => {
    const base = { tsMs: kTs, runId: 'r', containerId: 'ab'.repeat(32), name: 'n' };
    const odd = [
      { ...base, memBytes: '12' }, { ...base, tsMs: String(kTs) }, { ...base, $unknowns: [Uint8Array.of(0xf8, 0x01, 0x01)] },
      { ...base, errors: [{ figure: 'x', reason: 'y', $unknowns: [Uint8Array.of(0x18, 0x01)] }] },
    ] as unknown as ContainerSnapshot[];
    for (const payload of odd) {
      const batch: Envelope[] = [{ topic: Topic.CONTAINER, payload }];
      expect(hex(encodeBatch(batch))).toBe(hex(encodeBatchReference(batch)));
    }
  });
});

describe('CONTAINER decoder', () => {
  it('reads what protobufjs and the validator read, or the same error', () => {
    fc.assert(fc.property(envelopesOf(container, Topic.CONTAINER), (envelopes) => { agreesKeptOrNot(encodeBatchReference(envelopes), kNow); }), { numRuns: 1500 });
  });

  it('agrees on mutated and random bytes', () => {
    fc.assert(fc.property(mutated(envelopesOf(sampled, Topic.CONTAINER).map((e) => encodeBatch(e))), (b) => { agreesKeptOrNot(b, kNow); }), { numRuns: 3000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.of(0x0a, b.length + 3, 0x08, 0x08, 0x4a, b.length, ...b)), (b) => { agreesKeptOrNot(b, kNow); }), { numRuns: 2000 });
  });

  it('reads a socket frame\'s envelopes (a Publish at an offset) as protobufjs does', () => {
    fc.assert(
      fc.property(envelopesOf(container, Topic.CONTAINER), (envelopes) => {
        const frame = encodePublishFrame(envelopes);
        let p = 0;
        while (frame[p]! >= 0x80) p++;
        const body = frame.subarray(p + 1);
        const ref = outcome(() => decodeFrameReference(body, kNow));
        if ('ok' in ref) expect(decodeFrame(body)).toStrictEqual(ref.ok);
      }),
      { numRuns: 500 },
    );
  });

  it('reads every snapshot the sampler writes itself (they keep their bytes)', () => {
    fc.assert(
      fc.property(fc.array(sampled, { minLength: 1, maxLength: 8 }), (snaps) => {
        const decoded = decodeBatchKeepingBytes(encodeBatch(snaps.map((payload) => ({ topic: Topic.CONTAINER, payload }))));
        for (const e of decoded) expect(KeptContainer.keptLength(e.payload)).toBeGreaterThan(0);
        expect(decoded).toEqual(decodeBatchReference(encodeBatch(decoded)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('CONTAINER payloads that keep their bytes', () => {
  it('encode to the bytes of encoding them afresh, by every encoder', () => {
    fc.assert(fc.property(envelopesOf(container, Topic.CONTAINER), (envelopes) => { keptEncodeAsAfresh(envelopes, Topic.CONTAINER, KeptContainer, kU64Keys); }), { numRuns: 1500 });
  });

  it('are copied, not encoded again, until forget() drops the bytes', () => {
    const payload: ContainerSnapshot = { tsMs: kTs, runId: 'r', containerId: 'cd'.repeat(32), name: 'c', image: 'busybox', pid: 9, cpuPercent: 1, source: 'cgroup' };
    const [e] = decodeBatchKeepingBytes(encodeBatch([{ topic: Topic.CONTAINER, payload }]));
    const p = e!.payload as ContainerSnapshot;
    expect(KeptContainer.keptLength(p)).toBeGreaterThan(0);
    // The contract broken on purpose: a change without forget() is not seen.
    p.cpuPercent = 2;
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as ContainerSnapshot).cpuPercent).toBe(1);
    KeptContainer.forget(p);
    expect(KeptContainer.keptLength(p)).toBe(-1);
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as ContainerSnapshot).cpuPercent).toBe(2);
  });

  it('come only from decodeBatchKeepingBytes, and are invisible to equality and JSON', () => {
    const payload: ContainerSnapshot = { tsMs: kTs, runId: 'r', containerId: 'ef'.repeat(32), name: 'c', memBytes: 5, errors: [{ figure: 'pids', reason: 'ENOENT' }] };
    const bytes = encodeBatch([...everyTopic(), { topic: Topic.CONTAINER, payload }]);
    const kept = decodeBatchKeepingBytes(bytes);
    const plain = decodeBatch(bytes);
    expect(plain.every((e) => KeptContainer.keptLength(e.payload) === -1)).toBe(true);
    expect(KeptContainer.keptLength(kept.at(-1)!.payload)).toBeGreaterThan(0);
    expect(kept).toEqual(plain);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(plain));
    expect(() => KeptContainer.putBody(payload, Buffer.alloc(64), 0)).toThrow(TypeError);
  });
});
