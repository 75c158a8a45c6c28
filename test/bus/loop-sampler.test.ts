import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoopSampler } from '../../src/bus/index.js';
import { startLoopReports, startLoopTicks } from '../../src/bus/loop-sampler.js';
import type { LoopTick } from '../../src/bus/loop-sampler.js';
import type { LoopFigures, LoopSampler } from '../../src/bus/index.js';
import { sleep } from '../samplers/helpers.js';

let loop: LoopSampler | null = null;
afterEach(() => {
  loop?.stop();
  loop = null;
});

describe('event-loop sampler', () => {
  it('sees a blocked loop as lag and utilization, and resets on read', async () => {
    loop = createLoopSampler({ resolutionMs: 20 });
    await sleep(100);
    loop.read();
    const end = Date.now() + 200;
    while (Date.now() < end) {
      /* block the loop */
    }
    await sleep(60);
    const f = loop.read();
    expect(f.loopLagMaxMs).toBeGreaterThan(100);
    expect(f.loopLagP99Ms).toBeGreaterThan(100);
    expect(f.loopLagP50Ms).toBeGreaterThanOrEqual(0);
    expect(f.loopUtilization).toBeGreaterThan(0.5);
    expect(f.loopUtilization).toBeLessThanOrEqual(1);

    await sleep(100);
    const quiet = loop.read();
    expect(quiet.loopLagMaxMs!).toBeLessThan(100);
    expect(quiet.loopUtilization).toBeLessThan(0.5);
  });

  it('has no lag figures when the timer has not fired since the last read', () => {
    loop = createLoopSampler({ resolutionMs: 1000 });
    const f = loop.read();
    expect(f.loopLagP99Ms).toBeUndefined();
    expect(f.loopUtilization).toBeGreaterThanOrEqual(0);
    loop.stop();
    loop.stop();
  });
});

describe('event-loop sampler on the native histogram', () => {
  it('adds no JavaScript timer to the process', () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    loop = createLoopSampler({ resolutionMs: 20 });
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });

  it('counts a stall still under way when read() runs', async () => {
    loop = createLoopSampler({ resolutionMs: 20 });
    await sleep(100);
    loop.read();
    await sleep(30);
    const end = Date.now() + 200;
    while (Date.now() < end) {
      /* block the loop, then read before any timer can fire */
    }
    const f = loop.read();
    expect(f.loopLagMaxMs).toBeGreaterThan(100);
    expect(f.loopLagP99Ms).toBeGreaterThan(100);
  });

  it('reads no lag after stop(), and stop() is idempotent', async () => {
    loop = createLoopSampler({ resolutionMs: 20 });
    await sleep(60);
    loop.stop();
    await sleep(100);
    const f = loop.read();
    expect(f.loopLagMaxMs).toBeUndefined();
    loop.stop();
  });
});

describe('loop reports of a process that embeds the bus', () => {
  it('reports once an interval, its own lateness as the lag, and stops', async () => {
    const got: LoopFigures[] = [];
    const reports = startLoopReports(40, (f) => got.push(f));
    await sleep(10);
    const end = Date.now() + 150;
    while (Date.now() < end) {
      /* block the loop across the first report */
    }
    await sleep(100);
    reports.stop();
    reports.stop();
    const n = got.length;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(got[0]!.loopLagMaxMs).toBeGreaterThan(80);
    expect(got[0]!.loopLagP99Ms).toBe(got[0]!.loopLagMaxMs);
    expect(got[0]!.loopUtilization).toBeGreaterThan(0.5);
    expect(got.at(-1)!.loopLagMaxMs).toBeLessThan(80);
    await sleep(100);
    expect(got.length).toBe(n);
  });
});

describe('loop ticks of a remote bus', () => {
  it('refill one record an interval, with the time and every figure', async () => {
    const seen: LoopTick[] = [];
    const copies: LoopTick[] = [];
    // What performance.eventLoopUtilization() says of each interval.
    const nodeSays: number[] = [];
    let elu = performance.eventLoopUtilization();
    const before = Date.now();
    const ticks = startLoopTicks(30, (t) => {
      const e = performance.eventLoopUtilization();
      nodeSays.push(performance.eventLoopUtilization(e, elu).utilization);
      elu = e;
      seen.push(t);
      copies.push({ ...t });
    });
    await sleep(10);
    const end = Date.now() + 100;
    while (Date.now() < end) {
      /* block the loop across the first tick */
    }
    await sleep(80);
    ticks.stop();
    expect(copies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(1);
    const first = copies[0]!;
    expect(first.tsMs).toBeGreaterThanOrEqual(before);
    expect(copies.at(-1)!.tsMs).toBeGreaterThan(first.tsMs);
    expect(first.loopLagMaxMs).toBeGreaterThan(50);
    expect(first.loopUtilization).toBeGreaterThan(0.5);
    expect(copies.at(-1)!.loopUtilization).toBeLessThan(first.loopUtilization);
    copies.forEach((c, i) => expect(c.loopUtilization).toBeCloseTo(nodeSays[i]!, 1));
    expect(first.heapUsedBytes).toBeGreaterThan(0);
    expect(first.activeResources).toBeGreaterThan(0);
  });
});

describe('runtime figures of loop ticks', () => {
  it('skip process.memoryUsage() (and its /proc read) while external memory stands still, and follow array buffers when it moves', async () => {
    const spy = vi.spyOn(process, 'memoryUsage');
    const ticks: { calls: number; external: number; arrayBuffers: number }[] = [];
    const t = startLoopTicks(20, (tick) => {
      ticks.push({ calls: spy.mock.calls.length, external: tick.externalBytes, arrayBuffers: tick.arrayBuffersBytes });
    });
    try {
      await sleep(150);
      const kept = Buffer.alloc(3_000_000, 1);
      const at = ticks.length;
      await sleep(60);
      const after = ticks.slice(at);
      expect(after.length).toBeGreaterThan(0);
      expect(after.at(-1)!.arrayBuffers).toBeGreaterThanOrEqual(ticks[at - 1]!.arrayBuffers + kept.length);
      // A tick that did not call memoryUsage() saw external memory where the last call left it.
      let skipped = 0;
      for (let i = 1; i < ticks.length; i++) {
        if (ticks[i]!.calls !== ticks[i - 1]!.calls) continue;
        skipped++;
        expect(ticks[i]!.external).toBe(ticks[i - 1]!.external);
        expect(ticks[i]!.arrayBuffers).toBe(ticks[i - 1]!.arrayBuffers);
      }
      expect(skipped).toBeGreaterThan(0);
    } finally {
      t.stop();
      spy.mockRestore();
    }
  });
});
