import { fork } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/index.js';
import { injectStoreFault } from '../../src/store/store.js';
import { batch, kT0, snap, tempDir } from './helpers.js';

const kFixture = new URL('../fixtures/store/open-and-write.mjs', import.meta.url);
const asRoot = process.getuid?.() === 0;

/** Runs the fixture; as root, as user nobody so file modes apply. */
function openInChild(path: string): Promise<{ ok: boolean; code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(kFixture, [path], { stdio: 'pipe', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    let result: { ok: boolean; code?: string; message?: string } | undefined;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('message', (m) => (result = m as typeof result));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result === undefined) reject(new Error(`child exited ${code} without a result: ${stderr}`));
      else resolve(result);
    });
  });
}

function rows(path: string): { integrity: unknown; n: number } {
  const db = new Database(path, { readonly: true });
  try {
    return { integrity: db.pragma('integrity_check', { simple: true }), n: (db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n };
  } finally {
    db.close();
  }
}

describe('read-only database', () => {
  it('a read-only file fails at open with ERR_STORE_READONLY naming it, and opens once writable again', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    // Recent, like the child's row, so retention keeps both.
    await store.write(batch([snap({ tsMs: Date.now() })]));
    await store.close();
    chmodSync(tmp.dir, 0o777);
    for (const f of [tmp.db, `${tmp.db}-wal`, `${tmp.db}-shm`]) if (existsSync(f)) chmodSync(f, 0o444);
    const res = await openInChild(tmp.db);
    expect(res).toMatchObject({ ok: false, code: 'ERR_STORE_READONLY' });
    expect(res.message).toContain(tmp.db);
    expect(rows(tmp.db)).toEqual({ integrity: 'ok', n: 1 });

    // Writable again: the file, and the -wal/-shm files a reader may have left.
    for (const f of [tmp.db, `${tmp.db}-wal`, `${tmp.db}-shm`]) if (existsSync(f)) chmodSync(f, 0o666);
    await expect(openInChild(tmp.db)).resolves.toEqual({ ok: true });
    expect(rows(tmp.db)).toEqual({ integrity: 'ok', n: 2 });
  });

  it('a write refused as read-only rejects with ERR_STORE_READONLY; the writer reopens and resumes when it clears', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    await store.write(batch([snap({ tsMs: kT0 })]));
    await injectStoreFault(store, 'readonly');
    const err = await store.write(batch([snap({ tsMs: kT0 + 1 })])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'ERR_STORE_READONLY' });
    expect((err as Error).message).toContain(tmp.db);
    // The fault survives the reopen that follows a read-only error.
    await expect(store.write(batch([snap({ tsMs: kT0 + 2 })]))).rejects.toMatchObject({ code: 'ERR_STORE_READONLY' });
    expect(store.stats()).toMatchObject({ rowsWritten: 1, writesFailed: 2, lastError: { code: 'ERR_STORE_READONLY' } });
    expect(rows(tmp.db)).toEqual({ integrity: 'ok', n: 1 });

    await injectStoreFault(store, 'none');
    await expect(store.write(batch([snap({ tsMs: kT0 + 3 })]))).resolves.toMatchObject({ rows: 1 });
    await store.close();
    expect(rows(tmp.db)).toEqual({ integrity: 'ok', n: 2 });
  });
});
