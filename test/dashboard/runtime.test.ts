// Node runtime figures: heap summed per tick, GC pause as a rate (ms per
// second) from cumulative per-process figures — live and for stored runs.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- JSON bodies, checked by the assertions */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDashboardServer } from '../../src/dashboard/index.js';
import { LiveState } from '../../src/dashboard/live-state.js';
import { GcRates, gcTotalMs, TickGrouper } from '../../src/dashboard/points.js';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';
import { getJson } from './helpers.js';

const tmp = useTmpDir();

describe('GC pause rate', () => {
  it('is the cumulative figure’s increase per second; none for a first sample, a figure that went down, or no figure', () => {
    const g = new GcRates();
    expect(g.rate(1, 1000, 50)).toBeNull(); // first sample: no base
    expect(g.rate(1, 2000, 70)).toBe(20);
    expect(g.rate(1, 2500, 80)).toBe(20); // 10 ms in 0.5 s
    expect(g.rate(1, 3500, 80)).toBe(0);
    // The process restarted under the same pid: counters from zero, no negative rate…
    expect(g.rate(1, 4500, 3)).toBeNull();
    // …and the restarted process is the new base.
    expect(g.rate(1, 5500, 8)).toBe(5);
    // Another pid has its own base; a sample without GC figures has no rate and keeps the base.
    expect(g.rate(2, 5500, 100)).toBeNull();
    expect(g.rate(2, 6000, null)).toBeNull();
    expect(g.rate(2, 6500, 101)).toBe(1);
    // A repeated or older time gives no rate.
    expect(g.rate(2, 6500, 102)).toBeNull();
  });

  it('sums the kinds present; none when a sample has no kind', () => {
    expect(gcTotalMs(1, 2.5, null, undefined)).toBe(3.5);
    expect(gcTotalMs(null, undefined, Number.NaN)).toBeNull();
  });

  it('a tick sums heap and GC rates over its processes; a restart never makes it negative', () => {
    const g = new TickGrouper();
    const base = { cpu: null, rss: null, gpuUtil: null, gpuMem: null, lagP99: null };
    g.add(0, 1, { ...base, heapUsed: 10, heapTotal: 20, gcMs: 100 });
    g.add(5, 2, { ...base, heapUsed: 1, heapTotal: 2, gcMs: 40 });
    const first = g.add(1000, 1, { ...base, heapUsed: 11, heapTotal: 20, gcMs: 130 });
    expect(first).toMatchObject({ t: 0, heapUsed: 11, heapTotal: 22, gcRate: null });
    g.add(1005, 2, { ...base, heapUsed: 2, heapTotal: 2, gcMs: 50 });
    const second = g.add(2000, 1, { ...base, heapUsed: 5, heapTotal: 8, gcMs: 2 }); // pid 1 restarted
    expect(second).toMatchObject({ t: 1000, heapUsed: 13, heapTotal: 22, gcRate: 40 }); // 30 + 10 ms/s
    expect(g.flush()).toMatchObject({ t: 2000, heapUsed: 5, gcRate: null });
  });

  it('live: heap and GC rate per component; a process without the figures has none', () => {
    let now = 1_000_000;
    const s = new LiveState({ maxPoints: 100, maxComponents: 10, now: () => now });
    for (let i = 0; i < 4; ++i) {
      // gc kinds 2 + 1 + 1 + 0 ms per second.
      s.ingest({ tsMs: i * 1000, runId: 'r', component: 'node', pid: 1, heapUsedBytes: 100 + i, heapTotalBytes: 200, gcMinorMs: 2 * i, gcMajorMs: i, gcIncrementalMs: i, gcWeakcbMs: 0 }, Topic.RESOURCE);
      s.ingest({ tsMs: i * 1000, runId: 'r', component: 'cmd', pid: 2, cpuPercent: 1 }, Topic.RESOURCE);
      now += 1000;
      s.takeDelta();
    }
    const comps = s.snapshot().components;
    const node = comps.find((c) => c.name === 'node')!;
    expect(node.series.heapUsed.v).toEqual([100, 101, 102, 103]);
    expect(node.series.heapTotal.v).toEqual([200, 200, 200, 200]);
    expect(node.series.gcRate.v).toEqual([null, 4, 4, 4]);
    const cmd = comps.find((c) => c.name === 'cmd')!;
    expect(cmd.series.heapUsed.v.every((v) => v === null)).toBe(true);
    expect(cmd.series.gcRate.v.every((v) => v === null)).toBe(true);
  });

  it('a stored run: /api/runs/:id gives heap and the GC rate from raw snapshots', async () => {
    const db = join(tmp(), 'dash.db');
    const hub = await createHub({ db, runId: 'rt', self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
    const t0 = Date.now() - 60_000;
    for (let i = 0; i < 30; ++i) {
      // pid 7 restarts at i = 15 (its counters from zero): 3 ms/s before, 3 ms/s after, never negative.
      const k = i < 15 ? i : i - 15;
      hub.bus.publish(Topic.RESOURCE, { tsMs: t0 + i * 1000, runId: 'rt', component: 'node', pid: 7, rssBytes: 1, heapUsedBytes: 2 ** 20 * (i + 1), heapTotalBytes: 2 ** 25, gcMinorMs: 1 + 2 * k, gcMajorMs: k });
    }
    await hub.close({ exitCode: 0 });
    const server = await startDashboardServer({ dbPath: db, port: 0 });
    try {
      const { status, body } = await getJson(`${server.url}api/runs/rt`);
      expect(status).toBe(200);
      expect(body.source).toBe('raw');
      const s = body.components[0].series;
      expect(s.heapUsed.v).toHaveLength(30);
      expect(s.heapUsed.v.at(-1)).toBe(30 * 2 ** 20);
      expect(new Set(s.heapTotal.v)).toEqual(new Set([2 ** 25]));
      expect(s.gcRate.v.filter((v: number | null) => v === null)).toHaveLength(2); // the first sample and the restart
      expect(new Set(s.gcRate.v.filter((v: number | null) => v !== null))).toEqual(new Set([3]));
    } finally {
      await server.close();
    }
  });
});
