import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { kContainerRollupFigures, kHostRollupFigures, kMigrations, kResourceRollupFigures, kSchemaVersion } from '../../src/store/schema.js';
import { Topic } from '../../src/wire/index.js';
import { batch, kT0, metric, snap, tempDir } from './helpers.js';

// Migration 5 rebuilds the rollup tables keyed by minute first. A file
// written by the release before it (schema version 4) must come through with
// every view returning the same rows, and take writes afterwards.

const kMinute = 60_000;
const kContainer = (i: number): string => i.toString(16).padStart(64, '0');

/** A version-4 file made by the released steps, with rollups of two runs over several minutes. */
function writeV4(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const m of kMigrations.slice(0, 4)) db.exec(m);
    db.pragma('user_version = 4');
    db.exec("INSERT INTO t_run (id, run_id, first_ts_ms, last_ts_ms) VALUES (1, '', NULL, NULL), (2, 'r', " + `${kT0}, ${kT0 + 5 * kMinute})`);
    db.exec(`INSERT INTO t_run (id, run_id, first_ts_ms, last_ts_ms) VALUES (3, 'other', ${kT0}, ${kT0 + kMinute})`);
    db.exec("INSERT INTO t_component (id, name) VALUES (1, 'api'), (2, 'worker'), (3, 'db'), (4, 'test')");
    db.exec("INSERT INTO t_name (id, name) VALUES (1, 'latency'), (2, 'qps')");
    const figs = kResourceRollupFigures.length;
    const rollup = db.prepare(`INSERT INTO t_rollup VALUES (${new Array(4 + 4 * figs).fill('?').join(', ')})`);
    const metricRollup = db.prepare('INSERT INTO t_metric_rollup VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const container = db.prepare(`INSERT INTO t_container_rollup VALUES (${new Array(4 + 4 * kContainerRollupFigures.length).fill('?').join(', ')})`);
    const host = db.prepare(`INSERT INTO t_host_rollup VALUES (${new Array(3 + 4 * kHostRollupFigures.length).fill('?').join(', ')})`);
    for (const run of [2, 3]) {
      for (let m = 0; m < (run === 2 ? 6 : 2); ++m) {
        const minute = kT0 + m * kMinute;
        host.run(run, minute, 60, ...kHostRollupFigures.flatMap((_, f) => (f === 1 ? [0, null, null, null] : [60, m * f, f, m + f])));
        for (const comp of [1, 2, 3]) {
          const stats: (number | null)[] = [];
          // Some figures absent (count 0, NULL sum/min/max), as the writer stores them.
          for (let f = 0; f < figs; ++f) stats.push(...((f + comp) % 3 === 0 ? [0, null, null, null] : [comp * 10, comp * m + f, f, comp + m + f]));
          rollup.run(run, comp, minute, comp * 10, ...stats);
          for (const name of [1, 2]) metricRollup.run(run, comp, name, minute, comp + name, comp * name * m, m, m + name);
        }
        for (let c = 0; c < 4; ++c) container.run(run, kContainer(c * 7919), minute, 60, 60, c * m, 0, c + m, 60, 1e6 * c, 1e5, 1e6 * c + m, 0, null, null, null);
      }
    }
  }).immediate();
  db.close();
}

/** Every view's rows, and the statement that makes it. */
function views(db: Db): Record<string, { sql: string; rows: unknown[] }> {
  const out: Record<string, { sql: string; rows: unknown[] }> = {};
  for (const { name, sql } of db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY name").all() as { name: string; sql: string }[]) {
    const n = (db.prepare(`SELECT * FROM ${name} LIMIT 0`).columns()).length;
    const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    out[name] = { sql, rows: db.prepare(`SELECT * FROM ${name} ORDER BY ${order}`).all() };
  }
  return out;
}

/** The primary key columns of a WITHOUT ROWID table, in key order. */
function key(db: Db, table: string): string[] {
  const cols = db.prepare(`SELECT name, pk FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`).all() as { name: string }[];
  return cols.map((c) => c.name);
}

