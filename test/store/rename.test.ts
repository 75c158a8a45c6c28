import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { LifecycleKind } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { batch, kT0, lifecycle, snap, tempDir } from './helpers.js';

// A process seen as `app/node` until its Hello named it `worker-1`: its
// history moves under the new name, and every per-minute rollup still equals
// what its raw rows say.

const kFigures = [
  ['cpu', 'cpu_percent'],
  ['rss', 'rss_bytes'],
  ['loop_lag_p99', 'loop_lag_p99_ms'],
] as const;
const fromRaw = `SELECT component, ts_ms - ts_ms % 60000 AS minute_ms, count(*) AS samples,
  ${kFigures.map(([n, c]) => `count(${c}) AS ${n}_count, sum(${c}) AS ${n}_sum, min(${c}) AS ${n}_min, max(${c}) AS ${n}_max`).join(', ')}
  FROM snapshots WHERE run_id = 'r' GROUP BY 1, 2 ORDER BY 2, 1`;
const fromRollups = `SELECT component, minute_ms, samples,
  ${kFigures.map(([n]) => `${n}_count, ${n}_sum, ${n}_min, ${n}_max`).join(', ')}
  FROM rollups_1m WHERE run_id = 'r' ORDER BY 2, 1`;

type Row = Record<string, unknown>;

function expectSame(got: Row[], want: Row[]): void {
  expect(got.map((r) => [r.component, r.minute_ms, r.samples])).toEqual(want.map((r) => [r.component, r.minute_ms, r.samples]));
  for (let i = 0; i < want.length; ++i) {
    for (const [k, v] of Object.entries(want[i]!)) {
      const g = got[i]![k];
      if (typeof v === 'number' && !Number.isInteger(v)) expect(g, k).toBeCloseTo(v, 6);
      else expect(g, `${k} of ${JSON.stringify(want[i])}`).toBe(v ?? (k.endsWith('_sum') ? null : v));
    }
  }
}

const started = (pid: number, component: string, tsMs: number): Envelope =>
  lifecycle({ tsMs, runId: 'r', kind: LifecycleKind.PROCESS_STARTED, component, pid, ppid: 1, command: 'node' });
const renamed = (pid: number, from: string, to: string, tsMs: number): Envelope =>
  lifecycle({ tsMs, runId: 'r', kind: LifecycleKind.PROCESS_RENAMED, component: to, previousComponent: from, pid, ppid: 1, command: 'node' });

const optNum = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }), { nil: undefined });

