// The exporter's fixed families, read at scrape time from the latest payloads
// the collector keeps. Process, host, GPU and hub families come from the
// figure tables (src/wire/figures.ts): name, help, type and unit factor.

import { figureValue, kGpuFigures, kHeartbeatFigures, kHostFigures, kResourceFigures } from '../wire/index.js';
import type { GpuSnapshot, Heartbeat, HostSnapshot, ResourceSnapshot } from '../wire/index.js';
import { kMetricNames } from './names.js';

export type Labels = Record<string, string>;
export type Emit = (labels: Labels, value: number | null | undefined) => void;
export type Fill = (emit: Emit) => void;

/** Registers a family whose collect() calls `fill` (see the collector's #gauge/#counter). */
export interface FamilySink {
  gauge(name: string, help: string, labelNames: string[], fill: Fill): void;
  counter(name: string, help: string, labelNames: string[], fill: Fill): void;
}

export interface ProcEntry {
  snap: ResourceSnapshot;
  lastMs: number;
  exitedAtMs: number | undefined;
}

/** Counters of removed processes, kept per component so totals never go down. */
export interface Retired {
  labels: Labels;
  values: number[];
  lastMs: number;
}

export interface Stamped<T> {
  value: T;
  lastMs: number;
}

export function key(...parts: (string | number)[]): string {
  return parts.join('\u0000');
}

/** A figure in the family's base unit; a factor below 1 divides, so ms → s is exact as x / 1000. */
function scaler(factor: number): (v: unknown) => number | undefined {
  if (factor === 1) return figureValue;
  const divisor = Math.round(1 / factor);
  return factor < 1 && divisor * factor === 1
    ? (v) => { const x = figureValue(v); return x === undefined ? undefined : x / divisor; }
    : (v) => { const x = figureValue(v); return x === undefined ? undefined : x * factor; };
}

interface ProcessFamilyRead {
  readonly name: string;
  readonly help: string;
  readonly agg: 'sum' | 'max';
  readonly read: (s: ResourceSnapshot) => number | undefined;
}

function processFamilies(type: 'gauge' | 'counter'): ProcessFamilyRead[] {
  return kResourceFigures.flatMap((f) => {
    if (!('prom' in f) || f.prom.type !== type) return [];
    const scale = scaler(f.prom.factor);
    return [{ name: f.prom.name, help: f.prom.help, agg: f.prom.agg, read: (s: ResourceSnapshot) => scale(s[f.key]) }];
  });
}

/** The process figures that are summed (or maxed) per component without `pid`. */
const kProcessGauges = processFamilies('gauge');
/** Cumulative process figures, exported as counters. */
export const kProcessCounters = processFamilies('counter');

/** What the process families read. */
export interface ProcessState {
  readonly withPid: boolean;
  readonly procs: ReadonlyMap<string, ProcEntry>;
  readonly retired: ReadonlyMap<string, Retired>;
}

function procLabels(withPid: boolean, s: ResourceSnapshot): Labels {
  return withPid ? { run_id: s.runId, component: s.component, pid: String(s.pid) } : { run_id: s.runId, component: s.component };
}

/** Per-process figures (per component, without `pid`), and the live process count. */
export function registerProcessFamilies(sink: FamilySink, st: ProcessState): void {
  const labels = st.withPid ? ['run_id', 'component', 'pid'] : ['run_id', 'component'];
  for (const f of kProcessGauges) {
    sink.gauge(f.name, f.help, labels, (emit) => {
      emitProcess(st, f.read, f.agg, undefined, emit);
    });
  }
  for (const [i, f] of kProcessCounters.entries()) {
    sink.counter(f.name, f.help, labels, (emit) => {
      emitProcess(st, f.read, 'sum', i, emit);
    });
  }
  sink.gauge(kMetricNames.process.count, 'Live processes per component.', ['run_id', 'component'], (emit) => {
    const counts = new Map<string, [Labels, number]>();
    for (const p of st.procs.values()) {
      if (p.exitedAtMs !== undefined) continue;
      const k = key(p.snap.runId, p.snap.component);
      const c = counts.get(k) ?? [{ run_id: p.snap.runId, component: p.snap.component }, 0];
      c[1]++;
      counts.set(k, c);
    }
    for (const [l, c] of counts.values()) emit(l, c);
  });
}

