// The real tools: `promtool check metrics` on a live scrape and `promtool
// check rules` on the exported rule YAML.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { promRules, promRulesYaml, startPrometheusExporter } from '../../src/export/index.js';
import type { PrometheusExporter } from '../../src/export/index.js';
import { useTmpDir } from '../support/tmp.js';
import { fullFeed, kHavePromtool, kNeedsPrometheusPackage, promtoolCheckMetrics, promtoolCheckRules, publishAll, quietBus } from './helpers.js';

const tmp = useTmpDir();
let exporter: PrometheusExporter | undefined;
afterEach(async () => {
  await exporter?.close();
  exporter = undefined;
});

const domain = parseAlertRules(readFileSync(new URL('../fixtures/alerts/domain-rules.yaml', import.meta.url), 'utf8'));
const extra = parseAlertRules(readFileSync(new URL('../fixtures/export/rules-every-kind.yaml', import.meta.url), 'utf8'));

describe('Prometheus rule export', () => {
  it('converts the defaults, the domain rules and every kind of condition; lists what it cannot', () => {
    const { groups, skipped } = promRules([...domain, ...extra]);
    const byName = new Map(groups[0]!.rules.map((r) => [r.alert, r]));
    expect(byName.get('host_memory_high')).toMatchObject({ expr: 'runbus_host_memory_used_percent > 80', for: '30s', labels: { severity: 'warning' } });
    expect(byName.get('event_loop_lag')!.expr).toBe('runbus_process_event_loop_lag_p99_seconds * 1000 > 100');
    expect(byName.get('low_success_rate')!.expr).toBe('avg_over_time(runbus_app_success[2m30s]) < 0.2');
    expect(byName.get('champion_stale')!.expr).toBe('changes(runbus_app_champion_fitness[5m]) == 0');
    expect(byName.get('rss_leak')!.expr).toBe('deriv(runbus_process_resident_memory_bytes[5m]) > 65536');
    expect(byName.get('samples_dropped')!.expr).toBe('increase(runbus_hub_dropped_total[30s]) > 0');
    expect(byName.get('heartbeat_absent')!.expr).toBe('(time() - max by (run_id, component) (max_over_time(runbus_last_sample_timestamp_seconds{topic="heartbeat",component="hub"}[1h]))) > 10');
    expect(byName.get('throughput_drop')!.expr).toBe('((avg_over_time(runbus_app_items_per_second{component="loop"}[1m]) - avg_over_time(runbus_app_items_per_second{component="loop"}[5m] offset 1m)) / abs(avg_over_time(runbus_app_items_per_second{component="loop"}[5m] offset 1m)) * 100) < -20');
    expect(byName.get('slow_iterations')!.expr).toBe('avg_over_time(runbus_app_iteration_seconds{strategy="a"}[1m]) * 1000 > 2000');
    expect(skipped.map((s) => s.rule).sort()).toEqual(['slower_than_start', 'swap_high']);
  });

  it.skipIf(!kHavePromtool)(`the YAML passes promtool check rules ${kHavePromtool ? '' : kNeedsPrometheusPackage}`, () => {
    const yaml = promRulesYaml([...domain, ...extra]);
    expect(yaml).toMatch(/^# skipped slower_than_start: baseline mode "first"/m);
    const [code, out] = promtoolCheckRules(tmp(), yaml);
    expect(out).toMatch(/SUCCESS: \d+ rules found/);
    expect(code).toBe(0);
  });
});

describe.skipIf(!kHavePromtool)(`promtool check metrics ${kHavePromtool ? '' : kNeedsPrometheusPackage}`, () => {
  it('passes on a live scrape of an exporter fed with every topic', async () => {
    const bus = quietBus();
    exporter = await startPrometheusExporter({ bus, port: 0, hubStats: () => ({ runId: 'run-1', bus: bus.stats() }) });
    await publishAll(bus, fullFeed());
    exporter.collector.observeFlush(3, 'run-1');
    const text = await (await fetch(exporter.url)).text();
    expect(text.length).toBeGreaterThan(1000);
    expect(promtoolCheckMetrics(text)).toEqual([0, '']);
  });

  it('passes with pid labels too', async () => {
    const bus = quietBus();
    exporter = await startPrometheusExporter({ bus, port: 0, withPid: true });
    await publishAll(bus, fullFeed());
    const text = await (await fetch(exporter.url)).text();
    expect(text).toMatch(/pid="4242"/);
    expect(promtoolCheckMetrics(text)).toEqual([0, '']);
  });
});
