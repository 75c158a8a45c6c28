import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { batch, kT0, metric, snap, tempDir } from './helpers.js';

// Rollups are kept incrementally as rows arrive, so after retention has
// deleted every raw row they must still equal what the raw rows said.

const kFigures = [
  ['cpu', 'cpu_percent'],
  ['rss', 'rss_bytes'],
  ['uss', 'uss_bytes'],
  ['gpu_util', 'gpu_util_percent'],
  ['gpu_mem', 'gpu_mem_bytes'],
  ['loop_lag_p99', 'loop_lag_p99_ms'],
  ['loop_utilization', 'loop_utilization'],
] as const;

const fromRaw = `SELECT run_id, component, ts_ms - ts_ms % 60000 AS minute_ms, count(*) AS samples,
  ${kFigures.map(([n, c]) => `count(${c}) AS ${n}_count, sum(${c}) AS ${n}_sum, min(${c}) AS ${n}_min, max(${c}) AS ${n}_max`).join(', ')}
  FROM snapshots WHERE run_id = 'r' GROUP BY 1, 2, 3 ORDER BY 3, 2`;
const fromRollups = `SELECT run_id, component, minute_ms, samples,
  ${kFigures.map(([n]) => `${n}_count, ${n}_sum, ${n}_min, ${n}_max`).join(', ')}
  FROM rollups_1m WHERE run_id = 'r' ORDER BY 3, 2`;
const metricRaw = `SELECT component, name, ts_ms - ts_ms % 60000 AS minute_ms, count(*) AS count, sum(value) AS sum, min(value) AS min, max(value) AS max
  FROM metrics WHERE run_id = 'r' GROUP BY 1, 2, 3 ORDER BY 3, 1, 2`;
const metricRollups = `SELECT component, name, minute_ms, count, sum, min, max FROM metric_rollups_1m WHERE run_id = 'r' ORDER BY 3, 1, 2`;
const hostRaw = `SELECT ts_ms - ts_ms % 60000 AS minute_ms, count(*) AS samples, count(cpu_percent) AS cpu_count, sum(cpu_percent) AS cpu_sum,
  min(cpu_percent) AS cpu_min, max(cpu_percent) AS cpu_max, max(mem_available_bytes) AS mem_available_max
  FROM host_snapshots WHERE run_id = 'r' GROUP BY 1 ORDER BY 1`;
const hostRollups = `SELECT minute_ms, samples, cpu_count, cpu_sum, cpu_min, cpu_max, mem_available_max FROM host_rollups_1m WHERE run_id = 'r' ORDER BY 1`;

type Row = Record<string, unknown>;

function expectSame(got: Row[], want: Row[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; ++i) {
    for (const [k, v] of Object.entries(want[i]!)) {
      const g = got[i]![k];
      // Sums of doubles are added in another order: equal to rounding.
      if (typeof v === 'number' && !Number.isInteger(v)) expect(g, k).toBeCloseTo(v, 6);
      else expect(g, `${k} of ${JSON.stringify(want[i])}`).toBe(v);
    }
  }
}

const optNum = (max: number) => fc.option(fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }), { nil: undefined });
const optInt = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });

const arbSample = fc.record({
  offsetMs: fc.integer({ min: 0, max: 5 * 60_000 - 1 }),
  component: fc.constantFrom('trainer', 'worker', 'gui'),
  cpuPercent: optNum(800),
  rssBytes: optInt(2 ** 36),
  ussBytes: optInt(2 ** 34),
  gpuUtilPercent: optNum(100),
  gpuMemBytes: optInt(2 ** 34),
  loopLagP99Ms: optNum(1000),
  loopUtilization: optNum(1),
});

describe('per-minute rollups', () => {
  it('equal the raw rows after the raw rows are pruned', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbSample, { minLength: 1, maxLength: 300 }),
        fc.array(fc.record({ offsetMs: fc.integer({ min: 0, max: 5 * 60_000 - 1 }), name: fc.constantFrom('a', 'b'), value: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) }), { maxLength: 100 }),
        fc.integer({ min: 1, max: 7 }),
        async (samples, metrics, nBatches) => {
          using tmp = tempDir();
          const store = await openStore({ path: tmp.db, retentionMs: 10 * 60_000 });
          const envs: Envelope[] = [
            ...samples.map((s, i) => {
              const { offsetMs, ...fig } = s;
              return snap({ ...fig, runId: 'r', pid: 100 + (i % 5), tsMs: kT0 + offsetMs });
            }),
            ...metrics.map((m) => metric('r', m.name, m.value, kT0 + m.offsetMs)),
            ...samples.slice(0, 20).map((s, i): Envelope => ({
              topic: Topic.HOST,
              payload: { tsMs: kT0 + s.offsetMs, runId: 'r', host: 'box', cpuPercent: s.cpuPercent ?? null, memAvailableBytes: s.rssBytes ?? null, disks: [{ mount: '/', usedPercent: i }] },
            })),
          ];
          // Spread over several transactions, so rollups are merged across batches.
          const size = Math.ceil(envs.length / nBatches);
          for (let i = 0; i < envs.length; i += size) await store.write(batch(envs.slice(i, i + size)));

          const raw = new Database(tmp.db, { readonly: true });
          const want = raw.prepare(fromRaw).all() as Row[];
          const wantMetrics = raw.prepare(metricRaw).all() as Row[];
          const wantHost = raw.prepare(hostRaw).all() as Row[];
          raw.close();

          // An hour later (another run): every raw row of run r is out of the window.
          await store.write(batch([snap({ runId: 'later', tsMs: kT0 + 3_600_000 })]));
          await store.maintain();
          await store.close();

          const db = new Database(tmp.db, { readonly: true });
          try {
            expect(db.prepare("SELECT count(*) AS n FROM snapshots WHERE run_id = 'r'").get()).toEqual({ n: 0 });
            expect(db.prepare("SELECT count(*) AS n FROM metrics WHERE run_id = 'r'").get()).toEqual({ n: 0 });
            expect(db.prepare("SELECT count(*) AS n FROM host_snapshots WHERE run_id = 'r'").get()).toEqual({ n: 0 });
            expectSame(db.prepare(fromRollups).all() as Row[], want);
            expectSame(db.prepare(metricRollups).all() as Row[], wantMetrics);
            expectSame(db.prepare(hostRollups).all() as Row[], wantHost);
          } finally {
            db.close();
          }
          // The reader API shows the same rollups.
          const r = openReader(tmp.db);
          expect(r.rollups({ runId: 'r' }).map((x) => x.samples)).toEqual(want.map((x) => x.samples));
          r.close();
        },
      ),
      { numRuns: 15 },
    );
  });
});
