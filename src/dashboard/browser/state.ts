// What the page shows, kept between renders: filled from the live answer
// (the stream's hello frame), grown by tick frames, or replaced by a stored
// run's history. Every live series keeps at most `maxPoints` points.

import type {
  AlertRowView, AlertView, ComponentPoint, ComponentSeries, ContainerView, GpuView, HostInventory, HostSeries,
  HostView, HubSeries, HubView, LiveAnswer, PageStats, RunHistory, Series, TickFrame,
} from './api.js';
import { kComponentFields } from './api.js';


export interface ComponentEntry {
  series: ComponentSeries;
  pids: number[];
  last: ComponentPoint | null;
}

export interface ContainerEntry {
  view: ContainerView;
  cpu: Series;
  mem: Series;
}

/** The page's debug hook, window.__runbus: what the browser tests read. */
export interface DebugHook {
  points: Record<string, number>;
  mode: 'live' | 'history';
  renders: number;
  ticks: number;
  errors: string[];
  storedOnly: boolean;
  runId?: string;
  runs?: number;
  source?: string;
  /** ms since navigation when the script started, when the live state arrived, and when the first render with data finished. */
  startMs?: number;
  liveMs?: number;
  firstPaintMs?: number;
}

export const debug: DebugHook = { points: {}, mode: 'live', renders: 0, ticks: 0, errors: [], storedOnly: false };
(window as unknown as { __runbus: DebugHook }).__runbus = debug;

const emptySeries = (): Series => ({ t: [], v: [] });

/** Appends (t, v) unless the series already reaches t; keeps the last `cap` points. */
function appendPoint(s: Series, t: number, v: number | null, cap: number): void {
  if (s.t.length > 0 && s.t[s.t.length - 1]! >= t) return;
  s.t.push(t);
  s.v.push(v);
  if (s.t.length > cap) {
    s.t.splice(0, s.t.length - cap);
    s.v.splice(0, s.v.length - cap);
  }
}

function alertFromRow(r: AlertRowView): AlertView {
  return {
    key: JSON.stringify([r.rule, r.component, r.pid, r.fired_at_ms]), rule: r.rule, severity: r.severity, state: r.state,
    component: r.component, pid: r.pid, message: r.message ?? '', value: r.value, threshold: r.threshold,
    firedAtMs: r.fired_at_ms, resolvedAtMs: r.resolved_at_ms, tsMs: r.ts_ms,
  };
}

/** The latest non-null figure of each series, at the latest time any had one. */
function lastPoint(series: ComponentSeries): ComponentPoint {
  const p: ComponentPoint = { t: 0, cpu: null, rss: null, gpuUtil: null, gpuMem: null, lagP99: null, heapUsed: null, heapTotal: null, gcRate: null };
  for (const f of kComponentFields) {
    const s = series[f];
    for (let i = s.v.length - 1; i >= 0; i--) {
      const v = s.v[i];
      if (v !== null && v !== undefined) {
        p[f] = v;
        p.t = Math.max(p.t, s.t[i]!);
        break;
      }
    }
  }
  return p;
}

export class PageState {
  mode: 'live' | 'history' = 'live';
  maxPoints = 1000;
  liveRunId: string | null = null;
  components = new Map<string, ComponentEntry>();
  host: HostView | null = null;
  hostSeries: HostSeries | null = null;
  hub: HubView | null = null;
  hubSeries: HubSeries | null = null;
  gpus: GpuView[] = [];
  alerts = new Map<string, AlertView>();
  dashboard: PageStats | null = null;
  containers = new Map<string, ContainerEntry>();
  activeContainers: Series = emptySeries();
  /** Where the figures come from, in words. */
  source = 'live';
  /** Machines in the database; the shown run's host name. */
  hosts: HostInventory[] = [];
  runHost: string | null = null;

