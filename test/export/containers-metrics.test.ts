import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsCollector, kCleanupFailuresSample, kContainerMonitorComponent, kOrphanedContainersSample } from '../../src/export/index.js';
import type { MetricsCollector } from '../../src/export/index.js';
import { kCleanupFailuresMetric, kOrphanMetric } from '../../src/containers/index.js';
import { LifecycleKind, Topic } from '../../src/wire/index.js';
import type { Envelope, Lifecycle } from '../../src/wire/index.js';
import { kHavePromtool, kNeedsPrometheusPackage, promtoolCheckMetrics, publishAll, quietBus, sampleNames, sampleValue } from './helpers.js';

let collector: MetricsCollector | undefined;
afterEach(async () => {
  await collector?.close();
  collector = undefined;
});

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

function feed(ts = Date.now()): Envelope[] {
  return [
    { topic: Topic.CONTAINER, payload: { tsMs: ts, runId: 'r', containerId: a, name: 'eval-1', image: 'i', cpuPercent: 97.5, memBytes: 1000, memLimitBytes: 4000, pids: 3, ioReadBytes: 10, ioWriteBytes: 20 } },
    { topic: Topic.CONTAINER, payload: { tsMs: ts, runId: 'r', containerId: b, name: 'eval-2', image: 'i', memBytes: 500 } },
    { topic: Topic.METRIC, payload: { tsMs: ts, runId: 'r', component: kContainerMonitorComponent, name: kOrphanedContainersSample, value: 5 } },
    { topic: Topic.METRIC, payload: { tsMs: ts, runId: 'r', component: kContainerMonitorComponent, name: kCleanupFailuresSample, value: 2 } },
  ];
}

describe('containers in /metrics', () => {
  it('the monitor and the exporter agree on the sample names', () => {
    expect(kOrphanMetric).toBe(kOrphanedContainersSample);
    expect(kCleanupFailuresMetric).toBe(kCleanupFailuresSample);
  });

  it('active count, per-container cpu and memory, orphans and cleanup failures; an exited container leaves', async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    await publishAll(bus, feed());
    let text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_containers_active', { run_id: 'r' })).toBe(2);
    expect(sampleValue(text, 'runbus_container_cpu_percent', { container_id: a.slice(0, 12), name: 'eval-1' })).toBe(97.5);
    expect(sampleValue(text, 'runbus_container_memory_bytes', { name: 'eval-2' })).toBe(500);
    expect(sampleValue(text, 'runbus_container_memory_limit_bytes', { name: 'eval-1' })).toBe(4000);
    expect(sampleValue(text, 'runbus_container_pids', { name: 'eval-1' })).toBe(3);
    expect(sampleValue(text, 'runbus_orphaned_containers', { run_id: 'r' })).toBe(5);
    expect(sampleValue(text, 'runbus_container_cleanup_failures_total', { run_id: 'r' })).toBe(2);
    // The monitor's samples are shown as container families, not as app metrics.
    expect(sampleNames(text)).not.toContain('runbus_app_orphaned_containers');
    // An absent figure is no series, never 0.
    expect(sampleValue(text, 'runbus_container_cpu_percent', { name: 'eval-2' })).toBeUndefined();
    const died = { tsMs: Date.now(), runId: 'r', kind: LifecycleKind.CONTAINER_EXITED, containerId: b, component: 'eval-2' } as unknown as Lifecycle;
    await publishAll(bus, [{ topic: Topic.LIFECYCLE, payload: died }]);
    text = await collector.metricsText();
    expect(sampleValue(text, 'runbus_containers_active', { run_id: 'r' })).toBe(1);
    expect(sampleValue(text, 'runbus_container_memory_bytes', { name: 'eval-2' })).toBeUndefined();
  });

  it.skipIf(!kHavePromtool)(`passes promtool check metrics ${kHavePromtool ? '' : kNeedsPrometheusPackage}`, async () => {
    const bus = quietBus();
    collector = createMetricsCollector({ bus });
    await publishAll(bus, feed());
    expect(promtoolCheckMetrics(await collector.metricsText())).toEqual([0, '']);
  });
});
