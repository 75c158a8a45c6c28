// The wiring the hub owner will do, done from outside: a real hub, the alert
// engine and the exporter on its bus, the JSON log, and the final export at
// close. Alerts reach the store (the `alerts` view), the log and /metrics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, parseAlertRules } from '../../src/alerts/index.js';
import { createJsonLogWriter, startPrometheusExporter, writeFinalExport } from '../../src/export/index.js';
import { createHub } from '../../src/hub/index.js';
import { openReader } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { sampleValue } from './helpers.js';

const tmp = useTmpDir();

describe('alerts and exporter wired to a real hub', () => {
  it('an alert is stored, logged and exported; the final export is written at close', async () => {
    const dir = tmp();
    const db = join(dir, 'hub.db');
    const hub = await createHub({ db, intervalMs: 100, gpu: false, socket: false, handleSignals: false, logger: quietLogger() });
    const engine = createAlertEngine({
      bus: hub.bus, runId: hub.runId,
      rules: parseAlertRules([{ name: 'low_success', source: 'metric', metric: 'success_rate', op: '<', threshold: 0.2, severity: 'critical' }]),
    });
    const exporter = await startPrometheusExporter({ bus: hub.bus, port: 0, runId: hub.runId, hubStats: () => hub.stats() });
    const log = createJsonLogWriter({ bus: hub.bus, path: join(dir, 'alerts.log') });
    try {
      hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'loop', pid: process.pid, name: 'success_rate', labels: {}, value: 0.1 });
      await waitFor(() => engine.firing().length === 1, 5000, 'the alert');
      let text = '';
      await waitFor(() => {
        void exporter.metricsText().then((t) => { text = t; });
        return sampleValue(text, 'runbus_process_cpu_percent', { component: 'app' }) !== undefined;
      }, 10_000, 'the hub\'s own process on /metrics');
      text = await (await fetch(exporter.url)).text();
      expect(sampleValue(text, 'runbus_alerts_firing', { run_id: hub.runId, rule: 'low_success', severity: 'critical' })).toBe(1);
      expect(sampleValue(text, 'runbus_app_success_rate', { component: 'loop' })).toBe(0.1);
      expect(sampleValue(text, 'runbus_bus_published_total', { topic: 'metric' })).toBe(1);
    } finally {
      await hub.close({ exitCode: 0 });
      await writeFinalExport(join(dir, 'export'), { collector: exporter.collector, hubStats: hub.stats(), runId: hub.runId, alerts: engine.firing() });
      await engine.close();
      await exporter.close();
      await log.close();
    }
    const r = openReader(db);
    try {
      expect(r.alerts({ runId: hub.runId })).toMatchObject([{ rule: 'low_success', severity: 'critical', state: 'firing', value: 0.1, threshold: 0.2 }]);
    } finally {
      r.close();
    }
    expect(JSON.parse(readFileSync(join(dir, 'alerts.log'), 'utf8'))).toMatchObject({ rule: 'low_success', state: 'firing' });
    const final = JSON.parse(readFileSync(join(dir, 'export', 'metrics_final.json'), 'utf8')) as { runId: string; alerts: { firing: unknown[] }; hub: { runId: string } };
    expect(final.runId).toBe(hub.runId);
    expect(final.hub.runId).toBe(hub.runId);
    expect(final.alerts.firing).toHaveLength(1);
    const finalText = readFileSync(join(dir, 'export', 'prometheus_metrics_final.txt'), 'utf8');
    // The last heartbeat (published by close()) made it into the final export.
    expect(sampleValue(finalText, 'runbus_hub_rows_written_total', { run_id: hub.runId, component: 'hub' })).toBeGreaterThan(0);
  });
});
