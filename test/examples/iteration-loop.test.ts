import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import Database from 'better-sqlite3';
import { parseAlertRules } from '../../src/alerts/index.js';
import { createMetricsCollector } from '../../src/export/index.js';
import { RunBus } from '../../src/bus/index.js';
import { useTmpDir } from '../support/tmp.js';

const tmp = useTmpDir();
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'examples', 'iteration-loop');

describe('examples/iteration-loop (the seeds\' pack)', () => {
  it('rules.yaml: seed 004\'s five alerts, in its words, all valid', () => {
    const rules = parseAlertRules(parse(readFileSync(join(dir, 'rules.yaml'), 'utf8')) as unknown[]);
    expect(rules).toHaveLength(5);
    const messages = rules.map((r) => r.message).join('\n');
    for (const words of ['High memory usage detected', 'Diversity collapse detected', 'Champion staleness detected', 'Low success rate detected', 'Container cleanup failures detected']) {
      expect(messages).toContain(words);
    }
    expect(rules.map((r) => r.threshold)).toEqual([80, 0.1, 20, 0.2, 3]);
  });

  it('the loop publishes its METRICs, fires its alerts, and logs the statistics summary every period', () => {
    const db = join(tmp(), 'loop.db');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(dir, 'loop.ts'), '--iterations', '40', '--no-containers', '--stats-period-ms', '500', '--db', db], {
      cwd: root, encoding: 'utf8', timeout: 90_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/statistics: total iterations 40, avg execution time [\d.]+ s, success rate [\d.]+ %, champion staleness \d+ iterations/);
    // Seed 1: the champion last improves at iteration 12, so staleness reaches 20 at iteration 32.
    expect(r.stderr).toContain('Champion staleness detected');
    const d = new Database(db, { readonly: true });
    const names = (d.prepare('SELECT DISTINCT name FROM metrics').all() as { name: string }[]).map((x) => x.name);
    for (const n of ['iteration_seconds', 'success_rate', 'sharpe_ratio', 'max_drawdown', 'population_diversity', 'unique_strategies', 'champion_staleness_iterations']) expect(names).toContain(n);
    d.close();
  }, 120_000);

  it('the Grafana dashboard has the four panels, and every series it queries is one /metrics serves', async () => {
    const dash = JSON.parse(readFileSync(join(dir, 'grafana-dashboard.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
    expect(dash.panels.map((p) => p.title)).toEqual(['Resource Usage', 'Strategy Performance', 'Diversity Metrics', 'Container Stats']);
    // What the exporter serves: its own families, plus the loop's METRICs under their exported names.
    const bus = new RunBus();
    const c = createMetricsCollector({ bus });
    const served = new Set((await c.registry.getMetricsAsJSON()).map((m) => m.name));
    await c.close();
    await bus.close();
    const { appMetricName } = await import('../../src/export/index.js');
    for (const n of ['iteration_seconds', 'success_rate', 'sharpe_ratio', 'max_drawdown', 'population_diversity', 'unique_strategies', 'champion_staleness_iterations']) served.add(appMetricName(n).name);
    const used = new Set<string>();
    for (const p of dash.panels) for (const t of p.targets) for (const m of t.expr.matchAll(/\brunbus_[a-z0-9_]+/g)) used.add(m[0]);
    for (const n of used) expect(served, n).toContain(n);
    expect([...used].some((n) => n.startsWith('runbus_container'))).toBe(true);
  });
});
