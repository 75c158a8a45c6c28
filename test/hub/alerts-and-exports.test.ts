import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { createHub } from '../../src/hub/index.js';
import { openReader } from '../../src/store/index.js';
import { AlertState, Topic } from '../../src/wire/index.js';
import type { Alert } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';

const tmp = useTmpDir();

describe('a hub with alert rules, /metrics and a final export', () => {
  it('fires a rule on the bus, serves it on /metrics, stores it, and writes the final export', async () => {
    const dir = tmp();
    const rules = parseAlertRules(`
rules:
  - name: low_success_rate
    source: metric
    metric: success
    aggregate: avg
    window: { samples: 10 }
    op: '<'
    threshold: 0.2
    severity: critical
    message: 'success rate {{value}} over 10 iterations'
`);
    const hub = await createHub({
      db: join(dir, 'a.db'), self: false, host: false, gpu: false, handleSignals: false, logger: quietLogger(),
      alerts: { rules, defaults: false }, metrics: { port: 0 }, exportDir: join(dir, 'out'), alertLog: join(dir, 'alerts.jsonl'),
    });
    expect(hub.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const alerts: Alert[] = [];
    hub.bus.subscribe(Topic.ALERT, (a) => { alerts.push(a); });
    for (let i = 0; i < 12; ++i) {
      hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'loop', pid: process.pid, name: 'success', value: 0.1 });
    }
    await waitFor(() => alerts.some((a) => a.rule === 'low_success_rate' && a.state === AlertState.FIRING), 5000, 'the alert');

    const text = await (await fetch(hub.metricsUrl!)).text();
    expect(text).toMatch(/runbus_alerts_firing\{[^}]*rule="low_success_rate"[^}]*\} 1/);
    expect(text).toMatch(/runbus_app_success/);

    await hub.close({ exitCode: 0 });
    expect(existsSync(join(dir, 'out', 'metrics_final.json'))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'prometheus_metrics_final.txt'), 'utf8')).toMatch(/runbus_alerts_fired_total/);
    expect(readFileSync(join(dir, 'alerts.jsonl'), 'utf8')).toMatch(/low_success_rate/);
    const r = openReader(join(dir, 'a.db'));
    try {
      expect(r.alerts({ runId: hub.runId }).map((a) => a.rule)).toContain('low_success_rate');
    } finally {
      r.close();
    }
  });

  it('rejects a bad metrics port from the environment, naming the variable', async () => {
    const before = process.env.RUNBUS_METRICS_PORT;
    process.env.RUNBUS_METRICS_PORT = 'http';
    try {
      await expect(createHub({ db: false, handleSignals: false })).rejects.toThrow(/RUNBUS_METRICS_PORT/);
    } finally {
      if (before === undefined) delete process.env.RUNBUS_METRICS_PORT;
      else process.env.RUNBUS_METRICS_PORT = before;
    }
  });
});
