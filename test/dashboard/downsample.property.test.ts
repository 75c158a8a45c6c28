import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from '../../src/dashboard/index.js';

describe('downsampleMinMax (property)', () => {
  it('at most maxPoints, in time order, only input points, extremes kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null })), { maxLength: 3000 }),
        fc.integer({ min: 2, max: 400 }),
        (pairs, maxPoints) => {
          // Ascending timestamps (gaps of 0…5000 ms).
          const t: number[] = [];
          const v: (number | null)[] = [];
          let now = 1_700_000_000_000;
          for (const [gap, val] of pairs) {
            now += gap;
            t.push(now);
            v.push(val);
          }
          const d = downsampleMinMax({ t, v }, maxPoints);
          expect(d.t.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
          expect(d.v).toHaveLength(d.t.length);
          for (let i = 1; i < d.t.length; ++i) expect(d.t[i]).toBeGreaterThanOrEqual(d.t[i - 1]!);
          const present = new Set(t.map((x, i) => `${x}:${String(v[i])}`));
          for (let i = 0; i < d.t.length; ++i) if (d.v[i] !== null) expect(present.has(`${d.t[i]}:${String(d.v[i])}`)).toBe(true);
          const vals = v.filter((x): x is number => x !== null);
          const outVals = d.v.filter((x): x is number => x !== null);
          if (vals.length > 0) {
            expect(outVals).toContain(Math.max(...vals));
            expect(outVals).toContain(Math.min(...vals));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
