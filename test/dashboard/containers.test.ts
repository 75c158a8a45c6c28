// Containers on the dashboard: the live state keeps one row per container
// (figures, running / exited / cleaned, orphan) and counts the containers of
// each sampler tick; a stored run's history serves the same from the
// `containers` and `container_snapshots` views.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDashboardServer } from '../../src/dashboard/index.js';
import type { RunHistory } from '../../src/dashboard/index.js';
import { LiveState } from '../../src/dashboard/live-state.js';
import { createHub } from '../../src/hub/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';
import { getJson } from './helpers.js';

const tmp = useTmpDir();
const idA = 'a'.repeat(64);
const idB = 'b'.repeat(64);
const idOld = 'c'.repeat(64);

describe('containers on the dashboard', () => {
  it('live: one row per container, its series, and the containers of each tick', () => {
    let now = 1_000_000;
    const s = new LiveState({ maxPoints: 100, maxComponents: 10, now: () => now });
    s.ingest({ tsMs: now, runId: 'r', kind: LifecycleKind.CONTAINER_ORPHANED, containerId: idOld, component: 'eval-old', image: 'busybox' }, Topic.LIFECYCLE);
    // Found at start, not sampled yet: its state is not known.
    expect(s.snapshot().containers).toEqual([expect.objectContaining({ id: idOld, status: 'unknown', orphan: true })]);
    s.ingest({ tsMs: now, runId: 'r', kind: LifecycleKind.CONTAINER_CLEANED, containerId: idOld, component: 'eval-old', image: 'busybox' }, Topic.LIFECYCLE);
    s.ingest({ tsMs: now, runId: 'r', kind: LifecycleKind.CONTAINER_STARTED, containerId: idA, component: 'eval-1', image: 'sandbox:1' }, Topic.LIFECYCLE);
    for (let i = 0; i < 3; ++i) {
      const t = 2_000_000 + i * 1000;
      s.ingest({ tsMs: t, runId: 'r', containerId: idA, name: 'eval-1', image: 'sandbox:1', cpuPercent: 90 + i, memBytes: 64 * 2 ** 20, memLimitBytes: 128 * 2 ** 20, pids: 3 }, Topic.CONTAINER);
      // The second container joins in the last two ticks.
      if (i > 0) s.ingest({ tsMs: t + 5, runId: 'r', containerId: idB, name: 'eval-2', image: 'sandbox:1', cpuPercent: 5, memBytes: 2 ** 20 }, Topic.CONTAINER);
      now += 1000;
    }
    const d = s.takeDelta()!;
    expect(d.activeContainers.map((a) => a.n)).toEqual([1, 2, 2]);
    const a = d.containers.find((c) => c.view.id === idA)!;
    expect(a.points.map((p) => p.cpu)).toEqual([90, 91, 92]);
    expect(a.view).toMatchObject({ name: 'eval-1', image: 'sandbox:1', status: 'running', cpu: 92, mem: 64 * 2 ** 20, memLimit: 128 * 2 ** 20, pids: 3, orphan: false });
    expect(d.containers.find((c) => c.view.id === idOld)!.view).toMatchObject({ status: 'cleaned', orphan: true, cleaned: true, tsMs: null });

    s.ingest({ tsMs: now, runId: 'r', kind: LifecycleKind.CONTAINER_EXITED, containerId: idA, component: 'eval-1', exitCode: 137 }, Topic.LIFECYCLE);
    const d2 = s.takeDelta()!;
    expect(d2.containers.map((c) => c.view)).toEqual([expect.objectContaining({ id: idA, status: 'exited', exitCode: 137, cpu: 92 })]);
    expect(d2.activeContainers).toEqual([]);
    const snap = s.snapshot();
    expect(snap.containers.map((c) => c.name).sort()).toEqual(['eval-1', 'eval-2', 'eval-old']);
    expect(snap.containerSeries.active.v).toEqual([1, 2, 2]);
    expect(snap.containerSeries.byId.find((x) => x.id === idB)!.mem.v).toEqual([2 ** 20, 2 ** 20]);
    // Nothing new: no delta.
    expect(s.takeDelta()).toBeNull();
  });

  it('live: keeps at most maxComponents containers, evicting those not running first', () => {
    const s = new LiveState({ maxPoints: 10, maxComponents: 2, now: () => 0 });
    s.ingest({ tsMs: 1, runId: 'r', containerId: idA, name: 'a', cpuPercent: 1 }, Topic.CONTAINER);
    s.ingest({ tsMs: 1, runId: 'r', kind: LifecycleKind.CONTAINER_EXITED, containerId: idA, component: 'a' }, Topic.LIFECYCLE);
    s.ingest({ tsMs: 2, runId: 'r', containerId: idB, name: 'b', cpuPercent: 1 }, Topic.CONTAINER);
    s.ingest({ tsMs: 3, runId: 'r', containerId: idOld, name: 'c', cpuPercent: 1 }, Topic.CONTAINER);
    expect(s.snapshot().containers.map((c) => c.name)).toEqual(['b', 'c']);
  });

  it("a stored run's history: the containers view with each container's latest figures, and the series (raw, then rollups_1m)", async () => {
    const db = join(tmp(), 'c.db');
    const hub = await createHub({ db, runId: 'boxes', self: false, host: false, gpu: false, handleSignals: false, alerts: false, logger: quietLogger() });
    // Ten seconds inside one minute, so the rollup has one row per container.
    const t0 = Math.floor((Date.now() - 120_000) / 60_000) * 60_000 + 5000;
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: t0, runId: 'boxes', kind: LifecycleKind.CONTAINER_ORPHANED, containerId: idOld, component: 'eval-old', image: 'busybox' });
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: t0, runId: 'boxes', kind: LifecycleKind.CONTAINER_STARTED, containerId: idA, component: 'eval-1', image: 'sandbox:1' });
    for (let i = 0; i < 10; ++i) {
      hub.bus.publish(Topic.CONTAINER, { tsMs: t0 + i * 1000, runId: 'boxes', containerId: idA, name: 'eval-1', image: 'sandbox:1', cpuPercent: 100 + i, memBytes: (10 + i) * 2 ** 20, memLimitBytes: 64 * 2 ** 20, pids: 2 });
      if (i >= 5) hub.bus.publish(Topic.CONTAINER, { tsMs: t0 + i * 1000 + 3, runId: 'boxes', containerId: idB, name: 'eval-2', image: 'sandbox:1', cpuPercent: 1, memBytes: 2 ** 20, pids: 1 });
    }
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: t0 + 10_000, runId: 'boxes', kind: LifecycleKind.CONTAINER_STARTED, containerId: idB, component: 'eval-2', image: 'sandbox:1' });
    hub.bus.publish(Topic.LIFECYCLE, { tsMs: t0 + 10_000, runId: 'boxes', kind: LifecycleKind.CONTAINER_EXITED, containerId: idA, component: 'eval-1', exitCode: 0 });
    await hub.close({ exitCode: 0 });
    const server = await startDashboardServer({ dbPath: db, port: 0 });
    try {
      const r = await getJson(`${server.url}api/runs/boxes`);
      expect(r.status).toBe(200);
      const body = r.body as RunHistory;
      expect(body.containerSeries.active.v).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
      const a = body.containerSeries.byId.find((x) => x.id === idA)!;
      expect(a.cpu.v).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
      const byName = Object.fromEntries(body.containers.map((c) => [c.name, c]));
      expect(byName['eval-1']).toMatchObject({ id: idA, image: 'sandbox:1', status: 'exited', exitCode: 0, cpu: 109, mem: 19 * 2 ** 20, memLimit: 64 * 2 ** 20, pids: 2, orphan: false });
      // The run ended without an exit for it: its state is not known.
      expect(byName['eval-2']).toMatchObject({ status: 'unknown', cpu: 1, pids: 1 });
      expect(byName['eval-old']).toMatchObject({ orphan: true, cleaned: false, cpu: null, tsMs: null });
    } finally {
      await server.close();
    }
    // Past rawRangeMs (or once retention removed the raw rows): per-minute averages.
    const long = await startDashboardServer({ dbPath: db, port: 0, rawRangeMs: 0 });
    try {
      const body = (await getJson(`${long.url}api/runs/boxes`)).body as RunHistory;
      const minute = t0 - 5000;
      expect(body.containerSeries.active).toEqual({ t: [minute], v: [2] });
      const a = body.containerSeries.byId.find((x) => x.id === idA)!;
      expect(a.cpu).toEqual({ t: [minute], v: [104.5] });
      expect(a.mem.v).toEqual([14.5 * 2 ** 20]);
      expect(body.containers.find((c) => c.id === idA)).toMatchObject({ status: 'exited', cpu: 104.5, tsMs: minute, pids: null, memLimit: 64 * 2 ** 20 });
    } finally {
      await long.close();
    }
  });
});
