// samples_dropped fired at shutdown with --dashboard on because the
// dashboard's own page buffer dropped a message: the alert (and the
// heartbeat's dropped_total) are about the user's data, not a viewer's queue.
import { describe, expect, it } from 'vitest';
import { RunBus } from '../../src/bus/index.js';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Alert, Heartbeat } from '../../src/wire/index.js';
import { expectAllBalanced, flushMicrotasks, quietLogger } from '../support/bus.js';
import { resource } from '../../support/samples.js';

describe("a viewer's buffer is not the user's data", () => {
  it('RunBus: drops of a `view` subscriber go to viewDropped, not dropped', async () => {
    const bus = new RunBus({ logger: quietLogger() });
    const seen: number[] = [];
    bus.subscribe(Topic.RESOURCE, () => { seen.push(1); }, { name: 'page', capacity: 1, view: true });
    const data = bus.subscribe(Topic.RESOURCE, () => undefined, { name: 'data', capacity: 10 });
    for (let i = 0; i < 3; i++) bus.publish(Topic.RESOURCE, resource({ pid: 100 + i }));
    let s = bus.stats();
    expect(s.viewDropped).toBe(2);
    expect(s.dropped).toBe(0);
    expectAllBalanced(s);
    await flushMicrotasks();
    data.unsubscribe();
    // A gone viewer's drops stay where they were counted.
    await bus.close();
    s = bus.stats();
    expect(s).toMatchObject({ dropped: 0, viewDropped: 2 });
    expect(() => bus.subscribe(Topic.RESOURCE, () => undefined, { view: 'yes' } as never)).toThrow(TypeError);
  });

  it('the hub with the dashboard on: a flood the page cannot hold fires no samples_dropped', async () => {
    const hub = await createHub({ db: false, dashboard: true, self: false, host: false, gpu: false, handleSignals: false, logger: quietLogger() });
    const heartbeats: Heartbeat[] = [];
    const alerts: Alert[] = [];
    hub.bus.subscribe(Topic.HEARTBEAT, (h) => { heartbeats.push(h); }, { capacity: 100 });
    hub.bus.subscribe(Topic.ALERT, (a) => { alerts.push(a); }, { capacity: 100 });
    try {
      hub.heartbeat();
      await flushMicrotasks();
      // More than the dashboard's buffer (4096), synchronously: only it overflows.
      for (let i = 0; i < 5000; i++) hub.bus.publish(Topic.RESOURCE, resource({ runId: hub.runId, pid: 1000 + (i % 50), tsMs: Date.now() }));
      const stats = hub.stats().bus;
      expect(stats.viewDropped).toBeGreaterThan(0);
      expect(stats.dropped).toBe(0);
      hub.heartbeat();
      await flushMicrotasks();
    } finally {
      await hub.close();
    }
    expect(heartbeats.length).toBeGreaterThanOrEqual(2);
    for (const h of heartbeats) expect(h.droppedTotal).toBe(0);
    expect(alerts.filter((a) => a.rule === 'samples_dropped')).toEqual([]);
  });
});
