// A stored run's history for the run picker: raw snapshots for short ranges,
// rollups_1m for long ones (or when retention already removed the raw rows),
// every series downsampled to at most maxPoints points.

import type { HostRow, RunRow, StoreReader } from '../store/index.js';
import type { ComponentPoint, ComponentSeries, HostInventory, RunHistory, RunView, Series } from './browser/api.js';
import { downsampleMinMax } from './downsample.js';
import { readContainerHistory } from './history-containers.js';
import { appendPoint, emptyComponentSeries, emptyPoint, gcTotalMs, kComponentFields, TickGrouper } from './points.js';

export type { HostInventory, RunHistory, RunView } from './browser/api.js';

/** Raw rows read for one history answer at most; past it, rollups are used. */
const kMaxRawRows = 200_000;

/** A row of the `hosts` view as the page shows it; GPU controllers as words. */
export function hostInventory(h: HostRow): HostInventory {
  let gpus: string[] = [];
  try {
    const list = JSON.parse(h.gpus ?? '[]') as unknown;
    if (Array.isArray(list)) {
      gpus = list.slice(0, 16).map((g: { vendor?: unknown; model?: unknown; vramMb?: unknown }) => {
        const name = [g.vendor, g.model].filter((x) => typeof x === 'string' && x !== '').join(' ') || 'GPU';
        return typeof g.vramMb === 'number' && g.vramMb > 0 ? `${name} (${g.vramMb} MiB)` : name;
      });
    }
  } catch {
    // An unreadable list shows no GPU.
  }
  return {
    hostId: h.host_id, hostname: h.hostname, cpuModel: h.cpu_model, cpuCores: h.cpu_cores, memTotalBytes: h.mem_total_bytes,
    os: h.os, osRelease: h.os_release, kernel: h.kernel, arch: h.arch, gpus, lastSeenMs: h.last_seen_ms,
  };
}

export function runView(r: RunRow): RunView {
  return {
    runId: r.run_id, startedAtMs: r.started_at_ms, endedAtMs: r.ended_at_ms, firstTsMs: r.first_ts_ms, lastTsMs: r.last_ts_ms,
    command: r.command, exitCode: r.exit_code, signal: r.signal, host: r.host,
  };
}

export interface HistoryQuery {
  runId: string;
  fromMs?: number;
  toMs?: number;
  maxPoints: number;
  rawRangeMs: number;
}

function shrink(s: ComponentSeries, maxPoints: number): ComponentSeries {
  const out = emptyComponentSeries();
  for (const f of kComponentFields) out[f] = downsampleMinMax(s[f], maxPoints);
  return out;
}

function series(): Series {
  return { t: [], v: [] };
}

/** Reads one run's history; undefined when the run is unknown. */
export function readHistory(reader: StoreReader, q: HistoryQuery): RunHistory | undefined {
  const row = reader.run(q.runId);
  if (row === undefined) return undefined;
  const run = runView(row);
  const start = run.firstTsMs ?? run.startedAtMs ?? 0;
  const end = (run.lastTsMs ?? run.endedAtMs ?? start) + 1;
  const fromMs = Math.max(q.fromMs ?? start, 0);
  const toMs = Math.max(q.toMs ?? end, fromMs);
  const base = {
    run, fromMs, toMs, maxPoints: q.maxPoints, alerts: reader.alerts({ runId: q.runId }),
    ...readContainerHistory(reader, { runId: q.runId, fromMs, toMs, maxPoints: q.maxPoints, rawRangeMs: q.rawRangeMs, runEnded: run.endedAtMs !== null }),
  };
  if (toMs - fromMs <= q.rawRangeMs) {
    const raw = readRaw(reader, q.runId, fromMs, toMs, q.maxPoints);
    if (raw !== undefined) return { ...base, source: 'raw', ...raw };
  }
  const rolled = readRollups(reader, q.runId, fromMs, toMs, q.maxPoints);
  if (rolled.components.length === 0 && rolled.host === null) return { ...base, source: 'none', components: [], host: null, hub: null };
  return { ...base, source: 'rollup', ...rolled, hub: null };
}

