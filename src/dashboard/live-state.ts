// The live view: what the bus said lately, bounded everywhere (components,
// points per series, processes, alerts), plus the changes since the last
// push, which the dashboard sends to every browser as one SSE frame.

import { AlertState, LifecycleKind, severityName, Topic } from '../wire/index.js';
import type { Alert, ContainerSnapshot, GpuSnapshot, Heartbeat, HostSnapshot, Lifecycle, ResourceSnapshot, TopicPayloads } from '../wire/index.js';
import type { AlertView, ComponentPoint, ComponentSeries, GpuView, HostPoint, HostView, HubPoint, HubView, LiveDelta, LiveSnapshot, Series } from './browser/api.js';
import { LiveContainers } from './live-containers.js';
import { appendPoint, emptyComponentSeries, gcTotalMs, kTickWindowMs, num, pushCapped, TickGrouper } from './points.js';

export type { AlertView, ComponentView, GpuView, HostPoint, HostView, HubPoint, HubView, LiveDelta, LiveSnapshot } from './browser/api.js';

/** A process not sampled for this long no longer counts in its component's figures, ms. */
const kProcessStaleMs = 15_000;
/** Alerts kept (firing ones are evicted last). */
const kMaxAlerts = 500;

interface ComponentState {
  name: string;
  grouper: TickGrouper;
  procs: Map<number, number>;
  lastSeenMs: number;
  last: ComponentPoint | null;
  series: ComponentSeries;
}



export function alertView(a: Alert): AlertView {
  const firedAtMs = num(a.firedAtMs) ?? a.tsMs;
  return {
    key: JSON.stringify([a.rule, a.component ?? '', a.pid ?? 0, firedAtMs]),
    rule: a.rule,
    severity: severityName(a.severity),
    state: a.state === AlertState.FIRING ? 'firing' : a.state === AlertState.RESOLVED ? 'resolved' : 'unspecified',
    component: a.component ?? '',
    pid: a.pid === undefined || a.pid === null || a.pid === 0 ? null : a.pid,
    message: a.message ?? '',
    value: num(a.value),
    threshold: num(a.threshold),
    firedAtMs,
    resolvedAtMs: num(a.resolvedAtMs),
    tsMs: a.tsMs,
  };
}

export interface LiveStateOptions {
  maxPoints: number;
  maxComponents: number;
  now?: () => number;
}

export class LiveState {
  readonly #o: LiveStateOptions;
  readonly #now: () => number;
  readonly #components = new Map<string, ComponentState>();
  #evicted = 0;
  #host: HostView | null = null;
  readonly #hostSeries = { cpu: { t: [], v: [] } as Series, mem: { t: [], v: [] } as Series, disk: { t: [], v: [] } as Series };
  #gpus: GpuView[] = [];
  readonly #alerts = new Map<string, AlertView>();
  #hub: HubView | null = null;
  readonly #containers: LiveContainers;
  readonly #hubSeries = { flushP50: { t: [], v: [] } as Series, flushP99: { t: [], v: [] } as Series, queueDepth: { t: [], v: [] } as Series, dropped: { t: [], v: [] } as Series };
  // The pending delta.
  #dComponents: LiveDelta['components'] = [];
  #dHost: LiveDelta['host'] = null;
  #dGpus: GpuView[] | null = null;
  #dAlerts = new Map<string, AlertView>();
  #dHub: LiveDelta['hub'] = null;

  constructor(options: LiveStateOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#containers = new LiveContainers(options.maxPoints, options.maxComponents);
  }

  /** Takes one bus message. */
  ingest(payload: TopicPayloads[Topic], topic: Topic): void {
    switch (topic) {
      case Topic.RESOURCE: this.#resource(payload as ResourceSnapshot); break;
      case Topic.HOST: this.#hostSnap(payload as HostSnapshot); break;
      case Topic.GPU: this.#gpu(payload as GpuSnapshot); break;
      case Topic.ALERT: this.#alert(payload as Alert); break;
      case Topic.HEARTBEAT: this.#heartbeat(payload); break;
      case Topic.LIFECYCLE: this.#lifecycle(payload as Lifecycle); break;
      case Topic.CONTAINER: this.#containers.snapshot(payload as ContainerSnapshot, this.#now()); break;
      default: break;
    }
  }

