import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

describe('maxSamplesPerRun', () => {
  it('keeps only the newest raw snapshots of each run, and every rollup', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db, maxSamplesPerRun: 1000 });
    for (let b = 0; b < 3; ++b) {
      await store.write(batch(Array.from({ length: 1000 }, (_, i) => snap({ runId: 'big', pid: 1, tsMs: kT0 + b * 1000 + i }))));
    }
    await store.write(batch(Array.from({ length: 300 }, (_, i) => snap({ runId: 'small', pid: 2, tsMs: kT0 + i }))));
    await store.maintain();
    await store.close();
    const r = openReader(tmp.db);
    const big = r.snapshots({ runId: 'big' });
    expect(big).toHaveLength(1000);
    expect(big[0]!.ts_ms).toBe(kT0 + 2000);
    expect(big.at(-1)!.ts_ms).toBe(kT0 + 2999);
    expect(r.snapshots({ runId: 'small' })).toHaveLength(300);
    expect(r.rollups({ runId: 'big' }).reduce((a, x) => a + x.samples, 0)).toBe(3000);
    r.close();
  });

  it('holds across a reopen (counts are reloaded from the file)', async () => {
    using tmp = tempDir();
    let store = await openStore({ path: tmp.db, maxSamplesPerRun: 500 });
    await store.write(batch(Array.from({ length: 400 }, (_, i) => snap({ runId: 'r', tsMs: kT0 + i }))));
    await store.close();
    store = await openStore({ path: tmp.db, maxSamplesPerRun: 500 });
    await store.write(batch(Array.from({ length: 400 }, (_, i) => snap({ runId: 'r', tsMs: kT0 + 400 + i }))));
    await store.maintain();
    await store.close();
    const r = openReader(tmp.db);
    const rows = r.snapshots({ runId: 'r' });
    expect(rows).toHaveLength(500);
    expect(rows[0]!.ts_ms).toBe(kT0 + 300);
    r.close();
  });
});
