import type { DiskUsage, GpuDevice, Heartbeat, HostSnapshot, ResourceSnapshot } from './types.js';

// The figure tables: each figure a payload carries, described once.
//
//   proto field ─┬─ store column (and public view column)
//                ├─ rollup (count/sum/min/max per minute), or none
//                ├─ Prometheus family: name, unit factor, help, type
//                ├─ alert figure (the rule's `field`)
//                └─ JSON key (JSON log lines, final export, dashboard)
//
// The alert figure, the JSON key and the view column are the proto field's
// own snake_case name. Derived from these tables: the store's column
// positions (kCol), rollup tables and their SQL, the slow-path inserts, the
// exporter's families, the alert figures, the validator's checked doubles.
// The hand-written fast paths (resource-decoder.ts, fast-encode.ts) keep
// their own switch for speed; test/wire/figures.test.ts checks them, the
// .proto and the schema against these tables.

/** How a figure is encoded on the wire. */
export type WireType = 'int64' | 'uint32' | 'uint64' | 'double' | 'string' | 'errors';

/** A Prometheus family one figure is exported as. */
export interface PromFamily {
  /** Its key in kMetricNames (src/export/names.ts). */
  readonly key: string;
  readonly name: string;
  readonly help: string;
  /** Counters are cumulative figures; the rest are gauges. */
  readonly type: 'gauge' | 'counter';
  /** From the proto's unit to the family's base unit (ms → s: 1e-3). */
  readonly factor: number;
}

/** A process family: without `pid`, a component's processes are summed or the largest is taken. */
export interface ProcessFamily extends PromFamily {
  readonly agg: 'sum' | 'max';
}

/** One column of t_snapshot: a ResourceSnapshot field. */
export interface ResourceFigure {
  /** Its key in kCol. */
  readonly col: string;
  /** Column in t_snapshot (`run`, `comp`: ids of t_run, t_component). */
  readonly column: string;
  /** The proto field (snake_case): view column, alert figure, JSON key. */
  readonly field: string;
  /** Its property in ResourceSnapshot. */
  readonly key: keyof ResourceSnapshot;
  /** Its proto field number. */
  readonly number: number;
  readonly type: WireType;
  /** A plain proto3 scalar (not `optional`): absent reads as 0, never NULL. */
  readonly scalar?: true;
  /** Column prefix in t_rollup / rollups_1m, when rolled up per minute. */
  readonly rollup?: string;
  readonly prom?: ProcessFamily;
  /** An alert rule may watch it (source `resource`). */
  readonly alert?: true;
  /** Charted by the dashboard, under the kCol key. */
  readonly dashboard?: true;
}

// Generic, so a family's key and name keep their literal types (FamilyNames).
function g<K extends string, N extends string>(key: K, name: N, help: string, agg: 'sum' | 'max', factor = 1) {
  return { key, name, help, type: 'gauge', agg, factor } as const;
}
function c<K extends string, N extends string>(key: K, name: N, help: string, factor = 1) {
  return { key, name, help, type: 'counter', agg: 'sum', factor } as const;
}

