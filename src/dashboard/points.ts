// Per-component points: a component may be several processes (a command and
// its children), so one point sums the processes sampled in one sampler tick
// (cpu, rss, GPU, heap, GC pause rate) and takes the worst event-loop lag. Rows of one tick arrive
// together; a row starts a new tick when its pid was already counted or it is
// more than kTickWindowMs after the tick's first row.

import { kComponentFields } from './browser/api.js';
import type { ComponentPoint, ComponentSeries, Series } from './browser/api.js';

export type { ComponentField, ComponentPoint, ComponentSeries } from './browser/api.js';

/** Rows within this of a tick's first row belong to that tick (unless their pid repeats), ms. */
export const kTickWindowMs = 250;

/** The charted figures of a component. */
export { kComponentFields, kDerivedComponentFields } from './browser/api.js';

/** The figures of one process sample. */
export interface ProcessFigures {
  cpu: number | null;
  rss: number | null;
  gpuUtil: number | null;
  gpuMem: number | null;
  lagP99: number | null;
  heapUsed?: number | null;
  heapTotal?: number | null;
  /** GC pause since the process started, ms, every kind summed (see gcTotalMs); a rate is charted. */
  gcMs?: number | null;
}

/** Processes whose last GC figure is kept for rates, per component at most. */
const kMaxGcPids = 4096;

/** The sum of a sample's cumulative GC pause figures (minor, major, incremental, weak callbacks), ms; null when it has none. */
export function gcTotalMs(...kinds: (number | null | undefined)[]): number | null {
  let sum: number | null = null;
  for (const k of kinds) if (typeof k === 'number' && Number.isFinite(k)) sum = (sum ?? 0) + k;
  return sum;
}

/**
 * GC pause rates, ms per second, from each process's cumulative figure. The
 * first sample of a process has no rate; neither has one whose figure went
 * down (the process restarted under the same pid, its counters from zero) —
 * it becomes the new base, so a restart never gives a negative rate.
 */
export class GcRates {
  readonly #last = new Map<number, { t: number; ms: number }>();

  rate(pid: number, t: number, ms: number | null): number | null {
    if (ms === null) return null;
    const prev = this.#last.get(pid);
    this.#last.delete(pid); // re-inserted last: the oldest pid is evicted first
    this.#last.set(pid, { t, ms });
    if (this.#last.size > kMaxGcPids) this.#last.delete(this.#last.keys().next().value!);
    if (prev === undefined || t <= prev.t || ms < prev.ms) return null;
    return ((ms - prev.ms) * 1000) / (t - prev.t);
  }
}

function add(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return a === null ? b : a + b;
}

function max(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return a === null ? b : Math.max(a, b);
}

/** Groups one component's process rows (in time order) into tick points. */
export class TickGrouper {
  #acc: ComponentPoint | null = null;
  readonly #pids = new Set<number>();
  readonly #gc = new GcRates();
  /** When the open tick got its first row (caller's clock), for live flushing. */
  openedAt = 0;

  /** Adds a row; returns the previous tick's point when this row starts a new one. */
  add(t: number, pid: number, f: ProcessFigures, openedAt = 0): ComponentPoint | undefined {
    let done: ComponentPoint | undefined;
    if (this.#acc !== null && (this.#pids.has(pid) || t - this.#acc.t > kTickWindowMs || t < this.#acc.t)) done = this.flush();
    if (this.#acc === null) {
      this.#acc = emptyPoint(t);
      this.openedAt = openedAt;
    }
    const a = this.#acc;
    this.#pids.add(pid);
    a.cpu = add(a.cpu, f.cpu);
    a.rss = add(a.rss, f.rss);
    a.gpuUtil = add(a.gpuUtil, f.gpuUtil);
    a.gpuMem = add(a.gpuMem, f.gpuMem);
    a.lagP99 = max(a.lagP99, f.lagP99);
    a.heapUsed = add(a.heapUsed, f.heapUsed ?? null);
    a.heapTotal = add(a.heapTotal, f.heapTotal ?? null);
    a.gcRate = add(a.gcRate, this.#gc.rate(pid, t, f.gcMs ?? null));
    return done;
  }

  get open(): boolean {
    return this.#acc !== null;
  }

  /** Closes the open tick, if any, and returns its point. */
  flush(): ComponentPoint | undefined {
    const a = this.#acc;
    this.#acc = null;
    this.#pids.clear();
    return a ?? undefined;
  }
}

export function emptyPoint(t: number): ComponentPoint {
  return { t, cpu: null, rss: null, gpuUtil: null, gpuMem: null, lagP99: null, heapUsed: null, heapTotal: null, gcRate: null };
}

export function emptyComponentSeries(): ComponentSeries {
  const s = {} as ComponentSeries;
  for (const f of kComponentFields) s[f] = { t: [], v: [] };
  return s;
}

/** Appends `p` to every figure's series, keeping at most `cap` points each. */
export function appendPoint(s: ComponentSeries, p: ComponentPoint, cap: number): void {
  for (const f of kComponentFields) pushCapped(s[f], p.t, p[f], cap);
}

/** A finite number, or null (the wire's absent and non-finite figures). */
export function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Appends (t, v), keeping the last `cap` points. */
export function pushCapped(s: Series, t: number, v: number | null, cap: number): void {
  s.t.push(t);
  s.v.push(v);
  if (s.t.length > cap) {
    s.t.splice(0, s.t.length - cap);
    s.v.splice(0, s.v.length - cap);
  }
}
