// The running fit and the carried-forward window start give what the exact
// two-pass computation over the same samples gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { SeriesWindow, linearFit } from '../../src/alerts/series-window.js';

const slopeRule = (window: object) => parseAlertRules([{ name: 'leak', source: 'resource', field: 'rss_bytes', aggregate: 'slope', window, threshold: 1 }])[0]!;

/** The window the rule means, from all samples: those within `durMs` of the last, as a scan from the end finds them. */
function expected(ts: number[], v: number[], durMs: number, minSamples: number): { slope: number; r2: number } | undefined {
  const e = ts.length;
  let s = e;
  while (s > 0 && ts[e - 1]! - ts[s - 1]! <= durMs) s--;
  if (e - s < minSamples) return undefined;
  return linearFit(ts, v, s, e);
}

// Both are rounded computations of the same sums (rss ~1e8 squared): they
// agree to ~1e-9 of the scale; 1e-7 is far below any threshold a rule sets.
// R² loses a few more digits when a window holds page-sized noise on top of
// gigabyte jumps (one random run found 2.00007e-7 off at R² = 1): 1e-6 for
// it, still far below the 0.8-ish minimum a leak rule asks for.
function close(got: number, want: number, scale: number, tolerance = 1e-7): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tolerance * (Math.abs(want) + scale));
}

describe('a slope window evaluated at every sample', () => {
  it('equals the two-pass fit over the same window, through growth, plateaus, jumps and long runs', () => {
    fc.assert(
      fc.property(
        // Steps of 0-8 s (0: two samples at one instant; some longer than the window); values as rss is (pages), in runs.
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 8000 }), kind: fc.constantFrom('same', 'step', 'jump', 'noise'), by: fc.integer({ min: -300, max: 300 }) }), { minLength: 1, maxLength: 700 }),
        fc.integer({ min: 2, max: 120 }),
        (steps, durS) => {
          const w = new SeriesWindow(slopeRule({ duration: `${durS}s`, minSamples: 2 }));
          const ts: number[] = [];
          const v: number[] = [];
          let t = 1_700_000_000_000;
          let x = 1e8;
          for (const st of steps) {
            t += st.dt;
            if (st.kind === 'step') x += st.by * 4096;
            else if (st.kind === 'jump') x += st.by * 4096 * 4096;
            else if (st.kind === 'noise') x += (st.by % 3) * 4096;
            x = Math.max(0, x);
            ts.push(t);
            v.push(x);
            w.add(t, x);
            const got = w.evaluate();
            const want = expected(ts, v, durS * 1000, 2);
            if (want === undefined) {
              expect(got.value).toBeUndefined();
              continue;
            }
            const scale = Math.max(...v.slice(-2000)) / 1 + 1;
            close(got.value!, want.slope, scale);
            close(got.r2!, want.r2, 1, 1e-6);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a window of one value has slope 0 and R² 1 exactly, even of values whose sum rounds', () => {
    const w = new SeriesWindow(slopeRule({ duration: '30s', minSamples: 2 }));
    for (let i = 0; i < 10; i++) w.add(1000 * i, 0.1);
    expect(w.evaluate()).toEqual({ value: 0, r2: 1 });
    // A change: a line again.
    w.add(10_000, 0.2);
    expect(w.evaluate().value).toBeGreaterThan(0);
  });

  it('samples out of time order: the exact scans, same as the two-pass fit', () => {
    const w = new SeriesWindow(slopeRule({ duration: '10s', minSamples: 2 }));
    const ts = [0, 1000, 2000, 1500, 3000, 2500, 9000, 14000];
    const v = [1, 5, 2, 8, 3, 9, 4, 6];
    for (let i = 0; i < ts.length; i++) {
      w.add(ts[i]!, v[i]!);
      const want = (() => {
        const e = i + 1;
        let s = e;
        while (s > 0 && ts[e - 1]! - ts[s - 1]! <= 10_000) s--;
        return e - s < 2 ? undefined : linearFit(ts, v, s, e);
      })();
      const got = w.evaluate();
      if (want === undefined) expect(got.value).toBeUndefined();
      // From the first sample out of order on, bit for bit the exact fit.
      else if (i >= 3) expect(got).toEqual({ value: want.slope, r2: want.r2 });
      else expect(got.value).toBeCloseTo(want.slope, 9);
    }
  });

  it('a window with a preceding baseline (the arrays hold both) starts where a scan from the end says, bit for bit', () => {
    const rule = parseAlertRules([
      { name: 'grew', source: 'resource', field: 'rss_bytes', aggregate: 'avg', window: { duration: '4s', minSamples: 1 }, baseline: { mode: 'preceding', duration: '6s', minSamples: 1 }, threshold: 1 },
    ])[0]!;
    fc.assert(
      fc.property(fc.array(fc.record({ dt: fc.integer({ min: 0, max: 5000 }), x: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 300 }), (steps) => {
        const w = new SeriesWindow(rule);
        const ts: number[] = [];
        const v: number[] = [];
        let t = 0;
        const avg = (a: number, b: number): number => v.slice(a, b).reduce((x, y) => x + y, 0) / (b - a);
        for (const st of steps) {
          t += st.dt;
          ts.push(t);
          v.push(st.x);
          w.add(t, st.x);
          const e = ts.length;
          let s0 = e;
          while (s0 > 0 && ts[e - 1]! - ts[s0 - 1]! <= 4000) s0--;
          let b0 = s0;
          // The window keeps 4 + 6 s of samples behind the newest.
          while (b0 > 0 && ts[s0 - 1]! - ts[b0 - 1]! <= 6000 && ts[e - 1]! - ts[b0 - 1]! <= 10_000) b0--;
          const got = w.evaluate().value;
          if (b0 === s0) expect(got).toBeUndefined();
          else expect(got).toBeCloseTo(((avg(s0, e) - avg(b0, s0)) / avg(b0, s0)) * 100, 9);
        }
      }),
      { numRuns: 150 },
    );
  });
});
