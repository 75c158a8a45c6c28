import { describe, expect, it } from 'vitest';
import { createHub, defaultHeartbeatMs, kHeartbeatTicks } from '../../src/hub/index.js';
import type { Hub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { waitFor } from '../support/tmp.js';

/** The sampler tick (1 = the first) at which each HEARTBEAT was published, and its dropped_total. */
function heartbeatTicks(hub: Hub): { ticks: number[]; dropped: number[] } {
  let tick = 0;
  // Registered after the hub's own hooks: the count includes the tick whose
  // hook publishes the heartbeat (at the end of that turn).
  hub.onTick(() => { tick++; });
  const ticks: number[] = [];
  const dropped: number[] = [];
  hub.bus.subscribe(Topic.HEARTBEAT, (h) => {
    if (h.component !== 'hub') return;
    ticks.push(tick);
    dropped.push(h.droppedTotal ?? 0);
  });
  return { ticks, dropped };
}

const base = { db: false, gpu: false, host: false, handleSignals: false, logger: quietLogger() } as const;

describe('HEARTBEAT cadence', () => {
  it(`defaults to every ${kHeartbeatTicks} sampling intervals, capped at the interval's maximum`, () => {
    expect(defaultHeartbeatMs(1000)).toBe(1000 * kHeartbeatTicks);
    expect(defaultHeartbeatMs(3_600_000)).toBe(3_600_000);
  });

  it(`by default goes out at the first tick and then every ${kHeartbeatTicks}th, on the sampler's ticks`, async () => {
    const hub = await createHub({ ...base, intervalMs: 20 });
    try {
      const h = heartbeatTicks(hub);
      await waitFor(() => h.ticks.length >= 4, 10_000, 'four heartbeats');
      expect(h.ticks.slice(0, 4)).toEqual([1, 1 + kHeartbeatTicks, 1 + 2 * kHeartbeatTicks, 1 + 3 * kHeartbeatTicks]);
    } finally {
      await hub.close();
    }
  });

  it('heartbeatIntervalMs equal to intervalMs: every tick', async () => {
    const hub = await createHub({ ...base, intervalMs: 20, heartbeatIntervalMs: 20 });
    try {
      const h = heartbeatTicks(hub);
      await waitFor(() => h.ticks.length >= 4, 10_000, 'four heartbeats');
      expect(h.ticks.slice(0, 4)).toEqual([1, 2, 3, 4]);
    } finally {
      await hub.close();
    }
  });

  it('after a drop the next tick has a heartbeat, whatever the cadence, so samples_dropped is not late', async () => {
    const hub = await createHub({ ...base, intervalMs: 20, heartbeatIntervalMs: 3_600_000 - (3_600_000 % 20) });
    let release = (): void => undefined;
    try {
      const h = heartbeatTicks(hub);
      await waitFor(() => h.ticks.length >= 1, 10_000, 'the first heartbeat');
      expect(h.ticks[0]).toBe(1);
      // A subscriber that never finishes, with room for one: from its second
      // RESOURCE snapshot on, each one is dropped.
      const stuck = new Promise<void>((r) => { release = r; });
      hub.bus.subscribe(Topic.RESOURCE, () => stuck, { name: 'stuck', capacity: 1, overflow: 'drop-newest' });
      await waitFor(() => h.ticks.length >= 4, 10_000, 'heartbeats after the drops');
      // One heartbeat a tick while drops go on, each counting more of them.
      const [, a, b, c] = h.ticks;
      expect(b! - a!).toBe(1);
      expect(c! - b!).toBe(1);
      expect(h.dropped[3]!).toBeGreaterThan(h.dropped[2]!);
      expect(h.dropped[2]!).toBeGreaterThan(0);
    } finally {
      release();
      await hub.close();
    }
  });
});
