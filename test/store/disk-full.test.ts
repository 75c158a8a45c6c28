import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

function check(path: string): { integrity: unknown; rows: number } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      rows: (db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

describe('disk full (SQLITE_FULL via the size cap)', () => {
  it('rejects with ERR_STORE_FULL, keeps the file intact, and resumes once there is room', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, maxSizeBytes: 256 * 1024 });
    let committed = 0;
    let err: unknown;
    for (let i = 0; i < 500 && err === undefined; ++i) {
      const envs = Array.from({ length: 200 }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + i * 1000 + j }));
      try {
        committed += (await store.write(batch(envs))).rows;
      } catch (e) {
        err = e;
      }
    }
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'ERR_STORE_FULL' });
    expect((err as Error).message).toContain(tmp.db);
    expect(committed).toBeGreaterThan(0);
    expect(store.stats()).toMatchObject({ rowsWritten: committed, writesFailed: 1, pendingWrites: 0, lastError: { code: 'ERR_STORE_FULL' } });
    // The failed batch left nothing behind; everything committed is there.
    expect(check(tmp.db)).toEqual({ integrity: 'ok', rows: committed });

    // Still full: the writer is alive and says so again.
    const big = Array.from({ length: 200 }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + 999_000 + j }));
    await expect(store.write(batch(big))).rejects.toMatchObject({ code: 'ERR_STORE_FULL' });

    // Room again (cap lifted, as freeing disk space would): writing resumes.
    await store.setMaxSizeBytes(undefined);
    await expect(store.write(batch([snap({ tsMs: kT0 + 1_000_000 })]))).resolves.toMatchObject({ rows: 1 });
    await store.close();
    expect(check(tmp.db)).toEqual({ integrity: 'ok', rows: committed + 1 });
  });
});
