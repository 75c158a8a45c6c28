// Issue 15 item 3: the database, its WAL and shared-memory files were created
// 0644 under the usual umask, so any local user could read every run,
// command line and metric. They are created 0600; a file that already
// exists keeps the mode its owner gave it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { batch, snap, tempDir } from '../store/helpers.js';

const mode = (p: string): number => statSync(p).mode & 0o777;

let oldUmask = 0;
beforeAll(() => { oldUmask = process.umask(0o022); });
afterAll(() => { process.umask(oldUmask); });

/** Writes a batch and returns the three files' modes while the store is open. */
async function modesWhileOpen(db: string): Promise<number[]> {
  const store = await openStore({ path: db });
  try {
    await store.write(batch([snap({ pid: 1 })]));
    expect(existsSync(`${db}-wal`)).toBe(true);
    expect(existsSync(`${db}-shm`)).toBe(true);
    return [db, `${db}-wal`, `${db}-shm`].map(mode);
  } finally {
    await store.close();
  }
}

describe('database file modes', () => {
  it('creates the database, -wal and -shm 0600 under umask 022', async () => {
    using tmp = tempDir();
    expect(await modesWhileOpen(tmp.db)).toEqual([0o600, 0o600, 0o600]);
  });

  it('leaves the mode of an existing database as its owner set it', async () => {
    using tmp = tempDir();
    writeFileSync(tmp.db, '');
    chmodSync(tmp.db, 0o640);
    const [db] = await modesWhileOpen(tmp.db);
    expect(db).toBe(0o640);
  });

  const root = process.getuid?.() === 0;
  const hasUseradd = spawnSync('sh', ['-c', 'command -v useradd && command -v userdel && command -v setpriv']).status === 0;
  const why = !root ? 'not root: cannot add a second user (useradd)' : !hasUseradd ? 'useradd/userdel (Debian package passwd) or setpriv (util-linux) missing' : '';
  if (why !== '') console.warn(`skipping the second-user test: ${why}`);
  it.skipIf(why !== '')('a second local user cannot read any of the three files', async () => {
    const user = `rbmode${process.pid}`;
    execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user]);
    try {
      const uid = execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim();
      const gid = execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim();
      using tmp = tempDir();
      // The directory is open to all, so only the files' own modes stand in the way.
      chmodSync(tmp.dir, 0o755);
      const store = await openStore({ path: tmp.db });
      try {
        await store.write(batch([snap({ pid: 1, command: 'secret-command' })]));
        for (const f of [tmp.db, `${tmp.db}-wal`, `${tmp.db}-shm`]) {
          const r = spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', 'cat', f], { encoding: 'utf8' });
          expect(r.status, f).not.toBe(0);
          expect(r.stderr, f).toMatch(/Permission denied/);
        }
        // The check itself works: a file the directory lists is readable when its mode allows.
        writeFileSync(`${tmp.dir}/open.txt`, 'x', { mode: 0o644 });
        expect(spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', 'cat', `${tmp.dir}/open.txt`]).status).toBe(0);
      } finally {
        await store.close();
      }
    } finally {
      spawnSync('userdel', [user]);
    }
  });
});
