import { describe, expect, it } from 'vitest';
import type { Statement } from 'better-sqlite3';
import { openWriterDb } from '../../src/store/db.js';
import { Ingestor } from '../../src/store/ingest.js';
import { resolveStoreOptions } from '../../src/store/index.js';
import { encodeBatch, Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { kT0, metric, snap, tempDir } from './helpers.js';

// What the writer does per batch: snapshot rows bind only their non-NULL
// columns (snapshot-insert.ts), and retention touches only the raw tables
// that hold old rows.

const kWindow = 10 * 60_000;
/** Optional figures a row has or leaves out, by bit. */
const kOptional = [
  ['gpuUtilPercent', 'gpu_util_percent'],
  ['gpuMemBytes', 'gpu_mem_bytes'],
  ['pssBytes', 'pss_bytes'],
  ['vmsBytes', 'vms_bytes'],
  ['loopLagP50Ms', 'loop_lag_p50_ms'],
  ['heapUsedBytes', 'heap_used_bytes'],
] as const;

function open(path: string): { db: ReturnType<typeof openWriterDb>; ing: Ingestor; ran: string[] } {
  const db = openWriterDb(resolveStoreOptions({ path }));
  // Every statement the ingestor runs, by its SQL.
  const ran: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string): Statement => {
    const st = prepare(sql);
    const run = st.run.bind(st);
    st.run = ((...args: unknown[]) => {
      ran.push(sql);
      return run(...args);
    });
    return st;
  }) as typeof db.prepare;
  return { db, ing: new Ingestor(db, { retentionMs: kWindow, rollupRetentionMs: 30 * 24 * 3_600_000, maxSamplesPerRun: undefined }), ran };
}

/** Row `i` of run `runId`: the optional figures of bit pattern `shape(i)`, the others left out. */
function row(i: number, runId: string, shape: number): Envelope {
  const e = snap({ runId, pid: 100 + i, tsMs: kT0 + i, cpuPercent: i });
  const p = e.payload as unknown as Record<string, unknown>;
  kOptional.forEach(([key], b) => {
    p[key] = (shape & (1 << b)) !== 0 ? 1000 + i * 10 + b : undefined;
  });
  return e;
}

function check(db: ReturnType<typeof openWriterDb>, envs: Envelope[], shapes: number[]): void {
  const got = db.prepare('SELECT * FROM snapshots ORDER BY pid').all() as Record<string, unknown>[];
  expect(got.length).toBe(envs.length);
  envs.forEach((e, i) => {
    const p = e.payload as { runId: string; pid: number; tsMs: number };
    const r = got.find((g) => g.pid === p.pid)!;
    expect([r.run_id, r.ts_ms, r.cpu_percent]).toEqual([p.runId, p.tsMs, i]);
    kOptional.forEach(([, column], b) => {
      expect(r[column]).toBe((shapes[i]! & (1 << b)) !== 0 ? 1000 + i * 10 + b : null);
    });
  });
  // Every raw row lies in exactly one segment of its run.
  const lost = db.prepare(
    `SELECT count(*) AS n FROM t_snapshot s WHERE (SELECT count(*) FROM t_segment g
       WHERE g.run = s.run AND s.rowid BETWEEN g.first_rowid AND g.last_rowid) != 1`,
  ).get() as { n: number };
  expect(lost.n).toBe(0);
  const rows = db.prepare('SELECT sum(rows) AS n FROM t_segment').get() as { n: number };
  expect(rows.n).toBe(envs.length);
}

describe('writer passes', () => {
  it('stores rows that leave different figures out, mixed in one batch and across runs, as sent', () => {
    using tmp = tempDir();
    const { db, ing } = open(tmp.db);
    // Runs of 3 rows per shape, two runs interleaved: shapes change mid multi-row INSERT, and 37 rows leave a remainder.
    const shapes = Array.from({ length: 37 }, (_, i) => (Math.floor(i / 3) % 2 === 0 ? 0b101011 : 0b010100));
    const envs = shapes.map((s, i) => row(i, i % 5 === 0 ? 'b' : 'a', s));
    expect(ing.write(encodeBatch(envs))).toBe(37);
    check(db, envs, shapes);
    db.close();
  });

  it('stores rows of more shapes than it keeps statements for', () => {
    using tmp = tempDir();
    const { db, ing } = open(tmp.db);
    // All 64 patterns of the optional figures, each in a run of 17 rows (one full INSERT and one left over).
    const shapes = Array.from({ length: 64 * 17 }, (_, i) => Math.floor(i / 17));
    const envs = shapes.map((s, i) => row(i, 'r', s));
    ing.write(encodeBatch(envs));
    check(db, envs, shapes);
    db.close();
  });

  it('binds no NULL for a figure a snapshot leaves out', () => {
    using tmp = tempDir();
    const { db, ing, ran } = open(tmp.db);
    ing.write(encodeBatch(Array.from({ length: 20 }, (_, i) => row(i, 'r', 0))));
    const inserts = ran.filter((sql) => sql.startsWith('INSERT INTO t_snapshot'));
    expect(inserts.length).toBeGreaterThan(0);
    for (const sql of inserts) {
      // A column list without the figures left out, and a parameter for each column named.
      const columns = /^INSERT INTO t_snapshot \(([^)]*)\)/.exec(sql)?.[1]?.split(', ') ?? [];
      expect(columns).toContain('pid');
      for (const [, column] of kOptional) expect(columns).not.toContain(column);
      expect((sql.match(/\?/g) ?? []).length % columns.length).toBe(0);
    }
    db.close();
  });

  it('prunes only the raw tables that hold old rows of a run', () => {
    using tmp = tempDir();
    const { db, ing, ran } = open(tmp.db);
    const host = (tsMs: number): Envelope => ({ topic: Topic.HOST, payload: { tsMs, runId: 'r', host: 'h', cpuPercent: 1 } });
    // Old rows: snapshots and host rows of run r, a metric of run m.
    ing.write(encodeBatch([snap({ runId: 'r', tsMs: kT0 }), host(kT0), metric('m', 'x', 1, kT0)]));
    ran.length = 0;
    // Much later: all of them out of the window.
    ing.write(encodeBatch([snap({ runId: 'r', tsMs: kT0 + 2 * kWindow }), host(kT0 + 2 * kWindow)]));
    while (ing.maintainStep()) {
      // Until nothing is left to delete.
    }
    // Raw tables only (snapshots go by segment; rollups are within their 30 days).
    const deleted = ran.filter((sql) => sql.startsWith('DELETE FROM')).map((sql) => sql.split(' ')[2]!);
    expect(deleted.filter((t) => t !== 't_snapshot' && t !== 't_segment').sort()).toEqual(['t_host_snapshot', 't_metric']);
    expect(db.prepare('SELECT (SELECT count(*) FROM t_host_snapshot) AS host, (SELECT count(*) FROM t_metric) AS metric').get()).toEqual({ host: 1, metric: 0 });
    db.close();
  });
});
