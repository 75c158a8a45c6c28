import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { kSchemaVersion, resolveStoreOptions } from '../../src/store/index.js';
import type { FromWriter } from '../../src/store/protocol.js';
import { tempDir } from './helpers.js';

const kEntry = fileURLToPath(new URL('../../dist/store/writer-worker.js', import.meta.url));

describe('writer thread protocol', () => {
  it('says READY first, and fails loudly on a message type it does not know', async () => {
    using tmp = tempDir();
    const w = new Worker(kEntry, { workerData: resolveStoreOptions({ path: tmp.db }) });
    const first = await new Promise<FromWriter>((resolve) => w.once('message', resolve));
    expect(first).toMatchObject({ type: 'ready', schemaVersion: kSchemaVersion });
    const failed = new Promise<Error>((resolve) => w.once('error', resolve));
    w.postMessage({ type: 'bogus' });
    expect((await failed).message).toMatch(/unknown message type "bogus"/);
    await w.terminate();
  });

  it('reports open-failed (not READY) for a file it cannot use', async () => {
    using tmp = tempDir();
    const w = new Worker(kEntry, { workerData: resolveStoreOptions({ path: `${tmp.dir}/missing/x.db` }) });
    const first = await new Promise<FromWriter>((resolve) => w.once('message', resolve));
    expect(first).toMatchObject({ type: 'open-failed', error: { code: 'ERR_STORE_UNWRITABLE' } });
    await w.terminate();
  });
});
