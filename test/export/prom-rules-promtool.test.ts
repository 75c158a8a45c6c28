// Every exported built-in rule fires under `promtool test rules` on series
// shaped as the exporter serves them, and its summary reads right: the value
// in the rule's own units, no label the series do not carry.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kDefaultAlertRuleNames } from '../../src/alerts/index.js';
import { promRules, promRulesYaml } from '../../src/export/index.js';
import { useTmpDir } from '../support/tmp.js';
import { kHavePromtool, kNeedsPrometheusPackage } from './helpers.js';

const tmp = useTmpDir();

interface Case {
  series: { series: string; values: string }[];
  evalTime: string;
  labels: Record<string, string>;
  summary: string;
}

// One case per built-in rule; the summaries are written out by hand.
const kCases: Record<string, Case> = {
  host_memory_high: {
    series: [{ series: 'runbus_host_memory_used_percent{run_id="r1"}', values: '90x20' }],
    evalTime: '2m',
    labels: { run_id: 'r1' },
    summary: 'host memory at 90 % (threshold 80 %)',
  },
  rss_leak: {
    series: [{ series: 'runbus_process_resident_memory_bytes{run_id="r1",component="trainer"}', values: '0+1048576x40' }],
    evalTime: '10m',
    labels: { run_id: 'r1', component: 'trainer' },
    summary: 'trainer rss grows steadily at 6.991e+04 bytes/s',
  },
  orphan_processes: {
    series: [{ series: 'runbus_orphan_processes{run_id="r1"}', values: '5x20' }],
    evalTime: '2m',
    labels: { run_id: 'r1' },
    summary: '5 orphaned processes (threshold 3)',
  },
  orphaned_containers: {
    series: [{ series: 'runbus_orphaned_containers{run_id="r1"}', values: '4x20' }],
    evalTime: '2m',
    labels: { run_id: 'r1' },
    summary: 'Container cleanup failures detected: 4 orphaned containers (threshold 3)',
  },
  event_loop_lag: {
    series: [{ series: 'runbus_process_event_loop_lag_p99_seconds{run_id="r1",component="trainer"}', values: '0.4x20' }],
    evalTime: '2m',
    labels: { run_id: 'r1', component: 'trainer' },
    summary: 'trainer event-loop lag p99 400 ms > 100 ms',
  },
  samples_dropped: {
    series: [{ series: 'runbus_hub_dropped_total{run_id="r1",component="hub"}', values: '0+5x20' }],
    evalTime: '2m',
    labels: { run_id: 'r1', component: 'hub' },
    summary: 'hub dropped 10 samples since the last heartbeat',
  },
};

describe('exported built-in rules', () => {
  it('has a promtool case for every built-in rule the export converts', () => {
    const exported = promRules([]).groups[0]!.rules.map((r) => r.alert).sort();
    expect(exported).toEqual(Object.keys(kCases).sort());
    // store_unwritable is published by the hub itself, not a rule.
    expect(kDefaultAlertRuleNames.filter((n) => !exported.includes(n))).toEqual(['store_unwritable']);
  });

  it('keeps the value in the rule\'s units and leaves out the pid the series do not carry', () => {
    const lag = promRules([]).groups[0]!.rules.find((r) => r.alert === 'event_loop_lag')!;
    expect(lag.expr).toBe('runbus_process_event_loop_lag_p99_seconds * 1000 > 100');
    expect(lag.annotations.summary).not.toContain('pid');
    const withPid = promRules([], { withPid: true }).groups[0]!.rules.find((r) => r.alert === 'event_loop_lag')!;
    expect(withPid.annotations.summary).toContain('(pid {{ $labels.pid }})');
    expect(() => promRules([], { withPid: 'yes' as unknown as boolean })).toThrow('options.withPid must be a boolean');
  });

  it.skipIf(!kHavePromtool)(`each fires with its own text under promtool test rules ${kHavePromtool ? '' : kNeedsPrometheusPackage}`, () => {
    const dir = tmp();
    writeFileSync(join(dir, 'rules.yml'), promRulesYaml([]));
    const rules = new Map(promRules([]).groups[0]!.rules.map((r) => [r.alert, r]));
    const tests = Object.entries(kCases).map(([name, c]) => ({
      interval: '15s',
      input_series: c.series,
      alert_rule_test: [{
        eval_time: c.evalTime,
        alertname: name,
        exp_alerts: [{
          exp_labels: { ...c.labels, ...rules.get(name)!.labels },
          exp_annotations: { ...rules.get(name)!.annotations, summary: c.summary },
        }],
      }],
    }));
    writeFileSync(join(dir, 'test.yml'), stringify({ rule_files: ['rules.yml'], evaluation_interval: '15s', tests }, { lineWidth: 0 }));
    const r = spawnSync('promtool', ['test', 'rules', join(dir, 'test.yml')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toContain('SUCCESS');
    expect(r.status).toBe(0);
  });
});