/** ResourceSnapshot, in t_snapshot column order. */
export const kResourceFigures = [
  { col: 'run', column: 'run', field: 'run_id', key: 'runId', number: 2, type: 'string' },
  { col: 'comp', column: 'comp', field: 'component', key: 'component', number: 3, type: 'string' },
  { col: 'pid', column: 'pid', field: 'pid', key: 'pid', number: 4, type: 'uint32', scalar: true },
  { col: 'ts', column: 'ts_ms', field: 'ts_ms', key: 'tsMs', number: 1, type: 'int64', scalar: true },
  {
    col: 'cpu', column: 'cpu_percent', field: 'cpu_percent', key: 'cpuPercent', number: 5, type: 'double', rollup: 'cpu', alert: true, dashboard: true,
    prom: g('cpuPercent', 'runbus_process_cpu_percent', 'Process CPU use; 100 = one core busy.', 'sum'),
  },
  {
    col: 'rss', column: 'rss_bytes', field: 'rss_bytes', key: 'rssBytes', number: 6, type: 'uint64', rollup: 'rss', alert: true, dashboard: true,
    prom: g('rss', 'runbus_process_resident_memory_bytes', 'Resident set size.', 'sum'),
  },
  {
    col: 'uss', column: 'uss_bytes', field: 'uss_bytes', key: 'ussBytes', number: 7, type: 'uint64', rollup: 'uss', alert: true,
    prom: g('uss', 'runbus_process_unique_memory_bytes', 'Unique set size (memory freed if the process exited).', 'sum'),
  },
  {
    col: 'threads', column: 'threads', field: 'threads', key: 'threads', number: 8, type: 'uint32', alert: true,
    prom: g('threads', 'runbus_process_threads', 'Threads.', 'sum'),
  },
  {
    col: 'fds', column: 'open_fds', field: 'open_fds', key: 'openFds', number: 9, type: 'uint32', alert: true,
    prom: g('openFds', 'runbus_process_open_fds', 'Open file descriptors.', 'sum'),
  },
  {
    col: 'gpuUtil', column: 'gpu_util_percent', field: 'gpu_util_percent', key: 'gpuUtilPercent', number: 10, type: 'double', rollup: 'gpu_util', alert: true, dashboard: true,
    prom: g('gpuUtil', 'runbus_process_gpu_utilization_percent', 'GPU utilization attributed to the process.', 'sum'),
  },
  {
    col: 'gpuMem', column: 'gpu_mem_bytes', field: 'gpu_mem_bytes', key: 'gpuMemBytes', number: 11, type: 'uint64', rollup: 'gpu_mem', alert: true, dashboard: true,
    prom: g('gpuMem', 'runbus_process_gpu_memory_bytes', 'GPU memory used by the process.', 'sum'),
  },
  {
    col: 'lagP99', column: 'loop_lag_p99_ms', field: 'loop_lag_p99_ms', key: 'loopLagP99Ms', number: 12, type: 'double', rollup: 'loop_lag_p99', alert: true, dashboard: true,
    prom: g('lagP99', 'runbus_process_event_loop_lag_p99_seconds', 'Event-loop lag, 99th percentile over the interval.', 'max', 1e-3),
  },
  {
    col: 'cpuUser', column: 'cpu_user_ms', field: 'cpu_user_ms', key: 'cpuUserMs', number: 13, type: 'double', alert: true,
    prom: c('cpuUser', 'runbus_process_cpu_user_seconds_total', 'CPU time in user mode.', 1e-3),
  },
  {
    col: 'cpuSystem', column: 'cpu_system_ms', field: 'cpu_system_ms', key: 'cpuSystemMs', number: 14, type: 'double', alert: true,
    prom: c('cpuSystem', 'runbus_process_cpu_system_seconds_total', 'CPU time in kernel mode.', 1e-3),
  },
  {
    col: 'pss', column: 'pss_bytes', field: 'pss_bytes', key: 'pssBytes', number: 15, type: 'uint64', alert: true,
    prom: g('pss', 'runbus_process_proportional_memory_bytes', 'Proportional set size.', 'sum'),
  },
  {
    col: 'vms', column: 'vms_bytes', field: 'vms_bytes', key: 'vmsBytes', number: 16, type: 'uint64', alert: true,
    prom: g('vms', 'runbus_process_virtual_memory_bytes', 'Virtual memory size.', 'sum'),
  },
  {
    col: 'ioRead', column: 'io_read_bytes', field: 'io_read_bytes', key: 'ioReadBytes', number: 17, type: 'uint64', alert: true,
    prom: c('ioRead', 'runbus_process_io_read_bytes_total', 'Bytes read from storage.'),
  },
  {
    col: 'ioWrite', column: 'io_write_bytes', field: 'io_write_bytes', key: 'ioWriteBytes', number: 18, type: 'uint64', alert: true,
    prom: c('ioWrite', 'runbus_process_io_write_bytes_total', 'Bytes written to storage.'),
  },
  { col: 'ctxVol', column: 'ctx_switches_voluntary', field: 'ctx_switches_voluntary', key: 'ctxSwitchesVoluntary', number: 19, type: 'uint64', alert: true },
  { col: 'ctxInvol', column: 'ctx_switches_involuntary', field: 'ctx_switches_involuntary', key: 'ctxSwitchesInvoluntary', number: 20, type: 'uint64', alert: true },
  { col: 'state', column: 'state', field: 'state', key: 'state', number: 21, type: 'string' },
  {
    col: 'lagP50', column: 'loop_lag_p50_ms', field: 'loop_lag_p50_ms', key: 'loopLagP50Ms', number: 22, type: 'double', alert: true,
    prom: g('lagP50', 'runbus_process_event_loop_lag_p50_seconds', 'Event-loop lag, median over the interval.', 'max', 1e-3),
  },
  {
    col: 'lagMax', column: 'loop_lag_max_ms', field: 'loop_lag_max_ms', key: 'loopLagMaxMs', number: 23, type: 'double', alert: true,
    prom: g('lagMax', 'runbus_process_event_loop_lag_max_seconds', 'Event-loop lag, maximum over the interval.', 'max', 1e-3),
  },
  {
    col: 'elu', column: 'loop_utilization', field: 'loop_utilization', key: 'loopUtilization', number: 24, type: 'double', rollup: 'loop_utilization', alert: true,
    prom: g('loopUtil', 'runbus_process_event_loop_utilization_ratio', 'Event-loop utilization (0..1).', 'max'),
  },
  { col: 'ppid', column: 'ppid', field: 'ppid', key: 'ppid', number: 25, type: 'uint32', scalar: true },
  { col: 'command', column: 'command', field: 'command', key: 'command', number: 26, type: 'string' },
  { col: 'errors', column: 'errors', field: 'errors', key: 'errors', number: 27, type: 'errors' },
  // Runtime figures of a Node.js process that embeds the bus (bus/loop-sampler.ts).
  {
    col: 'heapUsed', column: 'heap_used_bytes', field: 'heap_used_bytes', key: 'heapUsedBytes', number: 28, type: 'uint64', dashboard: true,
    prom: g('heapUsed', 'runbus_process_heap_used_bytes', 'V8 heap in use.', 'sum'),
  },
  {
    col: 'heapTotal', column: 'heap_total_bytes', field: 'heap_total_bytes', key: 'heapTotalBytes', number: 29, type: 'uint64', dashboard: true,
    prom: g('heapTotal', 'runbus_process_heap_total_bytes', 'V8 heap allocated.', 'sum'),
  },
  {
    col: 'external', column: 'external_bytes', field: 'external_bytes', key: 'externalBytes', number: 30, type: 'uint64',
    prom: g('external', 'runbus_process_external_memory_bytes', 'Memory of C++ objects bound to JavaScript objects, array buffers included.', 'sum'),
  },
  {
    col: 'arrayBuffers', column: 'array_buffers_bytes', field: 'array_buffers_bytes', key: 'arrayBuffersBytes', number: 31, type: 'uint64',
    prom: g('arrayBuffers', 'runbus_process_array_buffers_bytes', 'Memory of ArrayBuffers and SharedArrayBuffers.', 'sum'),
  },
  {
    col: 'gcMinor', column: 'gc_minor_ms', field: 'gc_minor_ms', key: 'gcMinorMs', number: 32, type: 'double',
    prom: c('gcMinor', 'runbus_process_gc_minor_pause_seconds_total', 'Time spent in minor GC (scavenge) pauses.', 1e-3),
  },
  {
    col: 'gcMajor', column: 'gc_major_ms', field: 'gc_major_ms', key: 'gcMajorMs', number: 33, type: 'double',
    prom: c('gcMajor', 'runbus_process_gc_major_pause_seconds_total', 'Time spent in major GC (mark-sweep-compact) pauses.', 1e-3),
  },
  {
    col: 'gcIncremental', column: 'gc_incremental_ms', field: 'gc_incremental_ms', key: 'gcIncrementalMs', number: 34, type: 'double',
    prom: c('gcIncremental', 'runbus_process_gc_incremental_pause_seconds_total', 'Time spent in incremental GC marking pauses.', 1e-3),
  },
  {
    col: 'gcWeakcb', column: 'gc_weakcb_ms', field: 'gc_weakcb_ms', key: 'gcWeakcbMs', number: 35, type: 'double',
    prom: c('gcWeakcb', 'runbus_process_gc_weakcb_pause_seconds_total', 'Time spent in GC weak-callback pauses.', 1e-3),
  },
  {
    col: 'activeResources', column: 'active_resources', field: 'active_resources', key: 'activeResources', number: 36, type: 'uint32',
    prom: g('activeResources', 'runbus_process_active_resources', 'libuv handles and requests keeping the event loop alive.', 'sum'),
  },
] as const satisfies readonly ResourceFigure[];

