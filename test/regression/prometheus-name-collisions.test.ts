// Issue 15 item 7: METRIC names `x-y`, `x_y` and `x.y` all became one series
// runbus_app_x_y, and labels `a.b`, `a_b`, `a-b` collapsed into one, each
// overwriting the others silently. The first name keeps the plain family;
// each later one gets a stable suffixed name, with one warning naming both.
// The Prometheus rule export refuses rules it cannot place.
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertRules } from '../../src/alerts/index.js';
import { createMetricsCollector, disambiguatedName, promRules } from '../../src/export/index.js';
import type { MetricsCollector } from '../../src/export/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Envelope } from '../../src/wire/index.js';
import { kHavePromtool, promtoolCheckMetrics, publishAll, quietBus, sampleNames, sampleValue } from '../export/helpers.js';

const collectors: MetricsCollector[] = [];
afterEach(async () => {
  await Promise.all(collectors.splice(0).map((c) => c.close()));
});

function metric(name: string, value: number, labels: Record<string, string> = {}): Envelope {
  return { topic: Topic.METRIC, payload: { tsMs: Date.now(), runId: 'run-1', component: 'app', pid: 7, name, labels, value } };
}

async function scrape(feed: Envelope[]): Promise<{ text: string; warnings: string[] }> {
  const bus = quietBus();
  const warnings: string[] = [];
  const c = createMetricsCollector({ bus, logger: { warn: (m) => { warnings.push(m); } } });
  collectors.push(c);
  await publishAll(bus, feed);
  return { text: await c.metricsText(), warnings };
}

describe('Prometheus name collisions', () => {
  it('x-y, x_y and x.y stay three series; the later two get stable suffixes and one warning each', async () => {
    const feed = [metric('x-y', 1), metric('x_y', 2), metric('x.y', 3), metric('x_y', 20), metric('x.y', 30)];
    const { text, warnings } = await scrape(feed);
    const second = disambiguatedName('runbus_app_x_y', 'x_y');
    const third = disambiguatedName('runbus_app_x_y', 'x.y');
    expect(second).toMatch(/^runbus_app_x_y_h[0-9a-f]{6}$/);
    expect(third).not.toBe(second);
    expect(sampleValue(text, 'runbus_app_x_y')).toBe(1);
    expect(sampleValue(text, second)).toBe(20);
    expect(sampleValue(text, third)).toBe(30);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"x-y" and "x_y" both map to runbus_app_x_y');
    expect(warnings[0]).toContain(second);
    expect(warnings[1]).toContain('"x-y" and "x.y"');
    // The same order gives the same names in another process.
    expect((await scrape(feed)).text).toBe(text);
    if (kHavePromtool) {
      const [code, out] = promtoolCheckMetrics(text);
      expect(code, out).toBe(0);
    }
  });

  it('a counter keeps _total last', async () => {
    const { text } = await scrape([metric('jobs.done_total', 1), metric('jobs-done_total', 5)]);
    const names = sampleNames(text);
    expect(names).toContain('runbus_app_jobs_done_total');
    const other = disambiguatedName('runbus_app_jobs_done_total', 'jobs-done_total');
    expect(other).toMatch(/^runbus_app_jobs_done_h[0-9a-f]{6}_total$/);
    expect(sampleValue(text, other)).toBe(5);
    expect(text).toContain(`# TYPE ${other} counter`);
  });

  it('labels a.b, a_b and a-b stay three labels', async () => {
    const { text, warnings } = await scrape([metric('queue_len', 1, { 'a.b': 'one', a_b: 'two', 'a-b': 'three' })]);
    const line = text.split('\n').find((l) => l.startsWith('runbus_app_queue_len{'))!;
    expect(line).toContain('a_b="one"');
    expect(line).toContain(`${disambiguatedName('a_b', 'a_b')}="two"`);
    expect(line).toContain(`${disambiguatedName('a_b', 'a-b')}="three"`);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('labels "a.b" and "a_b" of runbus_app_queue_len both map to a_b');
  });

  it('the rule export skips a rule whose label keys collide, and notes metric names that collide across rules', () => {
    const rules = parseAlertRules([
      { name: 'r1', source: 'metric', metric: 'x.y', op: '>', threshold: 1, severity: 'warning' },
      { name: 'r2', source: 'metric', metric: 'x_y', op: '>', threshold: 1, severity: 'warning' },
      { name: 'r3', source: 'metric', metric: 'queue_len', labels: { 'a.b': '1', a_b: '2' }, op: '>', threshold: 1, severity: 'warning' },
      { name: 'r4', source: 'metric', metric: 'fine', op: '>', threshold: 1, severity: 'warning' },
    ]);
    const { groups, skipped } = promRules(rules, { defaults: false });
    const byName = new Map(groups[0]!.rules.map((r) => [r.alert, r]));
    expect([...byName.keys()]).toEqual(['r1', 'r2', 'r4']);
    expect(skipped).toEqual([{ rule: 'r3', reason: expect.stringContaining('"a.b" and "a_b" both map to a_b') as unknown }]);
    expect(byName.get('r1')!.annotations.runbus_conversion).toContain('"x.y" and "x_y" all map to runbus_app_x_y');
    expect(byName.get('r4')!.annotations.runbus_conversion).toBeUndefined();
  });
});