  applyLive(live: LiveAnswer): void {
    this.maxPoints = live.maxPoints;
    this.liveRunId = live.runId;
    this.components = new Map(live.components.map((c) => [c.name, { series: c.series, pids: c.pids, last: c.last }]));
    this.host = live.host;
    this.hostSeries = live.host === null ? null : live.host.series;
    this.gpus = live.gpus;
    this.hub = live.hub;
    this.hubSeries = live.hub === null ? null : live.hub.series;
    this.alerts = new Map(live.alerts.map((a) => [a.key, a]));
    this.dashboard = live.dashboard;
    this.#setContainers(live.containers, live.containerSeries.byId, live.containerSeries.active);
    this.source = 'live';
    this.runHost = live.host?.host ?? null;
  }

  #setContainers(views: ContainerView[], byId: { id: string; cpu: Series; mem: Series }[], active: Series): void {
    const series = new Map(byId.map((s) => [s.id, s]));
    this.containers = new Map(views.map((v) => {
      const s = series.get(v.id);
      return [v.id, { view: v, cpu: s?.cpu ?? emptySeries(), mem: s?.mem ?? emptySeries() }];
    }));
    this.activeContainers = active;
  }

  /** Applies a tick frame (live mode only). */
  applyTick(d: TickFrame): void {
    this.dashboard = d.dashboard;
    const cap = this.maxPoints;
    for (const p of d.components) {
      let c = this.components.get(p.name);
      if (c === undefined) {
        const series = {} as ComponentSeries;
        for (const f of kComponentFields) series[f] = emptySeries();
        c = { series, pids: [], last: null };
        this.components.set(p.name, c);
      }
      for (const f of kComponentFields) appendPoint(c.series[f], p.t, p[f], cap);
      c.pids = p.pids;
      c.last = p;
    }
    if (d.host !== null) {
      this.host = d.host.view;
      this.runHost = d.host.view.host;
      const hs = (this.hostSeries ??= { cpu: emptySeries(), mem: emptySeries(), disk: emptySeries() });
      for (const k of ['cpu', 'mem', 'disk'] as const) appendPoint(hs[k], d.host.point.t, d.host.point[k], cap);
    }
    if (d.gpus !== null) this.gpus = d.gpus;
    for (const a of d.alerts) this.alerts.set(a.key, a);
    if (d.hub !== null) {
      this.hub = d.hub.view;
      const hs = (this.hubSeries ??= { flushP50: emptySeries(), flushP99: emptySeries(), queueDepth: emptySeries(), dropped: emptySeries() });
      for (const k of ['flushP50', 'flushP99', 'queueDepth', 'dropped'] as const) appendPoint(hs[k], d.hub.point.t, d.hub.point[k], cap);
    }
    for (const c of d.containers) {
      let e = this.containers.get(c.view.id);
      if (e === undefined) this.containers.set(c.view.id, (e = { view: c.view, cpu: emptySeries(), mem: emptySeries() }));
      e.view = c.view;
      for (const p of c.points) {
        appendPoint(e.cpu, p.t, p.cpu, cap);
        appendPoint(e.mem, p.t, p.mem, cap);
      }
    }
    for (const a of d.activeContainers) appendPoint(this.activeContainers, a.t, a.n, cap);
  }

  applyHistory(h: RunHistory): void {
    this.components = new Map(h.components.map((c) => [c.name, { series: c.series, pids: [], last: lastPoint(c.series) }]));
    this.host = null;
    this.hostSeries = h.host;
    this.hub = null;
    this.hubSeries = h.hub;
    this.gpus = [];
    this.alerts = new Map(h.alerts.map((r) => { const a = alertFromRow(r); return [a.key, a]; }));
    this.#setContainers(h.containers, h.containerSeries.byId, h.containerSeries.active);
    this.source = h.source === 'raw' ? 'raw snapshots' : h.source === 'rollup' ? 'rollups_1m (per-minute averages)' : 'no samples stored';
    this.runHost = h.run.host;
  }

  componentNames(): string[] {
    return [...this.components.keys()].sort();
  }

  /** Whether any component reported event-loop figures (Node processes do; other commands never). */
  hasLoopFigures(): boolean {
    for (const c of this.components.values()) if (c.series.lagP99.v.some((v) => v !== null)) return true;
    return false;
  }
}
