// A fresh store and a second connection on it for each writer test, closed
// and removed after each test.
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';
import { tempDir } from '../store/helpers.js';
import type { TempDir } from '../store/helpers.js';

export interface WriterStore {
  /** The store (its writer thread) the test feeds. */
  readonly store: Store;
  readonly path: string;
  /** A connection of the writer's own, as the remote-write thread has. */
  readonly db: Database.Database;
}

/** Registers the cleanup; call the returned function in a test for a new store. */
export function useWriterStore(prefix: string): () => Promise<WriterStore> {
  let dir: TempDir | undefined;
  let store: Store | undefined;
  const dbs: Database.Database[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) d.close();
    await store?.close();
    store = undefined;
    dir?.[Symbol.dispose]();
    dir = undefined;
  });
  return async () => {
    dir = tempDir(prefix);
    store = await openStore({ path: dir.db });
    const db = new Database(dir.db);
    dbs.push(db);
    return { store, path: dir.db, db };
  };
}
