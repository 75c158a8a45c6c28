import { RunBus } from '../../src/bus/index.js';
import { Topic } from '../../src/wire/index.js';
import type { Alert, MetricSample } from '../../src/wire/index.js';
import { flushMicrotasks, quietLogger } from '../support/bus.js';

/** A bus that records every ALERT published on it. */
export function alertBus(): { bus: RunBus; alerts: Alert[] } {
  const bus = new RunBus({ logger: quietLogger() });
  const alerts: Alert[] = [];
  bus.subscribe(Topic.ALERT, (a) => { alerts.push(a); }, { name: 'test-alerts' });
  return { bus, alerts };
}

export function metric(name: string, value: number, over: Partial<MetricSample> = {}): MetricSample {
  return { tsMs: Date.now(), runId: 'run-1', component: 'loop', pid: 7, name, labels: {}, value, ...over };
}

/** Lets the engine's and the recorder's bus deliveries run. */
export async function settle(): Promise<void> {
  await flushMicrotasks(10);
}
