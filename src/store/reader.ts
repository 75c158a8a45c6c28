import type { Database as Db, Statement } from 'better-sqlite3';
import { toCsv } from './csv.js';
import { openReaderDb } from './db.js';
import { StoreError } from './errors.js';
import type { RunSummaryRow } from './run-summary.js';
import { kSnapshotFrom, kSnapshotSelect } from './schema.js';
import type {
  AlertRow,
  GpuSnapshotRow,
  HeartbeatRow,
  HostRollupRow,
  HostSnapshotRow,
  MetricRollupRow,
  MetricRow,
  ProcessRow,
  RollupRow,
  RunRow,
  SnapshotRow,
} from './rows.js';

/** A time-range query over one run's raw rows. */
export interface RangeQuery {
  runId: string;
  /** Inclusive lower bound on ts_ms. */
  fromMs?: number;
  /** Exclusive upper bound on ts_ms. */
  toMs?: number;
  /** Most rows returned (oldest first). @default unlimited */
  limit?: number;
}

export interface SnapshotQuery extends RangeQuery {
  component?: string;
}

export interface MetricQuery extends RangeQuery {
  component?: string;
  name?: string;
}

export interface RollupQuery {
  runId: string;
  component?: string;
  fromMs?: number;
  toMs?: number;
}

export interface MetricRollupQuery extends RollupQuery {
  name?: string;
}

/** The public views, as `export()` can write them. */
export const kExportTables = [
  'runs',
  'snapshots',
  'host_snapshots',
  'gpu_snapshots',
  'rollups_1m',
  'host_rollups_1m',
  'metric_rollups_1m',
  'metrics',
  'alerts',
  'processes',
  'containers',
  'container_snapshots',
  'container_rollups_1m',
] as const;
export type ExportTable = (typeof kExportTables)[number];

/** A container of a run and its figures over the run (raw rows still kept). */
export interface ContainerSummaryRow {
  container_id: string;
  name: string | null;
  image: string | null;
  created_at_ms: number | null;
  started_at_ms: number | null;
  exited_at_ms: number | null;
  exit_code: number | null;
  orphan: number;
  cleaned_up: number;
  samples: number;
  cpu_avg: number | null;
  cpu_max: number | null;
  mem_max: number | null;
  mem_limit_bytes: number | null;
}

/** A row of the `container_snapshots` view, the columns the dashboard charts. */
export interface ContainerSnapshotRow {
  container_id: string;
  name: string | null;
  ts_ms: number;
  cpu_percent: number | null;
  mem_bytes: number | null;
  mem_limit_bytes: number | null;
  pids: number | null;
  stale: number | null;
}

/** A row of the `container_rollups_1m` view, the averages the dashboard charts. */
export interface ContainerRollupRow {
  container_id: string;
  minute_ms: number;
  cpu_avg: number | null;
  mem_avg: number | null;
}

/** A row of the `hosts` view: one machine's inventory, recorded by each hub at start. */
export interface HostRow {
  host_id: string;
  hostname: string | null;
  cpu_model: string | null;
  cpu_cores: number | null;
  cpu_physical_cores: number | null;
  mem_total_bytes: number | null;
  os: string | null;
  os_release: string | null;
  kernel: string | null;
  arch: string | null;
  /** JSON array of GPU controllers ({vendor, model, vramMb}). */
  gpus: string | null;
  first_seen_ms: number | null;
  last_seen_ms: number | null;
}

export interface ExportOptions {
  /**
   * One view only. JSON without it is an object of every view; CSV is always
   * one view.
   * @default every view for JSON, 'snapshots' for CSV
   */
  table?: ExportTable;
}

