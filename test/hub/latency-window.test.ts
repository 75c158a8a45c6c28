import { describe, expect, it } from 'vitest';
import { LatencyWindow } from '../../src/hub/latency.js';

// The window keeps a sorted copy beside its ring: its percentiles must be
// those of sorting the last `size` values, whatever the order they came in.
function naive(values: number[], size: number, p: number): number | undefined {
  const last = values.slice(-size).sort((a, b) => a - b);
  if (last.length === 0) return undefined;
  return last[Math.min(last.length - 1, Math.max(0, Math.ceil((p / 100) * last.length) - 1))];
}

describe('LatencyWindow', () => {
  it('gives the nearest-rank percentiles of the last `size` values, through many wraps and duplicates', () => {
    let seed = 7;
    const rnd = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (const size of [1, 2, 5, 64]) {
      const w = new LatencyWindow(size);
      const seen: number[] = [];
      for (let i = 0; i < 700; i++) {
        // Repeats on purpose: an evicted value equal to others must leave once.
        const v = rnd() < 0.3 ? Math.floor(rnd() * 4) : rnd() * 500;
        w.add(v);
        seen.push(v);
        for (const p of [0, 1, 50, 90, 99, 100]) expect(w.percentile(p)).toBe(naive(seen, size, p));
        expect(w.count).toBe(Math.min(seen.length, size));
      }
    }
  });

  it('is empty until the first value, and ignores values that are not finite numbers', () => {
    const w = new LatencyWindow(4);
    expect(w.percentile(50)).toBeUndefined();
    w.add(Number.NaN);
    w.add(Number.POSITIVE_INFINITY);
    expect(w.count).toBe(0);
    w.add(3);
    w.add(1);
    expect(w.percentile(50)).toBe(1);
    expect(w.percentile(99)).toBe(3);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new LatencyWindow(0)).toThrow(/LatencyWindow size must be a positive integer, got 0/);
    expect(() => new LatencyWindow(1.5)).toThrow(/positive integer/);
  });
});
