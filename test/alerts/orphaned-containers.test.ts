import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlertEngine } from '../../src/alerts/index.js';
import type { AlertEngine } from '../../src/alerts/index.js';
import { kOrphanMetric } from '../../src/containers/index.js';
import { AlertState, Topic } from '../../src/wire/index.js';
import { alertBus, settle } from './helpers.js';

let engine: AlertEngine | undefined;
beforeEach(() => { vi.useFakeTimers({ now: 1_763_900_000_000 }); });
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  vi.useRealTimers();
});

describe('built-in alert orphaned_containers', () => {
  it('fires above 3 with "Container cleanup failures detected", resolves at 3 or fewer', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus });
    const count = (value: number) => bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'r', component: 'runbus/containers', name: kOrphanMetric, value });
    count(3);
    await settle();
    expect(alerts.filter((a) => a.rule === 'orphaned_containers')).toEqual([]);
    count(4);
    await settle();
    const fired = alerts.filter((a) => a.rule === 'orphaned_containers');
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ state: AlertState.FIRING, value: 4, threshold: 3 });
    expect(fired[0]!.message).toContain('Container cleanup failures detected');
    count(0);
    await settle();
    expect(alerts.filter((a) => a.rule === 'orphaned_containers').at(-1)).toMatchObject({ state: AlertState.RESOLVED });
  });
});