type ResourceCol = (typeof kResourceFigures)[number]['col'];

/** Column index in t_snapshot (and in ResourceRow.values) of each figure. */
export const kCol = Object.fromEntries(kResourceFigures.map((f, i) => [f.col, i])) as Readonly<Record<ResourceCol, number>>;
/** Columns of t_snapshot. */
export const kSnapshotColumns = kResourceFigures.length;

/** One figure of HostSnapshot (or, per mount, of its DiskUsage). */
export interface HostFigure {
  /** The proto field (snake_case) or, per mount, `disk_` + DiskUsage's: column, alert figure, JSON key. */
  readonly field: string;
  /** Its property in HostSnapshot … */
  readonly key?: keyof HostSnapshot;
  /** … or in each DiskUsage (one series per mount; the store keeps the first disk's). */
  readonly disk?: keyof DiskUsage;
  /** Its proto field number (in HostSnapshot or DiskUsage). */
  readonly number: number;
  readonly type: WireType;
  /** Stored as a column of t_host_snapshot / host_snapshots. */
  readonly column?: true;
  /** Column prefix in t_host_rollup / host_rollups_1m. */
  readonly rollup?: string;
  readonly prom?: PromFamily;
}

function hg<K extends string, N extends string>(key: K, name: N, help: string, factor = 1) {
  return { key, name, help, type: 'gauge', factor } as const;
}