describe('schema migration 5: rollup tables keyed by minute first', () => {
  it('rebuilds a version-4 file: version 5, minute-first keys, every view the same rows, and writes continue', async () => {
    using tmp = tempDir();
    writeV4(tmp.db);
    let db = new Database(tmp.db, { readonly: true });
    const before = views(db);
    db.close();
    expect(before['rollups_1m']!.rows).toHaveLength(24);
    expect(before['metric_rollups_1m']!.rows).toHaveLength(48);
    expect(before['container_rollups_1m']!.rows).toHaveLength(32);

    let store = await openStore({ path: tmp.db });
    expect(store.schemaVersion).toBe(5);
    await store.close();

    db = new Database(tmp.db, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(key(db, 't_rollup')).toEqual(['run', 'minute_ms', 'comp']);
    expect(key(db, 't_metric_rollup')).toEqual(['run', 'minute_ms', 'comp', 'name']);
    expect(key(db, 't_container_rollup')).toEqual(['run', 'minute_ms', 'container_id']);
    expect(key(db, 't_host_rollup')).toEqual(['run', 'minute_ms']);
    expect(views(db)).toEqual(before);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%_v5'").all()).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // Writes merge into the copied rows and add new ones.
    store = await openStore({ path: tmp.db });
    await store.write(batch([
      snap({ runId: 'r', component: 'api', pid: 5, tsMs: kT0 + 5 * kMinute + 1000, cpuPercent: 1000 }),
      snap({ runId: 'r', component: 'api', pid: 5, tsMs: kT0 + 6 * kMinute, cpuPercent: 7 }),
      metric('r', 'latency', 99, kT0 + 5 * kMinute + 2000, 'api'),
      { topic: Topic.CONTAINER, payload: { tsMs: kT0 + 5 * kMinute + 3000, runId: 'r', containerId: kContainer(0), name: 'c0', cpuPercent: 500, memBytes: 1, pids: 1, source: 'cgroup' } },
    ]));
    await store.close();
    const r = openReader(tmp.db);
    const api = r.rollups({ runId: 'r', component: 'api', fromMs: kT0 + 5 * kMinute });
    expect(api.map((x) => [x.minute_ms - kT0, x.samples, x.cpu_max])).toEqual([
      [5 * kMinute, 11, 1000],
      [6 * kMinute, 1, 7],
    ]);
    const lat = r.metricRollups({ runId: 'r', component: 'api', name: 'latency', fromMs: kT0 + 5 * kMinute });
    expect(lat).toEqual([expect.objectContaining({ count: 3, max: 99 })]);
    const c = r.containerRollups({ runId: 'r', fromMs: kT0 + 5 * kMinute }).find((x) => x.container_id === kContainer(0));
    expect(c?.cpu_avg).toBeCloseTo(500 / 61, 10);
    // The other run's rows are untouched.
    expect(r.rollups({ runId: 'other' })).toHaveLength(6);
    r.close();
  });

  it('prunes old rollup minutes of a migrated file', async () => {
    using tmp = tempDir();
    writeV4(tmp.db);
    const store = await openStore({ path: tmp.db, retentionMs: kMinute, rollupRetentionMs: 3 * kMinute });
    await store.write(batch([snap({ runId: 'r', component: 'api', pid: 5, tsMs: kT0 + 6 * kMinute })]));
    await store.maintain();
    await store.close();
    const r = openReader(tmp.db);
    expect([...new Set(r.rollups({ runId: 'r' }).map((x) => (x.minute_ms - kT0) / kMinute))]).toEqual([3, 4, 5, 6]);
    expect(r.containerRollups({ runId: 'r' }).map((x) => (x.minute_ms - kT0) / kMinute)).toEqual([3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5]);
    r.close();
  });

  it('still refuses a file newer than this code', async () => {
    using tmp = tempDir();
    writeV4(tmp.db);
    const db = new Database(tmp.db);
    db.pragma(`user_version = ${kSchemaVersion + 1}`);
    db.close();
    await expect(openStore({ path: tmp.db })).rejects.toMatchObject({ code: 'ERR_STORE_SCHEMA_NEWER' });
    const again = new Database(tmp.db, { readonly: true });
    expect(key(again, 't_rollup')).toEqual(['run', 'comp', 'minute_ms']);
    again.close();
  });
});
