import { describe, expect, it } from 'vitest';
import { createLoopSampler, fillLoopFigures, loopFiguresOfReport } from '../../src/bus/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';

describe('runtime figures with the loop figures', () => {
  it('read() carries heap, external, array buffers, active resources and the GC pause totals, which only grow', async () => {
    const s = createLoopSampler();
    try {
      const a = s.read();
      expect(a.heapUsedBytes).toBeGreaterThan(0);
      expect(a.heapTotalBytes).toBeGreaterThanOrEqual(a.heapUsedBytes!);
      expect(a.externalBytes).toBeGreaterThanOrEqual(a.arrayBuffersBytes!);
      expect(a.activeResources).toBeGreaterThanOrEqual(0);
      // Short-lived garbage that escapes (so it is really allocated): scavenges,
      // reported to the observer on a later turn of the loop.
      let b = s.read();
      for (let round = 0; round < 50 && b.gcMinorMs === a.gcMinorMs; round++) {
        let keep: object[] = [];
        for (let i = 0; i < 200_000; i++) {
          keep.push({ i });
          if (keep.length > 1000) keep = [];
        }
        await new Promise((r) => setTimeout(r, 0));
        b = s.read();
      }
      expect(b.gcMinorMs).toBeGreaterThan(a.gcMinorMs!);
      expect(b.gcMajorMs).toBeGreaterThanOrEqual(a.gcMajorMs!);
    } finally {
      s.stop();
    }
  });

  it('a LoopReport fills the snapshot; absent figures stay absent', () => {
    const figures = loopFiguresOfReport({ tsMs: 1, loopUtilization: 0.5, heapUsedBytes: 10, gcMinorMs: 2, heapTotalBytes: null });
    expect(figures).toEqual({ loopUtilization: 0.5, heapUsedBytes: 10, gcMinorMs: 2 });
    const p: ResourceSnapshot = { tsMs: 1, runId: 'r', component: 'c', pid: 7 };
    fillLoopFigures(p, figures);
    expect(p).toMatchObject({ loopUtilization: 0.5, heapUsedBytes: 10, gcMinorMs: 2 });
    expect('heapTotalBytes' in p).toBe(false);
    expect('loopLagP99Ms' in p).toBe(false);
  });
});
