// A hub pushes its store into a real Prometheus (remote write receiver on);
// the server's query API is the oracle, the local store the reference.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';
import { kHavePrometheus, kNeedsPrometheusPackage } from '../export/helpers.js';
import { bearerProxy, PromServer } from '../../support/prom-server.js';

const tmp = useTmpDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function prometheus(): Promise<PromServer> {
  const p = await PromServer.start(join(tmp(), 'prom'));
  cleanups.push(() => p.stop());
  return p;
}

async function hub(db: string, url: string, over: { hostId?: string; bearerToken?: string } = {}): Promise<Hub> {
  const h = await createHub({
    db, intervalMs: 200, gpu: false, handleSignals: false, logger: quietLogger(),
    remoteWrite: { urls: [url], pollMs: 50, minBackoffMs: 50, maxBackoffMs: 200, failingAlertMs: 300, ...over },
  });
  cleanups.push(() => h.close());
  return h;
}

function publishMetrics(h: Hub, from: number, n: number, t0: number): void {
  for (let i = from; i < from + n; i++) {
    h.bus.publish(Topic.METRIC, { tsMs: t0 + i * 100, runId: h.runId, component: 'loop', pid: process.pid, name: 'iteration', labels: { phase: 'train' }, value: i });
  }
}

describe.skipIf(!kHavePrometheus)(`remote write from a hub into a real Prometheus ${kHavePrometheus ? '' : kNeedsPrometheusPackage}`, () => {
  it('a run\'s series arrive with the values, labels and timestamps of the local store', async () => {
    const prom = await prometheus();
    const db = join(tmp(), 'a.db');
    const h = await hub(db, prom.writeUrl);
    const t0 = Date.now() - 30_000;
    publishMetrics(h, 0, 100, t0);
    await new Promise((r) => setTimeout(r, 700));
    await h.close();
    const st = h.stats();
    expect(st.remoteWrite).toMatchObject({ rowsBehind: 0, refusedSamples: 0 });
    expect(st.hostId).toMatch(/^[0-9a-f]{16}$/);

    const local = new Database(db, { readonly: true });
    cleanups.push(() => { local.close(); return Promise.resolve(); });
    const metrics = local.prepare('SELECT ts_ms, value FROM metrics WHERE run_id = ? ORDER BY ts_ms').all(h.runId) as { ts_ms: number; value: number }[];
    const remote = await prom.samples(`runbus_app_iteration{run_id="${h.runId}"}`);
    expect(remote).toHaveLength(1);
    expect(remote[0]!.metric).toMatchObject({ component: 'loop', phase: 'train', host_id: st.hostId, run_id: h.runId });
    expect(remote[0]!.values.map(([t, v]) => [Math.round(t * 1000), Number(v)])).toEqual(metrics.map((m) => [m.ts_ms, m.value]));

    // Process series: one per sampled pid, each sample as stored.
    const rss = local.prepare('SELECT ts_ms, rss_bytes FROM snapshots WHERE run_id = ? AND pid = ? AND rss_bytes IS NOT NULL ORDER BY ts_ms').all(h.runId, process.pid) as { ts_ms: number; rss_bytes: number }[];
    expect(rss.length).toBeGreaterThan(0);
    const rr = await prom.samples(`runbus_process_resident_memory_bytes{run_id="${h.runId}",pid="${process.pid}"}`);
    expect(rr[0]!.metric).toMatchObject({ component: 'app', host: expect.any(String) as string, host_id: st.hostId });
    expect(rr[0]!.values.map(([t, v]) => [Math.round(t * 1000), Number(v)])).toEqual(rss.map((m) => [m.ts_ms, m.rss_bytes]));
    const hostRows = await prom.samples(`runbus_host_memory_used_percent{run_id="${h.runId}"}`);
    expect(hostRows).toHaveLength(1);
    // The inventory is in the hosts view.
    expect(local.prepare('SELECT host_id, cpu_cores FROM hosts').all()).toEqual([{ host_id: st.hostId, cpu_cores: expect.any(Number) as number }]);
  }, 90_000);

  it('two hubs with different host ids push into one server and stay apart', async () => {
    const prom = await prometheus();
    const t0 = Date.now() - 20_000;
    const a = await hub(join(tmp(), 'a.db'), prom.writeUrl, { hostId: 'host-a' });
    const b = await hub(join(tmp(), 'b.db'), prom.writeUrl, { hostId: 'host-b' });
    // The same run id on both: only the host id keeps them apart.
    for (const h of [a, b]) {
      for (let i = 0; i < 20; i++) h.bus.publish(Topic.METRIC, { tsMs: t0 + i * 100, runId: 'shared', component: 'loop', pid: 1, name: 'iteration', value: h === a ? i : 100 + i });
    }
    await Promise.all([a.close(), b.close()]);
    const r = await prom.samples('runbus_app_iteration{run_id="shared"}');
    expect(r.map((x) => [x.metric.host_id, x.values.length, Number(x.values.at(-1)![1])]).sort()).toEqual([['host-a', 20, 19], ['host-b', 20, 119]]);
  }, 90_000);

  it('the server down for 30 s mid-run and restarted: every sample arrives once, no gap; backoff stays bounded; the failing alert fires and resolves', async () => {
    const prom = await prometheus();
    const db = join(tmp(), 'a.db');
    const h = await createHub({
      db, intervalMs: 200, gpu: false, handleSignals: false, logger: quietLogger(),
      remoteWrite: { urls: [prom.writeUrl], minBackoffMs: 50, maxBackoffMs: 2000, failingAlertMs: 300 },
    });
    cleanups.push(() => h.close());
    const alerts: string[] = [];
    h.bus.subscribe(Topic.ALERT, (a) => { if (a.rule === 'remote_write_failing') alerts.push(a.state === 1 ? 'firing' : 'resolved'); });
    const t0 = Date.now() - 60_000;
    publishMetrics(h, 0, 50, t0);
    await prom.until(() => prom.samples(`runbus_app_iteration{run_id="${h.runId}"}`), (r) => r[0]?.values.length === 50);
    await prom.stop();
    // 30 s down, the run going on: a metric every 200 ms, processes and the host sampled at 200 ms.
    for (let s = 0; s < 30; s++) {
      publishMetrics(h, 50 + s * 5, 5, t0);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const down = h.stats().remoteWrite!;
    expect(down.rowsBehind).toBeGreaterThan(0);
    expect(down.failingSinceMs).not.toBeNull();
    expect(down.targets[0]!.lastError).toMatch(/^unreachable/);
    // Doubling from 50 ms without a ceiling would have tried about 9 times in
    // 30 s; held to 2 s (each wait in [1 s, 2 s)), it keeps trying.
    expect(down.retries).toBeGreaterThanOrEqual(12);
    await prom.restart();
    publishMetrics(h, 200, 50, t0);
    const r = await prom.until(() => prom.samples(`runbus_app_iteration{run_id="${h.runId}"}`), (x) => x[0]?.values.length === 250, 60_000);
    expect(r[0]!.values.map(([t, v]) => [Math.round(t * 1000), Number(v)])).toEqual(Array.from({ length: 250 }, (_, i) => [t0 + i * 100, i]));
    await h.close();
    const st = h.stats().remoteWrite!;
    expect(st).toMatchObject({ rowsBehind: 0, refusedSamples: 0, failingSinceMs: null });
    expect(st.targets[0]!.replayedRequests).toBe(0);
    // Every sample once: what the server holds for the run is exactly what
    // the writer counted as sent, so no request went twice.
    const held = await prom.samples(`{run_id="${h.runId}"}`);
    expect(held.reduce((n, x) => n + x.values.length, 0)).toBe(st.samplesSent);
    // And the process series match the local store sample for sample.
    const local = new Database(db, { readonly: true });
    cleanups.push(() => { local.close(); return Promise.resolve(); });
    const rss = local.prepare('SELECT ts_ms, rss_bytes FROM snapshots WHERE run_id = ? AND pid = ? AND rss_bytes IS NOT NULL ORDER BY ts_ms').all(h.runId, process.pid) as { ts_ms: number; rss_bytes: number }[];
    expect(rss.length).toBeGreaterThan(150);
    const rr = await prom.samples(`runbus_process_resident_memory_bytes{run_id="${h.runId}",pid="${process.pid}"}`);
    expect(rr[0]!.values.map(([t, v]) => [Math.round(t * 1000), Number(v)])).toEqual(rss.map((m) => [m.ts_ms, m.rss_bytes]));
    expect(alerts).toEqual(['firing', 'resolved']);
  }, 150_000);

  it('a bad token: the 4xx is counted and reported, and the queue does not wedge', async () => {
    const prom = await prometheus();
    const proxy = await bearerProxy(prom.writeUrl, 'right');
    cleanups.push(() => proxy.close());
    const logs: string[] = [];
    const db = join(tmp(), 'a.db');
    const h = await createHub({
      db, intervalMs: 200, gpu: false, handleSignals: false, logger: { warn: (m) => { logs.push(m); } },
      remoteWrite: { urls: [proxy.url], bearerToken: 'wrong', pollMs: 50 },
    });
    cleanups.push(() => h.close());
    publishMetrics(h, 0, 30, Date.now() - 10_000);
    await h.close();
    const st = h.stats().remoteWrite!;
    expect(st.refusedSamples).toBeGreaterThan(0);
    expect(st.rowsBehind).toBe(0);
    expect(st.targets[0]!.lastError).toBe('HTTP 401: bad token');
    expect(logs.filter((l) => l.includes('refused'))).toHaveLength(1);
    expect(proxy.refused).toBeGreaterThan(0);
  }, 90_000);
});
