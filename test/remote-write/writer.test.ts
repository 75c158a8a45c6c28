// The writer reads committed rows forward from its cursor in the store and
// sends them as series named as on /metrics; retries with backoff and
// jitter, skips what a receiver refuses, resends an in-flight request after
// a crash, and keeps its counters straight.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { RemoteWriter, resolveRemoteWriteOptions } from '../../src/remote-write/index.js';
import type { RemoteWriterSettings, WriterEnv } from '../../src/remote-write/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { batch, kT0 } from '../store/helpers.js';
import { FakeReceiver } from './fake-receiver.js';
import { useWriterStore } from './writer-store.js';

const newStore = useWriterStore('rb-rw-');
let store: Store | undefined;

function settings(over: Partial<RemoteWriterSettings> = {}): RemoteWriterSettings {
  const o = resolveRemoteWriteOptions({ urls: ['http://receiver.test/api/v1/write'], host: 'box', hostId: 'hid-1', maxRowsPerRequest: 10 });
  return { ...o, hostId: 'hid-1', ...over };
}

class TestEnv implements WriterEnv {
  t = kT0 + 60_000;
  slept: number[] = [];
  logs: string[] = [];
  fetch: WriterEnv['fetch'];
  constructor(r: FakeReceiver) { this.fetch = r.fetch; }
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> => { this.slept.push(ms); this.t += ms; return Promise.resolve(); };
  delay = (ms: number): Promise<void> => this.sleep(ms);
  wake = (): void => {};
  random = (): number => 0.5;
  log = (m: string): void => { this.logs.push(m); };
}

function feed(n: number, start = 0): Envelope[] {
  const out: Envelope[] = [];
  for (let i = start; i < start + n; i++) {
    out.push({ topic: Topic.RESOURCE, payload: resource({ tsMs: kT0 + i * 1000, runId: 'r1', pid: 11, rssBytes: 1000 + i, cpuUserMs: 500 * i }) });
    out.push({ topic: Topic.METRIC, payload: { tsMs: kT0 + i * 1000, runId: 'r1', component: 'loop', pid: 7, name: 'latencyMs', labels: { strategy: 'a' }, value: i } });
  }
  return out;
}

async function setup(): Promise<{ path: string; db: Database.Database }> {
  const w = await newStore();
  store = w.store;
  return w;
}

