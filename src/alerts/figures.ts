// What a rule can watch: the figures of each source, and how to read them
// out of a payload as one or more series.

import { figureValue, kGpuFigures, kHeartbeatFigures, kHostFigures, kResourceFigures } from '../wire/index.js';
import type { DiskUsage, GpuDevice, GpuSnapshot, Heartbeat, HostSnapshot, MetricSample, ResourceSnapshot } from '../wire/index.js';

/** Where a rule's figure comes from. */
export type AlertSource = 'resource' | 'host' | 'gpu' | 'heartbeat' | 'metric' | 'orphans';
export const kAlertSources: readonly AlertSource[] = ['resource', 'host', 'gpu', 'heartbeat', 'metric', 'orphans'];

/** One reading of one series. */
export interface FigureReading {
  /** Identity of the series within the rule (run, component, pid, labels). */
  readonly key: string;
  readonly runId: string;
  readonly component: string;
  readonly pid: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  readonly tsMs: number;
}

const num = figureValue;

type Getter<P> = (p: P) => unknown;

function getters<P>(table: readonly { readonly field: string; readonly key?: keyof P; readonly alert?: true }[], all: boolean): Record<string, Getter<P>> {
  const out: Record<string, Getter<P>> = {};
  for (const f of table) {
    const k = f.key;
    if (k !== undefined && (all || f.alert === true)) out[f.field] = (p) => p[k];
  }
  return out;
}

/** Resource (per-process) figures: the figure table's alert figures, snake_case as in the proto and the store. */
export const kResourceFields: Readonly<Record<string, Getter<ResourceSnapshot>>> = getters<ResourceSnapshot>(kResourceFigures, false);

/** Host figures; the disk ones are one series per mount (label `mount`). */
export const kHostFields: Readonly<Record<string, Getter<HostSnapshot>>> = {
  ...getters<HostSnapshot>(kHostFigures, true),
  swap_percent: (p) => {
    const total = num(p.swapTotalBytes);
    const used = num(p.swapUsedBytes);
    return total === undefined || used === undefined || total === 0 ? undefined : (used / total) * 100;
  },
};
/** Per-mount host figures, and what each reads from a DiskUsage. */
const kDiskReads: Readonly<Record<string, keyof DiskUsage>> = Object.fromEntries(kHostFigures.flatMap((f) => ('disk' in f ? [[f.field, f.disk]] : [])));
export const kDiskFields: readonly string[] = Object.keys(kDiskReads);

/** GPU figures, one series per device (labels `gpu` = index, `gpu_name`). */
export const kGpuFields: Readonly<Record<string, Getter<GpuDevice>>> = {
  ...getters<GpuDevice>(kGpuFigures, true),
  mem_percent: (d) => {
    const total = num(d.memTotalBytes);
    const used = num(d.memUsedBytes);
    return total === undefined || used === undefined || total === 0 ? undefined : (used / total) * 100;
  },
};

/** Hub self-metrics from HEARTBEAT. */
export const kHeartbeatFields: Readonly<Record<string, Getter<Heartbeat>>> = {
  ...getters<Heartbeat>(kHeartbeatFigures, true),
  queue_fill_percent: (p) => {
    let max: number | undefined;
    for (const q of p.queues ?? []) {
      const cap = num(q.capacity);
      const depth = num(q.depth);
      if (cap === undefined || depth === undefined || cap === 0) continue;
      max = Math.max(max ?? 0, (depth / cap) * 100);
    }
    return max;
  },
};

/** The field names a source accepts (empty for `metric` and `orphans`). */
export function fieldsOf(source: AlertSource): readonly string[] {
  switch (source) {
    case 'resource': return Object.keys(kResourceFields);
    case 'host': return [...Object.keys(kHostFields), ...kDiskFields];
    case 'gpu': return Object.keys(kGpuFields);
    case 'heartbeat': return Object.keys(kHeartbeatFields);
    case 'metric':
    case 'orphans':
      return [];
  }
}

function sortedLabels(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]!}`).join(',');
}

function reading(runId: string, component: string, pid: number, labels: Record<string, string>, value: number, tsMs: number): FigureReading {
  return { key: `${runId}\u0000${component}\u0000${pid}\u0000${sortedLabels(labels)}`, runId, component, pid, labels, value, tsMs };
}

/** A RESOURCE figure's value alone (what readResource reads), or undefined. */
export function resourceValue(p: ResourceSnapshot, field: string): number | undefined {
  return num(kResourceFields[field]?.(p));
}

export function readResource(p: ResourceSnapshot, field: string): FigureReading | undefined {
  const v = resourceValue(p, field);
  return v === undefined ? undefined : reading(p.runId, p.component, p.pid, {}, v, num(p.tsMs) ?? 0);
}

export function readHost(p: HostSnapshot, field: string, out: FigureReading[]): void {
  const ts = num(p.tsMs) ?? 0;
  const host = p.host ?? '';
  const base: Record<string, string> = host === '' ? {} : { host };
  const disk = kDiskReads[field];
  if (disk !== undefined) {
    for (const d of p.disks ?? []) {
      const v = num(d[disk]);
      if (v !== undefined) out.push(reading(p.runId, '', 0, { ...base, mount: d.mount ?? '' }, v, ts));
    }
    return;
  }
  const v = num(kHostFields[field]?.(p));
  if (v !== undefined) out.push(reading(p.runId, '', 0, base, v, ts));
}

export function readGpu(p: GpuSnapshot, field: string, out: FigureReading[]): void {
  const ts = num(p.tsMs) ?? 0;
  for (const d of p.devices ?? []) {
    const v = num(kGpuFields[field]?.(d));
    if (v === undefined) continue;
    const labels: Record<string, string> = { gpu: String(d.index ?? 0) };
    if (d.name) labels.gpu_name = d.name;
    if (p.host) labels.host = p.host;
    out.push(reading(p.runId, '', 0, labels, v, ts));
  }
}

export function readHeartbeat(p: Heartbeat, field: string): FigureReading | undefined {
  const v = num(kHeartbeatFields[field]?.(p));
  return v === undefined ? undefined : reading(p.runId ?? '', p.component ?? '', num(p.pid) ?? 0, {}, v, num(p.tsMs) ?? 0);
}

/** A METRIC sample, if its name matches and its labels include `want`. */
export function readMetric(p: MetricSample, name: string, want: Readonly<Record<string, string>>): FigureReading | undefined {
  if (p.name !== name) return undefined;
  const labels = p.labels ?? {};
  for (const [k, v] of Object.entries(want)) if (labels[k] !== v) return undefined;
  const v = num(p.value);
  return v === undefined ? undefined : reading(p.runId, p.component ?? '', num(p.pid) ?? 0, { ...labels }, v, num(p.tsMs) ?? 0);
}

export function orphanReading(runId: string, count: number, tsMs: number): FigureReading {
  return reading(runId, '', 0, {}, count, tsMs);
}
