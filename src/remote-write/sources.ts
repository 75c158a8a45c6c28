// Store rows → remote-write series. Each source is one private table read
// forward by rowid; its figures, family names and unit factors come from the
// exporter's one description of each figure (kFigureFamilies, appMetricName,
// labelName), so a series here has the name, unit and labels it has on
// /metrics, plus `host` and `host_id`.
//
// Per-process series carry `pid` (the exporter's `withPid` labels): a remote
// sample has its own timestamp, and summing processes per component would
// need every process's sample of one instant in one read, which a cursor
// that may stop anywhere cannot promise.

import { appMetricName, kFigureFamilies, labelName } from '../export/index.js';

/** A raw row as SQLite returns it. */
export type Row = Record<string, unknown>;

/** Receives one sample: family name, label pairs (unsorted, no __name__), value, timestamp. */
export type Emit = (name: string, labels: [string, string][], value: number, tsMs: number) => void;

/** Emit with a reason when a sample is refused (caps, bad values). */
export interface SourceContext {
  readonly host: string;
  readonly hostId: string;
  /** Counts a refused sample under `reason`. */
  reject(reason: string): void;
  /** Whether a custom METRIC series may be kept (the exporter's caps). */
  admitApp(name: string, labels: readonly [string, string][]): boolean;
}

export interface Source {
  /** The private table, read by rowid. */
  readonly table: string;
  /** SELECT … WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?; the first column is `rid`. */
  readonly sql: string;
  toSamples(row: Row, ctx: SourceContext, emit: Emit): void;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function figureColumns(group: keyof typeof kFigureFamilies, skip: (k: string) => boolean = () => false): [column: string, name: string, factor: number][] {
  return Object.entries(kFigureFamilies[group]!).filter(([k]) => !skip(k)).map(([k, [name, factor]]) => [k, name, factor]);
}

function emitColumns(cols: readonly [string, string, number][], row: Row, labels: [string, string][], emit: Emit): void {
  const ts = row.ts_ms as number;
  for (const [col, name, factor] of cols) {
    const v = num(row[col]);
    if (v !== undefined) emit(name, labels, v * factor, ts);
  }
}

const kProcessCols = figureColumns('resource');
const kDiskCols: Readonly<Record<string, string>> = { disk_percent: 'usedPercent', disk_free_bytes: 'freeBytes', disk_total_bytes: 'totalBytes' };
const kHostCols = figureColumns('host', (k) => k in kDiskCols);
const kDiskFamilies = figureColumns('host', (k) => !(k in kDiskCols));
const kGpuCols = figureColumns('gpu');
const kHubCols = figureColumns('heartbeat');

const cols = (c: readonly [string, string, number][]): string => c.map(([k]) => `x.${k}`).join(', ');

const process: Source = {
  table: 't_snapshot',
  sql: `SELECT x.rowid AS rid, r.run_id, c.name AS component, x.pid, x.ts_ms, ${cols(kProcessCols)}
    FROM t_snapshot x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp
    WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?`,
  toSamples(row, ctx, emit) {
    const labels: [string, string][] = [['run_id', str(row.run_id)], ['component', str(row.component)], ['pid', String(row.pid)], ['host', ctx.host], ['host_id', ctx.hostId]];
    emitColumns(kProcessCols, row, labels, emit);
  },
};

interface DiskJson { mount?: string; usedPercent?: number; freeBytes?: number; totalBytes?: number }

const host: Source = {
  table: 't_host_snapshot',
  sql: `SELECT x.rowid AS rid, r.run_id, x.host, x.ts_ms, x.disks, ${cols(kHostCols)}
    FROM t_host_snapshot x JOIN t_run r ON r.id = x.run
    WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?`,
  toSamples(row, ctx, emit) {
    const h = str(row.host) || ctx.host;
    const labels: [string, string][] = [['run_id', str(row.run_id)], ['host', h], ['host_id', ctx.hostId]];
    emitColumns(kHostCols, row, labels, emit);
    if (typeof row.disks !== 'string') return;
    let disks: DiskJson[];
    try {
      disks = JSON.parse(row.disks) as DiskJson[];
    } catch {
      ctx.reject('bad_row');
      return;
    }
    if (!Array.isArray(disks)) return;
    for (const d of disks) {
      const dl: [string, string][] = [...labels, ['mount', str(d.mount)]];
      for (const [col, name, factor] of kDiskFamilies) {
        const v = num(d[kDiskCols[col] as keyof DiskJson]);
        if (v !== undefined) emit(name, dl, v * factor, row.ts_ms as number);
      }
    }
  },
};

const gpu: Source = {
  table: 't_gpu',
  sql: `SELECT x.rowid AS rid, r.run_id, x.host, x.ts_ms, x.device_index, x.name AS gpu_name, ${cols(kGpuCols)}
    FROM t_gpu x JOIN t_run r ON r.id = x.run
    WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?`,
  toSamples(row, ctx, emit) {
    const labels: [string, string][] = [
      ['run_id', str(row.run_id)], ['host', str(row.host) || ctx.host], ['host_id', ctx.hostId],
      ['gpu', String(num(row.device_index) ?? 0)], ['gpu_name', str(row.gpu_name)],
    ];
    emitColumns(kGpuCols, row, labels, emit);
  },
};

const metric: Source = {
  table: 't_metric',
  sql: `SELECT x.rowid AS rid, r.run_id, c.name AS component, n.name, x.ts_ms, x.value, x.labels
    FROM t_metric x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp JOIN t_name n ON n.id = x.name
    WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?`,
  toSamples(row, ctx, emit) {
    const value = num(row.value);
    if (value === undefined || typeof row.name !== 'string' || row.name === '') { ctx.reject('bad_sample'); return; }
    const { name, type, factor } = appMetricName(row.name);
    const labels: [string, string][] = [['run_id', str(row.run_id)], ['component', str(row.component)], ['host', ctx.host], ['host_id', ctx.hostId]];
    if (typeof row.labels === 'string') {
      try {
        for (const [k, v] of Object.entries(JSON.parse(row.labels) as Record<string, unknown>)) {
          const ln = labelName(k);
          if (ln === 'host' || ln === 'host_id') labels.push([`exported_${ln}`, String(v)]);
          else labels.push([ln, String(v)]);
        }
      } catch {
        ctx.reject('bad_row');
        return;
      }
    }
    const scaled = value * factor;
    if (type === 'counter' && scaled < 0) { ctx.reject('negative_counter'); return; }
    if (!ctx.admitApp(name, labels)) return;
    emit(name, labels, scaled, row.ts_ms as number);
  },
};

const hub: Source = {
  table: 't_heartbeat',
  sql: `SELECT x.rowid AS rid, r.run_id, c.name AS component, x.ts_ms, ${cols(kHubCols)}
    FROM t_heartbeat x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp
    WHERE x.rowid > ? ORDER BY x.rowid LIMIT ?`,
  toSamples(row, ctx, emit) {
    const labels: [string, string][] = [['run_id', str(row.run_id)], ['component', str(row.component)], ['host', ctx.host], ['host_id', ctx.hostId]];
    emitColumns(kHubCols, row, labels, emit);
  },
};

/** Every table the writer follows, in the order it reads them. */
export const kSources: readonly Source[] = [process, host, gpu, metric, hub];