describe('a process named anew', () => {
  it('moves its history to the new name, and the rollups of both names equal their raw rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        // pid 100 is renamed; 101 shares its old name; 102 already bears the new one.
        fc.array(fc.record({ offsetMs: fc.integer({ min: 0, max: 4 * 60_000 - 1 }), pid: fc.constantFrom(100, 101, 102), cpu: optNum(200), lag: optNum(50) }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 4 * 60_000 }),
        fc.integer({ min: 1, max: 5 }),
        async (samples, renameAt, nBatches) => {
          using tmp = tempDir();
          const store = await openStore({ path: tmp.db });
          const name = (pid: number, ts: number): string => (pid === 102 || (pid === 100 && ts >= kT0 + renameAt) ? 'worker-1' : 'app/node');
          const sorted = [...samples].sort((a, b) => a.offsetMs - b.offsetMs);
          const envs: Envelope[] = [started(100, 'app/node', kT0), started(101, 'app/node', kT0), started(102, 'worker-1', kT0)];
          let said = false;
          for (const s of sorted) {
            const ts = kT0 + s.offsetMs;
            if (!said && ts >= kT0 + renameAt) {
              envs.push(renamed(100, 'app/node', 'worker-1', ts));
              said = true;
            }
            envs.push(snap({ runId: 'r', pid: s.pid, tsMs: ts, component: name(s.pid, ts), cpuPercent: s.cpu ?? null, loopLagP99Ms: s.lag ?? null, rssBytes: s.pid * 1000 + s.offsetMs }));
          }
          if (!said) envs.push(renamed(100, 'app/node', 'worker-1', kT0 + renameAt));
          const size = Math.ceil(envs.length / nBatches);
          for (let i = 0; i < envs.length; i += size) await store.write(batch(envs.slice(i, i + size)));
          await store.close();

          const db = new Database(tmp.db, { readonly: true });
          try {
            expect(db.prepare("SELECT count(*) AS n FROM snapshots WHERE run_id = 'r' AND pid = 100 AND component = 'app/node'").get()).toEqual({ n: 0 });
            const n100 = sorted.filter((s) => s.pid === 100).length;
            expect(db.prepare("SELECT count(*) AS n FROM snapshots WHERE run_id = 'r' AND pid = 100 AND component = 'worker-1'").get()).toEqual({ n: n100 });
            const n101 = sorted.filter((s) => s.pid === 101).length;
            expect(db.prepare("SELECT count(*) AS n FROM snapshots WHERE run_id = 'r' AND pid = 101 AND component = 'app/node'").get()).toEqual({ n: n101 });
            expect(db.prepare("SELECT component FROM processes WHERE run_id = 'r' AND pid = 100").all()).toEqual([{ component: 'worker-1' }]);
            expectSame(db.prepare(fromRollups).all() as Row[], db.prepare(fromRaw).all() as Row[]);
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps a minute whose raw rows were partly pruned under the old name, so rows and rollups still agree', async () => {
    using tmp = tempDir();
    // 2 processes, one sample a second each for 3 minutes: 360 rows; the
    // cap keeps the newest 300, so minute 0 loses rows.
    const store = await openStore({ path: tmp.db, maxSamplesPerRun: 300 });
    await store.write(batch([started(100, 'app/node', kT0), started(101, 'app/node', kT0)]));
    for (let m = 0; m < 3; ++m) {
      const envs: Envelope[] = [];
      for (let s = 0; s < 60; ++s) for (const pid of [100, 101]) envs.push(snap({ runId: 'r', pid, component: 'app/node', tsMs: kT0 + m * 60_000 + s * 1000, cpuPercent: pid - 100 + s }));
      await store.write(batch(envs));
      await store.maintain();
    }
    await store.write(batch([renamed(100, 'app/node', 'worker-1', kT0 + 180_000)]));
    await store.close();

    const db = new Database(tmp.db, { readonly: true });
    try {
      const rows = db.prepare("SELECT ts_ms - ts_ms % 60000 - ? AS m, component, count(*) AS n FROM snapshots WHERE run_id = 'r' AND pid = 100 GROUP BY 1, 2 ORDER BY 1").all(kT0);
      // Minute 0 is short of rows: kept as it was; minutes 1 and 2 moved.
      expect(rows).toEqual([{ m: 0, component: 'app/node', n: expect.any(Number) as number }, { m: 60_000, component: 'worker-1', n: 60 }, { m: 120_000, component: 'worker-1', n: 60 }]);
      const rolled = db.prepare("SELECT minute_ms - ? AS m, component, samples FROM rollups_1m WHERE run_id = 'r' ORDER BY 1, 2").all(kT0);
      expect(rolled).toEqual([
        { m: 0, component: 'app/node', samples: 120 },
        { m: 60_000, component: 'app/node', samples: 60 },
        { m: 60_000, component: 'worker-1', samples: 60 },
        { m: 120_000, component: 'app/node', samples: 60 },
        { m: 120_000, component: 'worker-1', samples: 60 },
      ]);
      const raw = db.prepare(fromRaw).all() as Row[];
      expectSame(db.prepare(fromRollups.replace("ORDER BY", "AND minute_ms > ? ORDER BY")).all(kT0) as Row[], raw.filter((r) => (r.minute_ms as number) > kT0));
    } finally {
      db.close();
    }
  });

  it('renames many processes in one batch, one of them twice and two runs at once, and the rollups still equal the raw rows', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    // 40 processes in each of two runs, seen as `app/sh` for 90 s (two
    // minutes), then all renamed in one batch: to `app/sleep`, pid 7 of run
    // r on to `app/worker` in the same batch, pid 9 back and forth.
    const pids = Array.from({ length: 40 }, (_, i) => i + 1);
    const envs: Envelope[] = [];
    for (const runId of ['r', 'q']) for (const pid of pids) envs.push(lifecycle({ tsMs: kT0, runId, kind: LifecycleKind.PROCESS_STARTED, component: 'app/sh', pid, ppid: 1, command: 'sh' }));
    await store.write(batch(envs));
    for (let t = 0; t < 90; t += 3) {
      await store.write(batch(['r', 'q'].flatMap((runId) => pids.map((pid) => snap({ runId, pid, component: 'app/sh', tsMs: kT0 + t * 1000 + pid, cpuPercent: pid + t, rssBytes: pid * 1000 + t })))));
    }
    const at = kT0 + 90_000;
    const rename = (runId: string, pid: number, from: string, to: string): Envelope =>
      lifecycle({ tsMs: at, runId, kind: LifecycleKind.PROCESS_RENAMED, component: to, previousComponent: from, pid, ppid: 1, command: 'sleep' });
    await store.write(
      batch([
        ...['r', 'q'].flatMap((runId) => pids.map((pid) => rename(runId, pid, 'app/sh', 'app/sleep'))),
        rename('r', 7, 'app/sleep', 'app/worker'),
        rename('r', 9, 'app/sleep', 'app/sh'),
        rename('r', 9, 'app/sh', 'app/sleep'),
      ]),
    );
    await store.close();

    const db = new Database(tmp.db, { readonly: true });
    try {
      const names = db.prepare('SELECT run_id, component, count(DISTINCT pid) AS pids, count(*) AS n FROM snapshots GROUP BY 1, 2 ORDER BY 1, 2').all();
      expect(names).toEqual([
        { run_id: 'q', component: 'app/sleep', pids: 40, n: 1200 },
        { run_id: 'r', component: 'app/sleep', pids: 39, n: 1170 },
        { run_id: 'r', component: 'app/worker', pids: 1, n: 30 },
      ]);
      expect(db.prepare("SELECT component FROM processes WHERE run_id = 'r' AND pid IN (7, 9) ORDER BY pid").all()).toEqual([{ component: 'app/worker' }, { component: 'app/sleep' }]);
      for (const run of ['r', 'q']) {
        const raw = db.prepare(fromRaw.replace("run_id = 'r'", `run_id = '${run}'`)).all() as Row[];
        expectSame(db.prepare(fromRollups.replace("run_id = 'r'", `run_id = '${run}'`)).all() as Row[], raw);
      }
    } finally {
      db.close();
    }
  });

  it('ignores a rename to the same name, and one of a process it never saw', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([started(100, 'app/node', kT0), snap({ runId: 'r', pid: 100, component: 'app/node', tsMs: kT0 + 1 })]));
    await store.write(batch([renamed(100, 'app/node', 'app/node', kT0 + 2), renamed(555, 'app/x', 'y', kT0 + 2)]));
    await store.close();
    const db = new Database(tmp.db, { readonly: true });
    expect(db.prepare("SELECT component, pid FROM snapshots WHERE run_id = 'r'").all()).toEqual([{ component: 'app/node', pid: 100 }]);
    expect(db.prepare("SELECT component, samples FROM rollups_1m WHERE run_id = 'r'").all()).toEqual([{ component: 'app/node', samples: 1 }]);
    db.close();
  });
});
