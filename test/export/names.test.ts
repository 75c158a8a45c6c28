import { describe, expect, it } from 'vitest';
import { appMetricName, labelName } from '../../src/export/index.js';
import { kHavePromtool, kNeedsPrometheusPackage, promtoolCheckMetrics } from './helpers.js';

const cases: [string, string, 'gauge' | 'counter', number][] = [
  ['success_rate', 'runbus_app_success_rate', 'gauge', 1],
  ['iteration_ms', 'runbus_app_iteration_seconds', 'gauge', 1e-3],
  ['latency_milliseconds', 'runbus_app_latency_seconds', 'gauge', 1e-3],
  ['model_size_kb', 'runbus_app_model_size_bytes', 'gauge', 1e3],
  ['requests_total', 'runbus_app_requests_total', 'counter', 1],
  ['iteration_ms_total', 'runbus_app_iteration_seconds_total', 'counter', 1e-3],
  ['queue_gauge', 'runbus_app_queue', 'gauge', 1],
  ['items_count', 'runbus_app_items_count_value', 'gauge', 1],
  ['loss.sum', 'runbus_app_loss_sum_value', 'gauge', 1],
  ['championFitness', 'runbus_app_champion_fitness', 'gauge', 1],
  ['runbus_orphans', 'runbus_app_orphans', 'gauge', 1],
  ['weird name!/x', 'runbus_app_weird_name_x', 'gauge', 1],
  ['distance_m', 'runbus_app_distancem', 'gauge', 1],
  ['t_ms_s', 'runbus_app_t_secondss', 'gauge', 1e-3], // a second unit token is glued on
  ['___', 'runbus_app_value', 'gauge', 1],
  ['items_per_second', 'runbus_app_items_per_second', 'gauge', 1],
  ['items_per_ms', 'runbus_app_items_per_second', 'gauge', 1000],
];

describe('custom metric names', () => {
  it.each(cases)('%s → %s', (raw, name, type, factor) => {
    expect(appMetricName(raw)).toEqual({ name, type, factor });
  });

  it('label names are sanitised and never clash with the exporter\'s own', () => {
    expect(labelName('strategy')).toBe('strategy');
    expect(labelName('my-label')).toBe('my_label');
    expect(labelName('1st')).toBe('_1st');
    expect(labelName('__name__')).toBe('_name__');
    expect(labelName('component')).toBe('exported_component');
    expect(labelName('run_id')).toBe('exported_run_id');
  });

  it.skipIf(!kHavePromtool)(`every sanitised name passes promtool check metrics ${kHavePromtool ? '' : kNeedsPrometheusPackage}`, () => {
    const families = new Map(cases.map(([raw]) => {
      const { name, type } = appMetricName(raw);
      return [name, type];
    }));
    const text = [...families].map(([name, type]) => `# HELP ${name} x\n# TYPE ${name} ${type}\n${name} 1\n`).join('');
    expect(promtoolCheckMetrics(text)).toEqual([0, '']);
  });
});
