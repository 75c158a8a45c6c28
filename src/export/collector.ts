// The Prometheus collector: a bus subscriber that keeps the latest figure of
// every series, and prom-client metrics on a private Registry whose collect()
// callbacks read them at scrape time (fixed families: families.ts; custom
// METRIC families: app-metrics.ts). Series of processes that exited go
// after a grace period, quiet series after staleAfterMs, and every map is
// capped, so label cardinality stays bounded.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger, RunBus, Subscription } from '../bus/index.js';
import { OrphanTracker } from '../bus/index.js';
import { checkInt, checkKeys, checkObject, checkString, kLibraryLogger } from '../options.js';
import { AlertState, figureValue, kTopicNames, LifecycleKind, severityName, Topic } from '../wire/index.js';
import type { Alert, ContainerSnapshot, GpuSnapshot, Heartbeat, HostSnapshot, Lifecycle, MetricSample, ResourceSnapshot, TopicPayloads } from '../wire/index.js';
import { AppMetrics, labelKey } from './app-metrics.js';
import { key, kProcessCounters, registerGpuFamilies, registerHeartbeatFamilies, registerHostFamilies, registerProcessFamilies } from './families.js';
import type { Emit, Labels, ProcEntry, Retired, Stamped } from './families.js';
import { kMetricNames } from './names.js';
import { ContainerFamilies } from './container-families.js';

/**
 * The parts of the hub's `stats()` the exporter reads at scrape time
 * (src/hub `HubStats` satisfies it).
 */
export interface ExporterHubStats {
  readonly runId: string;
  readonly bus: { readonly topics: Readonly<Record<string, { readonly published: number }>> };
  readonly batcher?: { readonly failures: number };
  /** Remote write's counters per receiver, when it is on (src/remote-write). */
  readonly remoteWrite?: { readonly targets: readonly ExporterRemoteTarget[] };
  /** This machine's stable id and, once read, its inventory (the `hosts` view). */
  readonly hostId?: string;
  readonly host?: Readonly<Record<string, string | number | null>>;
}

/** One remote-write receiver's counters, as the exporter reads them. */
export interface ExporterRemoteTarget {
  readonly url: string;
  readonly rowsBehind: number;
  readonly samplesSent: number;
  readonly retries: number;
  readonly refusedSamples: number;
  readonly dropped: Readonly<Record<string, number>>;
  readonly failingSinceMs: number | null;
  readonly lastSuccessMs: number | null;
}

/** Options of {@link createMetricsCollector}. */
export interface MetricsCollectorOptions {
  /** The bus to read. */
  bus: RunBus;
  /** Only this run's samples. @default every run */
  runId?: string;
  /** Label per-process series with `pid` too (else they are summed per component). @default false */
  withPid?: boolean;
  /** A process's series stay this long after it exits. @default 30000 */
  exitGraceMs?: number;
  /** Any series not updated for this long is removed; 0 keeps them. @default 120000 */
  staleAfterMs?: number;
  /** Processes tracked at most. @default 10000 */
  maxProcesses?: number;
  /** Custom metric families at most. @default 500 */
  maxAppMetrics?: number;
  /** Label sets per custom metric at most. @default 1000 */
  maxSeriesPerMetric?: number;
  /** Label names per custom metric at most. @default 16 */
  maxLabelsPerMetric?: number;
  /** Read at scrape time for bus and store counters. @default none */
  hubStats?: () => ExporterHubStats;
  /** Milliseconds since the epoch. @default Date.now */
  clock?: () => number;
  /** The collector's bus queue. @default 10000 */
  capacity?: number;
  /** Where name collisions are reported (one line each). @default silent: util.debuglog('runbus') (NODE_DEBUG=runbus shows it) */
  logger?: Logger;
}

/** A collector; see {@link createMetricsCollector}. */
export interface MetricsCollector {
  /** The private prom-client registry (never the global one). */
  readonly registry: Registry;
  /** The text exposition format, as /metrics serves it. */
  metricsText(): Promise<string>;
  /** prom-client's JSON form of every family. */
  metricsJson(): Promise<unknown[]>;
  /** Records one store flush's duration (feeds runbus_hub_flush_duration_seconds). */
  observeFlush(ms: number, runId?: string): void;
  stats(): MetricsCollectorStats;
  /** Handles what is queued, then stops reading the bus. Idempotent. */
  close(): Promise<void>;
}

