// The live view's memory is bounded: components, points per series,
// processes; ticks group the processes of a component.

import { describe, expect, it } from 'vitest';
import { LiveState } from '../../src/dashboard/live-state.js';
import { AlertState, LifecycleKind, Topic } from '../../src/wire/index.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000_000;
  return { now: () => t, advance: (ms) => { t += ms; } };
}

describe('LiveState', () => {
  it('keeps at most maxPoints per series and maxComponents components (least recently seen evicted)', () => {
    const c = clock();
    const s = new LiveState({ maxPoints: 20, maxComponents: 3, now: c.now });
    for (let i = 0; i < 100; ++i) {
      for (const name of ['a', 'b', 'c']) s.ingest({ tsMs: i * 1000, runId: 'r', component: name, pid: 1, cpuPercent: i }, Topic.RESOURCE);
      c.advance(1000);
      s.takeDelta();
    }
    s.ingest({ tsMs: 200_000, runId: 'r', component: 'd', pid: 1, cpuPercent: 1 }, Topic.RESOURCE);
    c.advance(1000);
    s.takeDelta();
    const snap = s.snapshot();
    expect(snap.components.map((x) => x.name)).toHaveLength(3);
    expect(snap.components.map((x) => x.name)).toContain('d');
    expect(snap.evictedComponents).toBe(1);
    const b = snap.components.find((x) => x.name === 'c')!;
    expect(b.series.cpu.t).toHaveLength(20);
    expect(b.series.cpu.v.at(-1)).toBe(99);
  });

  it('sums the processes of a tick, maxes the lag, and drops exited or silent processes', () => {
    const c = clock();
    const s = new LiveState({ maxPoints: 100, maxComponents: 10, now: c.now });
    s.ingest({ tsMs: 1000, runId: 'r', component: 'w', pid: 1, cpuPercent: 10, rssBytes: 100, loopLagP99Ms: 3 }, Topic.RESOURCE);
    s.ingest({ tsMs: 1010, runId: 'r', component: 'w', pid: 2, cpuPercent: 20, rssBytes: 50, loopLagP99Ms: 9 }, Topic.RESOURCE);
    // Same pid again: a new tick.
    s.ingest({ tsMs: 1020, runId: 'r', component: 'w', pid: 1, cpuPercent: 1 }, Topic.RESOURCE);
    expect(s.takeDelta()!.components).toEqual([{ name: 'w', pids: [1, 2], t: 1000, cpu: 30, rss: 150, gpuUtil: null, gpuMem: null, lagP99: 9, heapUsed: null, heapTotal: null, gcRate: null }]);
    c.advance(300);
    expect(s.takeDelta()!.components[0]).toMatchObject({ t: 1020, cpu: 1 });
    s.ingest({ tsMs: 2000, runId: 'r', component: 'w', pid: 2, state: 'Z' }, Topic.RESOURCE);
    s.ingest({ tsMs: 2000, runId: 'r', kind: LifecycleKind.PROCESS_EXITED, component: 'w', pid: 2 }, Topic.LIFECYCLE);
    expect(s.snapshot().components[0]!.pids).toEqual([1]);
    c.advance(20_000);
    s.takeDelta();
    expect(s.snapshot().components[0]!.pids).toEqual([]);
    expect(s.takeDelta()).toBeNull();
  });

  it('replaces an alert by its key when it resolves', () => {
    const s = new LiveState({ maxPoints: 10, maxComponents: 10 });
    const base = { runId: 'r', rule: 'x', component: 'w', pid: 1, firedAtMs: 5, message: 'm' };
    s.ingest({ ...base, tsMs: 5, state: AlertState.FIRING }, Topic.ALERT);
    s.ingest({ ...base, tsMs: 9, state: AlertState.RESOLVED, resolvedAtMs: 9 }, Topic.ALERT);
    const alerts = s.snapshot().alerts;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'resolved', resolvedAtMs: 9, firedAtMs: 5 });
    for (let i = 0; i < 700; ++i) s.ingest({ ...base, firedAtMs: 100 + i, tsMs: 100 + i, state: AlertState.FIRING }, Topic.ALERT);
    expect(s.snapshot().alerts).toHaveLength(500);
  });
});
