// Remote write's counters and the host's identity on /metrics, read from the
// hub's stats at scrape time; the families pass promtool.
import { afterEach, describe, expect, it } from 'vitest';
import { createMetricsCollector } from '../../src/export/index.js';
import type { MetricsCollector } from '../../src/export/index.js';
import { kHavePromtool, kNeedsPrometheusPackage, promtoolCheckMetrics, quietBus, sampleValue } from '../export/helpers.js';

let c: MetricsCollector | undefined;
afterEach(async () => { await c?.close(); c = undefined; });

describe('remote write on /metrics', () => {
  it('rows behind, samples sent, retries, refusals, drops, failing and the host info', async () => {
    const url = 'http://central:9090/api/v1/write';
    c = createMetricsCollector({
      bus: quietBus(),
      hubStats: () => ({
        runId: 'r1', bus: { topics: {} }, hostId: 'abcd', host: { hostname: 'box', cpu_model: 'EPYC', cpu_cores: 2, mem_total_bytes: 1e9, os: 'Debian', os_release: '12', kernel: '6.1', arch: 'x64' },
        remoteWrite: { targets: [{ url, rowsBehind: 42, samplesSent: 1000, retries: 3, refusedSamples: 7, dropped: { series_cap: 2 }, failingSinceMs: 5, lastSuccessMs: 2000 }] },
      }),
    });
    const text = await c.metricsText();
    expect(sampleValue(text, 'runbus_remote_write_rows_behind', { url })).toBe(42);
    expect(sampleValue(text, 'runbus_remote_write_samples_sent_total', { url })).toBe(1000);
    expect(sampleValue(text, 'runbus_remote_write_retries_total', { url })).toBe(3);
    expect(sampleValue(text, 'runbus_remote_write_refused_samples_total', { url })).toBe(7);
    expect(sampleValue(text, 'runbus_remote_write_dropped_samples_total', { url, reason: 'series_cap' })).toBe(2);
    expect(sampleValue(text, 'runbus_remote_write_failing', { url })).toBe(1);
    expect(sampleValue(text, 'runbus_remote_write_last_success_timestamp_seconds', { url })).toBe(2);
    expect(sampleValue(text, 'runbus_host_info', { host_id: 'abcd', hostname: 'box', cpu_model: 'EPYC', kernel: '6.1' })).toBe(1);
    if (kHavePromtool) {
      const [code, out] = promtoolCheckMetrics(text);
      expect(out).toBe('');
      expect(code).toBe(0);
    } else {
      console.warn(`promtool check ${kNeedsPrometheusPackage}`);
    }
  });

  it('without remote write or a host id, the families are empty', async () => {
    c = createMetricsCollector({ bus: quietBus(), hubStats: () => ({ runId: 'r1', bus: { topics: {} } }) });
    const text = await c.metricsText();
    expect(text).not.toMatch(/^runbus_remote_write_rows_behind\{/m);
    expect(text).not.toMatch(/^runbus_host_info\{/m);
  });
});
