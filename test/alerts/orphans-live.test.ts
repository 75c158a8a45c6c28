// Orphans for real: a shell started by this process starts four sleeps and
// exits; the sleeps are reparented, and the built-in orphan_processes rule
// fires from the hub's own RESOURCE and LIFECYCLE samples.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createAlertEngine } from '../../src/alerts/index.js';
import { createHub } from '../../src/hub/index.js';
import { AlertState, Topic } from '../../src/wire/index.js';
import type { Alert } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { waitFor } from '../support/tmp.js';

describe('orphaned processes, live', () => {
  it.skipIf(process.platform !== 'linux')('four reparented sleeps fire orphan_processes', async () => {
    const hub = await createHub({ db: false, socket: false, gpu: false, host: false, intervalMs: 100, handleSignals: false, logger: quietLogger() });
    const engine = createAlertEngine({ bus: hub.bus, runId: hub.runId });
    const alerts: Alert[] = [];
    hub.bus.subscribe(Topic.ALERT, (a) => { alerts.push(a); });
    const sh = spawn('sh', ['-c', 'for i in 1 2 3 4; do sleep 30 & done; sleep 1; exit 0'], { detached: true, stdio: 'ignore' });
    try {
      await waitFor(() => alerts.some((a) => a.rule === 'orphan_processes'), 20_000, 'orphan_processes');
      const a = alerts.find((x) => x.rule === 'orphan_processes')!;
      expect(a).toMatchObject({ state: AlertState.FIRING, runId: hub.runId, threshold: 3 });
      expect(a.value).toBeGreaterThanOrEqual(4);
    } finally {
      try {
        process.kill(-sh.pid!, 'SIGKILL');
      } catch { /* already gone */ }
      await engine.close();
      await hub.close();
    }
  }, 30_000);
});