/**
 * HostSnapshot figures; every one is an alert figure (source `host`). Rolled-up
 * figures keep the t_host_rollup column order (cpu, mem, mem_available, disk, load1).
 */
export const kHostFigures = [
  { field: 'cpu_percent', key: 'cpuPercent', number: 4, type: 'double', column: true, rollup: 'cpu', prom: hg('cpuPercent', 'runbus_host_cpu_percent', 'Host CPU use; 100 = every core busy.') },
  { field: 'mem_percent', key: 'memPercent', number: 7, type: 'double', column: true, rollup: 'mem', prom: hg('memPercent', 'runbus_host_memory_used_percent', 'Host memory in use, (total - available) / total * 100.') },
  { field: 'mem_available_bytes', key: 'memAvailableBytes', number: 6, type: 'uint64', column: true, rollup: 'mem_available', prom: hg('memAvailable', 'runbus_host_memory_available_bytes', 'Host memory available.') },
  { field: 'mem_total_bytes', key: 'memTotalBytes', number: 5, type: 'uint64', column: true, prom: hg('memTotal', 'runbus_host_memory_total_bytes', 'Host memory in total.') },
  { field: 'disk_percent', disk: 'usedPercent', number: 2, type: 'double', column: true, rollup: 'disk', prom: hg('diskPercent', 'runbus_host_disk_used_percent', 'Disk space in use, per mount.') },
  { field: 'disk_free_bytes', disk: 'freeBytes', number: 3, type: 'uint64', column: true, prom: hg('diskFree', 'runbus_host_disk_free_bytes', 'Disk space free, per mount.') },
  { field: 'disk_total_bytes', disk: 'totalBytes', number: 4, type: 'uint64', prom: hg('diskTotal', 'runbus_host_disk_total_bytes', 'Disk space in total, per mount.') },
  { field: 'load1', key: 'load1', number: 9, type: 'double', column: true, rollup: 'load1', prom: hg('load1', 'runbus_host_load1', 'Load average over 1 minute.') },
  { field: 'load5', key: 'load5', number: 10, type: 'double', column: true, prom: hg('load5', 'runbus_host_load5', 'Load average over 5 minutes.') },
  { field: 'load15', key: 'load15', number: 11, type: 'double', column: true, prom: hg('load15', 'runbus_host_load15', 'Load average over 15 minutes.') },
  { field: 'cpu_count', key: 'cpuCount', number: 12, type: 'uint32', column: true, prom: hg('cpus', 'runbus_host_cpus', 'CPU cores.') },
  { field: 'swap_total_bytes', key: 'swapTotalBytes', number: 13, type: 'uint64', column: true, prom: hg('swapTotal', 'runbus_host_swap_total_bytes', 'Swap in total.') },
  { field: 'swap_used_bytes', key: 'swapUsedBytes', number: 14, type: 'uint64', column: true, prom: hg('swapUsed', 'runbus_host_swap_used_bytes', 'Swap in use.') },
] as const satisfies readonly HostFigure[];

/** One figure of each GpuDevice: column of t_gpu, alert figure (source `gpu`), Prometheus family. */
export interface GpuFigure {
  readonly field: string;
  readonly key: keyof GpuDevice;
  readonly number: number;
  readonly type: WireType;
  readonly prom: PromFamily;
}

