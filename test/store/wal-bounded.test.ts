import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WalWatch, openWriterDb, walBytesOf } from '../../src/store/db.js';
import { openReader, openStore, resolveStoreOptions } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

// Checkpoints run in the writer thread after a batch has committed: when the
// live WAL passes min(4 MiB, journal_size_limit), or when the checkpoint
// interval (timed on the main thread) has run out. No timer runs in between.

function thousand(i: number): ArrayBuffer {
  return batch(Array.from({ length: 1000 }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + i * 1000 + j })));
}

describe('WAL checkpointing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('checkpoints in the writer as the WAL grows, keeps it bounded while a reader is open, and close() truncates it', async () => {
    // The main thread's clock stands still, so the interval never runs out:
    // every checkpoint here is the writer's own, triggered by the WAL's size.
    vi.useFakeTimers({ toFake: ['Date'] });
    using tmp = tempDir();
    const limit = 512 * 1024;
    const store = await openStore({ path: tmp.db, checkpointIntervalMs: 1000, journalSizeLimitBytes: limit });
    const reader = openReader(tmp.db);
    let maxWal = 0;
    let written = 0;
    for (let i = 0; i < 40; ++i) {
      await store.write(thousand(i));
      written += 1000;
      // The reader reads between writes, as a dashboard would.
      expect(reader.snapshots({ runId: 'run-1', fromMs: kT0 + i * 1000, limit: 1 })).toHaveLength(1);
      maxWal = Math.max(maxWal, store.stats().walBytes);
    }
    // Messages arrive in order: once this answers, every checkpoint so far has reported.
    await store.maintain();
    const dbBytes = statSync(tmp.db).size;
    // A batch of 1000 adds ~250 KiB to the WAL, so a 512 KiB threshold means
    // a checkpoint every few batches; without them (autocheckpoint is off)
    // the WAL would hold all 40 batches, more than the database itself.
    expect(store.stats().checkpoints).toBeGreaterThanOrEqual(5);
    expect(store.stats().checkpoints).toBeLessThan(40);
    expect(maxWal).toBeLessThan(dbBytes / 4);
    expect(reader.snapshots({ runId: 'run-1' })).toHaveLength(written);
    reader.close();
    await store.close();
    expect(existsSync(`${tmp.db}-wal`) ? statSync(`${tmp.db}-wal`).size : 0).toBe(0);
  });

  it('reads the live WAL from the wal-index: it restarts after a checkpoint while the file keeps its size', () => {
    using tmp = tempDir();
    const db = openWriterDb(resolveStoreOptions({ path: tmp.db }));
    const wal = new WalWatch(tmp.db);
    db.exec('CREATE TABLE t (x BLOB)');
    const ins = db.prepare('INSERT INTO t VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 100; ++i) ins.run();
    })();
    const page = db.pragma('page_size', { simple: true }) as number;
    const frames = (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;
    expect(frames).toBeGreaterThan(100);
    // Header (32 bytes) + frames of (24-byte header + page): the file's size, as written so far.
    expect(wal.liveBytes()).toBe(32 + frames * (page + 24));
    expect(wal.liveBytes()).toBe(walBytesOf(tmp.db));
    // Checkpointed in full: the next transaction starts the WAL from the beginning.
    ins.run();
    const live = wal.liveBytes()!;
    expect(live).toBeGreaterThan(0);
    expect(live).toBeLessThan(10 * (page + 24));
    expect(walBytesOf(tmp.db)).toBeGreaterThan(100 * page);
    wal.close();
    db.close();
    // No -shm file (the database is closed): no answer rather than a wrong one.
    expect(new WalWatch(tmp.db).liveBytes()).toBeUndefined();
  });

  it('checkpoints after the first write once the interval has run out on the main thread', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, checkpointIntervalMs: 5000 });
    await store.write(batch([snap({ tsMs: kT0 })]));
    await store.maintain();
    // A small WAL and the interval not up: no checkpoint.
    expect(store.stats().checkpoints).toBe(0);
    vi.advanceTimersByTime(4999);
    await store.write(batch([snap({ tsMs: kT0 + 1 })]));
    await store.maintain();
    expect(store.stats().checkpoints).toBe(0);
    vi.advanceTimersByTime(1);
    await store.write(batch([snap({ tsMs: kT0 + 2 })]));
    await store.maintain();
    expect(store.stats().checkpoints).toBe(1);
    // The interval starts again from that checkpoint.
    await store.write(batch([snap({ tsMs: kT0 + 3 })]));
    await store.maintain();
    expect(store.stats().checkpoints).toBe(1);
    await store.close();
  });

  it('runs no timer: an idle store has nothing scheduled on the main thread', async () => {
    vi.useFakeTimers();
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([snap()]));
    await store.maintain();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(store.stats().checkpoints).toBe(0);
    await store.close();
  });
});
