import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

/** Waits (turn by turn, no clock) until the file holds `n` snapshot rows. */
async function committedRows(db: string, n: number): Promise<void> {
  const r = new Database(db, { readonly: true });
  try {
    for (;;) {
      const c = r.prepare('SELECT count(*) FROM t_snapshot').pluck().get() as number;
      if (c >= n) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    r.close();
  }
}

describe('Store quiet writes: the commit is read, not messaged', () => {
  it('a quiet write settles at poll(), not by a message from the writer', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    let settled = false;
    const w = store.write(batch([snap(), snap({ pid: 2 })]), { quiet: true }).then((r) => { settled = true; return r; });
    await committedRows(tmp.db, 2);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(store.stats()).toMatchObject({ rowsWritten: 0, pendingWrites: 1 });
    store.poll();
    const r = await w;
    expect(r.rows).toBe(2);
    expect(r.latencyMs).toBeGreaterThanOrEqual(r.durationMs);
    expect(store.stats()).toMatchObject({ rowsWritten: 2, batchesWritten: 1, pendingWrites: 0 });
    await store.close();
  });

  it('hurry() has the writer post the commit; a second quiet write while one is unsettled is answered by message', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    const a = store.write(batch([snap()]), { quiet: true });
    const b = store.write(batch([snap({ pid: 2, tsMs: kT0 + 1 })]), { quiet: true });
    store.hurry();
    await expect(a).resolves.toMatchObject({ rows: 1 });
    await expect(b).resolves.toMatchObject({ rows: 1 });
    const c = store.write(batch([snap({ pid: 3 })]), { quiet: true });
    await committedRows(tmp.db, 3);
    store.hurry();
    await expect(c).resolves.toMatchObject({ rows: 1 });
    expect(store.stats()).toMatchObject({ rowsWritten: 3, batchesWritten: 3, pendingWrites: 0 });
    await store.close();
  });

  it('a quiet write that fails rejects by message, and close() settles one still unread', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    const junk = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]).buffer;
    await expect(store.write(junk, { quiet: true })).rejects.toMatchObject({ code: 'ERR_STORE_BAD_BATCH' });
    const w = store.write(batch([snap()]), { quiet: true });
    await store.close();
    await expect(w).resolves.toMatchObject({ rows: 1 });
    expect(store.stats()).toMatchObject({ rowsWritten: 1, writesFailed: 1, pendingWrites: 0 });
  });
});
