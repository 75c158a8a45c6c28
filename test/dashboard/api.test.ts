// The JSON APIs the page reads: /api/live, /api/runs, /api/runs/:id, and the
// first frames of /events.
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- JSON bodies, checked by the assertions */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { createDashboard, startDashboardServer } from '../../src/dashboard/index.js';
import { AlertState, Severity, Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { getJson, liveHub, storedRun } from './helpers.js';

const tmp = useTmpDir();

describe('dashboard APIs', () => {
  it('/api/live: components (summed over processes per tick), host, alerts, hub health, dashboard counters', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const server = await startDashboardServer({ bus, port: 0, runId: 'r1', pushIntervalMs: 20, maxPoints: 50 });
    try {
      for (let i = 0; i < 80; ++i) {
        const tsMs = 1_700_000_000_000 + i * 1000;
        bus.publish(Topic.RESOURCE, { tsMs, runId: 'r1', component: 'worker', pid: 1, cpuPercent: 10, rssBytes: 100 });
        bus.publish(Topic.RESOURCE, { tsMs: tsMs + 3, runId: 'r1', component: 'worker', pid: 2, cpuPercent: 5, rssBytes: 50, loopLagP99Ms: 7 });
        bus.publish(Topic.RESOURCE, { tsMs, runId: 'other-run', component: 'ignored', pid: 3, cpuPercent: 1 });
      }
      bus.publish(Topic.HOST, { tsMs: Date.now(), runId: 'r1', host: 'box', cpuPercent: 12, memPercent: 34, disks: [{ mount: '/', usedPercent: 56, freeBytes: 789 }] });
      bus.publish(Topic.ALERT, { tsMs: Date.now(), runId: 'r1', rule: 'high_cpu', severity: Severity.WARNING, state: AlertState.FIRING, message: 'cpu high', component: 'worker', pid: 1, firedAtMs: 5, value: 99, threshold: 90 });
      bus.publish(Topic.HEARTBEAT, { tsMs: Date.now(), runId: 'r1', component: 'hub', pid: 9, droppedTotal: 3, flushP50Ms: 1.5, flushP99Ms: 9, rowsWritten: 10, queues: [{ name: 'a', depth: 2, capacity: 10 }, { name: 'b', depth: 5, capacity: 10 }] });
      await waitFor(() => true);
      await new Promise((r) => setTimeout(r, 100)); // a push closes the last tick
      const { status, body, headers } = await getJson(`${server.url}api/live`);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body).toMatchObject({ runId: 'r1', pushIntervalMs: 20, maxPoints: 50 });
      expect(body.components.map((c: { name: string }) => c.name)).toEqual(['worker']);
      const w = body.components[0];
      expect(w.series.cpu.t).toHaveLength(50); // capped at maxPoints
      expect(w.series.cpu.v.every((v: number) => v === 15)).toBe(true);
      expect(w.series.rss.v[0]).toBe(150);
      expect(w.series.lagP99.v[0]).toBe(7);
      expect(w.last).toMatchObject({ cpu: 15, rss: 150, lagP99: 7, gpuUtil: null });
      expect(w.pids.sort()).toEqual([1, 2]);
      expect(body.host).toMatchObject({ host: 'box', cpu: 12, mem: 34, disks: [{ mount: '/', usedPercent: 56, freeBytes: 789 }] });
      expect(body.host.series.disk.v).toEqual([56]);
      expect(body.alerts).toEqual([expect.objectContaining({ rule: 'high_cpu', severity: 'warning', state: 'firing', message: 'cpu high', component: 'worker', pid: 1, firedAtMs: 5, value: 99, threshold: 90 })]);
      expect(body.hub).toMatchObject({ droppedTotal: 3, queueDepth: 7, flushP50Ms: 1.5, flushP99Ms: 9, rowsWritten: 10 });
      expect(body.dashboard).toEqual({ clients: 0, droppedFrames: 0, droppedClients: 0, busDropped: 0 });
    } finally {
      await server.close();
      await bus.close();
    }
  });

  it('/api/runs lists stored runs newest first; /api/runs/:id serves raw history (≤ points per series) or rollups', async () => {
    const dir = tmp();
    const db = await storedRun(dir, 'old', 5, 60_000);
    const hub = await liveHub(db);
    const server = await startDashboardServer({ bus: hub.bus, dbPath: db, runId: hub.runId, port: 0 });
    try {
      await hub.flush(); // the live run's RUN_STARTED reaches the database
      const runs = await getJson(`${server.url}api/runs`);
      expect(runs.status).toBe(200);
      expect(runs.body.live).toBe('live-run');
      expect(runs.body.store).toBe(true);
      expect(runs.body.runs.map((r: { runId: string }) => r.runId)).toEqual(['live-run', 'old']);
      expect(runs.body.runs[1]).toMatchObject({ runId: 'old', exitCode: 0 });
      expect(typeof runs.body.runs[1].startedAtMs).toBe('number');

      const raw = await getJson(`${server.url}api/runs/old?points=100`);
      expect(raw.status).toBe(200);
      expect(raw.body.source).toBe('raw');
      expect(raw.body.run.runId).toBe('old');
      expect(raw.body.components.map((c: { name: string }) => c.name)).toEqual(['api', 'worker']);
      for (const c of raw.body.components) {
        for (const f of ['cpu', 'rss', 'gpuUtil', 'gpuMem', 'lagP99', 'heapUsed', 'heapTotal', 'gcRate']) {
          expect(c.series[f].t.length).toBeLessThanOrEqual(100);
          expect(c.series[f].t).toHaveLength(c.series[f].v.length);
        }
      }
      const worker = raw.body.components[1];
      // Two processes summed per tick: rss 1 MiB + 2 MiB; cpu 2 × (10…19), min and max kept.
      expect(new Set(worker.series.rss.v)).toEqual(new Set([3 * 2 ** 20]));
      expect(Math.min(...worker.series.cpu.v)).toBe(20);
      expect(Math.max(...worker.series.cpu.v)).toBe(38);
      expect(raw.body.host.cpu.v.length).toBeGreaterThan(0);

      const full = await getJson(`${server.url}api/runs/old`);
      expect(full.body.components[0].series.cpu.t).toHaveLength(300); // fits in 1000: not downsampled

      const alias = await getJson(`${server.url}api/runs/old/series?points=100`);
      expect(alias.body.source).toBe('raw');

      const missing = await getJson(`${server.url}api/runs/${encodeURIComponent('no such')}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('no_such_run');

      const bad = await getJson(`${server.url}api/runs/old?points=x`);
      expect(bad.status).toBe(400);
      const tooMany = await getJson(`${server.url}api/runs/old?points=5000`);
      expect(tooMany.status).toBe(400);
    } finally {
      await server.close();
      await hub.close();
    }
  });

  it('answers long ranges from rollups_1m', async () => {
    const dir = tmp();
    const db = await storedRun(dir, 'old', 3, 60_000);
    const hub = await liveHub(db);
    const server = await startDashboardServer({ bus: hub.bus, dbPath: db, port: 0, rawRangeMs: 60_000 });
    try {
      const { body } = await getJson(`${server.url}api/runs/old`);
      expect(body.source).toBe('rollup');
      const api = body.components.find((c: { name: string }) => c.name === 'api');
      expect(api.series.cpu.t.length).toBeGreaterThanOrEqual(3);
      expect(api.series.cpu.t.length).toBeLessThanOrEqual(4);
      for (const t of api.series.cpu.t) expect(t % 60_000).toBe(0);
      expect(body.host.mem.v.every((v: number) => v === 40)).toBe(true);
      expect(body.hub).toBeNull();
    } finally {
      await server.close();
      await hub.close();
    }
  });

  it('/events starts with a retry hint and a hello, then pushes ticks', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const server = await startDashboardServer({ bus, port: 0, pushIntervalMs: 20 });
    const ac = new AbortController();
    try {
      const res = await fetch(`${server.url}events`, { signal: ac.signal });
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      let text = '';
      const dec = new TextDecoder();
      const timer = setInterval(() => { bus.publish(Topic.RESOURCE, { tsMs: Date.now(), runId: 'r', component: 'c', pid: 1, cpuPercent: 1 }); }, 10);
      try {
        while (!text.includes('event: tick')) text += dec.decode((await reader.read()).value);
      } finally {
        clearInterval(timer);
      }
      expect(text.startsWith('retry: 3000\n\nevent: hello\ndata: {"runId":null,"pushIntervalMs":20,"maxPoints":1000,"live":{')).toBe(true);
      // The hello carries the live state as /api/live gives it, so the page paints without another request.
      const hello = JSON.parse(/event: hello\ndata: (.*)\n/.exec(text)![1]!);
      expect(Object.keys(hello.live).sort()).toEqual(Object.keys((await getJson(`${server.url}api/live`)).body).sort());
      expect(hello.live).toMatchObject({ runId: null, maxPoints: 1000, containers: [], containerSeries: { active: { t: [], v: [] }, byId: [] } });
      const tick = JSON.parse(/event: tick\ndata: (.*)\n/.exec(text)![1]!);
      expect(tick.components[0]).toMatchObject({ name: 'c', cpu: 1, pids: [1] });
      expect(tick.dashboard.clients).toBe(1);
    } finally {
      ac.abort();
      await server.close();
      await bus.close();
    }
  });

  it('mounts in another server: handle() takes its own paths and leaves the rest', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const dash = createDashboard({ bus });
    const server = createServer((req, res) => {
      if (dash.handle(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('metrics here\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/metrics`)).text()).toBe('metrics here\n');
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('metrics here\n');
      expect(await (await fetch(`${base}//js/app.js`)).text()).toBe('metrics here\n');
      const page = await fetch(`${base}/`);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>runbus dashboard</title>');
      const js = await fetch(`${base}/vendor/uplot.min.js`);
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(10_000);
      expect((await fetch(`${base}/api/nothing`)).status).toBe(404);
      expect((await fetch(`${base}/api/runs`, { method: 'POST' })).status).toBe(405);
      expect((await getJson(`${base}/api/runs`)).body).toEqual({ live: null, liveHub: true, store: false, runs: [], hosts: [] });
      expect((await getJson(`${base}/api/runs/x`)).body.error.code).toBe('no_store');
    } finally {
      await dash.close();
      await dash.close();
      expect((await fetch(`${base}/api/live`)).status).toBe(503);
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => { r(); }));
      await bus.close();
    }
  });
});
