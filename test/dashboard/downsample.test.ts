import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from '../../src/dashboard/index.js';

function wave(n: number): { t: number[]; v: (number | null)[] } {
  const t: number[] = [];
  const v: (number | null)[] = [];
  for (let i = 0; i < n; ++i) {
    t.push(1_700_000_000_000 + i * 1000);
    v.push(50 + 40 * Math.sin(i / 500));
  }
  return { t, v };
}

describe('downsampleMinMax', () => {
  it('returns at most maxPoints points, in time order, keeping the extremes', () => {
    const s = wave(100_000);
    s.v[31_337] = 1000; // a one-sample spike
    s.v[77_777] = -500; // and a dip
    const d = downsampleMinMax(s, 1000);
    expect(d.t.length).toBeLessThanOrEqual(1000);
    expect(d.t.length).toBeGreaterThan(900);
    expect(d.v).toHaveLength(d.t.length);
    for (let i = 1; i < d.t.length; ++i) expect(d.t[i]).toBeGreaterThan(d.t[i - 1]!);
    expect(Math.max(...(d.v as number[]))).toBe(1000);
    expect(Math.min(...(d.v as number[]))).toBe(-500);
    expect(d.t).toContain(s.t[31_337]);
    expect(d.t[0]).toBe(s.t[0]);
  });

  it('keeps the envelope: every bucket\'s min and max are input points', () => {
    const s = wave(10_000);
    const d = downsampleMinMax(s, 100);
    const at = new Map(s.t.map((t, i) => [t, s.v[i]]));
    for (let i = 0; i < d.t.length; ++i) expect(at.get(d.t[i]!)).toBe(d.v[i]);
  });

  it('leaves a series that fits alone (a copy)', () => {
    const s = wave(500);
    const d = downsampleMinMax(s, 1000);
    expect(d).toEqual(s);
    expect(d.t).not.toBe(s.t);
  });

  it('keeps a gap: a bucket of nulls becomes one null', () => {
    const s = wave(10_000);
    for (let i = 4000; i < 6000; ++i) s.v[i] = null;
    const d = downsampleMinMax(s, 100);
    expect(d.v.filter((v) => v === null).length).toBeGreaterThan(5);
    expect(d.t.length).toBeLessThanOrEqual(100);
  });

  it('rejects a maxPoints below 2', () => {
    expect(() => downsampleMinMax(wave(10), 1)).toThrow(RangeError);
  });
});
