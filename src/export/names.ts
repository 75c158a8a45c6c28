// Prometheus names: the fixed families the exporter produces, and the
// sanitiser that turns a custom METRIC name into a `runbus_app_*` family that
// passes `promtool check metrics` (snake_case, base units, no type words, no
// reserved suffixes, `_total` only on counters).

export const kNamePrefix = 'runbus_';
export const kAppPrefix = 'runbus_app_';

/**
 * Unit tokens promtool rejects (abbreviations, non-base plurals), with the
 * base unit and the factor to it. Singular words (`per_second`) pass as-is.
 */
const kUnitTokens: Readonly<Record<string, readonly [base: string, factor: number]>> = {
  ms: ['seconds', 1e-3], msec: ['seconds', 1e-3], millis: ['seconds', 1e-3], milliseconds: ['seconds', 1e-3],
  us: ['seconds', 1e-6], usec: ['seconds', 1e-6], microseconds: ['seconds', 1e-6],
  ns: ['seconds', 1e-9], nsec: ['seconds', 1e-9], nanoseconds: ['seconds', 1e-9],
  s: ['seconds', 1], sec: ['seconds', 1], secs: ['seconds', 1],
  min: ['seconds', 60], mins: ['seconds', 60], minutes: ['seconds', 60],
  h: ['seconds', 3600], hours: ['seconds', 3600],
  d: ['seconds', 86_400], days: ['seconds', 86_400],
  b: ['bytes', 1],
  kb: ['bytes', 1e3], kilobytes: ['bytes', 1e3],
  mb: ['bytes', 1e6], megabytes: ['bytes', 1e6],
  gb: ['bytes', 1e9], gigabytes: ['bytes', 1e9],
  tb: ['bytes', 1e12], terabytes: ['bytes', 1e12],
};
/** Abbreviations promtool rejects that have no safe conversion. */
const kAmbiguous = new Set(['m', 'pb']);
const kTypeWords = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const kReservedSuffixes = new Set(['count', 'sum', 'bucket']);

/** How a METRIC name is exposed. */
export interface AppMetricName {
  /** The Prometheus family name, `runbus_app_…`. */
  readonly name: string;
  /** Counter when the name ends in `_total`, else gauge. */
  readonly type: 'gauge' | 'counter';
  /** Multiply sample values by this (unit conversion to a base unit). */
  readonly factor: number;
}

/**
 * The family a custom METRIC named `raw` is exported as. A leading
 * `runbus_` is dropped (so `runbus_orphans` becomes `runbus_app_orphans`).
 */
export function appMetricName(raw: string): AppMetricName {
  let s = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_');
  s = s.replace(/^runbus_/, '');
  const tokens = s.split('_').filter((t) => t !== '');
  let counter = false;
  if (tokens.at(-1) === 'total') {
    counter = true;
    tokens.pop();
  }
  let factor = 1;
  let converted = false;
  const out: string[] = [];
  for (const t of tokens) {
    if (kTypeWords.has(t)) continue;
    const unit = kUnitTokens[t];
    if (unit !== undefined) {
      if (!converted && unit[0] !== t) {
        converted = true;
        // `x_per_ms` is a rate: per second is 1000 times more.
        const per = out.at(-1) === 'per';
        factor = per ? 1 / unit[1] : unit[1];
        out.push(per ? unit[0].slice(0, -1) : unit[0]);
        continue;
      }
      // A second unit token: glue it to its neighbour so it is no longer one.
      if (unit[0] !== t) {
        if (out.length > 0) out[out.length - 1] = `${out.at(-1)!}${t}`;
        else out.push(`${t}x`);
        continue;
      }
    }
    if (kAmbiguous.has(t)) {
      if (out.length > 0) out[out.length - 1] = `${out.at(-1)!}${t}`;
      else out.push(`${t}x`);
      continue;
    }
    out.push(t);
  }
  if (out.length === 0) out.push('value');
  if (kReservedSuffixes.has(out.at(-1)!)) out.push('value');
  if (counter) out.push('total');
  return { name: kAppPrefix + out.join('_'), type: counter ? 'counter' : 'gauge', factor };
}

