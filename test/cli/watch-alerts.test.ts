import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WatchModel } from '../../src/cli/watch-view.js';
import { AlertState, Severity } from '../../src/wire/index.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { alertStored, kFixtures, runCli, startCli } from './cli-helper.js';

const tmp = useTmpDir();

describe('runbus watch: alerts that fired before it attached', () => {
  it('come from the database the hub writes', async () => {
    const dir = tmp();
    const socket = join(dir, 'h.sock');
    const db = join(dir, 'hub.db');
    const hub = startCli(['hub', '--socket', socket, '--db', db, '--interval', '100', '--config', join(kFixtures, 'alerts-always.yaml')], { cwd: dir });
    try {
      await waitFor(() => alertStored(db, 'cpus_present'), 20_000, 'the alert to be stored');
      const w = await runCli(['watch', '--socket', socket, '--db', db, '--frames', '3', '--refresh', '200'], { cwd: dir });
      expect(w.code).toBe(0);
      const frames = w.stdout.split('runbus watch —').filter((f) => f.includes('connected to'));
      expect(frames.length).toBeGreaterThan(0);
      const last = frames.at(-1)!;
      expect(last.slice(last.indexOf('recent alerts:'))).toContain('cpus_present firing');
    } finally {
      hub.child.kill('SIGTERM');
      expect((await hub.done).code).toBe(0);
    }
  });

  it('an alert read back and then received live is listed once', () => {
    const m = new WatchModel();
    const a = { tsMs: 1, runId: 'r', rule: 'x', severity: Severity.WARNING, state: AlertState.FIRING, value: 1, message: 'm', component: 'c', pid: 1, firedAtMs: 1 };
    m.onAlert(a);
    m.onAlert({ ...a, tsMs: 2 });
    m.onAlert({ ...a, state: AlertState.RESOLVED, tsMs: 3 });
    expect(m.alerts.map((x) => x.state)).toEqual([AlertState.FIRING, AlertState.RESOLVED]);
  });
});
