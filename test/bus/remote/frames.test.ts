// The transport's Publish frames (src/wire's fast batch encoder behind two
// prefixes) are byte for byte what encodeFrame() writes through protobufjs.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { encodePublishFrame, encodePublishFrames } from '../../../src/bus/remote/frames.js';
import { encodeFrame, splitFrames, decodeFrame, Topic } from '../../../src/wire/index.js';
import type { Envelope } from '../../../src/wire/index.js';

const now = Date.now();
const tsMs = fc.integer({ min: now - 1e9, max: now });
const u64 = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const resource = fc.record(
  {
    tsMs,
    runId: fc.string({ maxLength: 20 }),
    component: fc.string({ maxLength: 20 }),
    pid: fc.integer({ min: 1, max: 2 ** 22 }),
    cpuPercent: fc.double({ noNaN: true, min: 0, max: 6400 }),
    rssBytes: u64,
    threads: fc.integer({ min: 0, max: 10_000 }),
    loopLagP99Ms: fc.double({ noNaN: true, min: 0, max: 1e6 }),
    state: fc.constantFrom('', 'R', 'S', 'Z'),
    command: fc.string({ maxLength: 40 }),
  },
  { requiredKeys: ['tsMs', 'runId', 'component', 'pid'] },
);
const metric = fc.record({
  tsMs,
  runId: fc.string({ maxLength: 10 }),
  name: fc.string({ minLength: 1, maxLength: 10 }),
  value: fc.double({ noNaN: true, noDefaultInfinity: true }),
});
const envelope: fc.Arbitrary<Envelope> = fc.oneof(
  { weight: 4, arbitrary: resource.map((payload) => ({ topic: Topic.RESOURCE, payload })) },
  { weight: 1, arbitrary: metric.map((payload) => ({ topic: Topic.METRIC, payload })) },
);

test('encodePublishFrame writes the same bytes as encodeFrame', () => {
  fc.assert(
    fc.property(fc.array(envelope, { maxLength: 40 }), (envelopes) => {
      const ours = Buffer.from(encodePublishFrame(envelopes));
      const reference = Buffer.from(encodeFrame({ kind: 'publish', envelopes }));
      expect(ours.equals(reference)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('encodePublishFrames splits under the limit and loses nothing that fits', () => {
  fc.assert(
    fc.property(fc.array(envelope, { maxLength: 200 }), fc.integer({ min: 200, max: 4000 }), (envelopes, max) => {
      const out: Uint8Array[] = [];
      const bad = encodePublishFrames(envelopes, max, out);
      let n = 0;
      for (const f of out) {
        expect(f.length).toBeLessThanOrEqual(max);
        for (const body of splitFrames(f)) {
          const frame = decodeFrame(body);
          if (frame.kind === 'publish') n += frame.envelopes.length;
        }
      }
      expect(n + bad.oversized + bad.unencodable).toBe(envelopes.length);
    }),
    { numRuns: 200 },
  );
});
