import { fork } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();
const kHeld = 64 * 1024 * 1024;

describe('runtime figures of every process that embeds the bus', () => {
  it('heap, array buffers, GC pauses and active resources of a remote bus and of the hub reach the snapshots and the store', async () => {
    const dir = tmp();
    const db = join(dir, 'r.db');
    const hub = await createHub({ db, socket: join(dir, 'h.sock'), intervalMs: 200, gpu: false, host: false, handleSignals: false, logger: quietLogger() });
    const child = fork(join(import.meta.dirname, '..', 'fixtures', 'hub', 'runtime-client.mjs'), [hub.socketPath!, hub.runId], { stdio: 'ignore' });
    let c: ResourceSnapshot;
    let own: ResourceSnapshot;
    try {
      const latest = new Map<number, ResourceSnapshot>();
      hub.bus.subscribe(Topic.RESOURCE, (s) => { latest.set(s.pid, s); });
      await waitFor(() => (latest.get(child.pid!)?.gcMinorMs ?? 0) > 0 && latest.get(process.pid)?.heapUsedBytes != null, 40_000, 'runtime figures');
      c = latest.get(child.pid!)!;
      own = latest.get(process.pid)!;
    } finally {
      await new Promise((r) => { child.once('exit', r); child.send('stop'); });
      await hub.close();
    }
    expect(c.arrayBuffersBytes).toBeGreaterThanOrEqual(kHeld);
    expect(c.externalBytes).toBeGreaterThanOrEqual(c.arrayBuffersBytes!);
    expect(c.heapUsedBytes).toBeGreaterThan(0);
    expect(c.heapTotalBytes).toBeGreaterThanOrEqual(c.heapUsedBytes!);
    expect(c.gcMinorMs).toBeGreaterThan(0);
    // The socket and the interval timer at least.
    expect(c.activeResources).toBeGreaterThanOrEqual(2);
    expect(own.heapTotalBytes).toBeGreaterThanOrEqual(own.heapUsedBytes!);
    expect(own.gcMajorMs).toBeGreaterThanOrEqual(0);

    const d = new Database(db, { readonly: true });
    const row = d.prepare('SELECT max(array_buffers_bytes) AS ab, max(gc_minor_ms) AS gc, max(heap_used_bytes) AS heap, max(active_resources) AS res FROM snapshots WHERE pid = ?').get(child.pid) as Record<string, number>;
    d.close();
    expect(row.ab).toBeGreaterThanOrEqual(kHeld);
    expect(row.gc).toBeGreaterThan(0);
    expect(row.heap).toBeGreaterThan(0);
    expect(row.res).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
