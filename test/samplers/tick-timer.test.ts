import { afterEach, describe, expect, it, vi } from 'vitest';
import { TickTimer } from '../../src/samplers/tick-timer.js';
import type { TickMeta } from '../../src/samplers/tick-timer.js';

// The worker's side of the ticks, on this thread: fake timers and a tick
// whose end the test decides.

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function harness(): { timer: TickTimer<number>; sent: { n: number; meta: TickMeta }[]; finish(): Promise<void>; runs: () => number } {
  let runs = 0;
  let release: (() => void) | null = null;
  const sent: { n: number; meta: TickMeta }[] = [];
  const timer = new TickTimer<number>(
    () => new Promise<number>((resolve) => { const n = ++runs; release = () => { resolve(n); }; }),
    (n, meta) => { sent.push({ n, meta }); },
  );
  return {
    timer, sent, runs: () => runs,
    // Ends the running tick and lets its answer go out.
    async finish() {
      const r = release;
      release = null;
      r?.();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

describe('the worker tick timer', () => {
  it('ticks on its timer, marks those ticks scheduled, and stops at drive(0)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = harness();
    h.timer.drive(1000);
    expect(h.runs()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(h.runs()).toBe(1);
    await h.finish();
    expect(h.sent).toEqual([{ n: 1, meta: expect.objectContaining({ scheduled: true, answers: 0, skipped: 0 }) }]);
    h.timer.drive(0);
    vi.advanceTimersByTime(5000);
    expect(h.runs()).toBe(1);
    expect(h.timer.driving).toBe(false);
  });

  it('skips and counts scheduled ticks that fall due while one runs, never queueing them', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = harness();
    h.timer.drive(1000);
    vi.advanceTimersByTime(1000); // tick 1 starts and does not end
    vi.advanceTimersByTime(3000); // three more fall due meanwhile
    expect(h.runs()).toBe(1);
    await h.finish();
    expect(h.sent[0]!.meta).toMatchObject({ scheduled: true, skipped: 3 });
    vi.advanceTimersByTime(1000); // idle now: this one runs
    expect(h.runs()).toBe(2);
    await h.finish();
    expect(h.sent[1]!.meta).toMatchObject({ scheduled: true, skipped: 0 });
  });

  it('counts as skipped the due times a busy thread let pass (the timer fires late, once)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const h = harness();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(5000);
    h.timer.drive(1000);
    // The thread was blocked: 3.5 intervals passed before the timer could fire.
    clock.mockReturnValue(8500);
    vi.advanceTimersByTime(1000);
    clock.mockRestore();
    expect(h.runs()).toBe(1);
    await h.finish();
    expect(h.sent[0]!.meta).toMatchObject({ scheduled: true, skipped: 2 });
  });

  it('runs a tick asked for at once, and has a running tick answer requests that come meanwhile', async () => {
    const h = harness();
    h.timer.now(1);
    expect(h.runs()).toBe(1);
    h.timer.now(2);
    h.timer.now(3);
    expect(h.runs()).toBe(1); // joined, not queued
    await h.finish();
    expect(h.sent).toEqual([{ n: 1, meta: expect.objectContaining({ scheduled: false, answers: 3, skipped: 0 }) }]);
    h.timer.now(4);
    await h.finish();
    expect(h.sent[1]!.meta).toMatchObject({ scheduled: false, answers: 4 });
  });

  it('gives each answer the time its tick started, on the epoch clock', async () => {
    const h = harness();
    const before = Date.now();
    h.timer.now(1);
    await h.finish();
    const at = h.sent[0]!.meta.startedAt;
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now() + 1);
  });
});
