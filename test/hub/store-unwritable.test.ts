import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { AlertState, Topic } from '../../src/wire/index.js';
import type { Alert } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

describe('a full database', () => {
  it('keeps the hub running with a bounded buffer, raises store_unwritable, and resumes when room returns', async () => {
    const db = join(tmp(), 'full.db');
    const log = quietLogger();
    const hub = await createHub({
      db, self: false, host: false, gpu: false, handleSignals: false, heartbeatIntervalMs: 3_600_000,
      maxDbBytes: 256 * 1024, pendingCapacity: 2000, retryMs: 20, batchAgeMs: 5, logger: log,
    });
    const alerts: Alert[] = [];
    hub.bus.subscribe(Topic.ALERT, (a) => { alerts.push(a); });
    // The hub's own envelopes (alerts, heartbeats) share the store queue, so
    // its drop count can include some of them: count them to bound that.
    let own = 0;
    hub.bus.subscribe([Topic.ALERT, Topic.HEARTBEAT], () => { own++; });
    let published = 0;
    const publish = (n: number) => {
      for (let i = 0; i < n; ++i) {
        hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'c', pid: 1, name: 'seq', value: published, labels: { pad: 'x'.repeat(64) } });
        published++;
      }
    };
    // Fill the file until writes fail.
    await waitFor(() => {
      publish(200);
      return alerts.some((a) => a.state === AlertState.FIRING && a.rule === 'store_unwritable');
    }, 20_000, 'store_unwritable to fire');
    const fired = alerts.find((a) => a.state === AlertState.FIRING)!;
    expect(fired.message).toMatch(/ERR_STORE_FULL/);
    expect(log.lines.some((l) => /store write failed \(ERR_STORE_FULL\)/.test(l))).toBe(true);

    // Far more than both buffers hold: the excess is dropped and counted, memory stays bounded.
    for (let i = 0; i < 20; ++i) {
      publish(1000);
      await new Promise((r) => setImmediate(r));
    }
    const during = hub.stats();
    const storeQueue = during.bus.subscribers.find((s) => s.name === 'hub-store')!;
    expect(storeQueue.dropped).toBeGreaterThan(0);
    expect(storeQueue.queued).toBeLessThanOrEqual(2000);
    expect(during.batcher.pending + during.batcher.held).toBeLessThanOrEqual(2000 + 1000);

    await hub.setMaxDbBytes(undefined);
    await waitFor(() => alerts.some((a) => a.state === AlertState.RESOLVED), 20_000, 'store_unwritable to resolve');
    await hub.close();

    const after = hub.stats();
    // The queue's final count: the ALERT resolving and the closing
    // heartbeat may still push a sample out of a full queue after `during`.
    const dropped = after.storeQueue!.dropped + after.batcher.dropped;
    const d = new Database(db, { readonly: true });
    try {
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = (d.prepare("select count(*) n from metrics where name = 'seq'").get() as { n: number }).n;
      // Every 'seq' sample is stored or counted dropped; a drop beyond that
      // is one of the hub's own envelopes (it was not a 'seq' row).
      expect(stored).toBeLessThanOrEqual(published);
      expect(stored + dropped).toBeGreaterThanOrEqual(published);
      expect(stored + dropped - published).toBeLessThanOrEqual(own);
      const rows = d.prepare("select state, resolved_at_ms from alerts where rule = 'store_unwritable'").all() as { state: string; resolved_at_ms: number | null }[];
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.some((r) => r.resolved_at_ms !== null)).toBe(true);
    } finally {
      d.close();
    }
  });
});