function readRaw(reader: StoreReader, runId: string, fromMs: number, toMs: number, maxPoints: number): Pick<RunHistory, 'components' | 'host' | 'hub'> | undefined {
  const rows = reader.snapshots({ runId, fromMs, toMs, limit: kMaxRawRows + 1 });
  // Too many rows, or retention removed the start of the range: rollups instead.
  if (rows.length > kMaxRawRows || rows.length === 0 || rows[0]!.ts_ms - fromMs > 120_000) return undefined;
  const byComp = new Map<string, { g: TickGrouper; s: ComponentSeries }>();
  const put = (c: { s: ComponentSeries }, p: ComponentPoint | undefined): void => { if (p !== undefined) appendPoint(c.s, p, Infinity); };
  for (const r of rows) {
    let c = byComp.get(r.component);
    if (c === undefined) byComp.set(r.component, (c = { g: new TickGrouper(), s: emptyComponentSeries() }));
    put(c, c.g.add(r.ts_ms, r.pid, {
      cpu: r.cpu_percent, rss: r.rss_bytes, gpuUtil: r.gpu_util_percent, gpuMem: r.gpu_mem_bytes, lagP99: r.loop_lag_p99_ms,
      heapUsed: r.heap_used_bytes, heapTotal: r.heap_total_bytes, gcMs: gcTotalMs(r.gc_minor_ms, r.gc_major_ms, r.gc_incremental_ms, r.gc_weakcb_ms),
    }));
  }
  for (const c of byComp.values()) put(c, c.g.flush());
  const components = [...byComp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, c]) => ({ name, series: shrink(c.s, maxPoints) }));

  const host = { cpu: series(), mem: series(), disk: series() };
  for (const h of reader.hostSnapshots({ runId, fromMs, toMs, limit: kMaxRawRows })) {
    for (const [k, v] of [['cpu', h.cpu_percent], ['mem', h.mem_percent], ['disk', h.disk_percent]] as const) {
      host[k].t.push(h.ts_ms);
      host[k].v.push(v);
    }
  }
  const hub = { flushP50: series(), flushP99: series(), queueDepth: series(), dropped: series() };
  for (const h of reader.heartbeats({ runId, fromMs, toMs, limit: kMaxRawRows })) {
    let depth = 0;
    try {
      const qs = JSON.parse(h.queues ?? '[]') as { depth?: number }[];
      for (const x of qs) depth += typeof x.depth === 'number' ? x.depth : 0;
    } catch {
      // An unreadable queue list counts as empty.
    }
    for (const [k, v] of [['flushP50', h.flush_p50_ms], ['flushP99', h.flush_p99_ms], ['queueDepth', depth], ['dropped', h.dropped_total]] as const) {
      hub[k].t.push(h.ts_ms);
      hub[k].v.push(v);
    }
  }
  return {
    components,
    host: host.cpu.t.length === 0 ? null : { cpu: downsampleMinMax(host.cpu, maxPoints), mem: downsampleMinMax(host.mem, maxPoints), disk: downsampleMinMax(host.disk, maxPoints) },
    hub: hub.flushP50.t.length === 0 ? null : {
      flushP50: downsampleMinMax(hub.flushP50, maxPoints), flushP99: downsampleMinMax(hub.flushP99, maxPoints),
      queueDepth: downsampleMinMax(hub.queueDepth, maxPoints), dropped: downsampleMinMax(hub.dropped, maxPoints),
    },
  };
}

// Rollups are per minute over every process sample of a component, so a
// point here is the minute's average per process sample (not the sum over
// the component's processes that raw and live points are).
function readRollups(reader: StoreReader, runId: string, fromMs: number, toMs: number, maxPoints: number): Pick<RunHistory, 'components' | 'host'> {
  const from = Math.floor(fromMs / 60_000) * 60_000;
  const byComp = new Map<string, ComponentSeries>();
  for (const r of reader.rollups({ runId, fromMs: from, toMs })) {
    let s = byComp.get(r.component);
    if (s === undefined) byComp.set(r.component, (s = emptyComponentSeries()));
    // Rollups hold no Node runtime figures: those stay null (gaps).
    appendPoint(s, { ...emptyPoint(r.minute_ms), cpu: r.cpu_avg, rss: r.rss_avg, gpuUtil: r.gpu_util_avg, gpuMem: r.gpu_mem_avg, lagP99: r.loop_lag_p99_avg }, Infinity);
  }
  const components = [...byComp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, s]) => ({ name, series: shrink(s, maxPoints) }));
  const host = { cpu: series(), mem: series(), disk: series() };
  for (const h of reader.hostRollups({ runId, fromMs: from, toMs })) {
    for (const [k, v] of [['cpu', h.cpu_avg], ['mem', h.mem_avg], ['disk', h.disk_avg]] as const) {
      host[k].t.push(h.minute_ms);
      host[k].v.push(v);
    }
  }
  return {
    components,
    host: host.cpu.t.length === 0 ? null : { cpu: downsampleMinMax(host.cpu, maxPoints), mem: downsampleMinMax(host.mem, maxPoints), disk: downsampleMinMax(host.disk, maxPoints) },
  };
}
