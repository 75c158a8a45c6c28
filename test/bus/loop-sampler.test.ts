import { afterEach, describe, expect, it } from 'vitest';
import { createLoopSampler } from '../../src/bus/index.js';
import type { LoopSampler } from '../../src/bus/index.js';
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
