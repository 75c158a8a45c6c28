import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

describe('WAL checkpointing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the WAL bounded while a reader is open, and close() truncates it', async () => {
    // Only the main thread's checkpoint interval is faked; the writer thread runs for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    using tmp = tempDir();
    const limit = 512 * 1024;
    const store = await openStore({ path: tmp.db, checkpointIntervalMs: 1000, journalSizeLimitBytes: limit });
    const reader = openReader(tmp.db);
    let maxWal = 0;
    let written = 0;
    for (let i = 0; i < 40; ++i) {
      const envs = Array.from({ length: 1000 }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + i * 1000 + j }));
      await store.write(batch(envs));
      written += envs.length;
      // The reader reads between writes, as a dashboard would.
      expect(reader.snapshots({ runId: 'run-1', fromMs: kT0 + i * 1000, limit: 1 })).toHaveLength(1);
      const before = store.stats().checkpoints;
      vi.advanceTimersByTime(1000);
      // The checkpoint runs in its own thread: wait (bounded) until it has,
      // as the real one-second interval would have given it time to.
      for (let t = 0; t < 500 && store.stats().checkpoints === before; ++t) await new Promise((r) => setTimeout(r, 10));
      maxWal = Math.max(maxWal, store.stats().walBytes);
    }
    const dbBytes = statSync(tmp.db).size;
    // Without checkpoints (autocheckpoint is off) the WAL would hold all 40
    // batches, more than the database itself; with them it stays near a few batches.
    expect(maxWal).toBeLessThan(dbBytes / 4);
    expect(reader.snapshots({ runId: 'run-1' })).toHaveLength(written);
    reader.close();
    await store.close();
    expect(existsSync(`${tmp.db}-wal`) ? statSync(`${tmp.db}-wal`).size : 0).toBe(0);
  });
});