  #component(name: string): ComponentState {
    let c = this.#components.get(name);
    if (c !== undefined) return c;
    if (this.#components.size >= this.#o.maxComponents) {
      let oldest: ComponentState | undefined;
      for (const x of this.#components.values()) if (oldest === undefined || x.lastSeenMs < oldest.lastSeenMs) oldest = x;
      if (oldest !== undefined) this.#components.delete(oldest.name);
      this.#evicted++;
    }
    c = { name, grouper: new TickGrouper(), procs: new Map(), lastSeenMs: 0, last: null, series: emptyComponentSeries() };
    this.#components.set(name, c);
    return c;
  }

  #resource(s: ResourceSnapshot): void {
    const c = this.#component(s.component);
    const now = this.#now();
    c.lastSeenMs = now;
    c.procs.set(s.pid, now);
    const done = c.grouper.add(s.tsMs, s.pid, {
      cpu: num(s.cpuPercent), rss: num(s.rssBytes), gpuUtil: num(s.gpuUtilPercent), gpuMem: num(s.gpuMemBytes), lagP99: num(s.loopLagP99Ms),
      heapUsed: num(s.heapUsedBytes), heapTotal: num(s.heapTotalBytes), gcMs: gcTotalMs(s.gcMinorMs, s.gcMajorMs, s.gcIncrementalMs, s.gcWeakcbMs),
    }, now);
    if (done !== undefined) this.#point(c, done);
  }

  #point(c: ComponentState, p: ComponentPoint): void {
    c.last = p;
    appendPoint(c.series, p, this.#o.maxPoints);
    this.#dComponents.push({ ...p, name: c.name, pids: [...c.procs.keys()] });
  }

  #hostSnap(h: HostSnapshot): void {
    const disks = (h.disks ?? []).map((d) => ({ mount: d.mount ?? '', usedPercent: num(d.usedPercent), freeBytes: num(d.freeBytes) }));
    const view: HostView = {
      host: h.host ?? '', tsMs: h.tsMs, cpu: num(h.cpuPercent), mem: num(h.memPercent), memAvailableBytes: num(h.memAvailableBytes),
      memTotalBytes: num(h.memTotalBytes), load1: num(h.load1), cpuCount: num(h.cpuCount), disks,
    };
    const point: HostPoint = { t: h.tsMs, cpu: view.cpu, mem: view.mem, disk: disks[0]?.usedPercent ?? null };
    this.#host = view;
    const cap = this.#o.maxPoints;
    pushCapped(this.#hostSeries.cpu, point.t, point.cpu, cap);
    pushCapped(this.#hostSeries.mem, point.t, point.mem, cap);
    pushCapped(this.#hostSeries.disk, point.t, point.disk, cap);
    this.#dHost = { view, point };
  }

  #gpu(g: GpuSnapshot): void {
    this.#gpus = (g.devices ?? []).slice(0, 64).map((d) => ({
      index: d.index ?? 0, name: d.name ?? '', utilPercent: num(d.utilPercent), memUsedBytes: num(d.memUsedBytes),
      memTotalBytes: num(d.memTotalBytes), temperatureC: num(d.temperatureC),
    }));
    this.#dGpus = this.#gpus;
  }

  #alert(a: Alert): void {
    const v = alertView(a);
    this.#alerts.delete(v.key);
    this.#alerts.set(v.key, v);
    if (this.#alerts.size > kMaxAlerts) {
      // Oldest resolved first; else the oldest.
      let victim: string | undefined;
      for (const [k, x] of this.#alerts) if (x.state !== 'firing') { victim = k; break; }
      victim ??= this.#alerts.keys().next().value;
      if (victim !== undefined) this.#alerts.delete(victim);
    }
    this.#dAlerts.set(v.key, v);
  }

  #heartbeat(h: Heartbeat): void {
    const queues = (h.queues ?? []).slice(0, 100).map((q) => ({ name: q.name ?? '', depth: (q.depth ?? 0), capacity: (q.capacity ?? 0), dropped: (q.dropped ?? 0) }));
    const view: HubView = {
      tsMs: h.tsMs, uptimeMs: (h.uptimeMs ?? 0), droppedTotal: (h.droppedTotal ?? 0),
      // Remote write's "queue" is the store itself (rows behind), not a hub queue.
      queueDepth: queues.reduce((a, q) => a + (q.name === 'remote-write' ? 0 : q.depth), 0), queues,
      flushP50Ms: num(h.flushP50Ms), flushP99Ms: num(h.flushP99Ms), rowsWritten: (h.rowsWritten ?? 0),
      walBytes: num(h.walBytes), connections: h.connections ?? 0,
    };
    const point: HubPoint = { t: h.tsMs, flushP50: view.flushP50Ms, flushP99: view.flushP99Ms, queueDepth: view.queueDepth, dropped: view.droppedTotal };
    this.#hub = view;
    const cap = this.#o.maxPoints;
    pushCapped(this.#hubSeries.flushP50, point.t, point.flushP50, cap);
    pushCapped(this.#hubSeries.flushP99, point.t, point.flushP99, cap);
    pushCapped(this.#hubSeries.queueDepth, point.t, point.queueDepth, cap);
    pushCapped(this.#hubSeries.dropped, point.t, point.dropped, cap);
    this.#dHub = { view, point };
  }

  #lifecycle(l: Lifecycle): void {
    this.#containers.lifecycle(l);
    // An exited process leaves its component; a renamed one leaves its old name.
    const from = l.kind === LifecycleKind.PROCESS_EXITED ? l.component : l.kind === LifecycleKind.PROCESS_RENAMED ? l.previousComponent : undefined;
    if (from === undefined || from === null) return;
    this.#components.get(from)?.procs.delete(l.pid ?? 0);
  }

  /**
   * Closes ticks whose rows have stopped arriving, forgets processes not
   * sampled lately, and returns the changes since the last call (null when
   * there are none).
   */
  takeDelta(): LiveDelta | null {
    const now = this.#now();
    for (const c of this.#components.values()) {
      if (c.grouper.open && now - c.grouper.openedAt >= kTickWindowMs) {
        const p = c.grouper.flush();
        if (p !== undefined) this.#point(c, p);
      }
      for (const [pid, seen] of c.procs) if (now - seen > kProcessStaleMs) c.procs.delete(pid);
    }
    const containers = this.#containers.takeDelta(now);
    if (this.#dComponents.length === 0 && this.#dHost === null && this.#dGpus === null && this.#dAlerts.size === 0 && this.#dHub === null
      && containers.containers.length === 0 && containers.activeContainers.length === 0) return null;
    const d: LiveDelta = { tsMs: now, components: this.#dComponents, host: this.#dHost, gpus: this.#dGpus, alerts: [...this.#dAlerts.values()], hub: this.#dHub, ...containers };
    this.#dComponents = [];
    this.#dHost = null;
    this.#dGpus = null;
    this.#dAlerts = new Map();
    this.#dHub = null;
    return d;
  }

  /** Everything kept, for /api/live. */
  snapshot(): LiveSnapshot {
    const components = [...this.#components.values()]
      .map((c) => ({ name: c.name, pids: [...c.procs.keys()], lastSeenMs: c.lastSeenMs, last: c.last, series: c.series }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      components,
      evictedComponents: this.#evicted,
      host: this.#host === null ? null : { ...this.#host, series: this.#hostSeries },
      gpus: this.#gpus,
      alerts: [...this.#alerts.values()].reverse(),
      hub: this.#hub === null ? null : { ...this.#hub, series: this.#hubSeries },
      containers: this.#containers.views(),
      containerSeries: this.#containers.series(),
    };
  }
}
