// Issue 15 item 10: `runbus runs` (and report, export) read a database
// written by a newer runbus without complaint. They refuse it as the hub
// does, with ERR_STORE_SCHEMA_NEWER naming the file and both versions.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError, kSchemaVersion, openReader, openStore } from '../../src/store/index.js';
import { cleanEnv, runCli } from '../cli/cli-helper.js';
import { batch, snap, tempDir } from '../store/helpers.js';

async function newerDb(path: string): Promise<void> {
  const store = await openStore({ path });
  await store.write(batch([snap({ pid: 1 })]));
  await store.close();
  const db = new Database(path);
  db.pragma(`user_version = ${kSchemaVersion + 1}`);
  db.close();
}

describe('reading a database from a newer schema', () => {
  it('openReader throws StoreError ERR_STORE_SCHEMA_NEWER and leaves the file alone', async () => {
    using tmp = tempDir();
    await newerDb(tmp.db);
    let err: unknown;
    try {
      openReader(tmp.db).close();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'ERR_STORE_SCHEMA_NEWER' });
    expect((err as Error).message).toContain(tmp.db);
    expect((err as Error).message).toContain(`version ${kSchemaVersion + 1}`);
    const db = new Database(tmp.db, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(kSchemaVersion + 1);
    db.close();
  });

  it('runbus runs, report and export refuse it, naming the file and both versions', async () => {
    using tmp = tempDir();
    await newerDb(tmp.db);
    for (const args of [['runs'], ['report'], ['export', '--format', 'csv']]) {
      const r = await runCli([...args, '--db', tmp.db], { cwd: tmp.dir, env: cleanEnv() });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toContain(tmp.db);
      expect(r.stderr, args.join(' ')).toContain(`schema version ${kSchemaVersion + 1}`);
      expect(r.stderr, args.join(' ')).toContain(`newer than version ${kSchemaVersion}`);
    }
  });
});