/** `counter`: the index in kProcessCounters, whose retired totals count too. */
function emitProcess(st: ProcessState, read: (s: ResourceSnapshot) => number | undefined, agg: 'sum' | 'max', counter: number | undefined, emit: Emit): void {
  if (st.withPid) {
    for (const p of st.procs.values()) emit(procLabels(true, p.snap), read(p.snap));
    return;
  }
  const acc = new Map<string, [Labels, number]>();
  if (counter !== undefined) for (const [k, r] of st.retired) acc.set(k, [r.labels, r.values[counter]!]);
  for (const p of st.procs.values()) {
    const v = read(p.snap);
    if (v === undefined) continue;
    const k = key(p.snap.runId, p.snap.component);
    const cur = acc.get(k);
    if (cur === undefined) acc.set(k, [procLabels(false, p.snap), v]);
    else cur[1] = agg === 'sum' ? cur[1] + v : Math.max(cur[1], v);
  }
  for (const [labels, v] of acc.values()) emit(labels, v);
}

/** Host figures (disk ones per mount). */
export function registerHostFamilies(sink: FamilySink, hosts: ReadonlyMap<string, Stamped<HostSnapshot>>): void {
  for (const f of kHostFigures) {
    const scale = scaler(f.prom.factor);
    if ('disk' in f) {
      sink.gauge(f.prom.name, f.prom.help, ['run_id', 'host', 'mount'], (emit) => {
        for (const { value: s } of hosts.values()) {
          for (const d of s.disks ?? []) emit({ run_id: s.runId, host: s.host ?? '', mount: d.mount ?? '' }, scale(d[f.disk]));
        }
      });
    } else {
      sink.gauge(f.prom.name, f.prom.help, ['run_id', 'host'], (emit) => {
        for (const { value: s } of hosts.values()) emit({ run_id: s.runId, host: s.host ?? '' }, scale(s[f.key]));
      });
    }
  }
}

/** GPU figures, per device. */
export function registerGpuFamilies(sink: FamilySink, gpus: ReadonlyMap<string, Stamped<GpuSnapshot>>): void {
  const labels = ['run_id', 'host', 'gpu', 'gpu_name'];
  for (const f of kGpuFigures) {
    const scale = scaler(f.prom.factor);
    sink.gauge(f.prom.name, f.prom.help, labels, (emit) => {
      for (const { value: s } of gpus.values()) {
        for (const d of s.devices ?? []) emit({ run_id: s.runId, host: s.host ?? '', gpu: String(d.index ?? 0), gpu_name: d.name ?? '' }, scale(d[f.key]));
      }
    });
  }
}

/** The hub's own figures from HEARTBEAT, and its queues'. */
export function registerHeartbeatFamilies(sink: FamilySink, heartbeats: ReadonlyMap<string, Stamped<Heartbeat>>): void {
  const labels = ['run_id', 'component'];
  for (const f of kHeartbeatFigures) {
    const scale = scaler(f.prom.factor);
    const fill: Fill = (emit) => {
      for (const { value: b } of heartbeats.values()) emit({ run_id: b.runId ?? '', component: b.component ?? '' }, scale(b[f.key]));
    };
    if (f.prom.type === 'counter') sink.counter(f.prom.name, f.prom.help, labels, fill);
    else sink.gauge(f.prom.name, f.prom.help, labels, fill);
  }
  const h = kMetricNames.hub;
  const qLabels = ['run_id', 'component', 'queue'];
  const queues = (read: (q: NonNullable<Heartbeat['queues']>[number]) => unknown): Fill => (emit) => {
    for (const { value: b } of heartbeats.values()) {
      for (const q of b.queues ?? []) emit({ run_id: b.runId ?? '', component: b.component ?? '', queue: q.name ?? '' }, figureValue(read(q)));
    }
  };
  sink.gauge(h.queueDepth, 'Messages waiting in a queue.', qLabels, queues((q) => q.depth));
  sink.gauge(h.queueCapacity, 'Capacity of a queue.', qLabels, queues((q) => q.capacity));
  sink.gauge(h.queueHighWater, 'Most messages a queue has held.', qLabels, queues((q) => q.highWater));
  sink.counter(h.queuePublished, 'Messages offered to a queue.', qLabels, queues((q) => q.published));
  sink.counter(h.queueDelivered, 'Messages a queue delivered.', qLabels, queues((q) => q.delivered));
  sink.counter(h.queueDropped, 'Messages a queue dropped (its overflow policy).', qLabels, queues((q) => q.dropped));
}