/** Read-only queries over the public views, on a connection of its own. */
export interface StoreReader {
  readonly path: string;
  /** Every run, oldest first. */
  runs(): RunRow[];
  run(runId: string): RunRow | undefined;
  /** The run that started last. */
  lastRun(): RunRow | undefined;
  snapshots(q: SnapshotQuery): SnapshotRow[];
  hostSnapshots(q: RangeQuery): HostSnapshotRow[];
  gpuSnapshots(q: RangeQuery): GpuSnapshotRow[];
  rollups(q: RollupQuery): RollupRow[];
  hostRollups(q: RollupQuery): HostRollupRow[];
  metricRollups(q: MetricRollupQuery): MetricRollupRow[];
  /** Alerts of one run, or of every run; by fired_at_ms. */
  alerts(q?: { runId?: string }): AlertRow[];
  metrics(q: MetricQuery): MetricRow[];
  processes(runId: string): ProcessRow[];
  /** Containers: one row per container of the run, with its figures summarised (none in a file from before schema 2). */
  containers(runId: string): ContainerSummaryRow[];
  /** Container figures of one run, by time (none in a file from before schema 2). */
  containerSnapshots(q: RangeQuery): ContainerSnapshotRow[];
  /** Per-minute container averages of one run, by minute (none in a file from before schema 2). */
  containerRollups(q: RollupQuery): ContainerRollupRow[];
  /** Every machine recorded, most recently seen first (none in a file older than the view). */
  hosts(): HostRow[];
  heartbeats(q: RangeQuery): HeartbeatRow[];
  /** The summary `runbus run` recorded when the run ended, if any. */
  runSummary(runId: string): RunSummaryRow | undefined;
  /** Every recorded run summary. */
  runSummaries(): RunSummaryRow[];
  /** Export one run (or every run when undefined) as JSON or CSV text. */
  export(runId: string | undefined, format: 'json' | 'csv', options?: ExportOptions): string;
  close(): void;
}

type Param = string | number;

function checkRunId(q: { runId?: unknown } | undefined): void {
  if (typeof q?.runId !== 'string') throw new TypeError('query.runId must be a string');
}

class Where {
  readonly parts: string[] = [];
  readonly params: Param[] = [];

  eq(col: string, v: Param | undefined): this {
    if (v !== undefined) {
      this.parts.push(`${col} = ?`);
      this.params.push(v);
    }
    return this;
  }

  range(col: string, from: number | undefined, to: number | undefined): this {
    if (from !== undefined) {
      this.parts.push(`${col} >= ?`);
      this.params.push(from);
    }
    if (to !== undefined) {
      this.parts.push(`${col} < ?`);
      this.params.push(to);
    }
    return this;
  }

  toString(): string {
    return this.parts.length === 0 ? '' : ` WHERE ${this.parts.join(' AND ')}`;
  }
}

class ReaderImpl implements StoreReader {
  readonly path: string;
  readonly #db: Db;
  readonly #cache = new Map<string, Statement>();

  constructor(path: string) {
    this.path = path;
    this.#db = openReaderDb(path);
  }

  #all<T>(sql: string, params: readonly Param[] = []): T[] {
    if (!this.#db.open) throw new StoreError('ERR_STORE_CLOSED', `runbus store reader ${JSON.stringify(this.path)} is closed`);
    let st = this.#cache.get(sql);
    if (st === undefined) {
      st = this.#db.prepare(sql);
      this.#cache.set(sql, st);
    }
    return st.all(...params) as T[];
  }

