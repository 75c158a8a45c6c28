// docs/grafana-dashboard.json parses, has the four panels, and every metric
// name its queries use is one a live exporter fed with every topic produces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPrometheusExporter } from '../../src/export/index.js';
import type { PrometheusExporter } from '../../src/export/index.js';
import { fullFeed, gitRoot, publishAll, quietBus, sampleNames } from './helpers.js';

interface Target { expr: string }
interface Panel { title: string; type: string; targets: Target[] }
interface Dashboard { panels: Panel[]; templating: { list: { name: string; definition?: string }[] } }

const dashboard = JSON.parse(readFileSync(join(gitRoot(), 'docs', 'grafana-dashboard.json'), 'utf8')) as Dashboard;

const kKeywords = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless', 'inf', 'nan']);

/** Metric names (exact) and __name__ regexes a PromQL expression selects. */
function metricsOf(expr: string): { names: string[]; regexes: string[] } {
  const regexes = [...expr.matchAll(/__name__\s*=~\s*"([^"]*)"/g)].map((m) => m[1]!);
  const exact = [...expr.matchAll(/__name__\s*=\s*"([^"]*)"/g)].map((m) => m[1]!);
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+-?[0-9a-z]+/g, ' ')
    .replace(/(^|[^a-zA-Z0-9_:])\d[\w.]*/g, '$1 ');
  const names = [...stripped.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)]
    .filter((m) => m[2] === undefined && !kKeywords.has(m[1]!.toLowerCase()))
    .map((m) => m[1]!);
  return { names: [...names, ...exact], regexes };
}

let exporter: PrometheusExporter | undefined;
afterEach(async () => {
  await exporter?.close();
  exporter = undefined;
});

describe('docs/grafana-dashboard.json', () => {
  it('has the four panels, each with queries', () => {
    expect(dashboard.panels.map((p) => p.title)).toEqual(['Resource usage', 'Application metrics', 'Alerts', 'Hub health']);
    for (const p of dashboard.panels) expect(p.targets.length, p.title).toBeGreaterThan(0);
  });

  it('the expression parser finds names and skips functions, labels and keywords', () => {
    expect(metricsOf('histogram_quantile(0.99, sum by (le) (rate(x_bucket{run_id=~"$run_id"}[$__rate_interval])))')).toEqual({ names: ['x_bucket'], regexes: [] });
    expect(metricsOf('{__name__=~"runbus_app_.+", run_id=~"a"}')).toEqual({ names: [], regexes: ['runbus_app_.+'] });
    expect(metricsOf('a + on (x) b offset 5m')).toEqual({ names: ['a', 'b'], regexes: [] });
  });

  it('every query names metrics a live exporter produces', async () => {
    const bus = quietBus();
    exporter = await startPrometheusExporter({ bus, port: 0 });
    await publishAll(bus, fullFeed());
    exporter.collector.observeFlush(2, 'run-1');
    const produced = sampleNames(await (await fetch(exporter.url)).text());
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    for (const v of dashboard.templating.list) {
      const m = v.definition === undefined ? null : /^label_values\(([^,]+),/.exec(v.definition);
      if (m !== null) exprs.push(m[1]!.trim());
    }
    let checked = 0;
    for (const expr of exprs) {
      const { names, regexes } = metricsOf(expr);
      expect(names.length + regexes.length, expr).toBeGreaterThan(0);
      for (const n of names) {
        expect(produced.has(n), `${n} (in ${expr}) is not produced by the exporter`).toBe(true);
        checked++;
      }
      for (const r of regexes) {
        const re = new RegExp(`^(?:${r})$`);
        expect([...produced].some((n) => re.test(n)), `${r} (in ${expr}) matches nothing the exporter produces`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
