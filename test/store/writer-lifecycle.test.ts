import { describe, expect, it } from 'vitest';
import { openReader, openStore, StoreError } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

describe('Store write()/close()', () => {
  it('transfers the ArrayBuffer and resolves with the committed row count', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    const buf = batch([snap(), snap({ pid: 2 })]);
    const res = await store.write(buf);
    expect(buf.byteLength).toBe(0); // detached: moved, not copied
    expect(res.rows).toBe(2);
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
    expect(store.stats()).toMatchObject({ rowsWritten: 2, batchesWritten: 1, pendingWrites: 0 });
    await store.close();
  });

  it('rejects a batch that does not decode with ERR_STORE_BAD_BATCH and keeps going', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    const junk = new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]).buffer;
    await expect(store.write(junk)).rejects.toMatchObject({ name: 'StoreError', code: 'ERR_STORE_BAD_BATCH' });
    await expect(store.write(new Uint8Array(4) as unknown as ArrayBuffer)).rejects.toThrow(TypeError);
    // A SharedArrayBuffer cannot be transferred: rejected, nothing left pending.
    await expect(store.write(new SharedArrayBuffer(8) as unknown as ArrayBuffer)).rejects.toThrow(TypeError);
    expect(store.stats().pendingWrites).toBe(0);
    await expect(store.write(batch([snap()]))).resolves.toMatchObject({ rows: 1 });
    expect(store.stats()).toMatchObject({ rowsWritten: 1, writesFailed: 1, lastError: { code: 'ERR_STORE_BAD_BATCH' } });
    await store.close();
  });

  it('close() waits for every write in flight, is idempotent, and later writes reject with ERR_STORE_CLOSED', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    const writes = Array.from({ length: 20 }, (_, i) => store.write(batch(Array.from({ length: 100 }, (_, j) => snap({ pid: 1 + j, tsMs: kT0 + i * 100 + j })))));
    expect(store.stats().pendingWrites).toBe(20);
    const closing = store.close();
    expect(store.close()).toBe(closing);
    await closing;
    await expect(Promise.all(writes)).resolves.toHaveLength(20);
    const late = await store.write(batch([snap()])).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(StoreError);
    expect(late).toMatchObject({ code: 'ERR_STORE_CLOSED' });
    await store.close();
    const r = openReader(tmp.db);
    expect(r.snapshots({ runId: 'run-1' })).toHaveLength(2000);
    r.close();
  });
});
