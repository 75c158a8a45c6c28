// The client's LOOP frames: encoded by hand into a reused buffer, byte for
// byte what encodeFrame() writes through protobufjs, and never overwritten
// while a socket still holds one.
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { LoopFrameEncoder, LoopFrames } from '../../../src/bus/remote/loop-frame.js';
import type { HubLink } from '../../../src/bus/remote/hub-link.js';
import { encodeFrame, decodeFrame, splitFrames } from '../../../src/wire/index.js';
import type { LoopReport } from '../../../src/wire/index.js';

const dbl = fc.double();
const u64 = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const report: fc.Arbitrary<LoopReport> = fc.record(
  {
    tsMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
    loopLagP50Ms: dbl, loopLagP99Ms: dbl, loopLagMaxMs: dbl, loopUtilization: dbl,
    heapUsedBytes: u64, heapTotalBytes: u64, externalBytes: u64, arrayBuffersBytes: u64,
    gcMinorMs: dbl, gcMajorMs: dbl, gcIncrementalMs: dbl, gcWeakcbMs: dbl,
    activeResources: fc.integer({ min: 0, max: 0xffffffff }),
  },
  { requiredKeys: ['tsMs'] },
);

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('LoopFrameEncoder writes the same bytes as encodeFrame, one report after another', () => {
  const enc = new LoopFrameEncoder();
  fc.assert(
    fc.property(fc.array(report, { minLength: 1, maxLength: 5 }), (reports) => {
      for (const r of reports) expect(hex(enc.encode(r))).toBe(hex(encodeFrame({ kind: 'loop', loop: r })));
    }),
    { numRuns: 300 },
  );
});

test('a report of a live process round-trips', () => {
  const r: LoopReport = {
    tsMs: Date.now(), loopLagP50Ms: 1.5, loopLagP99Ms: 1.5, loopLagMaxMs: 1.5, loopUtilization: 0.01,
    heapUsedBytes: 5_123_456, heapTotalBytes: 8_000_000, externalBytes: 1_700_000, arrayBuffersBytes: 10_000,
    gcMinorMs: 3.25, gcMajorMs: 12.5, gcIncrementalMs: 0.5, gcWeakcbMs: 0, activeResources: 4,
  };
  const [body] = splitFrames(new LoopFrameEncoder().encode(r));
  expect(decodeFrame(body!)).toEqual({ kind: 'loop', loop: r });
});

test('integers the varints do not cover (negative, fractional, past 2^53) go through encodeFrame', () => {
  const enc = new LoopFrameEncoder();
  for (const r of [
    { tsMs: -5 }, { tsMs: 1.5 }, { tsMs: 2 ** 60 }, { tsMs: 1, heapUsedBytes: -1 }, { tsMs: 1, externalBytes: 0.5 },
    { tsMs: 1, activeResources: 2 ** 32 }, { tsMs: 1, activeResources: -3 },
  ] as LoopReport[]) {
    expect(hex(enc.encode(r))).toBe(hex(encodeFrame({ kind: 'loop', loop: r })));
  }
});

// A link whose socket writes everything at once, or keeps what it is given.
function fakeLink(keeps: boolean): { link: HubLink; written: Uint8Array[] } {
  const written: Uint8Array[] = [];
  const socket = new PassThrough();
  Object.defineProperty(socket, 'writableLength', { get: () => (keeps ? written.length : 0) });
  const link = { socket, write: (b: Uint8Array) => { written.push(b); return true; } } as unknown as HubLink;
  return { link, written };
}

const r1: LoopReport = { tsMs: 1000, loopLagMaxMs: 1, activeResources: 3 };
const r2: LoopReport = { tsMs: 2000, loopLagMaxMs: 2, activeResources: 3 };

test('frames go out of one buffer while the socket writes them at once', () => {
  const { link, written } = fakeLink(false);
  const frames = new LoopFrames();
  frames.send(link, r1);
  frames.send(link, r2);
  expect(written[0]!.buffer).toBe(written[1]!.buffer);
  expect(hex(written[1]!)).toBe(hex(encodeFrame({ kind: 'loop', loop: r2 })));
});

test('a frame the socket still holds is never overwritten by the next report', () => {
  const { link, written } = fakeLink(true);
  const frames = new LoopFrames();
  frames.send(link, r1);
  frames.send(link, r2);
  expect(written[0]!.buffer).not.toBe(written[1]!.buffer);
  expect(hex(written[0]!)).toBe(hex(encodeFrame({ kind: 'loop', loop: r1 })));
  expect(hex(written[1]!)).toBe(hex(encodeFrame({ kind: 'loop', loop: r2 })));
});
