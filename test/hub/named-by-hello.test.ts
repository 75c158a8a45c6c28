import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import type { Lifecycle, ResourceSnapshot } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

function said(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: unknown): void => {
      if (m !== what) return;
      child.off('message', on);
      resolve();
    };
    child.on('message', on);
  });
}

// The demo's case: a child process is a descendant of the app (`app/node`)
// until its Hello names it. Its whole history takes the new name, and keeps
// it after it leaves the bus.
describe('a process named by its Hello', () => {
  it('has its earlier rows, process row and rollups filed under its own name', async () => {
    const dir = tmp();
    const db = join(dir, 'hub.db');
    const hub = await createHub({ db, socket: join(dir, 'h.sock'), intervalMs: 150, gpu: false, host: false, handleSignals: false, logger: quietLogger() });
    const child = fork(join(import.meta.dirname, '..', 'fixtures', 'hub', 'late-hello.mjs'), [hub.socketPath!, hub.runId], { stdio: 'ignore' });
    const pid = child.pid!;
    const seen: ResourceSnapshot[] = [];
    const renames: Lifecycle[] = [];
    hub.bus.subscribe(Topic.RESOURCE, (s) => { if (s.pid === pid) seen.push(s); });
    hub.bus.subscribe(Topic.LIFECYCLE, (l) => { if (l.pid === pid && (l.kind as number) === LifecycleKind.PROCESS_RENAMED) renames.push(l); });
    try {
      await said(child, 'up');
      await waitFor(() => seen.filter((s) => s.component === 'app/node').length >= 3, 15_000, 'the child sampled as app/node');
      child.send('hello');
      await said(child, 'ready');
      await waitFor(() => seen.filter((s) => s.component === 'worker-1').length >= 3, 15_000, 'the child sampled as worker-1');
      child.send('bye');
      await said(child, 'closed');
      // Off the bus, still alive: it keeps its name.
      const n = seen.length;
      await waitFor(() => seen.length >= n + 3, 15_000, 'samples after the child left the bus');
    } finally {
      // Stopped and closed even when a wait above failed.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        if (child.connected) child.send('stop');
        else child.kill('SIGKILL');
        await exited;
      }
      await hub.close({ exitCode: 0 });
    }

    expect(renames).toHaveLength(1);
    expect(renames[0]).toMatchObject({ component: 'worker-1', previousComponent: 'app/node' });
    expect(seen.findIndex((s) => s.component === 'worker-1')).toBeGreaterThan(0);
    expect(seen.slice(seen.findIndex((s) => s.component === 'worker-1')).every((s) => s.component === 'worker-1')).toBe(true);

    const r = new Database(db, { readonly: true });
    try {
      const rows = r.prepare('SELECT component, count(*) AS n FROM snapshots WHERE run_id = ? AND pid = ? GROUP BY 1').all(hub.runId, pid);
      expect(rows).toEqual([{ component: 'worker-1', n: expect.any(Number) as number }]);
      expect((rows[0] as { n: number }).n).toBeGreaterThanOrEqual(9);
      expect(r.prepare('SELECT component FROM processes WHERE run_id = ? AND pid = ?').all(hub.runId, pid)).toEqual([{ component: 'worker-1' }]);
      // Rollups per component equal the raw rows.
      const raw = r.prepare('SELECT component, ts_ms - ts_ms % 60000 AS m, count(*) AS n, max(rss_bytes) AS rss FROM snapshots WHERE run_id = ? GROUP BY 1, 2 ORDER BY 1, 2').all(hub.runId);
      const rolled = r.prepare('SELECT component, minute_ms AS m, samples AS n, rss_max AS rss FROM rollups_1m WHERE run_id = ? ORDER BY 1, 2').all(hub.runId);
      expect(rolled).toEqual(raw);
    } finally {
      r.close();
    }
  }, 60_000);
});
