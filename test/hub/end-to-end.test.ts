import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { openReader } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

describe('hub end to end', () => {
  it('samples a tracked child and itself, and stores run, snapshots and host rows', async () => {
    const db = join(tmp(), 'hub.db');
    const hub = await createHub({ db, intervalMs: 100, gpu: false, handleSignals: false, command: 'e2e test', logger: quietLogger() });
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      hub.track(child.pid!, 'sleeper');
      const seen = new Map<number, ResourceSnapshot[]>();
      hub.bus.subscribe(Topic.RESOURCE, (s) => { seen.set(s.pid, [...(seen.get(s.pid) ?? []), s]); });
      await waitFor(() => (seen.get(child.pid!)?.length ?? 0) >= 3 && (seen.get(process.pid)?.length ?? 0) >= 3, 15_000, 'snapshots of the child and the hub');
      const last = seen.get(child.pid!)!.at(-1)!;
      expect(last).toMatchObject({ runId: hub.runId, component: 'sleeper', pid: child.pid });
      expect(last.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(seen.get(process.pid)!.at(-1)!.component).toBe('app');
    } finally {
      child.kill('SIGKILL');
    }
    await hub.close({ exitCode: 0 });

    const r = openReader(db);
    try {
      const run = r.run(hub.runId)!;
      expect(run).toMatchObject({ command: 'e2e test', exit_code: 0 });
      expect(run.ended_at_ms).toBeGreaterThanOrEqual(run.started_at_ms!);
      const rows = r.snapshots({ runId: hub.runId });
      // The child is also a descendant of the hub's own process ('app'), so
      // a tick between spawn() and track() may tag it 'app/sleep' first.
      const childRows = rows.filter((x) => x.pid === child.pid);
      expect(childRows.length).toBeGreaterThanOrEqual(3);
      expect(childRows.at(-1)!.component).toBe('sleeper');
      expect(r.hostSnapshots({ runId: hub.runId }).length).toBeGreaterThanOrEqual(3);
      expect(r.heartbeats({ runId: hub.runId }).length).toBeGreaterThanOrEqual(1);
    } finally {
      r.close();
    }
  });

  it('close() loses nothing: every published sample is in the store', async () => {
    const db = join(tmp(), 'hub.db');
    const hub = await createHub({ db, intervalMs: 1000, gpu: false, host: false, self: false, handleSignals: false, logger: quietLogger() });
    const n = 25_000;
    for (let i = 0; i < n; ++i) {
      hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'loop', pid: process.pid, name: 'iteration', value: i });
      if (i % 5000 === 0) await new Promise((r) => setImmediate(r));
    }
    await hub.close();
    const st = hub.stats();
    expect(st.batcher.dropped).toBe(0);
    const r = openReader(db);
    try {
      const values = r.metrics({ runId: hub.runId, name: 'iteration' }).map((m) => m.value);
      expect(values.length).toBe(n);
      expect(new Set(values).size).toBe(n);
    } finally {
      r.close();
    }
  });

  it('rejects misspelled options and names a database that is not SQLite', async () => {
    await expect(createHub({ intervall: 5 } as never)).rejects.toThrow(/createHub: unknown option "intervall" \(did you mean "intervalMs"\?\)/);
    const bad = join(tmp(), 'not.db');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'this is not a database, just text that is long enough to have a header '.repeat(20));
    await expect(createHub({ db: bad, handleSignals: false })).rejects.toMatchObject({ code: 'ERR_STORE_NOT_SQLITE' });
    await expect(createHub({ db: bad, handleSignals: false })).rejects.toThrow(bad);
  });
});
