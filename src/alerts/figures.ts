// What a rule can watch: the figures of each source, and how to read them
// out of a payload as one or more series.

import type { GpuSnapshot, Heartbeat, HostSnapshot, MetricSample, ResourceSnapshot } from '../wire/index.js';

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

/** A uint64 figure may arrive as a number or a protobufjs Long. */
export function num(v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'object' && typeof (v as { toNumber?: unknown }).toNumber === 'function') {
    return (v as { toNumber(): number }).toNumber();
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

type Getter<P> = (p: P) => unknown;

/** Resource (per-process) figures, snake_case as in the proto and the store. */
export const kResourceFields: Readonly<Record<string, Getter<ResourceSnapshot>>> = {
  cpu_percent: (p) => p.cpuPercent,
  rss_bytes: (p) => p.rssBytes,
  uss_bytes: (p) => p.ussBytes,
  pss_bytes: (p) => p.pssBytes,
  vms_bytes: (p) => p.vmsBytes,
  threads: (p) => p.threads,
  open_fds: (p) => p.openFds,
  gpu_util_percent: (p) => p.gpuUtilPercent,
  gpu_mem_bytes: (p) => p.gpuMemBytes,
  loop_lag_p50_ms: (p) => p.loopLagP50Ms,
  loop_lag_p99_ms: (p) => p.loopLagP99Ms,
  loop_lag_max_ms: (p) => p.loopLagMaxMs,
  loop_utilization: (p) => p.loopUtilization,
  cpu_user_ms: (p) => p.cpuUserMs,
  cpu_system_ms: (p) => p.cpuSystemMs,
  io_read_bytes: (p) => p.ioReadBytes,
  io_write_bytes: (p) => p.ioWriteBytes,
  ctx_switches_voluntary: (p) => p.ctxSwitchesVoluntary,
  ctx_switches_involuntary: (p) => p.ctxSwitchesInvoluntary,
};

/** Host figures; the disk ones are one series per mount (label `mount`). */
export const kHostFields: Readonly<Record<string, Getter<HostSnapshot>>> = {
  cpu_percent: (p) => p.cpuPercent,
  mem_percent: (p) => p.memPercent,
  mem_available_bytes: (p) => p.memAvailableBytes,
  mem_total_bytes: (p) => p.memTotalBytes,
  load1: (p) => p.load1,
  load5: (p) => p.load5,
  load15: (p) => p.load15,
  cpu_count: (p) => p.cpuCount,
  swap_total_bytes: (p) => p.swapTotalBytes,
  swap_used_bytes: (p) => p.swapUsedBytes,
  swap_percent: (p) => {
    const total = num(p.swapTotalBytes);
    const used = num(p.swapUsedBytes);
    return total === undefined || used === undefined || total === 0 ? undefined : (used / total) * 100;
  },
};
export const kDiskFields = ['disk_percent', 'disk_free_bytes', 'disk_total_bytes'] as const;

/** GPU figures, one series per device (labels `gpu` = index, `gpu_name`). */
export const kGpuFields: Readonly<Record<string, Getter<NonNullable<GpuSnapshot['devices']>[number]>>> = {
  util_percent: (d) => d.utilPercent,
  mem_used_bytes: (d) => d.memUsedBytes,
  mem_total_bytes: (d) => d.memTotalBytes,
  mem_percent: (d) => {
    const total = num(d.memTotalBytes);
    const used = num(d.memUsedBytes);
    return total === undefined || used === undefined || total === 0 ? undefined : (used / total) * 100;
  },
  temperature_c: (d) => d.temperatureC,
  power_w: (d) => d.powerW,
};

/** Hub self-metrics from HEARTBEAT. */
export const kHeartbeatFields: Readonly<Record<string, Getter<Heartbeat>>> = {
  dropped_total: (p) => p.droppedTotal,
  rows_written: (p) => p.rowsWritten,
  flush_p50_ms: (p) => p.flushP50Ms,
  flush_p99_ms: (p) => p.flushP99Ms,
  wal_bytes: (p) => p.walBytes,
  ticks_skipped: (p) => p.ticksSkipped,
  connections: (p) => p.connections,
  uptime_ms: (p) => p.uptimeMs,
  last_batch_size: (p) => p.lastBatchSize,
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

export function readResource(p: ResourceSnapshot, field: string): FigureReading | undefined {
  const v = num(kResourceFields[field]?.(p));
  return v === undefined ? undefined : reading(p.runId, p.component, p.pid, {}, v, num(p.tsMs) ?? 0);
}

export function readHost(p: HostSnapshot, field: string, out: FigureReading[]): void {
  const ts = num(p.tsMs) ?? 0;
  const host = p.host ?? '';
  const base: Record<string, string> = host === '' ? {} : { host };
  if ((kDiskFields as readonly string[]).includes(field)) {
    for (const d of p.disks ?? []) {
      const v = num(field === 'disk_percent' ? d.usedPercent : field === 'disk_free_bytes' ? d.freeBytes : d.totalBytes);
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
