// The original plan's domain alerts (test/fixtures/alerts/domain-rules.yaml),
// each driven by the METRIC samples an iteration loop would publish.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlertEngine, parseAlertRules } from '../../src/alerts/index.js';
import type { AlertEngine } from '../../src/alerts/index.js';
import { AlertState, Severity, Topic } from '../../src/wire/index.js';
import { alertBus, metric, settle } from './helpers.js';

const rules = parseAlertRules(readFileSync(new URL('../fixtures/alerts/domain-rules.yaml', import.meta.url), 'utf8'));
let engine: AlertEngine | undefined;
beforeEach(() => { vi.useFakeTimers({ now: 1_763_900_000_000 }); });
afterEach(async () => {
  await engine?.close();
  vi.useRealTimers();
});

async function run(name: string, values: number[], labels: Record<string, string> = {}): Promise<ReturnType<typeof alertBus>['alerts']> {
  const { bus, alerts } = alertBus();
  engine = createAlertEngine({ bus, rules, defaults: false });
  for (const v of values) {
    bus.publish(Topic.METRIC, metric(name, v, { labels }));
    await vi.advanceTimersByTimeAsync(100);
  }
  await settle();
  return alerts;
}

describe('domain alerts over METRIC samples', () => {
  it('population diversity below 0.1 for 5 consecutive iterations', async () => {
    expect(await run('population_diversity', [0.5, 0.05, 0.05, 0.05, 0.05, 0.2, 0.05, 0.05, 0.05, 0.05])).toEqual([]);
    const alerts = await run('population_diversity', [0.5, 0.05, 0.05, 0.05, 0.05, 0.09]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'low_diversity', state: AlertState.FIRING, value: 0.09, component: 'loop' });
    expect(alerts[0]!.message).toBe('population diversity 0.09 < 0.1 for 5 iterations (loop)');
  });

  it('champion not updated for 20 iterations (staleness)', async () => {
    const improving = Array.from({ length: 30 }, (_, i) => i);
    expect(await run('champion_fitness', improving)).toEqual([]);
    // Improves at iteration 3, then stays: 19 unchanged iterations → quiet, the 20th → fires.
    const stale = [1, 2, 3, ...Array<number>(19).fill(3)];
    expect(await run('champion_fitness', stale)).toEqual([]);
    const alerts = await run('champion_fitness', [...stale, 3, 3, 4]);
    expect(alerts.map((a) => [a.state, a.value])).toEqual([[AlertState.FIRING, 20], [AlertState.RESOLVED, 0]]);
    expect(alerts[0]!.message).toBe('champion unchanged for 20 iterations');
  });

  it('success rate below 20 % over 10 iterations', async () => {
    // 0/1 per iteration; 9 samples are not a full window yet.
    expect(await run('success', Array<number>(9).fill(0))).toEqual([]);
    const alerts = await run('success', [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0], { strategy: 'mutate' });
    // Window [1,1,0…] = 0.2 (not < 0.2), then [1,0,…] = 0.1.
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'low_success_rate', severity: Severity.CRITICAL, value: 0.1, labels: { strategy: 'mutate' } });
    expect(alerts[0]!.message).toBe('success rate 0.1 over 10 iterations (strategy mutate)');
  });

  it('memory above 80 %', async () => {
    expect(await run('memory_percent', [50, 79.9, 80])).toEqual([]);
    const alerts = await run('memory_percent', [50, 80.5]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toBe('memory_high: memory_percent (loop pid 7) = 80.5 > 80');
  });

  it('orphaned processes above 3 (the runbus_orphans metric)', async () => {
    expect(await run('runbus_orphans', [0, 1, 3])).toEqual([]);
    const alerts = await run('runbus_orphans', [2, 4, 5, 1]);
    expect(alerts.map((a) => [a.rule, a.state, a.value])).toEqual([['orphans_high', AlertState.FIRING, 4], ['orphans_high', AlertState.RESOLVED, 1]]);
  });
});
