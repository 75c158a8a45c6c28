import { fork } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/hub/index.js';
import { Topic } from '../../src/wire/index.js';
import type { ResourceSnapshot } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

describe('event-loop figures of every process that embeds the bus', () => {
  it('a remote bus reports its own loop lag; the hub reports its own; both reach the RESOURCE snapshots', async () => {
    const dir = tmp();
    const hub = await createHub({ db: false, socket: join(dir, 'h.sock'), intervalMs: 200, gpu: false, host: false, handleSignals: false, logger: quietLogger() });
    const child = fork(join(import.meta.dirname, '..', 'fixtures', 'hub', 'laggy-client.mjs'), [hub.socketPath!, hub.runId], { stdio: 'ignore' });
    try {
      const latest = new Map<number, ResourceSnapshot>();
      hub.bus.subscribe(Topic.RESOURCE, (s) => { latest.set(s.pid, s); });
      await waitFor(() => (latest.get(child.pid!)?.loopLagMaxMs ?? 0) >= 100 && latest.get(process.pid)?.loopUtilization != null, 20_000, 'loop figures');
      const c = latest.get(child.pid!)!;
      expect(c.component).toBe('laggy');
      expect(c.loopLagMaxMs).toBeGreaterThanOrEqual(100);
      expect(c.loopUtilization).toBeGreaterThan(0.2);
      expect(latest.get(process.pid)!.loopUtilization).toBeGreaterThanOrEqual(0);
    } finally {
      await new Promise((r) => { child.once('exit', r); child.send('stop'); });
      await hub.close();
    }
  });

  it("the hub's own lag is its tick's lateness by default: a stall over a tick shows, p50 = p99 = max", async () => {
    const hub = await createHub({ db: false, intervalMs: 200, gpu: false, host: false, handleSignals: false, logger: quietLogger() });
    try {
      const own: ResourceSnapshot[] = [];
      hub.bus.subscribe(Topic.RESOURCE, (s) => { if (s.pid === process.pid) own.push(s); });
      await waitFor(() => own.length >= 2, 10_000, 'two snapshots of the hub itself');
      // A 400 ms stall covers at least one due tick, which then runs at
      // least 200 ms late.
      const end = performance.now() + 400;
      while (performance.now() < end) { /* the stall */ }
      const from = own.length;
      await waitFor(() => own.slice(from).some((s) => (s.loopLagMaxMs ?? 0) >= 150), 10_000, 'the stall in the hub\'s own figures');
      const s = own.slice(from).find((x) => (x.loopLagMaxMs ?? 0) >= 150)!;
      expect(s.loopLagP50Ms).toBe(s.loopLagMaxMs);
      expect(s.loopLagP99Ms).toBe(s.loopLagMaxMs);
      expect(s.loopUtilization).toBeGreaterThan(0.5);
      expect(s.loopUtilization).toBeLessThanOrEqual(1);
    } finally {
      await hub.close();
    }
  });

  it('loopResolutionMs gives the hub a delay histogram instead; a period finer than 20 ms is refused by name', async () => {
    await expect(createHub({ db: false, gpu: false, loopResolutionMs: 10, handleSignals: false, logger: quietLogger() })).rejects.toThrow(/options\.loopResolutionMs/);
    const hub = await createHub({ db: false, intervalMs: 500, loopResolutionMs: 20, gpu: false, host: false, handleSignals: false, logger: quietLogger() });
    try {
      const own: ResourceSnapshot[] = [];
      hub.bus.subscribe(Topic.RESOURCE, (s) => { if (s.pid === process.pid) own.push(s); });
      await waitFor(() => own.length >= 2, 10_000, 'two snapshots of the hub itself');
      // 25 periods of 20 ms in each interval: the histogram's figures.
      const from = own.length;
      await waitFor(() => own.slice(from).some((s) => s.loopLagP50Ms != null), 10_000, 'a histogram reading');
      const s = own.slice(from).find((x) => x.loopLagP50Ms != null)!;
      expect(s.loopLagP50Ms!).toBeLessThanOrEqual(s.loopLagP99Ms!);
      expect(s.loopLagP99Ms!).toBeLessThanOrEqual(s.loopLagMaxMs!);
    } finally {
      await hub.close();
    }
  });
});
