import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBatch, decodeFrame, encodeBatch, encodeFrame, FrameReader, WireError } from '../../src/wire/index.js';
import { everyTopic } from '../../support/samples.js';

// Every decoder: never hangs, only throws its own typed error, and holds at
// most one frame (bounded by the limit) in memory.

function onlyWireErrors(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof WireError)) throw err;
  }
}

const valid = Buffer.concat([
  encodeFrame({ kind: 'hello', hello: { protocolVersion: 1, component: 'c', pid: 2, runId: 'r', token: '' } }),
  encodeFrame({ kind: 'publish', envelopes: everyTopic() }),
]);
const validBatch = encodeBatch(everyTopic());

/** Random single-byte edits, insertions and deletions of a valid input. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .array(fc.tuple(fc.nat(base.length), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { minLength: 1, maxLength: 8 })
    .map((edits) => {
      const b = [...base];
      for (const [i, v, op] of edits) {
        const at = Math.min(i, b.length);
        if (op === 'set' && at < b.length) b[at] = v;
        else if (op === 'insert') b.splice(at, 0, v);
        else b.splice(at, 1);
      }
      return Uint8Array.from(b);
    });
}

describe('decoders under random input', () => {
  it('decodeBatch throws only WireError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => onlyWireErrors(() => decodeBatch(bytes))), { numRuns: 3000 });
  });

  it('decodeBatch throws only WireError on mutations of a valid batch', () => {
    fc.assert(fc.property(mutated(validBatch), (bytes) => onlyWireErrors(() => decodeBatch(bytes))), { numRuns: 3000 });
  });

  it('the frame reader + decodeFrame throw only WireError and stay within the frame limit', () => {
    const max = 4096;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 1024 }), mutated(valid)), fc.array(fc.nat(64), { maxLength: 8 }), (bytes, cuts) => {
        const r = new FrameReader({ maxFrameBytes: max });
        let pos = 0;
        onlyWireErrors(() => {
          for (const c of [...cuts, bytes.length]) {
            const end = Math.min(bytes.length, pos + c);
            r.push(bytes.subarray(pos, end), (body) => {
              expect(body.length).toBeLessThanOrEqual(max);
              onlyWireErrors(() => decodeFrame(body));
            });
            expect(r.pendingBytes).toBeLessThanOrEqual(max + 5);
            pos = end;
          }
          r.end();
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('encode → decode round-trips random resource snapshots', () => {
    const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const snap = fc.record({
      tsMs: fc.integer({ min: 946_684_800_000, max: Date.now() }),
      runId: fc.string({ maxLength: 40 }),
      component: fc.string({ maxLength: 40 }),
      pid: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
      cpuPercent: opt(fc.double({ min: 0, max: 6400, noNaN: true })),
      rssBytes: opt(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      threads: opt(fc.integer({ min: 0, max: 2 ** 32 - 1 })),
      loopLagP99Ms: opt(fc.double({ min: 0, max: 1e6, noNaN: true })),
      state: fc.constantFrom('', 'R', 'S', 'D', 'Z'),
    });
    fc.assert(
      fc.property(fc.array(snap, { maxLength: 20 }), (snaps) => {
        const back = decodeBatch(encodeBatch(snaps.map((payload) => ({ topic: 1 as const, payload }))));
        expect(back.length).toBe(snaps.length);
        back.forEach((e, i) => {
          const want = snaps[i]!;
          const got = e.payload as unknown as Record<string, unknown>;
          for (const [k, v] of Object.entries(want)) expect(got[k] ?? undefined, k).toEqual(Object.is(v, -0) ? 0 : v);
        });
      }),
      { numRuns: 500 },
    );
  });
});