export interface MetricsCollectorStats {
  readonly processes: number;
  readonly appMetrics: number;
  readonly appSeries: number;
  readonly rejected: Readonly<Record<string, number>>;
}

const kCollectorKeys = [
  'bus', 'runId', 'withPid', 'exitGraceMs', 'staleAfterMs', 'maxProcesses', 'maxAppMetrics', 'maxSeriesPerMetric', 'maxLabelsPerMetric', 'hubStats', 'clock', 'capacity',
  'logger',
] as const;

export interface ResolvedCollectorOptions {
  runId: string | undefined;
  withPid: boolean;
  exitGraceMs: number;
  staleAfterMs: number;
  maxProcesses: number;
  maxAppMetrics: number;
  maxSeriesPerMetric: number;
  maxLabelsPerMetric: number;
  hubStats: (() => ExporterHubStats) | undefined;
  clock: () => number;
  capacity: number;
  logger: Logger;
}

export function resolveCollectorOptions(o: Omit<MetricsCollectorOptions, 'bus'>, where: string, extraKeys: readonly string[] = []): ResolvedCollectorOptions {
  checkObject(o, 'options');
  checkKeys(o, [...kCollectorKeys, ...extraKeys], where);
  if (o.withPid !== undefined && typeof o.withPid !== 'boolean') throw new TypeError('options.withPid must be a boolean');
  if (o.hubStats !== undefined && typeof o.hubStats !== 'function') throw new TypeError('options.hubStats must be a function returning hub stats');
  if (o.clock !== undefined && typeof o.clock !== 'function') throw new TypeError('options.clock must be a function returning milliseconds');
  if (o.logger !== undefined && typeof (o.logger as Partial<Logger> | null)?.warn !== 'function') throw new TypeError('options.logger must have a warn(message) method');
  return {
    runId: o.runId === undefined ? undefined : checkString(o.runId, 'options.runId'),
    withPid: o.withPid ?? false,
    exitGraceMs: checkInt(o.exitGraceMs ?? 30_000, 'options.exitGraceMs', 0),
    staleAfterMs: checkInt(o.staleAfterMs ?? 120_000, 'options.staleAfterMs', 0),
    maxProcesses: checkInt(o.maxProcesses ?? 10_000, 'options.maxProcesses', 1),
    maxAppMetrics: checkInt(o.maxAppMetrics ?? 500, 'options.maxAppMetrics', 1),
    maxSeriesPerMetric: checkInt(o.maxSeriesPerMetric ?? 1000, 'options.maxSeriesPerMetric', 1),
    maxLabelsPerMetric: checkInt(o.maxLabelsPerMetric ?? 16, 'options.maxLabelsPerMetric', 0, 64),
    hubStats: o.hubStats,
    clock: o.clock ?? Date.now,
    capacity: checkInt(o.capacity ?? 10_000, 'options.capacity', 1),
    logger: o.logger ?? kLibraryLogger,
  };
}

const kWatched = [Topic.RESOURCE, Topic.HOST, Topic.GPU, Topic.METRIC, Topic.ALERT, Topic.HEARTBEAT, Topic.LIFECYCLE, Topic.CONTAINER] as const;
type Watched = (typeof kWatched)[number];
const kMaxHosts = 1000;
const kMaxAlertSeries = 10_000;
const kMaxLastSample = 10_000;

