// Issue 15, item 5: envelopes a client had written into the socket before
// the hub's SIGTERM were thrown away uncounted ("0 dropped"), and the
// closing line's row count was read before the last flush. Now close()
// reads what open connections already sent (bounded by drainTimeoutMs),
// stores it, counts what it abandons, and reports rows after the flush.
// A real hub process, a real flooding client process, a real SIGTERM:
// what the client sent = what the store holds + what the hub counted as dropped.
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { tempDir } from '../bus/remote/helpers.js';

const kMain = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const kFixture = fileURLToPath(new URL('../fixtures/remote/flood-publisher.mjs', import.meta.url));

let t: ReturnType<typeof tempDir>;
const kids: ChildProcess[] = [];

beforeEach(() => {
  t = tempDir();
});
afterEach(() => {
  for (const k of kids) k.kill('SIGKILL');
  kids.length = 0;
  t.cleanup();
});

interface Counts {
  published: number;
  sent: number;
  dropped: number;
}

function nextMessage(k: ChildProcess, type: string): Promise<Counts> {
  return new Promise((resolve) => {
    const on = (m: { type?: string }): void => {
      if (m.type !== type) return;
      k.off('message', on);
      resolve(m as unknown as Counts);
    };
    k.on('message', on);
  });
}

test.skipIf(!existsSync(kMain))('SIGTERM while a client floods: sent = stored + counted dropped, and the closing line tells the committed rows', { timeout: 90_000 }, async () => {
  const db = path.join(t.dir, 'hub.db');
  const hub = spawn(process.execPath, [kMain, 'hub', '--db', db, '--socket', t.sock, '--no-gpu'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUNBUS_TOKEN: '' } });
  kids.push(hub);
  let out = '';
  let err = '';
  hub.stdout.on('data', (c: Buffer) => (out += c.toString()));
  hub.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => hub.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (out.includes('listening on')) resolve();
    };
    hub.stdout.on('data', check);
    hub.once('exit', () => reject(new Error(`hub exited early: ${err}`)));
  });

  const pub = fork(kFixture, [t.sock, 'flood', 'bus'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  kids.push(pub);
  await nextMessage(pub, 'up');
  await nextMessage(pub, 'progress'); // 50,000 published: the socket is full

  hub.kill('SIGTERM');
  expect(await exited).toBe(0);
  const done = nextMessage(pub, 'done');
  pub.send('stop');
  const client = await done;

  const m = /closed \((\d+) rows written, (\d+) dropped\)/.exec(err);
  expect(m, err).not.toBeNull();
  const hubDropped = Number(m![2]);
  const d = new Database(db, { readonly: true });
  try {
    // run_id 'flood': what the client sent (the hub's own samples of the
    // client's process carry the hub's run id).
    const stored = (d.prepare("SELECT count(*) AS n FROM snapshots WHERE run_id = 'flood'").get() as { n: number }).n;
    const rows = (d.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number }).n;
    expect(client.sent).toBeGreaterThan(0);
    expect(stored + hubDropped).toBe(client.sent);
    // The closing line counts rows after the last flush: at least every snapshot row stored.
    expect(Number(m![1])).toBeGreaterThanOrEqual(rows);
  } finally {
    d.close();
  }
  // The client's own books balance too.
  expect(client.published).toBe(client.sent + client.dropped);
});
