// End to end through a hub: snapshots published on the hub's bus → batcher →
// writer thread → committed rows, at the default batching (1000 / 200 ms).
//  1. sustained snapshots/s published and committed, beside a bare
//     better-sqlite3 batched insert of the same rows on the main thread;
//  2. sample → committed-row latency p50/p99 at a steady 5,000 snapshots/s
//     (a 1000-process app at 5 Hz), and the main thread's busy time per snapshot,
//     beside inserting each batch synchronously on the main thread (the
//     app's event loop then does the SQLite work — what runbus avoids).
//
//   npm run build && node --import tsx bench/hub.ts [--quick]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHub } from '../src/hub/index.js';
import { Topic } from '../src/wire/index.js';
import type { ResourceSnapshot } from '../src/wire/index.js';
import { median, percentile, quick, report } from './lib.js';

// Main-thread busy time (the app's event loop), ms: process.cpuUsage() would
// also count the writer and sampler threads.
function loopActiveMs(): number {
  return performance.eventLoopUtilization().active;
}

const dir = mkdtempSync(join(tmpdir(), 'rb-bench-hub-'));
const silent = { warn: () => undefined };

function snap(i: number, ts: number): ResourceSnapshot {
  return {
    tsMs: ts, runId: 'bench', component: `c-${i % 20}`, pid: 1000 + (i % 1000), cpuPercent: (i % 400) / 3, rssBytes: 1e8 + i,
    threads: 9, openFds: 31, cpuUserMs: i, cpuSystemMs: i / 10, ioReadBytes: 4096, ioWriteBytes: 8192, state: 'S', ppid: 1, command: 'node',
  };
}

async function hubThroughput(round: number, total: number): Promise<number> {
  const hub = await createHub({ db: join(dir, `tp-${round}.db`), self: false, host: false, gpu: false, handleSignals: false,
    heartbeatIntervalMs: 3_600_000, storeOverflow: 'block', logger: silent });
  const t0 = performance.now();
  for (let i = 0; i < total; ) {
    const end = Math.min(total, i + 1000);
    for (; i < end; ++i) if (!hub.bus.publish(Topic.RESOURCE, snap(i, Date.now()))) await hub.bus.publishAsync(Topic.RESOURCE, snap(i, Date.now()));
    await new Promise((r) => setImmediate(r));
  }
  await hub.flush();
  const rate = total / ((performance.now() - t0) / 1000);
  const written = hub.stats().batcher.written;
  await hub.close();
  if (written < total) throw new Error(`only ${written} of ${total} written`);
  return rate;
}

function bareThroughput(round: number, total: number): number {
  const db = new Database(join(dir, `bare-${round}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table s (ts_ms int, run_id text, component text, pid int, cpu real, rss int, threads int, fds int, cpu_user real, cpu_sys real, io_r int, io_w int, state text, ppid int, command text)');
  const ins = db.prepare('insert into s values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const many = db.transaction((rows: ResourceSnapshot[]) => {
    for (const s of rows) ins.run(s.tsMs, s.runId, s.component, s.pid, s.cpuPercent, s.rssBytes, s.threads, s.openFds, s.cpuUserMs, s.cpuSystemMs, s.ioReadBytes, s.ioWriteBytes, s.state, s.ppid, s.command);
  });
  const t0 = performance.now();
  for (let i = 0; i < total; i += 1000) many(Array.from({ length: Math.min(1000, total - i) }, (_, k) => snap(i + k, Date.now())));
  const rate = total / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

/**
 * Steady 5,000/s for `seconds`: per-snapshot commit latency (with a 1 ms
 * poller watching commits) or, without the poller, main-thread busy time.
 */
async function hubLatency(seconds: number, watch: boolean): Promise<{ p50: number; p99: number; cpuUsPerSnap: number }> {
  const hub = await createHub({ db: join(dir, `lat-${watch ? 'w' : 'b'}.db`), self: false, host: false, gpu: false, handleSignals: false, heartbeatIntervalMs: 3_600_000, logger: silent });
  // Batches commit in publish order: the n-th committed envelope is the n-th published.
  const published: number[] = [];
  const lat: number[] = [];
  let seen = 0;
  const poll = setInterval(() => {
    if (!watch) return;
    const w = hub.stats().batcher.written;
    const now = performance.now();
    for (; seen < w && seen < published.length; ++seen) lat.push(now - published[seen]!);
  }, 1);
  const c0 = loopActiveMs();
  const t0 = performance.now();
  let i = 0;
  for (let tick = 0; tick < seconds * 100; ++tick) {
    // 50 snapshots every 10 ms = 5,000/s
    for (let k = 0; k < 50; ++k, ++i) {
      published.push(performance.now());
      hub.bus.publish(Topic.RESOURCE, snap(i, Date.now()));
    }
    const next = t0 + (tick + 1) * 10;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  await hub.flush();
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(poll);
  const cpu = loopActiveMs() - c0;
  await hub.close();
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), cpuUsPerSnap: (cpu * 1000) / i };
}

/** The same steady stream inserted synchronously on the main thread. */
async function bareLatency(seconds: number): Promise<{ cpuUsPerSnap: number }> {
  const db = new Database(join(dir, 'bare-lat.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table s (ts_ms int, run_id text, component text, pid int, cpu real, rss int)');
  const ins = db.prepare('insert into s values (?,?,?,?,?,?)');
  const many = db.transaction((rows: ResourceSnapshot[]) => { for (const s of rows) ins.run(s.tsMs, s.runId, s.component, s.pid, s.cpuPercent, s.rssBytes); });
  const c0 = loopActiveMs();
  const t0 = performance.now();
  let i = 0;
  for (let tick = 0; tick < seconds * 100; ++tick) {
    many(Array.from({ length: 50 }, (_, k) => snap(i + k, Date.now())));
    i += 50;
    const next = t0 + (tick + 1) * 10;
    await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
  }
  const cpu = loopActiveMs() - c0;
  db.close();
  return { cpuUsPerSnap: (cpu * 1000) / i };
}

try {
  const total = quick ? 50_000 : 300_000;
  const rounds = quick ? 2 : 3;
  const ours: number[] = [];
  const bare: number[] = [];
  for (let r = 0; r < rounds; ++r) {
    ours.push(await hubThroughput(r, total));
    bare.push(bareThroughput(r, total));
  }
  const seconds = quick ? 2 : 6;
  const lat = await hubLatency(seconds, true);
  const busy = await hubLatency(seconds, false);
  const bareLat = await bareLatency(seconds);
  report('hub', [
    { name: 'publish → committed rows, through the hub', value: median(ours), unit: 'snapshots/s', better: 'higher', peer: 'bare better-sqlite3 batched insert (main thread)', peerValue: median(bare) },
    { name: 'sample → committed row p50, default batching, 5k/s', value: lat.p50, unit: 'ms', better: 'lower', target: '', note: 'batch age 200 ms' },
    { name: 'sample → committed row p99, default batching, 5k/s', value: lat.p99, unit: 'ms', better: 'lower', target: '< 250' },
    { name: 'main-thread busy time per snapshot stored, 5k/s', value: busy.cpuUsPerSnap, unit: 'µs', better: 'lower', peer: 'sync better-sqlite3 insert on the main thread', peerValue: bareLat.cpuUsPerSnap },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
