import { afterEach, describe, expect, it } from 'vitest';
import { createSampler } from '../../src/samplers/index.js';
import { setWorkerFileForTests } from '../../src/samplers/sampler.js';
import type { Sampler } from '../../src/samplers/index.js';
import { fixture, recordingBus, waitFor } from './helpers.js';

// Once started, the worker ticks on its own timer (tick-timer.ts, whose
// skipping has tests of its own) and the main thread only receives.

let sampler: Sampler | null = null;
afterEach(async () => {
  setWorkerFileForTests(null);
  await sampler?.close();
  sampler = null;
});

describe('scheduler', () => {
  it("runs the onTick hooks once per scheduled tick, before that tick's envelopes are published, and not for a tick asked for", async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 50, gpu: false });
    const seen: { host: number; lagMs: number }[] = [];
    sampler.onTick((due) => { seen.push({ host: rec.host.length, lagMs: performance.now() - (due ?? NaN) }); });
    sampler.start(); // the first tick runs at once and is not a scheduled one
    await sampler.tickNow();
    await waitFor(() => (seen.length >= 4 ? true : undefined));
    const s = sampler;
    // Each hook ran with the ticks before it published, and its own not yet
    // (the start tick and the tickNow() above, which may have joined it,
    // published one or two).
    const first = seen[0]!.host;
    expect([1, 2]).toContain(first);
    expect(seen.slice(0, 4).map((x) => x.host)).toEqual([first, first + 1, first + 2, first + 3]);
    // The due time is when the worker posted the batch: the hook runs after it.
    for (const x of seen) {
      expect(x.lagMs).toBeGreaterThanOrEqual(-1);
      expect(x.lagMs).toBeLessThan(1000);
    }
    await waitFor(() => (s.stats().ticks >= 5 ? true : undefined));
    expect(s.stats()).toMatchObject({ skipped: 0, errors: 0 });
  });

  it('adds the skips the worker counted to its stats', async () => {
    setWorkerFileForTests(fixture('skipping-worker.mjs'));
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 20, gpu: false });
    let hooks = 0;
    sampler.onTick(() => { hooks++; });
    sampler.start();
    const s = sampler;
    await waitFor(() => (hooks >= 3 ? true : undefined));
    const st = s.stats();
    // Every scheduled answer said 2; the start tick said none.
    expect(st.skipped).toBe(2 * hooks);
    expect(st.ticks).toBe(hooks + 1);
    expect(st.errors).toBe(0);
  });

  it('sends a driving worker the roots as they change, without a tick asked for', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 30, gpu: false, host: false });
    const errors: string[] = [];
    sampler.on('error', (e) => errors.push(e.message));
    sampler.start();
    const s = sampler;
    await waitFor(() => (s.stats().ticks >= 2 ? true : undefined));
    expect(rec.resource).toEqual([]);
    s.track(process.pid, 'self');
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid && p.component === 'self'));
    // A new name for it reaches the worker the same way.
    s.track(process.pid, 'renamed');
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid && p.component === 'renamed'));
    s.untrack(process.pid);
    // Past the tick that may have been under way, nothing more of it.
    const ticks = s.stats().ticks;
    await waitFor(() => (s.stats().ticks >= ticks + 2 ? true : undefined));
    const n = rec.resource.length;
    await waitFor(() => (s.stats().ticks >= ticks + 4 ? true : undefined));
    expect(rec.resource.length).toBe(n);
    expect(errors).toEqual([]);
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

  it('reports a throwing onTick callback at each tick, runs the others, and stops calling one removed', async () => {
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 30, gpu: false, host: false });
    const errors: string[] = [];
    sampler.on('error', (e) => errors.push(e.code));
    let calls = 0;
    let others = 0;
    const remove = sampler.onTick(() => { calls++; });
    sampler.onTick(() => { throw new Error('hook bug'); });
    sampler.onTick(() => { others++; });
    sampler.start();
    await waitFor(() => (calls >= 2 ? true : undefined));
    remove();
    const at = calls;
    const s = sampler;
    await waitFor(() => (others >= at + 3 ? true : undefined));
    expect(calls).toBe(at);
    expect(errors.length).toBeGreaterThanOrEqual(others - 1);
    expect(new Set(errors)).toEqual(new Set(['ERR_SAMPLER_HOOK']));
    expect(s.stats().ticks).toBeGreaterThanOrEqual(others);
  });

  it('keeps the hooks going while a pool that died is replaced, and the new worker drives the ticks again', async () => {
    setWorkerFileForTests(fixture('dying-worker.mjs'));
    const rec = recordingBus();
    sampler = createSampler({ bus: rec.bus, runId: 'r', intervalMs: 50, gpu: false, poolRetryMs: 1 });
    setWorkerFileForTests(null); // the next pool loads the real worker
    const errors: string[] = [];
    sampler.on('error', (e) => errors.push(e.message));
    let hooks = 0;
    sampler.onTick(() => { hooks++; });
    sampler.track(process.pid, 'self');
    sampler.start();
    await waitFor(() => rec.resource.find((p) => p.pid === process.pid));
    const h0 = hooks;
    const n0 = rec.resource.length;
    await waitFor(() => (hooks >= h0 + 3 && rec.resource.length >= n0 + 3 ? true : undefined));
    expect(errors[0]).toMatch(/tick task failed: Error: the worker closed its end of the tick channel/);
    expect(errors).toHaveLength(1);
  });
});
