import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { AlertState } from '../../src/wire/index.js';
import { everyTopic, kTs } from '../../support/samples.js';
import { alert, batch, cli, hasSqlite3, kNoSqlite3, runEnded, runStarted, tempDir } from './helpers.js';
import type { TempDir } from './helpers.js';

describe('store round trip: every topic in, public views out', () => {
  let tmp: TempDir;
  let store: Store;

  beforeEach(async () => {
    tmp = tempDir();
    store = await openStore({ path: tmp.db });
    await store.write(batch([runStarted('run-1', kTs - 1000), ...everyTopic()]));
    await store.write(batch([alert('run-1', 'host_memory_high', AlertState.RESOLVED, kTs, kTs + 5000), runEnded('run-1', kTs + 9000, 0)]));
    await store.close();
  });

  afterEach(() => {
    tmp[Symbol.dispose]();
  });

  it('reads every topic back through the reader', () => {
    const r = openReader(tmp.db);
    try {
      expect(r.runs()).toEqual([
        expect.objectContaining({ run_id: 'run-1', started_at_ms: kTs - 1000, ended_at_ms: kTs + 9000, exit_code: 0, command: 'node train.js', host: 'box' }),
      ]);
      expect(r.lastRun()?.run_id).toBe('run-1');
      const [s] = r.snapshots({ runId: 'run-1' });
      expect(s).toMatchObject({
        run_id: 'run-1', component: 'trainer', pid: 4242, ts_ms: kTs, cpu_percent: 97.5, rss_bytes: 512 * 1024 * 1024,
        uss_bytes: 400 * 1024 * 1024, threads: 12, open_fds: 33, gpu_util_percent: null, loop_lag_p99_ms: 21.5,
        vms_bytes: 2 ** 40 + 12345, io_read_bytes: null, state: 'R', command: 'node',
      });
      expect(JSON.parse(s!.errors!)).toEqual([{ figure: 'io_read_bytes', reason: 'EACCES' }]);
      expect(r.hostSnapshots({ runId: 'run-1' })).toEqual([
        expect.objectContaining({ ts_ms: kTs, cpu_percent: 12.5, mem_percent: 16.7, mem_available_bytes: 20 * 2 ** 30, disk_percent: 40, disk_free_bytes: 5e10, host: 'box' }),
      ]);
      expect(r.gpuSnapshots({ runId: 'run-1' })).toEqual([expect.objectContaining({ device_index: 0, uuid: 'GPU-1', util_percent: 55, mem_used_bytes: 3e9 })]);
      expect(r.metrics({ runId: 'run-1' })).toEqual([
        { run_id: 'run-1', component: 'loop', name: 'success_rate', ts_ms: kTs, value: 0.25, pid: 7, labels: '{"strategy":"a"}' },
      ]);
      expect(r.alerts({ runId: 'run-1' })).toEqual([
        expect.objectContaining({ rule: 'host_memory_high', severity: 'warning', state: 'resolved', value: 95, threshold: 80, fired_at_ms: kTs, resolved_at_ms: kTs + 5000 }),
      ]);
      expect(r.processes('run-1')).toEqual([expect.objectContaining({ component: 'worker', pid: 77, exit_code: 3, exited_at_ms: kTs })]);
      expect(r.heartbeats({ runId: 'run-1' })).toEqual([expect.objectContaining({ component: 'hub', rows_written: 7, wal_bytes: 4096 })]);
      expect(r.rollups({ runId: 'run-1' })).toEqual([
        expect.objectContaining({ component: 'trainer', minute_ms: kTs - (kTs % 60_000), samples: 1, cpu_avg: 97.5, cpu_max: 97.5, rss_max: 512 * 1024 * 1024 }),
      ]);
      expect(r.hostRollups({ runId: 'run-1' })).toHaveLength(1);
      expect(r.metricRollups({ runId: 'run-1' })).toEqual([expect.objectContaining({ name: 'success_rate', count: 1, avg: 0.25 })]);
    } finally {
      r.close();
    }
  });

  // Skipped, when the CLI is absent, under a name that says which package to install.
  it.skipIf(!hasSqlite3)(`shows the DESIGN.md columns of every public view to the sqlite3 CLI${hasSqlite3 ? '' : ` (skipped: ${kNoSqlite3})`}`, () => {
    const want: Record<string, string[]> = {
      runs: ['run_id', 'started_at_ms', 'ended_at_ms', 'command', 'exit_code', 'host'],
      snapshots: ['run_id', 'component', 'pid', 'ts_ms', 'cpu_percent', 'rss_bytes', 'uss_bytes', 'threads', 'open_fds', 'gpu_util_percent', 'gpu_mem_bytes', 'loop_lag_p99_ms'],
      host_snapshots: ['run_id', 'ts_ms', 'cpu_percent', 'mem_percent', 'mem_available_bytes', 'disk_percent', 'disk_free_bytes'],
      rollups_1m: ['run_id', 'component', 'minute_ms', 'samples', 'cpu_avg', 'cpu_max', 'rss_avg', 'rss_max'],
      alerts: ['run_id', 'rule', 'severity', 'state', 'value', 'threshold', 'fired_at_ms', 'resolved_at_ms', 'message'],
      metrics: ['run_id', 'component', 'name', 'ts_ms', 'value'],
    };
    for (const [view, cols] of Object.entries(want)) {
      const rows = cli(tmp.db, `SELECT ${cols.join(', ')} FROM ${view}`);
      expect(rows.length, view).toBeGreaterThan(0);
      expect(Object.keys(rows[0]!), view).toEqual(cols);
    }
    expect(cli(tmp.db, 'SELECT run_id, exit_code FROM runs')).toEqual([{ run_id: 'run-1', exit_code: 0 }]);
    expect(cli(tmp.db, 'SELECT component, cpu_percent, rss_bytes FROM snapshots')).toEqual([{ component: 'trainer', cpu_percent: 97.5, rss_bytes: 536870912 }]);
    expect(cli(tmp.db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});
