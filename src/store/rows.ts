// Row shapes of the public views (docs/schema.md). Column names are the
// views' own, snake_case, so SQL, JSON and CSV all use the same names.
// Absent figures are null. Times are epoch milliseconds.

import type { SeverityName } from '../wire/index.js';

export interface RunRow {
  run_id: string;
  /** From RUN_STARTED, else the first row seen. */
  started_at_ms: number | null;
  ended_at_ms: number | null;
  command: string | null;
  exit_code: number | null;
  host: string | null;
  signal: string | null;
  first_ts_ms: number | null;
  last_ts_ms: number | null;
}

export interface SnapshotRow {
  run_id: string;
  component: string;
  pid: number;
  ts_ms: number;
  /** 100 = one core busy. */
  cpu_percent: number | null;
  rss_bytes: number | null;
  uss_bytes: number | null;
  threads: number | null;
  open_fds: number | null;
  gpu_util_percent: number | null;
  gpu_mem_bytes: number | null;
  loop_lag_p99_ms: number | null;
  cpu_user_ms: number | null;
  cpu_system_ms: number | null;
  pss_bytes: number | null;
  vms_bytes: number | null;
  io_read_bytes: number | null;
  io_write_bytes: number | null;
  ctx_switches_voluntary: number | null;
  ctx_switches_involuntary: number | null;
  state: string | null;
  loop_lag_p50_ms: number | null;
  loop_lag_max_ms: number | null;
  loop_utilization: number | null;
  ppid: number | null;
  command: string | null;
  /** JSON array of {figure, reason}, or null. */
  errors: string | null;
  /** Runtime figures of a Node.js process that reports them (schema version 4 on). */
  heap_used_bytes: number | null;
  heap_total_bytes: number | null;
  external_bytes: number | null;
  array_buffers_bytes: number | null;
  /** GC pause time by kind, ms, cumulative. */
  gc_minor_ms: number | null;
  gc_major_ms: number | null;
  gc_incremental_ms: number | null;
  gc_weakcb_ms: number | null;
  active_resources: number | null;
}

export interface HostSnapshotRow {
  run_id: string;
  ts_ms: number;
  /** 100 = every core busy. */
  cpu_percent: number | null;
  mem_percent: number | null;
  mem_available_bytes: number | null;
  /** Of the first disk reported. */
  disk_percent: number | null;
  disk_free_bytes: number | null;
  host: string | null;
  mem_total_bytes: number | null;
  disk_mount: string | null;
  /** JSON array of every disk, or null. */
  disks: string | null;
  load1: number | null;
  load5: number | null;
  load15: number | null;
  cpu_count: number | null;
  swap_total_bytes: number | null;
  swap_used_bytes: number | null;
  errors: string | null;
}

export interface GpuSnapshotRow {
  run_id: string;
  ts_ms: number;
  host: string | null;
  device_index: number | null;
  uuid: string | null;
  name: string | null;
  util_percent: number | null;
  mem_used_bytes: number | null;
  mem_total_bytes: number | null;
  temperature_c: number | null;
  power_w: number | null;
  processes: string | null;
}

/** count/sum/avg/min/max columns of one figure in a rollup row. */
type Stat<P extends string> = {
  [K in `${P}_count`]: number;
} & {
  [K in `${P}_sum` | `${P}_avg` | `${P}_min` | `${P}_max`]: number | null;
};

export type RollupRow = {
  run_id: string;
  component: string;
  /** Start of the minute. */
  minute_ms: number;
  samples: number;
} & Stat<'cpu'> &
  Stat<'rss'> &
  Stat<'uss'> &
  Stat<'gpu_util'> &
  Stat<'gpu_mem'> &
  Stat<'loop_lag_p99'> &
  Stat<'loop_utilization'>;

export type HostRollupRow = {
  run_id: string;
  minute_ms: number;
  samples: number;
} & Stat<'cpu'> &
  Stat<'mem'> &
  Stat<'mem_available'> &
  Stat<'disk'> &
  Stat<'load1'>;

export interface MetricRollupRow {
  run_id: string;
  component: string;
  name: string;
  minute_ms: number;
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface AlertRow {
  run_id: string;
  rule: string;
  severity: SeverityName | 'unspecified';
  state: 'firing' | 'resolved' | 'unspecified';
  value: number | null;
  threshold: number | null;
  fired_at_ms: number;
  resolved_at_ms: number | null;
  message: string | null;
  component: string;
  pid: number | null;
  ts_ms: number;
  labels: string | null;
}

export interface MetricRow {
  run_id: string;
  component: string;
  name: string;
  ts_ms: number;
  value: number;
  pid: number | null;
  /** JSON object, or null. */
  labels: string | null;
}

export interface ProcessRow {
  run_id: string;
  component: string;
  pid: number;
  ppid: number | null;
  command: string | null;
  host: string | null;
  started_at_ms: number | null;
  exited_at_ms: number | null;
  exit_code: number | null;
  signal: string | null;
}

export interface HeartbeatRow {
  run_id: string;
  component: string;
  pid: number | null;
  ts_ms: number;
  uptime_ms: number | null;
  rows_written: number | null;
  dropped_total: number | null;
  flush_p50_ms: number | null;
  flush_p99_ms: number | null;
  wal_bytes: number | null;
  last_batch_size: number | null;
  ticks_skipped: number | null;
  connections: number | null;
  queues: string | null;
}
