import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlertEngine, parseAlertRules } from '../../src/alerts/index.js';
import type { AlertEngine } from '../../src/alerts/index.js';
import { AlertState, LifecycleKind, Severity, Topic } from '../../src/wire/index.js';
import { resource } from '../../support/samples.js';
import { alertBus, metric, settle } from './helpers.js';

let engine: AlertEngine | undefined;
beforeEach(() => { vi.useFakeTimers({ now: 1_763_900_000_000 }); });
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  vi.useRealTimers();
});

function host(memPercent: number, over: object = {}) {
  return { tsMs: Date.now(), runId: 'run-1', host: 'box', memPercent, ...over };
}

describe('alert engine', () => {
  it('publishes within 1 s of the breaching sample, once per firing, then resolves', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', threshold: 80, severity: 'critical' }]) });
    bus.publish(Topic.HOST, host(50));
    await vi.advanceTimersByTimeAsync(1000);
    expect(alerts).toEqual([]);
    const sentAt = Date.now();
    bus.publish(Topic.HOST, host(91.5));
    await vi.advanceTimersByTimeAsync(1000);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'mem', state: AlertState.FIRING, severity: Severity.CRITICAL, value: 91.5, threshold: 80, runId: 'run-1', labels: { host: 'box' } });
    expect(alerts[0]!.tsMs - sentAt).toBeLessThanOrEqual(1000);
    // Dedup: still breaching, no second FIRING.
    bus.publish(Topic.HOST, host(95));
    bus.publish(Topic.HOST, host(96));
    await settle();
    expect(alerts).toHaveLength(1);
    expect(engine.firing()).toHaveLength(1);
    bus.publish(Topic.HOST, host(70));
    await settle();
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toMatchObject({ state: AlertState.RESOLVED, firedAtMs: alerts[0]!.firedAtMs, value: 70 });
    expect(alerts[1]!.resolvedAtMs).toBe(Date.now());
    expect(engine.firing()).toEqual([]);
    expect(engine.stats()).toMatchObject({ fired: 1, resolved: 1, firing: 0, errors: 0 });
  });

  it('the publish happens in the same turn as delivery (no timer needed)', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', threshold: 80 }]) });
    bus.publish(Topic.HOST, host(99));
    await settle(); // microtasks only; the fake clock does not move
    expect(alerts).toHaveLength(1);
  });

  it('forSamples needs N consecutive breaching samples; a good one restarts the count', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'lag', source: 'resource', field: 'loop_lag_p99_ms', threshold: 100, forSamples: 3 }]) });
    for (const lag of [150, 150, 20, 150, 150]) bus.publish(Topic.RESOURCE, resource({ loopLagP99Ms: lag }));
    await settle();
    expect(alerts).toEqual([]);
    bus.publish(Topic.RESOURCE, resource({ loopLagP99Ms: 180 }));
    await settle();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ component: 'trainer', pid: 4242, value: 180 });
  });

  it('`for` a duration fires from the timer once the condition has held long enough', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', threshold: 80, for: '10s' }]) });
    bus.publish(Topic.HOST, host(90));
    await vi.advanceTimersByTimeAsync(9_000);
    expect(alerts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(alerts).toHaveLength(1);
  });

  it('cooldown: a resolved series cannot fire again until it ends, then fires if still breaching', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'mem', source: 'host', field: 'mem_percent', threshold: 80, cooldown: '30s' }]) });
    for (let i = 0; i < 10; ++i) {
      bus.publish(Topic.HOST, host(90));
      bus.publish(Topic.HOST, host(10));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => a.state)).toEqual([AlertState.FIRING, AlertState.RESOLVED]);
    expect(engine.stats().suppressed).toBeGreaterThan(0);
    bus.publish(Topic.HOST, host(90));
    await vi.advanceTimersByTimeAsync(25_000);
    expect(alerts).toHaveLength(3);
    expect(alerts[2]!.state).toBe(AlertState.FIRING);
  });

  it('one firing per series: two processes breaching make two alerts', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'rss', source: 'resource', field: 'rss_bytes', threshold: 1e6, component: 'trainer' }]) });
    for (let i = 0; i < 3; ++i) {
      bus.publish(Topic.RESOURCE, resource({ pid: 1, rssBytes: 2e6 }));
      bus.publish(Topic.RESOURCE, resource({ pid: 2, rssBytes: 2e6 }));
      bus.publish(Topic.RESOURCE, resource({ pid: 3, component: 'other', rssBytes: 2e6 }));
    }
    await settle();
    expect(alerts.map((a) => a.pid).sort()).toEqual([1, 2]);
  });

  it('message templates fill value, threshold, component, rule and labels', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([{ name: 'sr', source: 'metric', metric: 'success_rate', labels: { strategy: 'a' }, op: '<', threshold: 0.2, message: '{{rule}}: {{component}} {{value}} < {{threshold}} [{{strategy}}/{{labels.strategy}}] {{unknown}}' }]),
    });
    bus.publish(Topic.METRIC, metric('success_rate', 0.1234, { labels: { strategy: 'b' } }));
    bus.publish(Topic.METRIC, metric('success_rate', 0.1234, { labels: { strategy: 'a' } }));
    await settle();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toBe('sr: loop 0.123 < 0.2 [a/a] {{unknown}}');
    expect(alerts[0]!.labels).toEqual({ strategy: 'a' });
  });

  it('rolling windows: avg over N samples, rate over a duration', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([
        { name: 'cpu_avg', source: 'resource', field: 'cpu_percent', aggregate: 'avg', window: { samples: 4 }, threshold: 50 },
        { name: 'io_rate', source: 'resource', field: 'io_write_bytes', aggregate: 'rate', window: { duration: '10s' }, threshold: 1e6 },
      ]),
    });
    // avg of [100, 0, 0, 0] = 25; of [0, 0, 100, 100] = 50 (not > 50); then 75.
    let io = 0;
    for (const cpu of [100, 0, 0, 0, 100, 100, 100]) {
      io += 500_000; // 0.5 MB/s: below the rate threshold
      bus.publish(Topic.RESOURCE, resource({ tsMs: Date.now(), cpuPercent: cpu, ioWriteBytes: io }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => [a.rule, a.value])).toEqual([['cpu_avg', 75]]);
    for (let i = 0; i < 3; ++i) {
      io += 5_000_000;
      bus.publish(Topic.RESOURCE, resource({ tsMs: Date.now(), cpuPercent: 100, ioWriteBytes: io }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => a.rule)).toContain('io_rate');
  });

  it('degradation: iteration time 50 % slower than the first iterations', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([{ name: 'slower', source: 'metric', metric: 'iteration_seconds', aggregate: 'avg', window: { samples: 5 }, baseline: { samples: 5 }, op: '>', threshold: 50 }]),
    });
    for (const v of [1, 1, 1, 1, 1, 1.2, 1.2, 1.2, 1.2, 1.2]) bus.publish(Topic.METRIC, metric('iteration_seconds', v));
    await settle();
    expect(alerts).toEqual([]); // 20 % slower
    for (const v of [2, 2, 2, 2, 2]) bus.publish(Topic.METRIC, metric('iteration_seconds', v));
    await settle();
    expect(alerts).toHaveLength(1);
    // [1.2, 1.2, 1.2, 2, 2] averages 1.52: the first window past +50 %.
    expect(alerts[0]!.value).toBeCloseTo(52);
  });

  it('degradation against the preceding window (throughput 20 % worse)', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([{ name: 'tput', source: 'metric', metric: 'items_per_second', aggregate: 'avg', window: { samples: 3 }, baseline: { samples: 3, mode: 'preceding' }, op: '<', threshold: -20 }]),
    });
    for (const v of [100, 100, 100, 90, 90, 90]) bus.publish(Topic.METRIC, metric('items_per_second', v));
    await settle();
    expect(alerts).toEqual([]);
    for (const v of [60, 60, 60]) bus.publish(Topic.METRIC, metric('items_per_second', v));
    await settle();
    expect(alerts).toHaveLength(1);
    // [90, 60, 60] against [100, 90, 90]: 25 % worse.
    expect(alerts[0]!.value).toBeCloseTo(-25);
  });

  it('absence: a component that stops sending fires after T; nothing ever sent fires too', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false, runId: 'run-1',
      rules: parseAlertRules([
        { name: 'no_heartbeat', source: 'heartbeat', field: 'uptime_ms', absentFor: '5s', severity: 'critical' },
        { name: 'no_gpu', source: 'gpu', field: 'util_percent', absentFor: '3s' },
      ]),
    });
    const hb = () => bus.publish(Topic.HEARTBEAT, { tsMs: Date.now(), runId: 'run-1', component: 'hub', pid: 1, uptimeMs: 1 });
    for (let i = 0; i < 4; ++i) {
      hb();
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => a.rule)).toEqual(['no_gpu']);
    expect(alerts[0]).toMatchObject({ runId: 'run-1', state: AlertState.FIRING });
    await vi.advanceTimersByTimeAsync(5000);
    const hbAlert = alerts.find((a) => a.rule === 'no_heartbeat')!;
    expect(hbAlert).toMatchObject({ component: 'hub', state: AlertState.FIRING, threshold: 5 });
    expect(hbAlert.tsMs - (Date.now() - 5000 - 1000)).toBeLessThanOrEqual(6000);
    hb();
    await settle();
    expect(alerts.at(-1)).toMatchObject({ rule: 'no_heartbeat', state: AlertState.RESOLVED });
  });

  it('leak trend: steady rss growth fires, noisy growth with low R² does not', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([{ name: 'leak', source: 'resource', field: 'rss_bytes', aggregate: 'slope', window: { samples: 30 }, minR2: 0.9, threshold: 10_000 }]),
    });
    // pid 1: noise around a flat line (big swings); pid 2: +20 kB/s steadily.
    for (let i = 0; i < 30; ++i) {
      const t = Date.now();
      bus.publish(Topic.RESOURCE, resource({ pid: 1, tsMs: t, rssBytes: 1e8 + (i % 2 === 0 ? 5e6 : -5e6) + i * 15_000 }));
      bus.publish(Topic.RESOURCE, resource({ pid: 2, tsMs: t, rssBytes: 1e8 + i * 20_000 + (i % 3) * 100 }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => a.pid)).toEqual([2]);
    expect(alerts[0]!.value).toBeCloseTo(20_000, -2);
  });

  it('the default leak rule needs its samples to span 2 minutes (start-up growth is not a leak)', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus });
    // 100 ms samples growing fast: 30 samples in 3 s, far from 2 minutes.
    for (let i = 0; i < 60; ++i) {
      bus.publish(Topic.RESOURCE, resource({ tsMs: Date.now(), rssBytes: 1e8 + i * 1e6, loopLagP99Ms: 1 }));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(alerts.map((a) => a.rule)).not.toContain('rss_leak');
    // Keep growing for 2 more minutes at 1 sample/s: now it is a trend.
    for (let i = 0; i < 125; ++i) {
      bus.publish(Topic.RESOURCE, resource({ tsMs: Date.now(), rssBytes: 1.6e8 + i * 1e6, loopLagP99Ms: 1 }));
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(alerts.map((a) => a.rule)).toContain('rss_leak');
  });

  it('a process that exits resolves its alerts and its series are forgotten', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'fds', source: 'resource', field: 'open_fds', threshold: 10 }]) });
    bus.publish(Topic.RESOURCE, resource({ pid: 9, openFds: 50 }));
    await settle();
    expect(engine.stats()).toMatchObject({ series: 1, firing: 1 });
    bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid: 9, component: 'trainer' });
    await settle();
    expect(alerts.map((a) => a.state)).toEqual([AlertState.FIRING, AlertState.RESOLVED]);
    expect(engine.stats()).toMatchObject({ series: 0, firing: 0 });
  });

  it('a pid seen under another name or run, or again after it exited, is another series', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'fds', source: 'resource', field: 'open_fds', threshold: 10 }]) });
    const fds = (component: string, openFds: number, runId = 'run-1'): void => { bus.publish(Topic.RESOURCE, resource({ pid: 9, component, runId, openFds, tsMs: Date.now() })); };
    fds('a', 50);
    fds('a', 60);
    fds('b', 50); // renamed: a series of its own, firing on its own
    fds('b', 50, 'run-2');
    fds('a', 5); // the first series recovers; b's are untouched
    await settle();
    expect(alerts.map((a) => [a.component, a.runId, a.state])).toEqual([
      ['a', 'run-1', AlertState.FIRING],
      ['b', 'run-1', AlertState.FIRING],
      ['b', 'run-2', AlertState.FIRING],
      ['a', 'run-1', AlertState.RESOLVED],
    ]);
    expect(engine.stats()).toMatchObject({ series: 3, firing: 2 });
    bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid: 9, component: 'b' });
    await settle();
    // Back after its exit (a reused pid): a new series, firing anew.
    fds('b', 70);
    await settle();
    expect(alerts.slice(4).map((a) => [a.component, a.runId, a.state, a.value])).toEqual([
      ['b', 'run-1', AlertState.RESOLVED, 50],
      ['b', 'run-1', AlertState.FIRING, 70],
    ]);
  });

  it('quiet series are forgotten after staleAfterMs; series per rule are capped', async () => {
    const { bus } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, staleAfterMs: 10_000, maxSeriesPerRule: 3, rules: parseAlertRules([{ name: 'fds', source: 'resource', field: 'open_fds', threshold: 10_000 }]) });
    for (let pid = 1; pid <= 5; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    await settle();
    expect(engine.stats()).toMatchObject({ series: 3, seriesRejected: 2 });
    await vi.advanceTimersByTimeAsync(11_000);
    expect(engine.stats().series).toBe(0);
  });

  it('by default a rule keeps a series for each of 10 000 processes (what the Prometheus collector keeps), not fewer', async () => {
    const { bus } = alertBus();
    engine = createAlertEngine({ bus, defaults: false, capacity: 20_000, rules: parseAlertRules([{ name: 'fds', source: 'resource', field: 'open_fds', threshold: 10_000 }]) });
    for (let pid = 1; pid <= 10_001; ++pid) bus.publish(Topic.RESOURCE, resource({ pid }));
    await settle();
    expect(engine.stats()).toMatchObject({ series: 10_000, seriesRejected: 1 });
  });

  it('derived orphan count: reparented processes of the run', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus, defaults: true, rules: [] });
    // A root (pid 100) with five children; the root dies, the children are
    // reparented to 1.
    bus.publish(Topic.RESOURCE, resource({ pid: 100, ppid: 50, component: 'app' }));
    for (let pid = 101; pid <= 105; ++pid) bus.publish(Topic.RESOURCE, resource({ pid, ppid: 100, component: 'app' }));
    await settle();
    expect(alerts).toEqual([]);
    bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid: 100, component: 'app' });
    for (let pid = 101; pid <= 105; ++pid) bus.publish(Topic.RESOURCE, resource({ pid, ppid: 1, component: 'app' }));
    await settle();
    const fired = alerts.filter((a) => a.rule === 'orphan_processes');
    expect(fired).toHaveLength(1);
    // The exit makes all five children orphans at once (their parent is gone).
    expect(fired[0]).toMatchObject({ value: 5, threshold: 3, runId: 'run-1' });
    expect(fired[0]!.message).toBe('5 orphaned processes (threshold 3)');
    for (const pid of [101, 102]) bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: 'run-1', kind: LifecycleKind.PROCESS_EXITED, pid, component: 'app' });
    await settle();
    expect(alerts.filter((a) => a.rule === 'orphan_processes').at(-1)).toMatchObject({ state: AlertState.RESOLVED });
  });

  it('defaults: host memory, loop lag, dropped samples', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({ bus });
    for (let i = 0; i < 3; ++i) {
      bus.publish(Topic.HOST, host(85));
      bus.publish(Topic.RESOURCE, resource({ loopLagP99Ms: 250 }));
      bus.publish(Topic.HEARTBEAT, { tsMs: Date.now(), runId: 'run-1', component: 'hub', pid: 1, droppedTotal: i === 2 ? 40 : 0 });
    }
    await settle();
    expect(alerts.map((a) => a.rule).sort()).toEqual(['event_loop_lag', 'host_memory_high', 'samples_dropped']);
    expect(alerts.find((a) => a.rule === 'samples_dropped')!.value).toBe(40);
    expect(engine.rules.map((r) => r.name)).not.toContain('store_unwritable');
  });

  it('when the run ends, firing alerts stay firing and absence stops', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([
        { name: 'mem', source: 'host', field: 'mem_percent', threshold: 80 },
        { name: 'quiet', source: 'heartbeat', field: 'uptime_ms', absentFor: '2s' },
      ]),
    });
    bus.publish(Topic.HOST, host(90));
    bus.publish(Topic.HEARTBEAT, { tsMs: Date.now(), runId: 'run-1', component: 'hub', pid: 1, uptimeMs: 1 });
    bus.publish(Topic.LIFECYCLE, { tsMs: Date.now(), runId: 'run-1', kind: LifecycleKind.RUN_ENDED });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(alerts.map((a) => [a.rule, a.state])).toEqual([['mem', AlertState.FIRING]]);
    expect(engine.firing().map((a) => a.rule)).toEqual(['mem']);
  });

  it('host disks and GPUs are one series per mount / device, filtered by labels', async () => {
    const { bus, alerts } = alertBus();
    engine = createAlertEngine({
      bus, defaults: false,
      rules: parseAlertRules([
        { name: 'root_full', source: 'host', field: 'disk_percent', labels: { mount: '/' }, threshold: 90 },
        { name: 'gpu_hot', source: 'gpu', field: 'temperature_c', aggregate: 'max', window: { samples: 2 }, threshold: 85 },
      ]),
    });
    bus.publish(Topic.HOST, host(10, { disks: [{ mount: '/', usedPercent: 95 }, { mount: '/data', usedPercent: 99 }] }));
    bus.publish(Topic.GPU, { tsMs: Date.now(), runId: 'run-1', host: 'box', devices: [{ index: 0, name: 'A', temperatureC: 70 }, { index: 1, name: 'B', temperatureC: 80 }] });
    bus.publish(Topic.GPU, { tsMs: Date.now(), runId: 'run-1', host: 'box', devices: [{ index: 0, name: 'A', temperatureC: 90 }, { index: 1, name: 'B', temperatureC: 81 }] });
    await settle();
    expect(alerts.map((a) => [a.rule, a.labels])).toEqual([
      ['root_full', { host: 'box', mount: '/' }],
      ['gpu_hot', { gpu: '0', gpu_name: 'A', host: 'box' }],
    ]);
  });

  it('a bad payload is counted, not thrown; close() is idempotent and stops the timer', async () => {
    const { bus } = alertBus();
    engine = createAlertEngine({ bus, rules: parseAlertRules([{ name: 'x', source: 'metric', metric: 'm', threshold: 1 }]) });
    bus.publish(Topic.METRIC, { name: 'm', value: 5 } as never);
    await settle();
    expect(engine.stats().samples).toBe(1);
    await Promise.all([engine.close(), engine.close()]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('validates its options', () => {
    const { bus } = alertBus();
    expect(() => createAlertEngine({ bus, rule: [] } as never)).toThrow(/unknown option "rule" \(did you mean "rules"\?\)/);
    expect(() => createAlertEngine({ bus, tickMs: 1 })).toThrow(RangeError);
    expect(() => createAlertEngine({} as never)).toThrow(/options.bus/);
  });
});

describe('orphan detection without exit events', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 1_763_900_000_000 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('a changed ppid (reparented) marks an orphan', async () => {
    const { bus, alerts } = alertBus();
    const e = createAlertEngine({ bus, defaults: false, rules: parseAlertRules([{ name: 'orph', source: 'orphans', threshold: 0 }]) });
    bus.publish(Topic.RESOURCE, resource({ pid: 10, ppid: 9 }));
    bus.publish(Topic.RESOURCE, resource({ pid: 10, ppid: 1 }));
    await settle();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.value).toBe(1);
    await e.close();
  });
});

