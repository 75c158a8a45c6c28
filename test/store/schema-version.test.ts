import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kSchemaVersion, openReader, openStore } from '../../src/store/index.js';
import { batch, snap, tempDir } from './helpers.js';

describe('schema version (PRAGMA user_version)', () => {
  it('gives a fresh file the current version, WAL mode and every public view', async () => {
    using tmp = tempDir();
    const store = await openStore({ path: tmp.db });
    expect(store.schemaVersion).toBe(kSchemaVersion);
    await store.close();
    const db = new Database(tmp.db, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(kSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const views = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name").all() as { name: string }[]).map((v) => v.name);
    expect(views).toEqual(expect.arrayContaining(['alerts', 'host_snapshots', 'metrics', 'rollups_1m', 'runs', 'snapshots']));
    db.close();
  });

  it('reopens an existing file without migrating again, keeping its rows', async () => {
    using tmp = tempDir();
    let store = await openStore({ path: tmp.db });
    await store.write(batch([snap()]));
    await store.close();
    store = await openStore({ path: tmp.db });
    await store.write(batch([snap({ pid: 2 })]));
    await store.close();
    const r = openReader(tmp.db);
    expect(r.snapshots({ runId: 'run-1' })).toHaveLength(2);
    r.close();
  });

  it('refuses a file from a newer schema, naming the file and both versions', async () => {
    using tmp = tempDir();
    const db = new Database(tmp.db);
    db.pragma(`user_version = ${kSchemaVersion + 4}`);
    db.close();
    const err = await openStore({ path: tmp.db }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'StoreError', code: 'ERR_STORE_SCHEMA_NEWER' });
    const msg = (err as Error).message;
    expect(msg).toContain(tmp.db);
    expect(msg).toContain(`version ${kSchemaVersion + 4}`);
    expect(msg).toContain(`version ${kSchemaVersion}`);
    // …and leaves it alone.
    const again = new Database(tmp.db, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(kSchemaVersion + 4);
    expect(again.prepare("SELECT count(*) AS n FROM sqlite_schema").get()).toEqual({ n: 0 });
    again.close();
  });
});
