// A pass of the writer sends every table's new rows in one request, within
// the per-request limits, with one cursor transaction; an idle store costs
// no pass at all when commits are announced.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { RemoteWriter, resolveRemoteWriteOptions } from '../../src/remote-write/index.js';
import type { RemoteWriterSettings, WriterEnv } from '../../src/remote-write/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { batch, kT0 } from '../store/helpers.js';
import { decode, FakeReceiver } from './fake-receiver.js';
import { useWriterStore } from './writer-store.js';

const newStore = useWriterStore('rb-rw-pass-');
let store: Store | undefined;

function settings(over: Partial<RemoteWriterSettings> = {}): RemoteWriterSettings {
  const o = resolveRemoteWriteOptions({ urls: ['http://receiver.test/api/v1/write'], host: 'box', hostId: 'hid-1' });
  return { ...o, hostId: 'hid-1', ...over };
}

/** Commits announced by hand; sleeps end at once (time moves on). */
class CommitEnv implements WriterEnv {
  t = kT0 + 60_000;
  sleeps = 0;
  logs: string[] = [];
  fetch: WriterEnv['fetch'];
  #commits = 0;
  #waiting: (() => void)[] = [];
  constructor(fetch: WriterEnv['fetch']) { this.fetch = fetch; }
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> => { this.sleeps++; this.t += ms; return Promise.resolve(); };
  delay = (ms: number): Promise<void> => this.sleep(ms);
  wake = (): void => { for (const w of this.#waiting.splice(0)) w(); };
  random = (): number => 0.5;
  log = (m: string): void => { this.logs.push(m); };
  commits = (): number => this.#commits;
  waitCommit = (seen: number): Promise<void> => (seen !== this.#commits ? Promise.resolve() : new Promise((r) => { this.#waiting.push(r); }));
  bump(): void {
    this.#commits++;
    this.wake();
  }
}

/** The database, with every transaction the writer runs counted. */
function counted(db: Database.Database): { db: Database.Database; transactions: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (fn: (...a: never[]) => unknown) => {
          const tx = target.transaction(fn);
          return (...a: never[]) => { n++; return tx(...a); };
        };
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, transactions: () => n };
}

function tick(i: number): Envelope[] {
  const tsMs = kT0 + i * 1000;
  return [
    { topic: Topic.RESOURCE, payload: resource({ tsMs, runId: 'r1', pid: 11, rssBytes: 1000 + i }) },
    { topic: Topic.RESOURCE, payload: resource({ tsMs, runId: 'r1', pid: 12, rssBytes: 2000 + i }) },
    { topic: Topic.HOST, payload: { tsMs, runId: 'r1', host: 'box', cpuPercent: 10 + i, memAvailableBytes: 1e9, memPercent: 50, disks: [] } },
    { topic: Topic.METRIC, payload: { tsMs, runId: 'r1', component: 'loop', pid: 7, name: 'latencyMs', labels: {}, value: i } },
  ];
}

async function setup(): Promise<Database.Database> {
  const w = await newStore();
  store = w.store;
  return w.db;
}

const settle = async (): Promise<void> => { for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r)); };