describe('remote writer (store → series)', () => {
  it('sends every committed row once, with /metrics names, units and labels plus host and host_id', async () => {
    const { db } = await setup();
    await store!.write(batch(feed(25)));
    const r = new FakeReceiver();
    const env = new TestEnv(r);
    const w = new RemoteWriter(db, settings(), env);
    expect(await w.catchUp()).toBe(true);
    const s = r.series();
    const rss = s.get('__name__=runbus_process_resident_memory_bytes,component=trainer,host=box,host_id=hid-1,pid=11,run_id=r1');
    expect(rss).toEqual(Array.from({ length: 25 }, (_, i) => [kT0 + i * 1000, 1000 + i]));
    // Units as on /metrics: cpu_user_ms → seconds; latencyMs → runbus_app_latency_seconds.
    expect(s.get('__name__=runbus_process_cpu_user_seconds_total,component=trainer,host=box,host_id=hid-1,pid=11,run_id=r1')!.at(-1)).toEqual([kT0 + 24_000, 12]);
    expect(s.get('__name__=runbus_app_latency_seconds,component=loop,host=box,host_id=hid-1,run_id=r1,strategy=a')!.at(-1)).toEqual([kT0 + 24_000, 0.024]);
    // 50 rows (25 per table) in requests of at most 10 rows, all tables together.
    expect(r.requests).toBe(5);
    expect(r.maxConcurrent).toBe(1);
    expect(r.headers[0]).toMatchObject({ 'Content-Encoding': 'snappy', 'Content-Type': 'application/x-protobuf', 'X-Prometheus-Remote-Write-Version': '0.1.0' });
    const st = w.stats()[0]!;
    expect(st).toMatchObject({ rowsBehind: 0, requestsSent: 5, retries: 0, refusedRequests: 0, failingSinceMs: null });
    let samples = 0;
    for (const v of s.values()) samples += v.length;
    expect(st.samplesSent).toBe(samples);
    // The cursor is in the store; a new writer on the same file sends nothing again.
    const again = new FakeReceiver();
    expect(await new RemoteWriter(db, settings(), new TestEnv(again)).catchUp()).toBe(true);
    expect(again.requests).toBe(0);
    expect(db.prepare('SELECT source, last_rowid, inflight_to FROM remote_write_cursors ORDER BY source').all()).toEqual([
      { source: 't_metric', last_rowid: 25, inflight_to: null }, { source: 't_snapshot', last_rowid: 25, inflight_to: null },
    ]);
  });

  it('retries 5xx, 429 and unreachable with doubling backoff and jitter, then delivers oldest first', async () => {
    const { db } = await setup();
    await store!.write(batch(feed(5)));
    const r = new FakeReceiver();
    r.script = ['throw', 503, 429, 500];
    const env = new TestEnv(r);
    const w = new RemoteWriter(db, settings({ minBackoffMs: 100, maxBackoffMs: 400 }), env);
    expect(await w.catchUp()).toBe(true);
    // random() = 0.5: three quarters of 100, 200, 400, 400 (capped).
    expect(env.slept).toEqual([75, 150, 300, 300]);
    expect(w.stats()[0]).toMatchObject({ retries: 4, requestsSent: 1, failingSinceMs: null, lastError: 'HTTP 500: bad request' });
    expect(env.logs.filter((l) => l.includes('failed'))).toHaveLength(1);
    expect(r.series().get('__name__=runbus_process_threads,component=trainer,host=box,host_id=hid-1,pid=11,run_id=r1')!.map(([t]) => t)).toEqual([0, 1, 2, 3, 4].map((i) => kT0 + i * 1000));
  });

  it('a 4xx is logged once with the server\'s reason, counted and skipped; the queue goes on', async () => {
    const { db } = await setup();
    await store!.write(batch(feed(30)));
    const r = new FakeReceiver();
    r.reason = 'invalid token';
    r.script = [401, 401];
    const env = new TestEnv(r);
    const w = new RemoteWriter(db, settings(), env);
    expect(await w.catchUp()).toBe(true);
    const st = w.stats()[0]!;
    expect(st.refusedRequests).toBe(2);
    expect(st.refusedSamples).toBeGreaterThan(0);
    expect(st.requestsSent).toBe(4);
    expect(st.rowsBehind).toBe(0);
    expect(env.logs.filter((l) => l.includes('refused'))).toEqual([expect.stringContaining('HTTP 401: invalid token')]);
    expect(env.slept).toEqual([]);
  });

  it('after a crash with a request in flight, resends exactly that request first; "out of order" then means delivered', async () => {
    const { db } = await setup();
    await store!.write(batch(feed(8)));
    // The state a SIGKILL mid-request leaves: rows 1..8 of t_snapshot in flight.
    db.prepare("INSERT INTO t_remote_cursor VALUES ('http://receiver.test/api/v1/write', 't_snapshot', 0, 8, 0)").run();
    await store!.write(batch(feed(4, 8)));
    const r = new FakeReceiver();
    r.reason = 'out of order sample';
    r.script = [400];
    const env = new TestEnv(r);
    const w = new RemoteWriter(db, settings(), env);
    expect(await w.catchUp()).toBe(true);
    expect(w.stats()[0]).toMatchObject({ replayedRequests: 1, refusedRequests: 0, rowsBehind: 0 });
    // The replay was rows 1..8 alone; the next request starts at row 9.
    const threads = r.series().get('__name__=runbus_process_threads,component=trainer,host=box,host_id=hid-1,pid=11,run_id=r1')!;
    expect(threads.map(([t]) => t)).toEqual([8, 9, 10, 11].map((i) => kT0 + i * 1000));
  });

  it('caps custom metric series as the exporter does, counting what it drops', async () => {
    const { db } = await setup();
    const envs: Envelope[] = [];
    for (let i = 0; i < 1200; i++) envs.push({ topic: Topic.METRIC, payload: { tsMs: kT0 + i, runId: 'r1', component: 'c', pid: 7, name: 'hits_total', labels: { user: `u${i}` }, value: 1 } });
    await store!.write(batch(envs));
    const r = new FakeReceiver();
    const w = new RemoteWriter(db, settings({ maxRowsPerRequest: 5000 }), new TestEnv(r));
    await w.catchUp();
    expect(r.series().size).toBe(1000);
    expect(w.stats()[0]!.dropped).toEqual({ series_cap: 200 });
  });
});
