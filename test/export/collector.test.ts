import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsCollector } from '../../src/export/index.js';
import type { MetricsCollector } from '../../src/export/index.js';
import { AlertState, LifecycleKind, Severity, Topic } from '../../src/wire/index.js';
import { flushMicrotasks } from '../support/bus.js';
import { resource } from '../../support/samples.js';
import { fullFeed, publishAll, quietBus, sampleNames, sampleValue } from './helpers.js';

let collector: MetricsCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

describe('metrics collector', () => {
  it('exports every topic under runbus_ names, labelled run_id and component', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus, hubStats: () => ({ runId: 'run-1', bus: bus.stats(), batcher: { failures: 2 } }) });
    await publishAll(bus, fullFeed());
    collector.observeFlush(4, 'run-1');
    const text = await collector.metricsText();
    const names = sampleNames(text);
    for (const n of names) expect(n).toMatch(/^runbus_/);
    for (const n of [
      'runbus_process_cpu_percent', 'runbus_process_resident_memory_bytes', 'runbus_process_event_loop_lag_p99_seconds', 'runbus_process_cpu_user_seconds_total',
      'runbus_host_memory_used_percent', 'runbus_host_disk_free_bytes', 'runbus_gpu_utilization_percent', 'runbus_gpu_temperature_celsius',
      'runbus_app_success_rate', 'runbus_app_iteration_seconds', 'runbus_app_iterations_total', 'runbus_hub_dropped_total', 'runbus_hub_queue_depth',
      'runbus_hub_flush_duration_seconds_bucket', 'runbus_alerts_firing', 'runbus_alerts_fired_total', 'runbus_bus_published_total',
      'runbus_hub_store_write_failures_total', 'runbus_orphan_processes', 'runbus_last_sample_timestamp_seconds', 'runbus_processes',
    ]) expect(names, n).toContain(n);
    // Two trainer processes, summed per component (no pid label by default).
    expect(sampleValue(text, 'runbus_process_resident_memory_bytes', { run_id: 'run-1', component: 'trainer' })).toBe(2 * 512 * 1024 * 1024);
    expect(text).not.toMatch(/pid="/);
    expect(sampleValue(text, 'runbus_process_event_loop_lag_p99_seconds', { component: 'trainer' })).toBeCloseTo(0.0215);
    expect(sampleValue(text, 'runbus_app_iteration_seconds', { component: 'loop' })).toBe(1.5);
    expect(sampleValue(text, 'runbus_app_success_rate', { strategy: 'a' })).toBe(0.25);
    expect(sampleValue(text, 'runbus_alerts_firing', { rule: 'store_unwritable', severity: 'critical' })).toBe(1);
    expect(sampleValue(text, 'runbus_hub_queue_depth', { queue: 'store' })).toBe(3);
    expect(sampleValue(text, 'runbus_hub_store_write_failures_total', { run_id: 'run-1' })).toBe(2);
    expect(sampleValue(text, 'runbus_hub_flush_duration_seconds_count', { run_id: 'run-1' })).toBe(1);
  });

  it('withPid labels per-process series with pid', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus, withPid: true });
    await publishAll(bus, [{ topic: Topic.RESOURCE, payload: resource({ pid: 1 }) }, { topic: Topic.RESOURCE, payload: resource({ pid: 2, rssBytes: 5 }) }]);
    const text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_process_resident_memory_bytes', { pid: '2' })).toBe(5);
    expect(sampleValue(text, 'runbus_process_resident_memory_bytes', { pid: '1' })).toBe(512 * 1024 * 1024);
  });

  it('exited processes leave after the grace period; counters of the component never go down', async () => {
    const bus = quietBus();
    let now = 1_000_000;
    collector = createMetricsCollector({ bus, exitGraceMs: 5000, clock: () => now });
    await publishAll(bus, [
      { topic: Topic.RESOURCE, payload: resource({ pid: 1, cpuUserMs: 3000 }) },
      { topic: Topic.RESOURCE, payload: resource({ pid: 2, cpuUserMs: 1000 }) },
    ]);
    expect(sampleValue(await collector.metricsText(), 'runbus_process_cpu_user_seconds_total', { component: 'trainer' })).toBe(4);
    await publishAll(bus, [{ topic: Topic.LIFECYCLE, payload: { tsMs: now, runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid: 1, component: 'trainer' } }]);
    now += 4000;
    let text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_process_resident_memory_bytes', { component: 'trainer' })).toBe(2 * 512 * 1024 * 1024);
    now += 1000;
    text = await collector.metricsText();
    expect(collector.stats().processes).toBe(1);
    expect(sampleValue(text, 'runbus_process_resident_memory_bytes', { component: 'trainer' })).toBe(512 * 1024 * 1024);
    expect(sampleValue(text, 'runbus_process_cpu_user_seconds_total', { component: 'trainer' })).toBe(4);
    expect(sampleValue(text, 'runbus_processes', { component: 'trainer' })).toBe(1);
  });

  it('with pid labels, churn of many short-lived processes stays bounded', async () => {
    const bus = quietBus();
    let now = 1_000_000;
    collector = createMetricsCollector({ bus, withPid: true, exitGraceMs: 1000, clock: () => now });
    for (let round = 0; round < 20; ++round) {
      const envs = [];
      for (let i = 0; i < 50; ++i) {
        const pid = round * 100 + i + 1;
        envs.push({ topic: Topic.RESOURCE, payload: resource({ pid }) } as const);
        envs.push({ topic: Topic.LIFECYCLE, payload: { tsMs: now, runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid, component: 'trainer' } } as const);
      }
      await publishAll(bus, envs);
      now += 2000;
      await collector.metricsText();
    }
    const text = await collector.metricsText();
    expect(collector.stats().processes).toBe(0);
    expect(text.split('\n').filter((l) => l.startsWith('runbus_process_'))).toEqual([]);
  });

  it('quiet series go after staleAfterMs', async () => {
    const bus = quietBus();
    let now = 1_000_000;
    collector = createMetricsCollector({ bus, staleAfterMs: 10_000, clock: () => now });
    await publishAll(bus, fullFeed(now));
    now += 11_000;
    const text = await collector.metricsText();
    const left = [...sampleNames(text)].filter((n) => /^runbus_(process|host|gpu|app|hub_(queue|uptime))/.test(n));
    expect(left).toEqual([]);
  });

  it('custom metrics are capped: families, series per family, label names', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus, maxAppMetrics: 2, maxSeriesPerMetric: 3, maxLabelsPerMetric: 1 });
    const m = (name: string, labels: Record<string, string>) => ({ topic: Topic.METRIC, payload: { tsMs: Date.now(), runId: 'r', component: 'c', pid: 1, name, labels, value: 1 } } as const);
    await publishAll(bus, [
      m('a', { k: '1' }), m('a', { k: '2' }), m('a', { k: '3' }), m('a', { k: '4' }), m('a', { k: '1', extra: 'x' }),
      m('b', {}), m('c', {}),
    ]);
    const text = await collector.metricsText();
    expect(collector.stats()).toMatchObject({ appMetrics: 2, appSeries: 4, rejected: { series_cap: 1, metric_cap: 1, label_cap: 1 } });
    expect(sampleValue(text, 'runbus_exporter_series_rejected_total', { reason: 'series_cap' })).toBe(1);
    expect(sampleNames(text).has('runbus_app_c')).toBe(false);
  });

  it('a custom metric gaining a label later is re-registered with it', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    const m = (labels: Record<string, string>, value: number) => ({ topic: Topic.METRIC, payload: { tsMs: Date.now(), runId: 'r', component: 'c', pid: 1, name: 'loss', labels, value } } as const);
    await publishAll(bus, [m({}, 1)]);
    expect(sampleValue(await collector.metricsText(), 'runbus_app_loss')).toBe(1);
    await publishAll(bus, [m({ phase: 'eval' }, 2)]);
    const text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_app_loss', { phase: 'eval' })).toBe(2);
    expect(text.match(/^runbus_app_loss\{/gm)).toHaveLength(2);
  });

  it('alerts gauge follows FIRING and RESOLVED; fired counter counts firings', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    const a = (state: AlertState, pid: number) => ({ topic: Topic.ALERT, payload: { tsMs: 1, runId: 'r', rule: 'lag', severity: Severity.WARNING, state, component: 'w', pid, firedAtMs: 1, labels: {} } } as const);
    await publishAll(bus, [a(AlertState.FIRING, 1), a(AlertState.FIRING, 2), a(AlertState.FIRING, 2)]);
    let text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_alerts_firing', { rule: 'lag', severity: 'warning' })).toBe(2);
    expect(sampleValue(text, 'runbus_alerts_fired_total', { rule: 'lag' })).toBe(2);
    await publishAll(bus, [a(AlertState.RESOLVED, 1), a(AlertState.RESOLVED, 2)]);
    text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_alerts_firing', { rule: 'lag' })).toBeUndefined();
    expect(sampleValue(text, 'runbus_alerts_fired_total', { rule: 'lag' })).toBe(2);
  });

  it('alerts and processes of an ended run leave after the grace period', async () => {
    const bus = quietBus();
    let now = 1_000_000;
    collector = createMetricsCollector({ bus, exitGraceMs: 1000, clock: () => now });
    await publishAll(bus, [
      { topic: Topic.RESOURCE, payload: resource({ runId: 'r' }) },
      { topic: Topic.ALERT, payload: { tsMs: 1, runId: 'r', rule: 'x', severity: Severity.INFO, state: AlertState.FIRING, firedAtMs: 1 } },
      { topic: Topic.LIFECYCLE, payload: { tsMs: now, runId: 'r', kind: LifecycleKind.RUN_ENDED } },
    ]);
    expect(sampleValue(await collector.metricsText(), 'runbus_alerts_firing', { rule: 'x' })).toBe(1);
    now += 1000;
    const text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_alerts_firing', { rule: 'x' })).toBeUndefined();
    expect(sampleValue(text, 'runbus_process_cpu_percent', { run_id: 'r' })).toBeUndefined();
  });

  it('uses its own registry, never the global one', async () => {
    const { register } = await import('prom-client');
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    const other = createMetricsCollector({ bus });
    expect(collector.registry).not.toBe(register);
    expect(register.getSingleMetric('runbus_process_cpu_percent')).toBeUndefined();
    await other.close();
    await flushMicrotasks();
  });

  it('validates its options', () => {
    const bus = quietBus();
    expect(() => createMetricsCollector({ bus, withPids: true } as never)).toThrow(/unknown option "withPids" \(did you mean "withPid"\?\)/);
    expect(() => createMetricsCollector({ bus, exitGraceMs: -1 })).toThrow(RangeError);
    expect(() => createMetricsCollector({} as never)).toThrow(/options.bus/);
  });
});