const kReservedLabels = new Set(['run_id', 'component', 'pid', 'le', 'quantile', 'job', 'instance']);

/** A label name Prometheus accepts, not clashing with the exporter's own. */
export function labelName(raw: string): string {
  let s = raw.replace(/[^a-zA-Z0-9_]/g, '_');
  if (s === '' || /^[0-9]/.test(s)) s = `_${s}`;
  s = s.replace(/^__+/, '_');
  if (s === '_') s = 'label';
  return kReservedLabels.has(s) ? `exported_${s}` : s;
}

/** Every fixed family the exporter can produce (custom ones are `runbus_app_*`). */
export const kMetricNames = {
  process: {
    cpuPercent: 'runbus_process_cpu_percent',
    rss: 'runbus_process_resident_memory_bytes',
    uss: 'runbus_process_unique_memory_bytes',
    pss: 'runbus_process_proportional_memory_bytes',
    vms: 'runbus_process_virtual_memory_bytes',
    threads: 'runbus_process_threads',
    openFds: 'runbus_process_open_fds',
    gpuUtil: 'runbus_process_gpu_utilization_percent',
    gpuMem: 'runbus_process_gpu_memory_bytes',
    lagP50: 'runbus_process_event_loop_lag_p50_seconds',
    lagP99: 'runbus_process_event_loop_lag_p99_seconds',
    lagMax: 'runbus_process_event_loop_lag_max_seconds',
    loopUtil: 'runbus_process_event_loop_utilization_ratio',
    cpuUser: 'runbus_process_cpu_user_seconds_total',
    cpuSystem: 'runbus_process_cpu_system_seconds_total',
    ioRead: 'runbus_process_io_read_bytes_total',
    ioWrite: 'runbus_process_io_write_bytes_total',
    count: 'runbus_processes',
  },
  host: {
    cpuPercent: 'runbus_host_cpu_percent',
    memPercent: 'runbus_host_memory_used_percent',
    memAvailable: 'runbus_host_memory_available_bytes',
    memTotal: 'runbus_host_memory_total_bytes',
    swapUsed: 'runbus_host_swap_used_bytes',
    swapTotal: 'runbus_host_swap_total_bytes',
    load1: 'runbus_host_load1',
    load5: 'runbus_host_load5',
    load15: 'runbus_host_load15',
    cpus: 'runbus_host_cpus',
    diskPercent: 'runbus_host_disk_used_percent',
    diskFree: 'runbus_host_disk_free_bytes',
    diskTotal: 'runbus_host_disk_total_bytes',
  },
  gpu: {
    util: 'runbus_gpu_utilization_percent',
    memUsed: 'runbus_gpu_memory_used_bytes',
    memTotal: 'runbus_gpu_memory_total_bytes',
    temperature: 'runbus_gpu_temperature_celsius',
    power: 'runbus_gpu_power_watts',
  },
  hub: {
    dropped: 'runbus_hub_dropped_total',
    rowsWritten: 'runbus_hub_rows_written_total',
    ticksSkipped: 'runbus_hub_ticks_skipped_total',
    uptime: 'runbus_hub_uptime_seconds',
    connections: 'runbus_hub_connections',
    walBytes: 'runbus_hub_wal_bytes',
    lastBatchSize: 'runbus_hub_last_batch_size',
    flushP50: 'runbus_hub_flush_p50_seconds',
    flushP99: 'runbus_hub_flush_p99_seconds',
    flushDuration: 'runbus_hub_flush_duration_seconds',
    queueDepth: 'runbus_hub_queue_depth',
    queueCapacity: 'runbus_hub_queue_capacity',
    queueHighWater: 'runbus_hub_queue_high_water',
    queuePublished: 'runbus_hub_queue_published_total',
    queueDelivered: 'runbus_hub_queue_delivered_total',
    queueDropped: 'runbus_hub_queue_dropped_total',
    busPublished: 'runbus_bus_published_total',
    storeFailures: 'runbus_hub_store_write_failures_total',
  },
  alerts: {
    firing: 'runbus_alerts_firing',
    fired: 'runbus_alerts_fired_total',
  },
  // Remote write (src/remote-write), per receiver URL; and the host inventory.
  remoteWrite: {
    rowsBehind: 'runbus_remote_write_rows_behind',
    samplesSent: 'runbus_remote_write_samples_sent_total',
    retries: 'runbus_remote_write_retries_total',
    refused: 'runbus_remote_write_refused_samples_total',
    dropped: 'runbus_remote_write_dropped_samples_total',
    failing: 'runbus_remote_write_failing',
    lastSuccess: 'runbus_remote_write_last_success_timestamp_seconds',
  },
  hostInfo: 'runbus_host_info',
  orphans: 'runbus_orphan_processes',
  lastSample: 'runbus_last_sample_timestamp_seconds',
  rejected: 'runbus_exporter_series_rejected_total',
} as const;

