// The wiring the hub owner will do, done from outside with startHubExtras():
// a real hub, the alert engine, the exporter, the JSON log, and the final
// export after the bus drained. Alerts reach the store (the `alerts` view),
// the log and /metrics.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { ExporterError } from '../../src/export/index.js';
import { createHub, startHubExtras } from '../../src/hub/index.js';
import { openReader } from '../../src/store/index.js';
import { Topic } from '../../src/wire/index.js';
import { quietLogger } from '../support/bus.js';
import { useTmpDir, waitFor } from '../support/tmp.js';
import { quietBus, sampleValue } from '../export/helpers.js';

const tmp = useTmpDir();

describe('startHubExtras with a real hub', () => {
  it('an alert is stored, logged and exported; the final export is written after the drain', async () => {
    const dir = tmp();
    const db = join(dir, 'hub.db');
    // The hub's own built-in rules are off: on a loaded machine its
    // event_loop_lag rule can fire too, and this test is about the extras' rule.
    const hub = await createHub({ db, intervalMs: 100, gpu: false, socket: false, handleSignals: false, alerts: false, logger: quietLogger() });
    const extras = await startHubExtras({
      bus: hub.bus, runId: hub.runId, hubStats: () => hub.stats(),
      alerts: { rules: parseAlertRules([{ name: 'low_success', source: 'metric', metric: 'success_rate', op: '<', threshold: 0.2, severity: 'critical' }]) },
      metrics: { port: 0 },
      exportDir: join(dir, 'export'),
      alertLog: join(dir, 'alerts.log'),
    });
    try {
      hub.bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: hub.runId, component: 'loop', pid: process.pid, name: 'success_rate', labels: {}, value: 0.1 });
      await waitFor(() => extras.engine!.firing().length === 1, 5000, 'the alert');
      let text = '';
      await waitFor(() => {
        void extras.collector!.metricsText().then((t) => { text = t; });
        return sampleValue(text, 'runbus_process_cpu_percent', { component: 'app' }) !== undefined;
      }, 10_000, 'the hub\'s own process on /metrics');
      extras.observeFlush(2);
      text = await (await fetch(extras.url!)).text();
      expect(sampleValue(text, 'runbus_alerts_firing', { run_id: hub.runId, rule: 'low_success', severity: 'critical' })).toBe(1);
      expect(sampleValue(text, 'runbus_app_success_rate', { component: 'loop' })).toBe(0.1);
      expect(sampleValue(text, 'runbus_bus_published_total', { topic: 'metric' })).toBe(1);
      expect(sampleValue(text, 'runbus_hub_flush_duration_seconds_count', { run_id: hub.runId })).toBe(1);
      // Commit what was sampled so far, so the closing heartbeat has rows to
      // report (otherwise this races the 200 ms batch age).
      await hub.flush();
    } finally {
      await hub.close({ exitCode: 0 });
      await extras.finish({ exitCode: 0 });
    }
    const r = openReader(db);
    try {
      expect(r.alerts({ runId: hub.runId })).toMatchObject([{ rule: 'low_success', severity: 'critical', state: 'firing', value: 0.1, threshold: 0.2 }]);
    } finally {
      r.close();
    }
    expect(JSON.parse(readFileSync(join(dir, 'alerts.log'), 'utf8'))).toMatchObject({ rule: 'low_success', state: 'firing' });
    const final = JSON.parse(readFileSync(join(dir, 'export', 'metrics_final.json'), 'utf8')) as { runId: string; exitCode: number; alerts: { firing: unknown[] }; hub: { runId: string } };
    expect(final).toMatchObject({ runId: hub.runId, exitCode: 0, hub: { runId: hub.runId } });
    expect(final.alerts.firing).toHaveLength(1);
    const finalText = readFileSync(join(dir, 'export', 'prometheus_metrics_final.txt'), 'utf8');
    // The last heartbeat (published by close()) made it into the final export.
    expect(sampleValue(finalText, 'runbus_hub_rows_written_total', { run_id: hub.runId, component: 'hub' })).toBeGreaterThan(0);
    await expect(fetch(extras.url!)).rejects.toThrow(); // closed
  });

  it('export dir without a port: a collector, no server; alerts can be off', async () => {
    const bus = quietBus();
    const dir = tmp();
    const extras = await startHubExtras({ bus, runId: 'r', alerts: false, exportDir: dir });
    expect([extras.engine, extras.exporter, extras.url]).toEqual([undefined, undefined, undefined]);
    bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'r', component: 'c', pid: 1, name: 'loss', labels: {}, value: 3 });
    await bus.close();
    await extras.finish();
    expect(readdirSync(dir).sort()).toEqual(['metrics_final.json', 'prometheus_metrics_final.txt']);
    expect(sampleValue(readFileSync(join(dir, 'prometheus_metrics_final.txt'), 'utf8'), 'runbus_app_loss')).toBe(3);
  });

  it('a failed final export is logged, not thrown', async () => {
    const bus = quietBus();
    const log = quietLogger();
    const file = join(tmp(), 'file');
    writeFileSync(file, '');
    const extras = await startHubExtras({ bus, runId: 'r', exportDir: join(file, 'sub'), logger: log });
    await expect(extras.finish()).resolves.toBeUndefined();
    expect(log.lines[0]).toMatch(/final export to .* failed/);
  });

  it('a busy metrics port rejects and leaves nothing running', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const bus = quietBus();
    try {
      const err = await startHubExtras({ bus, runId: 'r', metrics: { port: (blocker.address() as AddressInfo).port } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExporterError);
      expect(bus.stats().subscribers).toEqual([]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('rejects misspelled options', async () => {
    await expect(startHubExtras({ bus: quietBus(), runId: 'r', metrics: { prot: 1 } } as never)).rejects.toThrow(/did you mean "port"/);
    await expect(startHubExtras({ bus: quietBus(), runId: 'r', exportdir: 'x' } as never)).rejects.toThrow(/did you mean "exportDir"/);
  });
});
