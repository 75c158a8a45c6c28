import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSampler } from '../../src/samplers/index.js';
import type { Sampler } from '../../src/samplers/index.js';
import { recordingBus, settle, waitFor } from './helpers.js';

let sampler: Sampler | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await sampler?.close();
  sampler = null;
});

describe('scheduler', () => {
  it('skips and counts ticks that fall due while one is running, never queueing them', async () => {
    // Only the scheduler's interval is faked: the pool's messages are real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 1000, gpu: false });
    sampler.start(); // the first tick starts at once and is now in flight
    vi.advanceTimersByTime(3000); // three more fall due while it runs
    await sampler.tickNow(); // joins the running tick
    await settle();
    expect(sampler.stats()).toMatchObject({ ticks: 1, skipped: 3, errors: 0 });
    expect(rec.host).toHaveLength(1);

    vi.advanceTimersByTime(1000); // the pool is idle now: this one runs
    await sampler.tickNow();
    await settle();
    expect(sampler.stats()).toMatchObject({ ticks: 2, skipped: 3 });
    expect(rec.host).toHaveLength(2);
  });

  it('never rejects, also after close, and close is idempotent', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', gpu: false });
    await sampler.tickNow();
    const a = sampler.close();
    const b = sampler.close();
    expect(a).toBe(b);
    await a;
    await expect(sampler.tickNow()).resolves.toBeUndefined();
    sampler.start(); // no effect after close
    expect(sampler.stats().ticks).toBe(1);
  });

  it('runs onTick callbacks at each scheduled tick, reports a throwing one, and stops after removal', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 1000, gpu: false, host: false });
    const errors: string[] = [];
    sampler.on('error', (e) => errors.push(e.code));
    let calls = 0;
    const remove = sampler.onTick(() => { calls++; });
    sampler.onTick(() => { throw new Error('hook bug'); });
    sampler.start(); // the immediate first tick is not a scheduled one
    expect(calls).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(calls).toBe(1);
    expect(errors).toEqual(['ERR_SAMPLER_HOOK']);
    remove();
    await sampler.tickNow();
    vi.advanceTimersByTime(1000);
    expect(calls).toBe(1);
    expect(errors).toEqual(['ERR_SAMPLER_HOOK', 'ERR_SAMPLER_HOOK']);
    // Ticks went on (the start() tick may still have been running when
    // tickNow() joined it, so the scheduled one is waited for).
    const s = sampler;
    await waitFor(() => (s.stats().ticks >= 2 ? true : undefined));
  });
});
