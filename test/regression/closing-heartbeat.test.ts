// The closing heartbeat's rows_written was computed before the last flush,
// so it under-reported what the run had stored: every row published before
// it must be counted.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { openReader } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Heartbeat } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();

describe('the closing heartbeat', () => {
  it('counts every row published before it as written', async () => {
    const db = join(tmp(), 'hub.db');
    // A long cadence and batch age: only what this test publishes (and the
    // run's own lifecycle) reaches the store, and nothing flushes it by age
    // before the close does.
    const hub = await createHub({ db, intervalMs: 60_000, batchAgeMs: 60_000, self: false, host: false, gpu: false, socket: false, alerts: false, handleSignals: false, logger: quietLogger() });
    const beats: Heartbeat[] = [];
    hub.bus.subscribe(Topic.HEARTBEAT, (h) => { beats.push(h); }, { capacity: 100 });
    const n = 300;
    for (let i = 0; i < n; i++) hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'app', pid: process.pid, name: 'm', labels: {}, value: i });
    await hub.close();
    const last = beats.at(-1)!;
    expect(Number(last.rowsWritten)).toBeGreaterThanOrEqual(n);
    const r = openReader(db);
    try {
      expect(r.metrics({ runId: hub.runId, name: 'm' })).toHaveLength(n);
    } finally {
      r.close();
    }
  });
});
