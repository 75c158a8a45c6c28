import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openReader, openStore } from '../../src/store/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import type { ContainerSnapshot, Envelope } from '../../src/wire/index.js';
import { batch, kT0, lifecycle, runStarted, tempDir } from './helpers.js';

const kId = 'a'.repeat(64);
const kOld = 'b'.repeat(64);

function ctr(over: Partial<ContainerSnapshot>): Envelope {
  return { topic: Topic.CONTAINER, payload: { tsMs: kT0, runId: 'r', containerId: kId, name: 'eval-1', image: 'busybox', pid: 99, source: 'cgroup', stale: false, ...over } };
}

describe('containers and container_snapshots views', () => {
  it('one row per container per run from its lifecycle; snapshots and per-minute rollups', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([
      runStarted('r', kT0),
      lifecycle({ tsMs: kT0 + 1, runId: 'r', kind: LifecycleKind.CONTAINER_ORPHANED, component: 'old-eval', containerId: kOld, image: 'busybox', labels: { app: 'sandbox' }, createdAtMs: kT0 - 3_600_000 }),
      lifecycle({ tsMs: kT0 + 2, runId: 'r', kind: LifecycleKind.CONTAINER_CLEANED, component: 'old-eval', containerId: kOld, image: 'busybox' }),
      lifecycle({ tsMs: kT0 + 5, runId: 'r', kind: LifecycleKind.CONTAINER_STARTED, component: 'eval-1', containerId: kId, image: 'busybox', pid: 99, createdAtMs: kT0 + 4 }),
      ctr({ tsMs: kT0 + 1000, memBytes: 1000, memLimitBytes: 64 << 20, pids: 1 }),
      ctr({ tsMs: kT0 + 2000, cpuPercent: 50, memBytes: 3000, pids: 2, ioReadBytes: 10, ioWriteBytes: 20 }),
      ctr({ tsMs: kT0 + 61_000, cpuPercent: 100, memBytes: 2000, pids: 1, stale: true, source: 'api' }),
      lifecycle({ tsMs: kT0 + 62_000, runId: 'r', kind: LifecycleKind.CONTAINER_EXITED, component: 'eval-1', containerId: kId, image: 'busybox', exitCode: 3 }),
    ]));
    await store.close();
    const db = new Database(tmp.db, { readonly: true });
    const rows = db.prepare('SELECT * FROM containers ORDER BY container_id').all();
    expect(rows).toEqual([
      expect.objectContaining({ run_id: 'r', container_id: kId, name: 'eval-1', image: 'busybox', created_at_ms: kT0 + 4, started_at_ms: kT0 + 5, exited_at_ms: kT0 + 62_000, exit_code: 3, cleaned_up: 0, orphan: 0 }),
      expect.objectContaining({ run_id: 'r', container_id: kOld, name: 'old-eval', labels: '{"app":"sandbox"}', exited_at_ms: null, exit_code: null, cleaned_up: 1, orphan: 1 }),
    ]);
    const snaps = db.prepare('SELECT ts_ms, cpu_percent, mem_bytes, mem_limit_bytes, pids, io_read_bytes, stale, source FROM container_snapshots ORDER BY ts_ms').all();
    expect(snaps).toEqual([
      { ts_ms: kT0 + 1000, cpu_percent: null, mem_bytes: 1000, mem_limit_bytes: 64 << 20, pids: 1, io_read_bytes: null, stale: 0, source: 'cgroup' },
      { ts_ms: kT0 + 2000, cpu_percent: 50, mem_bytes: 3000, mem_limit_bytes: null, pids: 2, io_read_bytes: 10, stale: 0, source: 'cgroup' },
      { ts_ms: kT0 + 61_000, cpu_percent: 100, mem_bytes: 2000, mem_limit_bytes: null, pids: 1, io_read_bytes: null, stale: 1, source: 'api' },
    ]);
    const roll = db.prepare('SELECT minute_ms, samples, cpu_count, cpu_avg, mem_max, pids_max FROM container_rollups_1m ORDER BY minute_ms').all();
    expect(roll).toEqual([
      { minute_ms: kT0, samples: 2, cpu_count: 1, cpu_avg: 50, mem_max: 3000, pids_max: 2 },
      { minute_ms: kT0 + 60_000, samples: 1, cpu_count: 1, cpu_avg: 100, mem_max: 2000, pids_max: 1 },
    ]);
    db.close();
    // The reader's per-container summary (runbus report) and the export.
    const reader = openReader(tmp.db);
    expect(reader.containers('r').map((c) => [c.container_id, c.orphan, c.cleaned_up, c.samples, c.cpu_max, c.mem_max])).toEqual([
      [kOld, 1, 1, 0, null, null],
      [kId, 0, 0, 3, 100, 3000],
    ]);
    const all = JSON.parse(reader.export('r', 'json')) as Record<string, unknown[]>;
    expect(all['containers']).toHaveLength(2);
    expect(all['container_snapshots']).toHaveLength(3);
    expect(all['container_rollups_1m']).toHaveLength(2);
    expect(reader.export('r', 'csv', { table: 'container_snapshots' }).split('\n')[0]).toContain('mem_limit_bytes');
    reader.close();
  });

  it('container rows follow raw retention like process snapshots', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, retentionMs: 60_000 });
    await store.write(batch([ctr({ tsMs: kT0, memBytes: 1 })]));
    await store.write(batch([ctr({ tsMs: kT0 + 10 * 60_000, memBytes: 2 })]));
    await store.maintain();
    await store.close();
    const db = new Database(tmp.db, { readonly: true });
    const left = db.prepare('SELECT mem_bytes FROM container_snapshots').all() as { mem_bytes: number }[];
    expect(left.map((r) => r.mem_bytes)).toEqual([2]);
    expect((db.prepare('SELECT count(*) AS n FROM container_rollups_1m').get() as { n: number }).n).toBe(2);
    db.close();
  });
});
