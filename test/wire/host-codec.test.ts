import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatchKeepingBytes, decodePublishFast } from '../../src/wire/codec.js';
import { KeptHost } from '../../src/wire/kept-snapshot.js';
import { decodeBatch, decodeBatchReference, encodeBatch, encodeBatchReference, Topic } from '../../src/wire/index.js';
import type { HostSnapshot } from '../../src/wire/index.js';
import { createHostSampler } from '../../src/samplers/index.js';
import { anyFields, opt } from '../support/arbitraries.js';
import { everyTopic, kTs } from '../../support/samples.js';
import { mutated } from '../support/decode-outcome.js';
import { agreesKeptOrNot, envelopesOf, keptEncodeAsAfresh } from '../support/kept-bytes.js';

// HOST envelopes, read by host-decode.ts: what it reads exactly what
// protobufjs + validateEnvelope read (same class, same own fields) or the
// same error; a snapshot that keeps its bytes encodes to the bytes of
// encoding it afresh.

const kNow = kTs + 1000;

const kU64Keys = ['memTotalBytes', 'memAvailableBytes', 'swapTotalBytes', 'swapUsedBytes'] as const;

const { u64, u32, dbl, str, ts, error } = anyFields(kTs, kNow);
const disk = fc.record({ mount: opt(str), usedPercent: opt(dbl), freeBytes: opt(u64), totalBytes: opt(u64) });

const host: fc.Arbitrary<HostSnapshot> = fc.record({
  tsMs: ts, runId: str, host: opt(str), cpuPercent: opt(dbl), memTotalBytes: opt(u64), memAvailableBytes: opt(u64), memPercent: opt(dbl),
  disks: opt(fc.array(disk, { maxLength: 3 })), load1: opt(dbl), load5: opt(dbl), load15: opt(dbl), cpuCount: opt(u32),
  swapTotalBytes: opt(u64), swapUsedBytes: opt(u64), errors: opt(fc.array(error, { maxLength: 3 })),
}, { requiredKeys: ['tsMs', 'runId'] });

/** A snapshot the sampler could write: valid, its 64-bit figures whole and below 2^53. */
const pct = fc.double({ min: 0, max: 100, noNaN: true });
const whole = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const sampled = fc.record({
  tsMs: fc.integer({ min: kTs - 1e10, max: kNow }), runId: fc.string({ minLength: 1, maxLength: 40 }), host: fc.string({ minLength: 1, maxLength: 40 }),
  cpuPercent: opt(pct), memTotalBytes: whole, memAvailableBytes: whole, memPercent: pct,
  disks: fc.array(fc.record({ mount: fc.string({ minLength: 1, maxLength: 20 }), usedPercent: pct, freeBytes: whole, totalBytes: whole }), { maxLength: 2 }),
  load1: pct, load5: pct, load15: pct, cpuCount: fc.integer({ min: 1, max: 512 }), swapTotalBytes: whole, swapUsedBytes: whole,
  errors: opt(fc.array(fc.record({ figure: fc.string({ minLength: 1 }), reason: fc.string({ minLength: 1 }) }), { maxLength: 2 })),
}, { requiredKeys: ['tsMs', 'runId', 'host', 'memTotalBytes', 'memAvailableBytes', 'memPercent', 'disks', 'load1', 'load5', 'load15', 'cpuCount'] }) as fc.Arbitrary<HostSnapshot>;

describe('HOST decoder', () => {
  it('reads what protobufjs and the validator read, or the same error', () => {
    fc.assert(fc.property(envelopesOf(host, Topic.HOST), (envelopes) => { agreesKeptOrNot(encodeBatchReference(envelopes), kNow); }), { numRuns: 1500 });
  });

  it('agrees on mutated and random bytes', () => {
    fc.assert(fc.property(mutated(envelopesOf(sampled, Topic.HOST).map((e) => encodeBatch(e))), (b) => { agreesKeptOrNot(b, kNow); }), { numRuns: 3000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.of(0x0a, b.length + 3, 0x08, 0x02, 0x1a, b.length, ...b)), (b) => { agreesKeptOrNot(b, kNow); }), { numRuns: 2000 });
  });

  it('reads every snapshot a sampler could write the fast way (they keep their bytes)', () => {
    fc.assert(
      fc.property(fc.array(sampled, { minLength: 1, maxLength: 8 }), (snaps) => {
        const bytes = encodeBatch(snaps.map((payload) => ({ topic: Topic.HOST, payload })));
        // Read by the HOST reader, not handed back to protobufjs: with bytes kept, each payload keeps them.
        const decoded = decodePublishFast(bytes, 0, bytes.length, kNow, 0, true);
        expect(decoded).not.toBeNull();
        for (const e of decoded!) expect(KeptHost.keptLength(e.payload)).toBeGreaterThan(0);
        expect(decoded).toEqual(decodeBatchReference(bytes, kNow));
      }),
      { numRuns: 500 },
    );
  });

  it('reads what this machine\'s host sampler writes, with its disks', () => {
    const sampler = createHostSampler({ disks: ['/', '/nonexistent-mount'] });
    sampler.sample('r', Date.now());
    const snap = sampler.sample('r', Date.now());
    const bytes = encodeBatch([{ topic: Topic.HOST, payload: snap }]);
    const [e] = decodeBatchKeepingBytes(bytes);
    expect(KeptHost.keptLength(e!.payload)).toBeGreaterThan(0);
    expect(e).toEqual(decodeBatchReference(bytes)[0]);
    expect((e!.payload as HostSnapshot).disks?.length).toBe(2);
  });
});

describe('HOST payloads that keep their bytes', () => {
  it('encode to the bytes of encoding them afresh, by every encoder', () => {
    fc.assert(fc.property(envelopesOf(host, Topic.HOST), (envelopes) => { keptEncodeAsAfresh(envelopes, Topic.HOST, KeptHost, kU64Keys); }), { numRuns: 1500 });
  });

  it('are copied, not encoded again, until forget() drops the bytes', () => {
    const payload: HostSnapshot = { tsMs: kTs, runId: 'r', host: 'h', cpuPercent: 1, memPercent: 50, disks: [{ mount: '/', usedPercent: 3 }] };
    const [e] = decodeBatchKeepingBytes(encodeBatch([{ topic: Topic.HOST, payload }]));
    const p = e!.payload as HostSnapshot;
    expect(KeptHost.keptLength(p)).toBeGreaterThan(0);
    // The contract broken on purpose: a change without forget() is not seen.
    p.cpuPercent = 2;
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as HostSnapshot).cpuPercent).toBe(1);
    KeptHost.forget(p);
    expect(KeptHost.keptLength(p)).toBe(-1);
    expect((decodeBatch(encodeBatch([e!]))[0]!.payload as HostSnapshot).cpuPercent).toBe(2);
  });

  it('come only from decodeBatchKeepingBytes, and are invisible to equality and JSON', () => {
    const payload: HostSnapshot = { tsMs: kTs, runId: 'r', host: 'h', memTotalBytes: 5, errors: [{ figure: 'disk:/x', reason: 'ENOENT' }] };
    const bytes = encodeBatch([...everyTopic(), { topic: Topic.HOST, payload }]);
    const kept = decodeBatchKeepingBytes(bytes);
    const plain = decodeBatch(bytes);
    expect(plain.every((e) => KeptHost.keptLength(e.payload) === -1)).toBe(true);
    expect(KeptHost.keptLength(kept.at(-1)!.payload)).toBeGreaterThan(0);
    expect(kept).toEqual(plain);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(plain));
    expect(() => KeptHost.putBody(payload, Buffer.alloc(64), 0)).toThrow(TypeError);
  });
});