describe('alert engine on a borrowed tick', () => {
  it('runs its periodic checks from the ticker, starts no timer, and gives the tick back on close()', async () => {
    const { bus, alerts } = alertBus();
    const checks = new Set<() => void>();
    const ticker = (check: () => void): (() => void) => {
      checks.add(check);
      return () => { checks.delete(check); };
    };
    const timersBefore = vi.getTimerCount();
    engine = createAlertEngine({
      bus, defaults: false, runId: 'run-1', ticker,
      rules: parseAlertRules([{ name: 'quiet', source: 'heartbeat', field: 'uptime_ms', absentFor: '2s' }]),
    });
    expect(vi.getTimerCount()).toBe(timersBefore);
    expect(checks.size).toBe(1);
    bus.publish(Topic.HEARTBEAT, { tsMs: Date.now(), runId: 'run-1', component: 'hub', pid: 1, uptimeMs: 1 });
    // Time passes, but only the ticker runs the absence check.
    await vi.advanceTimersByTimeAsync(5000);
    expect(alerts).toEqual([]);
    for (const c of checks) c();
    await vi.advanceTimersByTimeAsync(0);
    expect(alerts.map((a) => [a.rule, a.state])).toEqual([['quiet', AlertState.FIRING]]);
    await engine.close();
    expect(checks.size).toBe(0);
  });

  it('rejects a ticker that is not a function', () => {
    const { bus } = alertBus();
    expect(() => createAlertEngine({ bus, ticker: 5 as unknown as () => () => void })).toThrow(/options\.ticker must be a function/);
  });
});
