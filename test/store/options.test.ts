import { describe, expect, it } from 'vitest';
import { openWriterDb } from '../../src/store/db.js';
import { openReader, openStore, resolveStoreOptions } from '../../src/store/index.js';
import type { StoreOptions } from '../../src/store/index.js';
import { batch, snap, tempDir } from './helpers.js';

describe('StoreOptions validation', () => {
  it('rejects an unknown or misspelled key with a TypeError naming it', async () => {
    using tmp = tempDir();
    const bad = { path: tmp.db, retentionMS: 1000 } as unknown as StoreOptions;
    await expect(openStore(bad)).rejects.toThrow(TypeError);
    await expect(openStore(bad)).rejects.toThrow(/"retentionMS".*"retentionMs"/);
    expect(() => resolveStoreOptions({ path: 'x.db', durabilty: 'full' } as unknown as StoreOptions)).toThrow(/unknown option "durabilty" \(did you mean "durability"\?\)/);
  });

  it('rejects bad types and ranges, naming the option', () => {
    expect(() => resolveStoreOptions({ path: 'x.db', durability: 'fast' as 'full' })).toThrow(/options\.durability must be one of "normal", "full"/);
    expect(() => resolveStoreOptions({ path: 'x.db', retentionMs: -1 })).toThrow(RangeError);
    expect(() => resolveStoreOptions({ path: 'x.db', retentionMs: 1.5 })).toThrow(/options\.retentionMs must be an integer/);
    expect(() => resolveStoreOptions({ path: 'x.db', maxSamplesPerRun: 0 })).toThrow(/options\.maxSamplesPerRun/);
    expect(() => resolveStoreOptions({ path: 'x.db', retentionMs: 10_000, rollupRetentionMs: 5000 })).toThrow(/rollupRetentionMs/);
    expect(() => resolveStoreOptions({ path: '' })).toThrow(/options\.path/);
    expect(() => resolveStoreOptions({ path: ':memory:' })).toThrow(/options\.path/);
    expect(() => resolveStoreOptions({} as StoreOptions)).toThrow(/options\.path must be a string/);
  });

  it('fills the documented defaults', () => {
    expect(resolveStoreOptions({ path: 'x.db' })).toEqual({
      path: 'x.db',
      durability: 'normal',
      retentionMs: 30 * 60_000,
      rollupRetentionMs: 30 * 24 * 3_600_000,
      maxSamplesPerRun: undefined,
      maxSizeBytes: undefined,
      checkpointIntervalMs: 10_000,
      busyTimeoutMs: 5000,
      journalSizeLimitBytes: 64 * 1024 * 1024,
    });
  });

  it('gives the writer connection synchronous=FULL for durability "full", NORMAL by default', async () => {
    using tmp = tempDir();
    // The store's own writer thread opens its connection the same way.
    for (const [durability, want] of [['full', 2], ['normal', 1]] as const) {
      const db = openWriterDb(resolveStoreOptions({ path: tmp.db, durability }));
      try {
        expect(db.pragma('synchronous', { simple: true }), durability).toBe(want);
      } finally {
        db.close();
      }
    }
    const store = await openStore({ path: tmp.db, durability: 'full' });
    await store.write(batch([snap({ runId: 'r' })]));
    await store.close();
    const r = openReader(tmp.db);
    try {
      expect(r.snapshots({ runId: 'r' })).toHaveLength(1);
    } finally {
      r.close();
    }
  });
});
