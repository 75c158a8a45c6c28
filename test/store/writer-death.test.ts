import { describe, expect, it } from 'vitest';
import { openReader, openStore } from '../../src/store/index.js';
import { injectStoreFault } from '../../src/store/store.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

describe('the writer thread dies', () => {
  it('rejects what is pending and every later write with ERR_STORE_WORKER; close() still resolves; committed rows stay', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([snap({ tsMs: kT0 })]));
    // An unknown control op is a protocol bug: the writer throws and exits.
    const crash = injectStoreFault(store, 'crash');
    const behind = store.write(batch([snap({ tsMs: kT0 + 1 })]));
    await expect(crash).rejects.toMatchObject({ code: 'ERR_STORE_WORKER' });
    await expect(behind).rejects.toMatchObject({ code: 'ERR_STORE_WORKER' });
    await expect(store.write(batch([snap({ tsMs: kT0 + 2 })]))).rejects.toMatchObject({ code: 'ERR_STORE_WORKER' });
    expect(store.stats()).toMatchObject({ pendingWrites: 0, lastError: { code: 'ERR_STORE_WORKER' } });
    expect(store.stats().lastError?.message).toMatch(/unknown message op "no-such-op"/);
    await store.close();
    const r = openReader(tmp.db);
    expect(r.snapshots({ runId: 'run-1' })).toHaveLength(1);
    r.close();
  });
});
