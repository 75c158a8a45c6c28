// Store throughput: sustained process snapshots/s through Store.write() of
// encoded batches of 1000 (decode, insert, rollup upserts, retention deleting
// in steps — the window is short so deletion runs the whole time), beside a
// bare better-sqlite3 batched insert of the same rows into a plain table in
// the same process run. Also write()→committed latency p50/p99.
//
//   npm run build && node --import tsx bench/store.ts [--quick]
import { mkdtempSync, rmSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { encodeBatchTransferable, Topic } from '../src/wire/index.js';
import type { Envelope, ResourceSnapshot } from '../src/wire/index.js';
import { cpuMs, median, percentile, quick, report } from './lib.js';

// The runner starts workloads without --expose-gc; this gives a gc() all the
// same, to collect the bench's own set-up garbage before a timed window so it
// is not billed to the code measured.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const kBatch = 1000;
const kComponents = 20;
const kT0 = Date.now() - 7 * 24 * 3600_000;
const kRounds = quick ? 3 : 5;
const kMs = quick ? 500 : 3000;
/** Batches written before the clock starts: past the 60 s window, so deletion is steady. */
const kWarmup = quick ? 70 : 80;
/** Encoded batches ready per round: more than the writer can take in kMs. */
const kPool = quick ? 160 : 1200;
const kLatencyWrites = quick ? 20 : 200;

/** Batch i: one second of 1000 processes (20 components × 50 pids). */
function batch(i: number): ResourceSnapshot[] {
  const out = new Array<ResourceSnapshot>(kBatch);
  const ts = kT0 + i * 1000;
  for (let j = 0; j < kBatch; ++j) {
    const c = j % kComponents;
    out[j] = {
      tsMs: ts,
      runId: 'bench-run',
      component: `component-${c}`,
      pid: 1000 + j,
      cpuPercent: (i * 7 + j) % 400,
      rssBytes: 100_000_000 + ((i * 13 + j) % 1000) * 4096,
      ussBytes: 80_000_000 + j * 4096,
      threads: 8 + (j % 4),
      openFds: 30 + (j % 7),
      loopLagP99Ms: ((i + j) % 50) / 3,
      cpuUserMs: i * 100 + j,
      cpuSystemMs: i * 10 + j,
      ioReadBytes: i * 4096,
      ioWriteBytes: i * 8192,
      state: 'S',
      ppid: 1,
      command: 'node',
    };
  }
  return out;
}

function envelopes(snaps: ResourceSnapshot[]): Envelope[] {
  return snaps.map((payload) => ({ topic: Topic.RESOURCE, payload }));
}

/**
 * Encoded batches with advancing timestamps, made once before any clock
 * starts: warm-up, throughput pool, then enough for the latency writes after
 * wherever the throughput window stopped. Each round writes copies (a write
 * transfers, i.e. detaches, its buffer); copying is far cheaper than encoding
 * again, which kept --quick over 10 s.
 */
const kEncoded = Array.from({ length: kWarmup + kPool + kLatencyWrites }, (_, k) => encodeBatchTransferable(envelopes(batch(k))));
const copyOf = (k: number): ArrayBuffer => kEncoded[k]!.slice(0);

interface StoreFigures {
  rate: number;
  /** Process CPU (main + writer thread) per snapshot, µs. */
  cpuUsPerRow: number;
  lat: number[];
  /** Raw snapshots left in the file at the end (the 60 s window holds ~61 000). */
  kept: number;
}

async function storeRun(dir: string, round: number): Promise<StoreFigures> {
  const path = join(dir, `store-${round}.db`);
  // 60 s window on data arriving at 1000 simulated seconds per real second:
  // once it has filled, retention deletes as many rows as are inserted.
  const store = await openStore({ path, retentionMs: 60_000 });
  // Warm-up: fill past the retention window so deletion is steady (two in flight).
  let w = 0;
  const warm = async (): Promise<void> => {
    while (w < kWarmup) await store.write(copyOf(w++));
  };
  await Promise.all([warm(), warm()]);
  const pool = Array.from({ length: kPool }, (_, k) => copyOf(kWarmup + k));
  gc();
  // Throughput: two writes in flight, so the writer always has the next batch.
  const c0 = cpuMs();
  const rows0 = store.stats().rowsWritten;
  const t0 = performance.now();
  const end = t0 + kMs;
  let k = 0;
  const lane = async (): Promise<void> => {
    // Rows are counted by the store, not summed here: `rows += (await
    // write()).rows` in two lanes reads `rows` before the await, so each
    // lane overwrote the other's count and the rate came out about halved.
    while (performance.now() < end && k < pool.length) await store.write(pool[k++]!);
  };
  await Promise.all([lane(), lane()]);
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuMs() - c0;
  const rows = store.stats().rowsWritten - rows0;
  if (k >= pool.length) process.stderr.write('bench/store: batch pool ran out before the time did; raise kPool\n');
  // The next batches follow on in time from the last one written, so
  // retention carries on as before (no jump that would age the whole window out).
  // Latency: one write in flight (as the hub flushes), write() → committed.
  const lat: number[] = [];
  const latPool = Array.from({ length: kLatencyWrites }, (_, j) => copyOf(kWarmup + k + j));
  for (const buf of latPool) {
    const ts = performance.now();
    await store.write(buf);
    lat.push(performance.now() - ts);
  }
  await store.close();
  // Retention must have kept pace for the figure to mean "with retention
  // running": about 60 s of batches (plus the one in progress) may remain.
  const left = new Database(path, { readonly: true });
  const kept = (left.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;
  left.close();
  rmSync(path, { force: true });
  return { rate: rows / secs, cpuUsPerRow: (cpu * 1000) / rows, lat, kept };
}

/** The bare peer's rows: the same snapshots as objects, built once. */
const kBareBatches = Array.from({ length: 50 }, (_, k) => batch(k));

function bareRun(dir: string, round: number): { rate: number; cpuUsPerRow: number } {
  const path = join(dir, `bare-${round}.db`);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE s (run TEXT, component TEXT, pid INTEGER, ts_ms INTEGER, cpu_percent REAL, rss_bytes INTEGER, uss_bytes INTEGER,
    threads INTEGER, open_fds INTEGER, loop_lag_p99_ms REAL, cpu_user_ms REAL, cpu_system_ms REAL, io_read_bytes INTEGER,
    io_write_bytes INTEGER, state TEXT, ppid INTEGER, command TEXT)`);
  const ins = db.prepare(`INSERT INTO s VALUES (${new Array(17).fill('?').join(', ')})`);
  const txn = db.transaction((rows: ResourceSnapshot[]) => {
    for (const p of rows) {
      ins.run(p.runId, p.component, p.pid, p.tsMs, p.cpuPercent, p.rssBytes, p.ussBytes, p.threads, p.openFds, p.loopLagP99Ms,
        p.cpuUserMs, p.cpuSystemMs, p.ioReadBytes, p.ioWriteBytes, p.state, p.ppid, p.command);
    }
  });
  gc();
  const c0 = cpuMs();
  const t0 = performance.now();
  const end = t0 + kMs;
  let rows = 0;
  let k = 0;
  while (performance.now() < end) {
    txn(kBareBatches[k++ % kBareBatches.length]!);
    rows += kBatch;
  }
  const rate = rows / ((performance.now() - t0) / 1000);
  const cpuUsPerRow = ((cpuMs() - c0) * 1000) / rows;
  db.close();
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  return { rate, cpuUsPerRow };
}

const dir = mkdtempSync(join(tmpdir(), 'runbus-bench-store-'));
try {
  const storeRates: number[] = [];
  const bareRates: number[] = [];
  const storeCpu: number[] = [];
  const bareCpu: number[] = [];
  const lat: number[] = [];
  const kept: number[] = [];
  for (let r = 0; r < kRounds; ++r) {
    // Alternate so drift on a shared machine hits both alike.
    const s = await storeRun(dir, r);
    storeRates.push(s.rate);
    kept.push(s.kept);
    storeCpu.push(s.cpuUsPerRow);
    lat.push(...s.lat);
    const b = bareRun(dir, r);
    bareRates.push(b.rate);
    bareCpu.push(b.cpuUsPerRow);
  }
  const storeRate = median(storeRates);
  const bareRate = median(bareRates);
  const sCpu = median(storeCpu);
  const bCpu = median(bareCpu);
  report('store', [
    {
      name: 'snapshots/s via write() (batches of 1000, rollups + retention on)',
      value: Math.round(storeRate),
      unit: 'rows/s',
      better: 'higher',
      peer: 'bare better-sqlite3 batched insert',
      peerValue: Math.round(bareRate),
      target: '>= 300000; >= 0.5x bare',
      note:
        `ratio ${(storeRate / bareRate).toFixed(2)}x; rounds ${storeRates.map((x) => Math.round(x / 1000)).join('/')}k vs ${bareRates.map((x) => Math.round(x / 1000)).join('/')}k; ` +
        `raw rows left per round ${kept.map((x) => Math.round(x / 1000)).join('/')}k (60 s window: ~61k)`,
    },
    {
      name: 'CPU per snapshot (all threads: encode copy, decode, insert, rollups, retention)',
      value: +sCpu.toFixed(2),
      unit: 'µs/row',
      better: 'lower',
      peer: 'bare better-sqlite3 batched insert',
      peerValue: +bCpu.toFixed(2),
      note: `bare/store ${(bCpu / sCpu).toFixed(2)}x (process CPU time: less sensitive than rates to other jobs on the machine)`,
    },
    { name: 'write()→committed p50 (batch of 1000, one in flight)', value: +percentile(lat, 50).toFixed(2), unit: 'ms', better: 'lower' },
    { name: 'write()→committed p99 (batch of 1000, one in flight)', value: +percentile(lat, 99).toFixed(2), unit: 'ms', better: 'lower', target: '< 250' },
  ]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
