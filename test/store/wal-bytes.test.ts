import { afterEach, describe, expect, it } from 'vitest';
import { walBytesOf } from '../../src/store/db.js';
import { resolveStoreOptions } from '../../src/store/index.js';
import { Writer } from '../../src/store/writer.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

// The writer reports the WAL file's size after every batch. It stats the
// file only when the WAL may have shrunk (a restart from its beginning, a
// checkpoint) and otherwise takes the larger of the last stat and the live
// frames' end from the wal-index: the figure must stay the file's size.

const writers: Writer[] = [];
afterEach(() => {
  for (const w of writers.splice(0)) w.close();
});

function rows(i: number, n: number): ArrayBuffer {
  return batch(Array.from({ length: n }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + i * 1000 + j })));
}

describe('the WAL size the writer reports', () => {
  it('is the file size after every write, checkpoint and restart, with a stat only where the WAL may shrink', () => {
    using tmp = tempDir();
    // A small journal_size_limit: a WAL that restarts is truncated to it.
    const w = new Writer(resolveStoreOptions({ path: tmp.db, journalSizeLimitBytes: 64 * 1024 }));
    writers.push(w);
    expect(w.walBytes()).toBe(walBytesOf(tmp.db));
    let statsWhileGrowing = 0;
    for (let round = 0; round < 4; round++) {
      const before = w.walStats;
      // The WAL grows: batches of different sizes, no checkpoint.
      for (let i = 0; i < 12; i++) {
        w.write(rows(round * 100 + i, 20 + 37 * i));
        expect(w.walBytes()).toBe(walBytesOf(tmp.db));
      }
      statsWhileGrowing = Math.max(statsWhileGrowing, w.walStats - before);
      w.checkpoint();
      expect(w.walBytes()).toBe(walBytesOf(tmp.db));
      // The next write starts the WAL from its beginning and truncates it.
      w.write(rows(round * 100 + 50, 5));
      expect(w.walBytes()).toBe(walBytesOf(tmp.db));
      expect(w.walBytes()).toBeLessThan(200 * 1024);
    }
    // Twelve growing writes: at most the one stat after the restart that began them.
    expect(statsWhileGrowing).toBeLessThanOrEqual(1);
  });

  it("stays the file size after retention's DELETEs, which write frames of their own", () => {
    using tmp = tempDir();
    const w = new Writer(resolveStoreOptions({ path: tmp.db, retentionMs: 1000 }));
    writers.push(w);
    // Old rows: the next batch, 10 minutes on, puts them out of the window.
    // No checkpoint: the WAL only grows, so its size is the live frames'.
    for (let i = 0; i < 5; i++) w.write(rows(i, 400));
    w.write(rows(600, 1));
    const afterBatch = w.walBytes();
    expect(afterBatch).toBe(walBytesOf(tmp.db));
    expect(w.walNeedsCheckpoint()).toBe(false);
    // Retention's DELETEs write frames: they must be seen.
    expect(w.needsMaintenance()).toBe(true);
    w.keepPace(2000);
    expect(w.walBytes()).toBe(walBytesOf(tmp.db));
    expect(w.walBytes()).toBeGreaterThan(afterBatch);
    const afterPace = w.walBytes();
    while (w.maintainStep()) {
      // Every step is its own transaction.
    }
    expect(w.walBytes()).toBe(walBytesOf(tmp.db));
    expect(w.walBytes()).toBeGreaterThanOrEqual(afterPace);
  });
});