export const kGpuFigures = [
  { field: 'util_percent', key: 'utilPercent', number: 4, type: 'double', prom: hg('util', 'runbus_gpu_utilization_percent', 'GPU utilization.') },
  { field: 'mem_used_bytes', key: 'memUsedBytes', number: 5, type: 'uint64', prom: hg('memUsed', 'runbus_gpu_memory_used_bytes', 'GPU memory in use.') },
  { field: 'mem_total_bytes', key: 'memTotalBytes', number: 6, type: 'uint64', prom: hg('memTotal', 'runbus_gpu_memory_total_bytes', 'GPU memory in total.') },
  { field: 'temperature_c', key: 'temperatureC', number: 7, type: 'double', prom: hg('temperature', 'runbus_gpu_temperature_celsius', 'GPU temperature.') },
  { field: 'power_w', key: 'powerW', number: 8, type: 'double', prom: hg('power', 'runbus_gpu_power_watts', 'GPU power draw.') },
] as const satisfies readonly GpuFigure[];

/** One figure of Heartbeat: column of t_heartbeat, alert figure (source `heartbeat`), Prometheus family. */
export interface HeartbeatFigure {
  readonly field: string;
  readonly key: keyof Heartbeat;
  readonly number: number;
  readonly type: WireType;
  readonly prom: PromFamily;
}

function hc<K extends string, N extends string>(key: K, name: N, help: string) {
  return { key, name, help, type: 'counter', factor: 1 } as const;
}

/** Heartbeat figures, in t_heartbeat column order. */
export const kHeartbeatFigures = [
  { field: 'uptime_ms', key: 'uptimeMs', number: 5, type: 'uint64', prom: hg('uptime', 'runbus_hub_uptime_seconds', 'Seconds since the hub started.', 1e-3) },
  { field: 'rows_written', key: 'rowsWritten', number: 8, type: 'uint64', prom: hc('rowsWritten', 'runbus_hub_rows_written_total', 'Rows written to the store.') },
  { field: 'dropped_total', key: 'droppedTotal', number: 7, type: 'uint64', prom: hc('dropped', 'runbus_hub_dropped_total', 'Messages dropped by the hub\'s queues (all of them).') },
  {
    field: 'flush_p50_ms', key: 'flushP50Ms', number: 9, type: 'double',
    prom: hg('flushP50', 'runbus_hub_flush_p50_seconds', 'Store flush latency, median of the last 512 flushes.', 1e-3),
  },
  {
    field: 'flush_p99_ms', key: 'flushP99Ms', number: 10, type: 'double',
    prom: hg('flushP99', 'runbus_hub_flush_p99_seconds', 'Store flush latency, 99th percentile of the last 512 flushes.', 1e-3),
  },
  { field: 'wal_bytes', key: 'walBytes', number: 11, type: 'uint64', prom: hg('walBytes', 'runbus_hub_wal_bytes', 'Size of the store\'s write-ahead log.') },
  { field: 'last_batch_size', key: 'lastBatchSize', number: 12, type: 'uint32', prom: hg('lastBatchSize', 'runbus_hub_last_batch_size', 'Envelopes in the last store batch.') },
  {
    field: 'ticks_skipped', key: 'ticksSkipped', number: 13, type: 'uint64',
    prom: hc('ticksSkipped', 'runbus_hub_ticks_skipped_total', 'Sampler ticks skipped because the previous one was still running.'),
  },
  { field: 'connections', key: 'connections', number: 14, type: 'uint32', prom: hg('connections', 'runbus_hub_connections', 'Remote buses connected over the socket.') },
] as const satisfies readonly HeartbeatFigure[];

/** The kMetricNames group of a figure table: key → family name. */
export type FamilyNames<T extends readonly { readonly field: string; readonly prom?: PromFamily }[]> = {
  readonly [F in T[number] as F extends { readonly prom: { readonly key: infer K extends string } } ? K : never]: F extends { readonly prom: { readonly name: infer N } } ? N : never;
};

/** key → family name of every figure in `table` that is exported. */
export function familyNames<T extends readonly { readonly field: string; readonly prom?: PromFamily }[]>(table: T): FamilyNames<T> {
  const out: Record<string, string> = {};
  for (const f of table) if (f.prom !== undefined) out[f.prom.key] = f.prom.name;
  return out as FamilyNames<T>;
}

/**
 * A figure read from a payload: the wire layer hands every 64-bit field over
 * as a number (never a protobufjs Long); a figure that is absent, or not a
 * finite number, is undefined.
 */
export function figureValue(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