  #select<T>(view: string, w: Where, order: string, limit?: number, before: readonly Param[] = []): T[] {
    let sql = `SELECT * FROM ${view}${w.toString()} ORDER BY ${order}`;
    const params = [...before, ...w.params];
    if (limit !== undefined) {
      if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`query.limit must be an integer >= 0 (got ${String(limit)})`);
      sql += ' LIMIT ?';
      params.push(limit);
    }
    return this.#all<T>(sql, params);
  }

  runs(): RunRow[] {
    return this.#all<RunRow>('SELECT * FROM runs ORDER BY started_at_ms, run_id');
  }

  run(runId: string): RunRow | undefined {
    return this.#all<RunRow>('SELECT * FROM runs WHERE run_id = ?', [runId])[0];
  }

  lastRun(): RunRow | undefined {
    return this.#all<RunRow>('SELECT * FROM runs ORDER BY started_at_ms DESC, run_id DESC LIMIT 1')[0];
  }

  snapshots(q: SnapshotQuery): SnapshotRow[] {
    checkRunId(q);
    // The view's own tables, so the time range also skips whole segments.
    const w = new Where().eq('r.run_id', q.runId).eq('c.name', q.component).range('x.ts_ms', q.fromMs, q.toMs);
    if (q.fromMs !== undefined) w.range('g.max_ts', q.fromMs, undefined);
    if (q.toMs !== undefined) w.range('g.min_ts', undefined, q.toMs);
    return this.#select<SnapshotRow>(`(${kSnapshotSelect} ${kSnapshotFrom}${w.toString()})`, new Where(), 'ts_ms, component, pid', q.limit, w.params);
  }

  hostSnapshots(q: RangeQuery): HostSnapshotRow[] {
    checkRunId(q);
    return this.#select<HostSnapshotRow>('host_snapshots', new Where().eq('run_id', q.runId).range('ts_ms', q.fromMs, q.toMs), 'ts_ms', q.limit);
  }

  gpuSnapshots(q: RangeQuery): GpuSnapshotRow[] {
    checkRunId(q);
    return this.#select<GpuSnapshotRow>('gpu_snapshots', new Where().eq('run_id', q.runId).range('ts_ms', q.fromMs, q.toMs), 'ts_ms, device_index', q.limit);
  }

  rollups(q: RollupQuery): RollupRow[] {
    checkRunId(q);
    const w = new Where().eq('run_id', q.runId).eq('component', q.component).range('minute_ms', q.fromMs, q.toMs);
    return this.#select<RollupRow>('rollups_1m', w, 'minute_ms, component');
  }

  hostRollups(q: RollupQuery): HostRollupRow[] {
    checkRunId(q);
    return this.#select<HostRollupRow>('host_rollups_1m', new Where().eq('run_id', q.runId).range('minute_ms', q.fromMs, q.toMs), 'minute_ms');
  }

  metricRollups(q: MetricRollupQuery): MetricRollupRow[] {
    checkRunId(q);
    const w = new Where().eq('run_id', q.runId).eq('component', q.component).eq('name', q.name).range('minute_ms', q.fromMs, q.toMs);
    return this.#select<MetricRollupRow>('metric_rollups_1m', w, 'minute_ms, component, name');
  }

  alerts(q?: { runId?: string }): AlertRow[] {
    return this.#select<AlertRow>('alerts', new Where().eq('run_id', q?.runId), 'fired_at_ms, rule');
  }

  metrics(q: MetricQuery): MetricRow[] {
    checkRunId(q);
    const w = new Where().eq('run_id', q.runId).eq('component', q.component).eq('name', q.name).range('ts_ms', q.fromMs, q.toMs);
    return this.#select<MetricRow>('metrics', w, 'ts_ms, name', q.limit);
  }

  processes(runId: string): ProcessRow[] {
    return this.#select<ProcessRow>('processes', new Where().eq('run_id', runId), 'coalesce(started_at_ms, exited_at_ms), pid');
  }

  #hasView(name: string): boolean {
    return this.#all<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'view' AND name = ?", [name])[0]!.n > 0;
  }

  containers(runId: string): ContainerSummaryRow[] {
    checkRunId({ runId });
    if (!this.#hasView('containers')) return [];
    return this.#all<ContainerSummaryRow>(
      `SELECT c.container_id, c.name, c.image, c.created_at_ms, c.started_at_ms, c.exited_at_ms, c.exit_code, c.orphan, c.cleaned_up,
         (SELECT count(*) FROM container_snapshots s WHERE s.run_id = c.run_id AND s.container_id = c.container_id) AS samples,
         (SELECT avg(cpu_percent) FROM container_snapshots s WHERE s.run_id = c.run_id AND s.container_id = c.container_id) AS cpu_avg,
         (SELECT max(cpu_percent) FROM container_snapshots s WHERE s.run_id = c.run_id AND s.container_id = c.container_id) AS cpu_max,
         (SELECT max(mem_bytes) FROM container_snapshots s WHERE s.run_id = c.run_id AND s.container_id = c.container_id) AS mem_max,
         (SELECT max(mem_limit_bytes) FROM container_snapshots s WHERE s.run_id = c.run_id AND s.container_id = c.container_id) AS mem_limit_bytes
       FROM containers c WHERE c.run_id = ? ORDER BY coalesce(c.started_at_ms, c.created_at_ms), c.container_id`,
      [runId],
    );
  }

  containerSnapshots(q: RangeQuery): ContainerSnapshotRow[] {
    checkRunId(q);
    if (!this.#hasView('container_snapshots')) return [];
    const w = new Where().eq('run_id', q.runId).range('ts_ms', q.fromMs, q.toMs);
    return this.#select<ContainerSnapshotRow>('container_snapshots', w, 'ts_ms, container_id', q.limit);
  }

  containerRollups(q: RollupQuery): ContainerRollupRow[] {
    checkRunId(q);
    if (!this.#hasView('container_rollups_1m')) return [];
    const w = new Where().eq('run_id', q.runId).range('minute_ms', q.fromMs, q.toMs);
    return this.#all<ContainerRollupRow>(`SELECT container_id, minute_ms, cpu_avg, mem_avg FROM container_rollups_1m${w.toString()} ORDER BY minute_ms, container_id`, w.params);
  }

  hosts(): HostRow[] {
    if (!this.#hasView('hosts')) return [];
    return this.#all<HostRow>('SELECT * FROM hosts ORDER BY last_seen_ms DESC, host_id');
  }

  runSummary(runId: string): RunSummaryRow | undefined {
    checkRunId({ runId });
    if (!this.#hasView('run_summaries')) return undefined;
    return this.#all<RunSummaryRow>('SELECT * FROM run_summaries WHERE run_id = ?', [runId])[0];
  }

  runSummaries(): RunSummaryRow[] {
    if (!this.#hasView('run_summaries')) return [];
    return this.#all<RunSummaryRow>('SELECT * FROM run_summaries ORDER BY run_id');
  }

  heartbeats(q: RangeQuery): HeartbeatRow[] {
    checkRunId(q);
    return this.#select<HeartbeatRow>('heartbeats', new Where().eq('run_id', q.runId).range('ts_ms', q.fromMs, q.toMs), 'ts_ms', q.limit);
  }

  #table(table: ExportTable, runId: string | undefined): { columns: string[]; rows: object[] } {
    const order: Record<ExportTable, string> = {
      runs: 'started_at_ms, run_id',
      snapshots: 'run_id, ts_ms, component, pid',
      host_snapshots: 'run_id, ts_ms',
      gpu_snapshots: 'run_id, ts_ms, device_index',
      rollups_1m: 'run_id, minute_ms, component',
      host_rollups_1m: 'run_id, minute_ms',
      metric_rollups_1m: 'run_id, minute_ms, component, name',
      metrics: 'run_id, ts_ms, name',
      alerts: 'run_id, fired_at_ms, rule',
      processes: 'run_id, coalesce(started_at_ms, exited_at_ms), pid',
      containers: 'run_id, coalesce(started_at_ms, created_at_ms), container_id',
      container_snapshots: 'run_id, ts_ms, container_id',
      container_rollups_1m: 'run_id, minute_ms, container_id',
    };
    // A file from before the containers migration has no such views.
    if (table.startsWith('container') && !this.#hasView(table)) return { columns: [], rows: [] };
    const w = new Where().eq('run_id', runId);
    const sql = `SELECT * FROM ${table}${w.toString()} ORDER BY ${order[table]}`;
    let st = this.#cache.get(sql);
    if (st === undefined) {
      st = this.#db.prepare(sql);
      this.#cache.set(sql, st);
    }
    return { columns: st.columns().map((c) => c.name), rows: st.all(...w.params) as object[] };
  }

  export(runId: string | undefined, format: 'json' | 'csv', options: ExportOptions = {}): string {
    if (runId !== undefined && typeof runId !== 'string') throw new TypeError('runId must be a string or undefined');
    if (format !== 'json' && format !== 'csv') throw new TypeError(`format must be "json" or "csv" (got ${JSON.stringify(format)})`);
    const table = options.table;
    if (table !== undefined && !(kExportTables as readonly string[]).includes(table)) {
      throw new TypeError(`options.table must be one of ${kExportTables.join(', ')} (got ${JSON.stringify(table)})`);
    }
    if (format === 'csv') {
      const t = this.#table(table ?? 'snapshots', runId);
      return toCsv(t.columns, t.rows);
    }
    if (table !== undefined) return JSON.stringify(this.#table(table, runId).rows);
    const out: Record<string, unknown> = { schema_version: this.#db.pragma('user_version', { simple: true }), run_id: runId ?? null };
    for (const t of kExportTables) out[t] = this.#table(t, runId).rows;
    return JSON.stringify(out);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

/**
 * Opens a read-only connection on the main thread (or any thread). Throws
 * StoreError: ERR_STORE_OPEN for a missing file or one without a runbus
 * schema, ERR_STORE_NOT_SQLITE for a file that is not SQLite.
 */
export function openReader(path: string): StoreReader {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
  return new ReaderImpl(path);
}