/**
 * The exported family (and the factor from the rule's unit to it) of each
 * figure an alert rule can watch; used by the Prometheus rule export.
 */
export const kFigureFamilies: Readonly<Record<string, Readonly<Record<string, readonly [name: string, factor: number]>>>> = {
  resource: {
    cpu_percent: [kMetricNames.process.cpuPercent, 1],
    rss_bytes: [kMetricNames.process.rss, 1],
    uss_bytes: [kMetricNames.process.uss, 1],
    pss_bytes: [kMetricNames.process.pss, 1],
    vms_bytes: [kMetricNames.process.vms, 1],
    threads: [kMetricNames.process.threads, 1],
    open_fds: [kMetricNames.process.openFds, 1],
    gpu_util_percent: [kMetricNames.process.gpuUtil, 1],
    gpu_mem_bytes: [kMetricNames.process.gpuMem, 1],
    loop_lag_p50_ms: [kMetricNames.process.lagP50, 1e-3],
    loop_lag_p99_ms: [kMetricNames.process.lagP99, 1e-3],
    loop_lag_max_ms: [kMetricNames.process.lagMax, 1e-3],
    loop_utilization: [kMetricNames.process.loopUtil, 1],
    cpu_user_ms: [kMetricNames.process.cpuUser, 1e-3],
    cpu_system_ms: [kMetricNames.process.cpuSystem, 1e-3],
    io_read_bytes: [kMetricNames.process.ioRead, 1],
    io_write_bytes: [kMetricNames.process.ioWrite, 1],
  },
  host: {
    cpu_percent: [kMetricNames.host.cpuPercent, 1],
    mem_percent: [kMetricNames.host.memPercent, 1],
    mem_available_bytes: [kMetricNames.host.memAvailable, 1],
    mem_total_bytes: [kMetricNames.host.memTotal, 1],
    load1: [kMetricNames.host.load1, 1],
    load5: [kMetricNames.host.load5, 1],
    load15: [kMetricNames.host.load15, 1],
    cpu_count: [kMetricNames.host.cpus, 1],
    swap_total_bytes: [kMetricNames.host.swapTotal, 1],
    swap_used_bytes: [kMetricNames.host.swapUsed, 1],
    disk_percent: [kMetricNames.host.diskPercent, 1],
    disk_free_bytes: [kMetricNames.host.diskFree, 1],
    disk_total_bytes: [kMetricNames.host.diskTotal, 1],
  },
  gpu: {
    util_percent: [kMetricNames.gpu.util, 1],
    mem_used_bytes: [kMetricNames.gpu.memUsed, 1],
    mem_total_bytes: [kMetricNames.gpu.memTotal, 1],
    temperature_c: [kMetricNames.gpu.temperature, 1],
    power_w: [kMetricNames.gpu.power, 1],
  },
  heartbeat: {
    dropped_total: [kMetricNames.hub.dropped, 1],
    rows_written: [kMetricNames.hub.rowsWritten, 1],
    ticks_skipped: [kMetricNames.hub.ticksSkipped, 1],
    flush_p50_ms: [kMetricNames.hub.flushP50, 1e-3],
    flush_p99_ms: [kMetricNames.hub.flushP99, 1e-3],
    wal_bytes: [kMetricNames.hub.walBytes, 1],
    connections: [kMetricNames.hub.connections, 1],
    uptime_ms: [kMetricNames.hub.uptime, 1e-3],
    last_batch_size: [kMetricNames.hub.lastBatchSize, 1],
  },
};