describe('remote writer: one request and one cursor transaction per pass', () => {
  it('each pass sends process, host and metric rows together; the cursors of a pass are written with the next pass\'s in-flight mark', async () => {
    const raw = await setup();
    const { db, transactions } = counted(raw);
    const r = new FakeReceiver();
    const seen: { sources: string[]; inflight: (number | null)[]; last: number[] }[] = [];
    const fetch: WriterEnv['fetch'] = (url, init) => {
      const sources = new Set(decode(init.body).map((s) => s.labels.__name__!.split('_')[1]!));
      const cur = raw.prepare('SELECT source, last_rowid AS last, inflight_to AS inflight FROM remote_write_cursors WHERE source IN (\'t_snapshot\', \'t_host_snapshot\', \'t_metric\') ORDER BY source').all() as { source: string; last: number; inflight: number | null }[];
      seen.push({ sources: [...sources].sort(), inflight: cur.map((c) => c.inflight), last: cur.map((c) => c.last) });
      return r.fetch(url, init);
    };
    const env = new CommitEnv(fetch);
    const w = new RemoteWriter(db, settings(), env);
    const running = w.run();
    for (let i = 0; i < 3; i++) {
      await store!.write(batch(tick(i)));
      env.bump();
      await settle();
    }
    await settle();
    expect(r.requests).toBe(3);
    expect(transactions()).toBe(3);
    // Sorted sources: t_host_snapshot, t_metric, t_snapshot. Pass 2 (index 1)
    // finds pass 1's rows committed and its own in flight.
    expect(seen.map((x) => x.sources)).toEqual(Array.from({ length: 3 }, () => ['app', 'host', 'process']));
    expect(seen[0]).toMatchObject({ last: [0, 0, 0], inflight: [1, 1, 2] });
    expect(seen[1]).toMatchObject({ last: [1, 1, 2], inflight: [2, 2, 4] });
    expect(seen[2]).toMatchObject({ last: [2, 2, 4], inflight: [3, 3, 6] });
    w.stop();
    await running;
    // At stop the last pass's cursors are saved.
    expect(transactions()).toBe(4);
    expect(raw.prepare('SELECT last_rowid, inflight_to FROM remote_write_cursors WHERE source = \'t_snapshot\'').get()).toEqual({ last_rowid: 6, inflight_to: null });
    const rss = r.series().get('__name__=runbus_process_resident_memory_bytes,component=trainer,host=box,host_id=hid-1,pid=12,run_id=r1');
    expect(rss).toEqual([0, 1, 2].map((i) => [kT0 + i * 1000, 2000 + i]));
  });

  it('no commit, no pass: an idle store leaves the loop waiting; a commit wakes it', async () => {
    const db = await setup();
    const r = new FakeReceiver();
    const env = new CommitEnv(r.fetch);
    let reads = 0;
    const spy = new Proxy(db, {
      get(target, prop) {
        const v = Reflect.get(target, prop, target) as unknown;
        if (prop === 'prepare') {
          return (sql: string) => {
            const st = target.prepare(sql);
            // The one statement a pass always runs: every table's newest rowid.
            if (!sql.startsWith('SELECT (SELECT coalesce(max(rowid)')) return st;
            const counting: Database.Statement = new Proxy(st, {
              get: (t, p) => {
                if (p === 'get') return () => { reads++; return t.get(); };
                if (p === 'raw') return (on = true) => { t.raw(on); return counting; };
                const f = Reflect.get(t, p, t) as unknown;
                return typeof f === 'function' ? (f as (...a: unknown[]) => unknown).bind(t) : f;
              },
            });
            return counting;
          };
        }
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    await store!.write(batch(tick(0)));
    const w = new RemoteWriter(spy, settings(), env);
    const running = w.run();
    await settle();
    expect(r.requests).toBe(1);
    const afterFirst = { reads, sleeps: env.sleeps };
    await settle();
    await settle();
    // Nothing new: no pass ran and no timer was set since.
    expect({ reads, sleeps: env.sleeps }).toEqual(afterFirst);
    await store!.write(batch(tick(1)));
    env.bump();
    await settle();
    expect(r.requests).toBe(2);
    expect(reads).toBe(afterFirst.reads + 1);
    w.stop();
    await running;
  });

  it('a backlog goes in requests of at most maxSamplesPerRequest samples, a row never split, every sample once', async () => {
    const db = await setup();
    const envs: Envelope[] = [];
    for (let i = 0; i < 40; i++) envs.push(...tick(i));
    await store!.write(batch(envs));
    const r = new FakeReceiver();
    const sizes: number[] = [];
    const fetch: WriterEnv['fetch'] = (url, init) => {
      sizes.push(decode(init.body).reduce((a, s) => a + s.samples.length, 0));
      return r.fetch(url, init);
    };
    const w = new RemoteWriter(db, settings({ maxSamplesPerRequest: 50 }), new CommitEnv(fetch));
    expect(await w.catchUp()).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    // Requests are filled: each but the last holds more than 50 minus one row's samples.
    expect(sizes.slice(0, -1).every((n) => n > 30)).toBe(true);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(w.stats()[0]).toMatchObject({ samplesSent: total, rowsBehind: 0, requestsSent: sizes.length });
    let got = 0;
    for (const v of r.series().values()) {
      got += v.length;
      const ts = v.map(([t]) => t);
      expect(new Set(ts).size).toBe(ts.length);
      expect([...ts].sort((a, b) => a - b)).toEqual(ts);
    }
    expect(got).toBe(total);
    expect(r.series().get('__name__=runbus_app_latency_seconds,component=loop,host=box,host_id=hid-1,run_id=r1')).toHaveLength(40);
  });
});
