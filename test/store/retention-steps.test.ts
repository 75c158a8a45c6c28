import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openWriterDb } from '../../src/store/db.js';
import { Ingestor } from '../../src/store/ingest.js';
import { kRetentionStepRows } from '../../src/store/retention.js';
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

/** The writer's row logic on its own connection, with no thread around it. */
function ingestor(path: string, rollupRetentionMs = 30 * 24 * 3_600_000): { db: ReturnType<typeof openWriterDb>; ing: Ingestor } {
  const db = openWriterDb(resolveStoreOptions({ path }));
  return { db, ing: new Ingestor(db, { retentionMs: kWindow, rollupRetentionMs, maxSamplesPerRun: undefined }) };
}

/** `n` rows at kT0, then 10 rows that put all of them out of the window. */
function writeOldThenNew(ing: Ingestor, n: number): void {
  ing.write(encodeBatch(rows(n, kT0)));
  ing.write(encodeBatch(rows(10, kT0 + kWindow + 60_000)));
}

function rawSnapshots(db: ReturnType<typeof openWriterDb>): number {
  return (db.prepare('SELECT count(*) AS n FROM t_snapshot').get() as { n: number }).n;
}

describe('retention', () => {
  it('deletes old raw rows in steps of at most 500 rows each', () => {
    using tmp = tempDir();
    const { db, ing } = ingestor(tmp.db);
    writeOldThenNew(ing, 2200);
    const n = (): number => rawSnapshots(db);
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

  it('takes a batch of 1000 in two steps and drops its segment with the last one', () => {
    using tmp = tempDir();
    const { db, ing } = ingestor(tmp.db);
    writeOldThenNew(ing, 1000);
    const snapshots = (): number => rawSnapshots(db);
    const segments = (): unknown => db.prepare('SELECT count(*) AS n, sum(rows) AS rows FROM t_segment').get();
    ing.maintainStep();
    // Half-way: the segment stays, counting what is left.
    expect(snapshots()).toBe(510);
    expect(segments()).toEqual({ n: 2, rows: 510 });
    ing.maintainStep();
    expect(snapshots()).toBe(10);
    // The second step emptied it and dropped it: no segment outlives its rows.
    expect(segments()).toEqual({ n: 1, rows: 10 });
    while (ing.maintainStep()) {
      // Bookkeeping steps only: nothing more is deleted.
    }
    expect(snapshots()).toBe(10);
    db.close();
  });

  it('keeps pace with a sustained load: each write is followed by deleting as many old rows', async () => {
    using tmp = tempDir();
    const window = 10_000;
    const store = await openStore({ path: tmp.db, retentionMs: window });
    // One batch of 500 per simulated second, all queued at once: the writer
    // is never idle between them, so only the deletes that follow each write
    // can keep the window (slices in idle time never get a turn).
    const bufs = Array.from({ length: 60 }, (_, i) => batch(rows(500, kT0 + i * 1000)));
    const writes = bufs.map((b) => store.write(b));
    await writes[29];
    // 10 s of batches in the window, plus the ones being written and pruned.
    expect(count(tmp.db)).toBeLessThanOrEqual(14 * 500);
    await Promise.all(writes);
    expect(count(tmp.db)).toBeLessThanOrEqual(14 * 500);
    await store.close();
    const r = openReader(tmp.db);
    // Rollups still hold every row ever written.
    expect(r.rollups({ runId: 'r' }).reduce((a, x) => a + x.samples, 0)).toBe(60 * 500);
    r.close();
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
    const { db, ing } = ingestor(tmp.db, 2 * kWindow);
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
