import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openWriterDb } from '../../src/store/db.js';
import { Ingestor, kRetentionStepRows } from '../../src/store/ingest.js';
import { openReader, openStore, resolveStoreOptions } from '../../src/store/index.js';
import { encodeBatch } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { batch, kT0, metric, snap, tempDir } from './helpers.js';

const kWindow = 10 * 60_000;

function rows(n: number, tsMs: number, runId = 'r'): Envelope[] {
  return Array.from({ length: n }, (_, i) => snap({ runId, pid: 1 + i, tsMs: tsMs + (i % 1000) }));
}

function count(db: string, where = ''): number {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM snapshots ${where}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
}

describe('retention', () => {
  it('deletes old raw rows in steps of at most 500 rows each', () => {
    using tmp = tempDir();
    const db = openWriterDb(resolveStoreOptions({ path: tmp.db }));
    const ing = new Ingestor(db, { retentionMs: kWindow, rollupRetentionMs: 30 * 24 * 3_600_000, maxSamplesPerRun: undefined });
    ing.write(encodeBatch(rows(2200, kT0)));
    ing.write(encodeBatch(rows(10, kT0 + kWindow + 60_000)));
    const n = (): number => (db.prepare('SELECT count(*) AS n FROM t_snapshot').get() as { n: number }).n;
    const seen: number[] = [];
    let before = n();
    while (ing.maintainStep()) {
      const after = n();
      seen.push(before - after);
      before = after;
    }
    expect(n()).toBe(10);
    expect(Math.max(...seen)).toBeLessThanOrEqual(kRetentionStepRows);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(2200);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    db.close();
  });

  it('runs between writes on its own, keeps the window and the rollups', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, retentionMs: kWindow });
    await store.write(batch(rows(1500, kT0)));
    await store.write(batch(rows(100, kT0 + kWindow / 2)));
    expect(count(tmp.db)).toBe(1600);
    // The newest row moves the window past the first 1500 rows only.
    await store.write(batch(rows(10, kT0 + kWindow + 5000)));
    await vi.waitFor(() => {
      expect(count(tmp.db)).toBe(110);
    });
    await store.close();
    const r = openReader(tmp.db);
    expect(r.rollups({ runId: 'r' }).reduce((a, x) => a + x.samples, 0)).toBe(1610);
    expect(r.snapshots({ runId: 'r' }).every((s) => s.ts_ms >= kT0 + 5000)).toBe(true);
    r.close();
  });

  it('prunes rollups after rollupRetentionMs', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, retentionMs: 60_000, rollupRetentionMs: 3_600_000 });
    await store.write(batch(rows(10, kT0)));
    await store.write(batch(rows(10, kT0 + 1_800_000)));
    await store.write(batch(rows(10, kT0 + 3_600_000 + 120_000)));
    await store.maintain();
    await store.close();
    const r = openReader(tmp.db);
    expect(r.rollups({ runId: 'r' }).map((x) => x.minute_ms - kT0)).toEqual([1_800_000, 3_720_000]);
    r.close();
  });

  it('forgets idle runs once pruned, so they cost nothing per write', () => {
    using tmp = tempDir();
    const db = openWriterDb(resolveStoreOptions({ path: tmp.db }));
    const ing = new Ingestor(db, { retentionMs: kWindow, rollupRetentionMs: 2 * kWindow, maxSamplesPerRun: undefined });
    for (let r = 0; r < 50; ++r) ing.write(encodeBatch([...rows(5, kT0 + r, `old-${r}`), metric(`old-${r}`, 'm', 1, kT0 + r)]));
    // Much later: every old run is past both windows.
    ing.write(encodeBatch(rows(5, kT0 + 10 * kWindow, 'new')));
    let steps = 0;
    while (ing.maintainStep()) ++steps;
    expect(steps).toBeLessThan(200);
    // Nothing left to do, and another write of the live run finds no idle run to revisit.
    expect(ing.needsMaintenance()).toBe(false);
    ing.write(encodeBatch(rows(5, kT0 + 10 * kWindow + 1000, 'new')));
    expect(ing.needsMaintenance()).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM t_metric').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM t_rollup WHERE run IN (SELECT id FROM t_run WHERE run_id LIKE \'old-%\')').get()).toEqual({ n: 0 });
    db.close();
  });
});