class MetricsCollectorImpl implements MetricsCollector {
  readonly registry = new Registry();
  readonly #o: ResolvedCollectorOptions;
  readonly #sub: Subscription<Watched>;
  readonly #procs = new Map<string, ProcEntry>();
  /** Counters of removed processes, kept per component so totals never go down. */
  readonly #retired = new Map<string, Retired>();
  readonly #hosts = new Map<string, Stamped<HostSnapshot>>();
  readonly #gpus = new Map<string, Stamped<GpuSnapshot>>();
  readonly #heartbeats = new Map<string, Stamped<Heartbeat>>();
  readonly #apps: AppMetrics;
  readonly #alertsFiring = new Map<string, { runId: string; rule: string; severity: string; endedAtMs: number | undefined }>();
  readonly #alertsFired = new Map<string, { labels: Labels; n: number }>();
  readonly #lastSample = new Map<string, { labels: Labels; tsMs: number }>();
  readonly #orphans = new OrphanTracker();
  // Containers: their families and state (src/export/container-families.ts).
  readonly #containers = new ContainerFamilies();
  readonly #rejected = new Map<string, number>();
  readonly #flush: Histogram<'run_id'>;
  #lastSweep = -1;
  #closing: Promise<void> | undefined;

  constructor(bus: RunBus, o: ResolvedCollectorOptions) {
    this.#o = o;
    const sink = { gauge: this.#gauge.bind(this), counter: this.#counter.bind(this) };
    registerProcessFamilies(sink, { withPid: o.withPid, procs: this.#procs, retired: this.#retired });
    registerHostFamilies(sink, this.#hosts);
    registerGpuFamilies(sink, this.#gpus);
    registerHeartbeatFamilies(sink, this.#heartbeats);
    this.#registerHubStats();
    this.#apps = new AppMetrics(this.registry, sink, o, (reason) => { this.#reject(reason); }, o.logger);
    this.#containers.register(sink.gauge, sink.counter);
    this.#gauge(kMetricNames.alerts.firing, 'Alerts firing now, per rule.', ['run_id', 'rule', 'severity'], (emit) => {
      const counts = new Map<string, [Labels, number]>();
      for (const a of this.#alertsFiring.values()) {
        const k = key(a.runId, a.rule, a.severity);
        const c = counts.get(k) ?? [{ run_id: a.runId, rule: a.rule, severity: a.severity }, 0];
        c[1]++;
        counts.set(k, c);
      }
      for (const [labels, c] of counts.values()) emit(labels, c);
    });
    this.#counter(kMetricNames.alerts.fired, 'Alerts that fired.', ['run_id', 'rule', 'severity'], (emit) => {
      for (const f of this.#alertsFired.values()) emit(f.labels, f.n);
    });
    this.#gauge(kMetricNames.orphans, 'Processes of the run that outlived their parent.', ['run_id'], (emit) => {
      for (const [runId, c] of this.#orphans.runs()) emit({ run_id: runId }, c);
    });
    this.#gauge(kMetricNames.lastSample, 'When the last sample of a topic arrived from a component (Unix time).', ['run_id', 'topic', 'component'], (emit) => {
      for (const l of this.#lastSample.values()) emit(l.labels, l.tsMs / 1000);
    });
    this.#counter(kMetricNames.rejected, 'Series the exporter refused to keep (cardinality caps, bad values).', ['reason'], (emit) => {
      for (const [reason, c] of this.#rejected) emit({ reason }, c);
    });
    this.#registerRemoteWrite();
    this.#flush = new Histogram({
      name: kMetricNames.hub.flushDuration,
      help: 'Duration of store flushes (one batch committed by the writer thread).',
      labelNames: ['run_id'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.#sub = bus.subscribe(kWatched, this.#onSample, {
      name: 'prometheus-exporter', capacity: o.capacity, overflow: 'drop-oldest', ...(o.runId === undefined ? {} : { runId: o.runId }),
    });
  }

  #gauge(name: string, help: string, labelNames: string[], fill: (emit: Emit) => void): Gauge {
    const sweep = (): void => { this.#sweepIfDue(); };
    return new Gauge({
      name, help, labelNames, registers: [this.registry],
      collect() {
        sweep();
        this.reset();
        fill((labels, v) => { if (v !== null && v !== undefined && Number.isFinite(v)) this.set(labels, v); });
      },
    });
  }

  #counter(name: string, help: string, labelNames: string[], fill: (emit: Emit) => void): Counter {
    const sweep = (): void => { this.#sweepIfDue(); };
    return new Counter({
      name, help, labelNames, registers: [this.registry],
      collect() {
        sweep();
        this.reset();
        fill((labels, v) => { if (v !== null && v !== undefined && Number.isFinite(v) && v >= 0) this.inc(labels, v); });
      },
    });
  }

  #reject(reason: string): void {
    this.#rejected.set(reason, (this.#rejected.get(reason) ?? 0) + 1);
  }

  // ─── bus input ────────────────────────────────────────────────────────

  readonly #onSample = (payload: TopicPayloads[Watched], topic: Watched): void => {
    try {
      this.#take(payload, topic);
    } catch {
      // A malformed payload must not stop the exporter; the count shows it.
      this.#reject('bad_sample');
    }
  };

  #take(payload: TopicPayloads[Watched], topic: Watched): void {
    const now = this.#o.clock();
    switch (topic) {
      case Topic.RESOURCE: this.#resource(payload as ResourceSnapshot, now); break;
      case Topic.HOST: this.#host(payload as HostSnapshot, now); break;
      case Topic.GPU: this.#gpu(payload as GpuSnapshot, now); break;
      case Topic.METRIC: if (!this.#containers.metric(payload as MetricSample, now)) this.#apps.take(payload as MetricSample, now); break;
      case Topic.CONTAINER: this.#containers.snapshot(payload as ContainerSnapshot, now); break;
      case Topic.ALERT: this.#alert(payload as Alert); break;
      case Topic.HEARTBEAT: this.#heartbeat(payload, now); break;
      case Topic.LIFECYCLE: this.#lifecycle(payload as Lifecycle, now); this.#containers.lifecycle(payload as Lifecycle, now); break;
    }
    const p = payload as { runId?: string | null; component?: string | null; tsMs?: unknown };
    if (topic !== Topic.ALERT && topic !== Topic.LIFECYCLE) {
      const k = key(p.runId ?? '', topic, p.component ?? '');
      if (this.#lastSample.has(k) || this.#lastSample.size < kMaxLastSample) {
        this.#lastSample.set(k, { labels: { run_id: p.runId ?? '', topic: kTopicNames[topic], component: p.component ?? '' }, tsMs: figureValue(p.tsMs) ?? now });
      } else this.#reject('last_sample_cap');
    }
  }

  #resource(s: ResourceSnapshot, now: number): void {
    const k = key(s.runId, s.pid);
    const prev = this.#procs.get(k);
    if (prev === undefined) {
      if (this.#procs.size >= this.#o.maxProcesses) {
        this.#reject('process_cap');
        return;
      }
    } else if (prev.snap.component !== s.component) {
      this.#retire(prev);
    }
    this.#procs.set(k, { snap: s, lastMs: now, exitedAtMs: undefined });
    this.#orphans.resource(s, now);
  }

  #host(s: HostSnapshot, now: number): void {
    const k = key(s.runId, s.host ?? '');
    if (!this.#hosts.has(k) && this.#hosts.size >= kMaxHosts) { this.#reject('host_cap'); return; }
    this.#hosts.set(k, { value: s, lastMs: now });
  }

  #gpu(s: GpuSnapshot, now: number): void {
    const k = key(s.runId, s.host ?? '');
    if (!this.#gpus.has(k) && this.#gpus.size >= kMaxHosts) { this.#reject('gpu_cap'); return; }
    this.#gpus.set(k, { value: s, lastMs: now });
  }

  #heartbeat(h: Heartbeat, now: number): void {
    const k = key(h.runId ?? '', h.component ?? '');
    if (!this.#heartbeats.has(k) && this.#heartbeats.size >= kMaxHosts) { this.#reject('heartbeat_cap'); return; }
    this.#heartbeats.set(k, { value: h, lastMs: now });
  }

  #alert(a: Alert): void {
    const labels = a.labels ?? {};
    const k = key(a.runId, a.rule, a.component ?? '', figureValue(a.pid) ?? 0, labelKey(labels));
    const severity = severityName(a.severity);
    if ((a.state as number | null | undefined) === AlertState.FIRING) {
      if (!this.#alertsFiring.has(k)) {
        if (this.#alertsFiring.size >= kMaxAlertSeries) { this.#reject('alert_cap'); return; }
        this.#alertsFiring.set(k, { runId: a.runId, rule: a.rule, severity, endedAtMs: undefined });
        const fk = key(a.runId, a.rule, severity);
        const f = this.#alertsFired.get(fk);
        if (f !== undefined) f.n++;
        else if (this.#alertsFired.size < kMaxAlertSeries) this.#alertsFired.set(fk, { labels: { run_id: a.runId, rule: a.rule, severity }, n: 1 });
      }
    } else if ((a.state as number | null | undefined) === AlertState.RESOLVED) {
      this.#alertsFiring.delete(k);
    }
  }

  #lifecycle(e: Lifecycle, now: number): void {
    this.#orphans.lifecycle(e);
    if (e.kind === LifecycleKind.PROCESS_EXITED && e.pid) {
      const p = this.#procs.get(key(e.runId, e.pid));
      if (p !== undefined) p.exitedAtMs ??= now;
    } else if (e.kind === LifecycleKind.RUN_ENDED) {
      // Processes and alerts of a finished run leave after the grace period.
      for (const p of this.#procs.values()) if (p.snap.runId === e.runId) p.exitedAtMs ??= now;
      for (const a of this.#alertsFiring.values()) if (a.runId === e.runId) a.endedAtMs ??= now;
    }
  }

  // ─── removal ──────────────────────────────────────────────────────────

  #retire(p: ProcEntry): void {
    if (this.#o.withPid) return; // the pid's series simply ends
    const k = key(p.snap.runId, p.snap.component);
    let r = this.#retired.get(k);
    if (r === undefined) {
      if (this.#retired.size >= this.#o.maxProcesses) { this.#reject('retired_cap'); return; }
      r = { labels: { run_id: p.snap.runId, component: p.snap.component }, values: kProcessCounters.map(() => 0), lastMs: 0 };
      this.#retired.set(k, r);
    }
    r.lastMs = Math.max(r.lastMs, p.lastMs);
    for (const [i, f] of kProcessCounters.entries()) r.values[i]! += f.read(p.snap) ?? 0;
  }

  #sweepIfDue(): void {
    const now = this.#o.clock();
    if (now === this.#lastSweep) return;
    this.#lastSweep = now;
    const stale = this.#o.staleAfterMs;
    const old = (lastMs: number): boolean => stale > 0 && now - lastMs > stale;
    for (const [k, p] of this.#procs) {
      if ((p.exitedAtMs !== undefined && now - p.exitedAtMs >= this.#o.exitGraceMs) || old(p.lastMs)) {
        this.#retire(p);
        this.#procs.delete(k);
      }
    }
    for (const [k, a] of this.#alertsFiring) if (a.endedAtMs !== undefined && now - a.endedAtMs >= this.#o.exitGraceMs) this.#alertsFiring.delete(k);
    // A component with no process left for staleAfterMs loses its counters too.
    const live = new Set<string>();
    for (const p of this.#procs.values()) live.add(key(p.snap.runId, p.snap.component));
    for (const [k, r] of this.#retired) if (!live.has(k) && old(r.lastMs)) this.#retired.delete(k);
    for (const m of [this.#hosts, this.#gpus, this.#heartbeats] as Map<string, Stamped<unknown>>[]) {
      for (const [k, v] of m) if (old(v.lastMs)) m.delete(k);
    }
    this.#apps.sweep(old);
    this.#containers.sweep(old);
    if (stale > 0) {
      for (const [k, l] of this.#lastSample) if (old(l.tsMs)) this.#lastSample.delete(k);
      this.#orphans.expire(now - stale);
    }
  }

  // ─── families ─────────────────────────────────────────────────────────

  #registerHubStats(): void {
    const h = kMetricNames.hub;
    this.#counter(h.busPublished, 'Messages published on the hub\'s bus, per topic.', ['run_id', 'topic'], (emit) => {
      const s = this.#hubStats();
      if (s === undefined) return;
      for (const [topic, t] of Object.entries(s.bus.topics)) emit({ run_id: s.runId, topic }, t.published);
    });
    this.#counter(h.storeFailures, 'Store writes that failed (each is retried).', ['run_id'], (emit) => {
      const s = this.#hubStats();
      if (s?.batcher !== undefined) emit({ run_id: s.runId }, s.batcher.failures);
    });
  }

  // ─── remote write and host identity (read from hub stats at scrape time) ───
  #registerRemoteWrite(): void {
    const r = kMetricNames.remoteWrite;
    const each = (read: (t: ExporterRemoteTarget) => number | null) => (emit: Emit): void => {
      for (const t of this.#hubStats()?.remoteWrite?.targets ?? []) emit({ url: t.url }, read(t));
    };
    this.#gauge(r.rowsBehind, 'Stored rows not yet sent to the remote-write receiver (its queue is the store).', ['url'], each((t) => t.rowsBehind));
    this.#counter(r.samplesSent, 'Samples the remote-write receiver accepted.', ['url'], each((t) => t.samplesSent));
    this.#counter(r.retries, 'Remote-write requests retried (network errors, 429, 5xx).', ['url'], each((t) => t.retries));
    this.#counter(r.refused, 'Samples the remote-write receiver refused for good (4xx), skipped.', ['url'], each((t) => t.refusedSamples));
    this.#counter(r.dropped, 'Samples not sent: cardinality caps, out of order, bad rows.', ['url', 'reason'], (emit) => {
      for (const t of this.#hubStats()?.remoteWrite?.targets ?? []) for (const [reason, c] of Object.entries(t.dropped)) emit({ url: t.url, reason }, c);
    });
    this.#gauge(r.failing, '1 while every remote-write attempt fails, else 0.', ['url'], each((t) => (t.failingSinceMs === null ? 0 : 1)));
    this.#gauge(r.lastSuccess, 'When the remote-write receiver last accepted a request (Unix time).', ['url'], each((t) => (t.lastSuccessMs === null ? null : t.lastSuccessMs / 1000)));
    const kInfo = ['hostname', 'cpu_model', 'cpu_cores', 'mem_total_bytes', 'os', 'os_release', 'kernel', 'arch'] as const;
    this.#gauge(kMetricNames.hostInfo, 'This hub\'s host: id and inventory as labels; the value is 1.', ['host_id', ...kInfo], (emit) => {
      const s = this.#hubStats();
      if (s?.hostId === undefined) return;
      const labels: Labels = { host_id: s.hostId };
      for (const k of kInfo) labels[k] = String(s.host?.[k] ?? '');
      emit(labels, 1);
    });
  }

  #hubStats(): ExporterHubStats | undefined {
    try {
      return this.#o.hubStats?.();
    } catch {
      this.#reject('hub_stats_error');
      return undefined;
    }
  }

  // ─── API ──────────────────────────────────────────────────────────────

  metricsText(): Promise<string> {
    return this.registry.metrics();
  }

  metricsJson(): Promise<unknown[]> {
    return this.registry.getMetricsAsJSON();
  }

  observeFlush(msValue: number, runId?: string): void {
    if (typeof msValue !== 'number' || !Number.isFinite(msValue) || msValue < 0) return;
    this.#flush.observe({ run_id: runId ?? this.#o.runId ?? '' }, msValue / 1000);
  }

  stats(): MetricsCollectorStats {
    return { processes: this.#procs.size, appMetrics: this.#apps.size, appSeries: this.#apps.series, rejected: Object.fromEntries(this.#rejected) };
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#sub.idle();
      this.#sub.unsubscribe();
    })();
    return this.#closing;
  }
}

/**
 * Starts collecting Prometheus metrics from `bus` into a private prom-client
 * Registry (no HTTP server; see {@link startPrometheusExporter}). Throws
 * TypeError/RangeError on bad options.
 */
export function createMetricsCollector(options: MetricsCollectorOptions): MetricsCollector {
  checkObject(options, 'options');
  const { bus, ...rest } = options;
  if (bus === undefined || typeof (bus as Partial<RunBus>).subscribe !== 'function') throw new TypeError('options.bus must be a RunBus');
  return new MetricsCollectorImpl(bus, resolveCollectorOptions(rest, 'createMetricsCollector'));
}

/** @internal for the exporter, which takes the same options plus its own. */
export function createMetricsCollectorResolved(bus: RunBus, o: ResolvedCollectorOptions): MetricsCollector {
  return new MetricsCollectorImpl(bus, o);
}
