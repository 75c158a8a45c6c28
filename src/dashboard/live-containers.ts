// Containers as the live view keeps them: one row per container (identity,
// latest figures, running / exited / cleaned, orphan or not), its cpu and
// memory series, and how many containers each sampler tick saw. Bounded like
// the components: at most `maxContainers` rows (exited ones are evicted
// first), `maxPoints` points per series.

import { LifecycleKind } from '../wire/index.js';
import type { ContainerSnapshot, Lifecycle } from '../wire/index.js';
import type { ContainerPoint, ContainerSeries, ContainerView, LiveDelta, Series } from './browser/api.js';
import { kTickWindowMs, num, pushCapped } from './points.js';

interface Kept {
  view: ContainerView;
  cpu: Series;
  mem: Series;
}

export class LiveContainers {
  readonly #maxPoints: number;
  readonly #maxContainers: number;
  readonly #kept = new Map<string, Kept>();
  readonly #active: Series = { t: [], v: [] };
  /** The tick being counted: its first sample's time, when it opened (caller's clock), and its containers. */
  #tick: { t: number; openedAt: number; ids: Set<string> } | null = null;
  #dRows = new Map<string, { view: ContainerView; points: ContainerPoint[] }>();
  #dActive: { t: number; n: number }[] = [];

  constructor(maxPoints: number, maxContainers: number) {
    this.#maxPoints = maxPoints;
    this.#maxContainers = maxContainers;
  }

  /** The container's row, made on first sight: running when first seen sampled or started, else not known yet. */
  #row(id: string, status: ContainerView['status']): Kept {
    let k = this.#kept.get(id);
    if (k !== undefined) return k;
    if (this.#kept.size >= this.#maxContainers) {
      let victim: string | undefined;
      for (const [key, x] of this.#kept) if (x.view.status !== 'running') { victim = key; break; }
      victim ??= this.#kept.keys().next().value;
      if (victim !== undefined) this.#kept.delete(victim);
    }
    k = {
      view: { id, name: id.slice(0, 12), image: '', status, orphan: false, cleaned: false, exitCode: null, tsMs: null, cpu: null, mem: null, memLimit: null, pids: null, stale: false },
      cpu: { t: [], v: [] },
      mem: { t: [], v: [] },
    };
    this.#kept.set(id, k);
    return k;
  }

  #changed(k: Kept, point: ContainerPoint | null): void {
    let d = this.#dRows.get(k.view.id);
    if (d === undefined) this.#dRows.set(k.view.id, (d = { view: k.view, points: [] }));
    d.view = { ...k.view };
    if (point !== null) d.points.push(point);
  }

  snapshot(s: ContainerSnapshot, now: number): void {
    if (s.containerId === undefined || s.containerId === null || s.containerId === '') return;
    const k = this.#row(s.containerId, 'running');
    const v = k.view;
    if (v.status === 'unknown') v.status = 'running'; // sampled: it runs
    if (s.name) v.name = s.name;
    if (s.image) v.image = s.image;
    v.tsMs = s.tsMs;
    v.cpu = num(s.cpuPercent);
    v.mem = num(s.memBytes);
    v.memLimit = num(s.memLimitBytes);
    v.pids = num(s.pids);
    v.stale = s.stale === true;
    const point: ContainerPoint = { t: s.tsMs, cpu: v.cpu, mem: v.mem };
    pushCapped(k.cpu, point.t, point.cpu, this.#maxPoints);
    pushCapped(k.mem, point.t, point.mem, this.#maxPoints);
    this.#changed(k, point);
    // One sampler tick reads every container at about the same time: a
    // repeated container or a sample past the window starts the next tick.
    const tick = this.#tick;
    if (tick !== null && (tick.ids.has(v.id) || s.tsMs - tick.t > kTickWindowMs || s.tsMs < tick.t)) this.#closeTick();
    this.#tick ??= { t: s.tsMs, openedAt: now, ids: new Set() };
    this.#tick.ids.add(v.id);
  }

  lifecycle(l: Lifecycle): void {
    const id = l.containerId;
    if (id === undefined || id === null || id === '') return;
    if (l.kind !== LifecycleKind.CONTAINER_STARTED && l.kind !== LifecycleKind.CONTAINER_EXITED
      && l.kind !== LifecycleKind.CONTAINER_CLEANED && l.kind !== LifecycleKind.CONTAINER_ORPHANED) return;
    const k = this.#row(id, l.kind === LifecycleKind.CONTAINER_STARTED ? 'running' : 'unknown');
    const v = k.view;
    if (l.component) v.name = l.component;
    if (l.image) v.image = l.image;
    if (l.kind === LifecycleKind.CONTAINER_STARTED) v.status = 'running';
    else if (l.kind === LifecycleKind.CONTAINER_EXITED) {
      if (v.status !== 'cleaned') v.status = 'exited';
      v.exitCode = num(l.exitCode);
    } else if (l.kind === LifecycleKind.CONTAINER_CLEANED) {
      v.status = 'cleaned';
      v.cleaned = true;
    } else v.orphan = true;
    this.#changed(k, null);
  }

  #closeTick(): void {
    const tick = this.#tick;
    if (tick === null) return;
    this.#tick = null;
    pushCapped(this.#active, tick.t, tick.ids.size, this.#maxPoints);
    this.#dActive.push({ t: tick.t, n: tick.ids.size });
  }

  /** Closes a tick whose samples stopped arriving; returns the changes since the last call. */
  takeDelta(now: number): Pick<LiveDelta, 'containers' | 'activeContainers'> {
    if (this.#tick !== null && now - this.#tick.openedAt >= kTickWindowMs) this.#closeTick();
    const d = { containers: [...this.#dRows.values()], activeContainers: this.#dActive };
    this.#dRows = new Map();
    this.#dActive = [];
    return d;
  }

  views(): ContainerView[] {
    return [...this.#kept.values()].map((k) => k.view);
  }

  series(): ContainerSeries {
    return { active: this.#active, byId: [...this.#kept.values()].map((k) => ({ id: k.view.id, name: k.view.name, cpu: k.cpu, mem: k.mem })) };
  }
}
