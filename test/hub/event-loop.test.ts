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
});
