// The alert engine on the bus:
//  1. breach → ALERT latency: a METRIC sample that breaches a rule is
//     published; the time until the ALERT reaches a subscriber, p50/p99
//     (the bound: within 1 s of the sample reaching the hub);
//  2. cost per RESOURCE sample with the built-in rules over 50 pids, beside
//     a bare bus subscriber that only counts (same bus, same samples);
//  3. the same at the hub's shape at 1000 processes: one sample of each a
//     second, measured after 320 simulated seconds (the rss_leak rule's
//     5-minute windows full), rss growing by a page now and then.
//
//   node --import tsx bench/alerts.ts [--quick]
import { createAlertEngine, parseAlertRules } from '../src/alerts/index.js';
import { RunBus } from '../src/bus/index.js';
import { AlertState, Topic } from '../src/wire/index.js';
import type { ResourceSnapshot } from '../src/wire/index.js';
import { cpuMs, median, percentile, quick, report } from './lib.js';

const rules = parseAlertRules([
  { name: 'low_success', source: 'metric', metric: 'success', op: '<', threshold: 0.2, severity: 'critical', cooldown: 0 },
]);

async function latency(rounds: number): Promise<number[]> {
  const bus = new RunBus({ logger: { warn: () => undefined } });
  const engine = createAlertEngine({ bus, runId: 'r', rules, defaults: false });
  const out: number[] = [];
  let sentAt = 0;
  let resolve: () => void = () => undefined;
  bus.subscribe(Topic.ALERT, (a) => {
    if (a.state === AlertState.FIRING) {
      out.push(performance.now() - sentAt);
      resolve();
    }
  });
  for (let i = 0; i < rounds; ++i) {
    // Healthy, then a breach; the alert resolves on the next healthy sample.
    bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'r', component: 'loop', pid: 1, name: 'success', value: 0.9 });
    await new Promise((r) => setImmediate(r));
    const fired = new Promise<void>((r) => { resolve = r; });
    sentAt = performance.now();
    bus.publish(Topic.METRIC, { tsMs: Date.now(), runId: 'r', component: 'loop', pid: 1, name: 'success', value: 0.1 });
    await fired;
  }
  await engine.close();
  await bus.close();
  return out;
}

function snap(i: number): ResourceSnapshot {
  return { tsMs: Date.now(), runId: 'r', component: `c${i % 5}`, pid: 100 + (i % 50), cpuPercent: 5, rssBytes: 1e8 + (i % 7), loopLagP99Ms: 3, threads: 5, openFds: 9 };
}

async function perSampleCost(withEngine: boolean, n: number): Promise<number> {
  const bus = new RunBus({ logger: { warn: () => undefined } });
  const engine = withEngine ? createAlertEngine({ bus, runId: 'r', defaults: true }) : undefined;
  let count = 0;
  bus.subscribe(Topic.RESOURCE, () => { count++; });
  const snaps = Array.from({ length: 1000 }, (_, i) => snap(i));
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1000) {
    for (const s of snaps) bus.publish(Topic.RESOURCE, s);
    await new Promise((r) => setImmediate(r));
  }
  const us = ((performance.now() - t0) * 1000) / n;
  await engine?.close();
  await bus.close();
  if (count !== n) throw new Error(`delivered ${count} of ${n}`);
  return us;
}

/** µs per RESOURCE sample, 1000 pids a simulated second, over ticks 320…`ticks`. */
async function steadyCost(withEngine: boolean, ticks: number): Promise<number> {
  const pids = 1000;
  let t = 1_700_000_000_000;
  const bus = new RunBus({ logger: { warn: () => undefined } });
  const engine = withEngine ? createAlertEngine({ bus, runId: 'r', defaults: true, clock: () => t }) : undefined;
  if (!withEngine) bus.subscribe(Topic.RESOURCE, () => undefined);
  let c0 = 0;
  for (let k = 0; k < ticks; k++) {
    if (k === 320) c0 = cpuMs();
    t += 1000;
    for (let j = 0; j < pids; j++) {
      bus.publish(Topic.RESOURCE, { tsMs: t, runId: 'r', component: `app/c${j % 5}`, pid: 100 + j, ppid: 1, cpuPercent: (j + k) % 3, rssBytes: 1e8 + ((k * 4096 + j * 7919) % 65536), threads: 5, openFds: 9 });
    }
    await new Promise((r) => setImmediate(r));
  }
  const us = ((cpuMs() - c0) * 1000) / ((ticks - 320) * pids);
  await engine?.close();
  await bus.close();
  return us;
}

const lat = await latency(quick ? 200 : 2000);
const n = quick ? 50_000 : 300_000;
const withRules: number[] = [];
const bare: number[] = [];
for (let t = 0; t < (quick ? 3 : 5); ++t) {
  withRules.push(await perSampleCost(true, n));
  bare.push(await perSampleCost(false, n));
}
const steady: number[] = [];
const steadyBare: number[] = [];
for (let t = 0; t < 3; ++t) {
  steady.push(await steadyCost(true, quick ? 360 : 420));
  steadyBare.push(await steadyCost(false, quick ? 360 : 420));
}
report('alerts', [
  { name: 'breach → ALERT on the bus, p50', value: percentile(lat, 50), unit: 'ms', better: 'lower' },
  { name: 'breach → ALERT on the bus, p99', value: percentile(lat, 99), unit: 'ms', better: 'lower', target: '< 1000' },
  { name: 'bus + alert engine (built-in rules, 50 pids), per RESOURCE sample', value: median(withRules), unit: 'µs', better: 'lower', peer: 'bus + a counting subscriber', peerValue: median(bare) },
  { name: 'bus + alert engine, 1000 processes a second, 5 min of history each, per RESOURCE sample', value: median(steady), unit: 'µs', better: 'lower', peer: 'bus + an empty subscriber', peerValue: median(steadyBare) },
]);
