import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openReader, openStore, StoreError } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

async function openError(path: string): Promise<StoreError> {
  const err = await openStore({ path }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreError);
  return err as StoreError;
}

describe('a file or path that cannot be used fails at open, naming the file', () => {
  it('not an SQLite file → ERR_STORE_NOT_SQLITE, file untouched', async () => {
    using tmp = tempDir();
    const text = 'this is a text file, not a database\n'.repeat(200);
    writeFileSync(tmp.db, text);
    const err = await openError(tmp.db);
    expect(err.code).toBe('ERR_STORE_NOT_SQLITE');
    expect(err.message).toContain(tmp.db);
    expect(err.message).toContain('not an SQLite database');
    expect(readFileSync(tmp.db, 'utf8')).toBe(text);
    expect(() => openReader(tmp.db)).toThrow(expect.objectContaining({ code: 'ERR_STORE_NOT_SQLITE' }));
  });

  it('missing directory → ERR_STORE_UNWRITABLE', async () => {
    using tmp = tempDir();
    const path = join(tmp.dir, 'no', 'such', 'dir', 'runbus.db');
    const err = await openError(path);
    expect(err.code).toBe('ERR_STORE_UNWRITABLE');
    expect(err.message).toContain(path);
    expect(err.message).toContain('does not exist');
  });

  it('a directory where the file should be → ERR_STORE_UNWRITABLE', async () => {
    using tmp = tempDir();
    mkdirSync(tmp.db);
    const err = await openError(tmp.db);
    expect(err.code).toBe('ERR_STORE_UNWRITABLE');
    expect(err.message).toContain(tmp.db);
  });

  it.skipIf(process.getuid?.() === 0)('read-only directory → ERR_STORE_UNWRITABLE (not as root: root ignores modes)', async () => {
    using tmp = tempDir();
    chmodSync(tmp.dir, 0o555);
    try {
      const err = await openError(tmp.db);
      expect(err.code).toBe('ERR_STORE_UNWRITABLE');
      expect(err.message).toContain(tmp.db);
    } finally {
      chmodSync(tmp.dir, 0o755);
    }
  });

  it('a reader on a missing file → ERR_STORE_OPEN naming it', () => {
    using tmp = tempDir();
    expect(() => openReader(tmp.db)).toThrow(expect.objectContaining({ code: 'ERR_STORE_OPEN', message: expect.stringContaining(tmp.db) as unknown }));
  });
});
