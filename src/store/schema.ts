// Schema and forward-only migrations. `PRAGMA user_version` holds the number
// of migrations applied; a file with a higher number than kSchemaVersion was
// written by a newer runbus and is refused (ERR_STORE_SCHEMA_NEWER).
//
// Private tables (t_*) are normalised for insert speed: runs, components and
// metric names are integer ids, raw rows carry no text keys. The views are the
// public read interface (DESIGN.md "SQLite"); they only ever gain columns.

import { kHostFigures, kResourceFigures, kSeverityNames } from '../wire/index.js';
import { kMigrationRunSummary } from './run-summary.js';

/** A figure kept in a rollup as count, sum, min and max. */
export interface RollupFigure {
  /** Column prefix in the rollup table and view, e.g. "cpu". */
  name: string;
  /** Raw column it summarises. */
  column: string;
}

/** Per-minute per-component figures (from process snapshots): the figure table's rolled-up ones. */
export const kResourceRollupFigures: readonly RollupFigure[] = kResourceFigures.flatMap((f) => ('rollup' in f ? [{ name: f.rollup, column: f.column }] : []));

/** Per-minute host figures. */
export const kHostRollupFigures: readonly RollupFigure[] = kHostFigures.flatMap((f) => ('rollup' in f ? [{ name: f.rollup, column: f.field }] : []));

/** Containers: per-minute per-container figures. */
export const kContainerRollupFigures: readonly RollupFigure[] = [
  { name: 'cpu', column: 'cpu_percent' },
  { name: 'mem', column: 'mem_bytes' },
  { name: 'pids', column: 'pids' },
];

function statColumns(figs: readonly RollupFigure[]): string {
  return figs.map((f) => `${f.name}_n INTEGER NOT NULL, ${f.name}_sum REAL, ${f.name}_min REAL, ${f.name}_max REAL`).join(',\n  ');
}

function statView(figs: readonly RollupFigure[]): string {
  return figs
    .map(
      (f) =>
        `x.${f.name}_n AS ${f.name}_count, CASE WHEN x.${f.name}_n > 0 THEN x.${f.name}_sum END AS ${f.name}_sum, ` +
        `x.${f.name}_sum / NULLIF(x.${f.name}_n, 0) AS ${f.name}_avg, x.${f.name}_min AS ${f.name}_min, x.${f.name}_max AS ${f.name}_max`,
    )
    .join(',\n  ');
}

// The `snapshots` view as migration 1 made it (never edited).
const kSnapshotSelect1 = `SELECT r.run_id, c.name AS component, x.pid, x.ts_ms, x.cpu_percent, x.rss_bytes, x.uss_bytes,
  x.threads, x.open_fds, x.gpu_util_percent, x.gpu_mem_bytes, x.loop_lag_p99_ms, x.cpu_user_ms, x.cpu_system_ms,
  x.pss_bytes, x.vms_bytes, x.io_read_bytes, x.io_write_bytes, x.ctx_switches_voluntary, x.ctx_switches_involuntary,
  x.state, x.loop_lag_p50_ms, x.loop_lag_max_ms, x.loop_utilization, x.ppid, x.command, x.errors`;

/**
 * t_snapshot columns added by migration 4 (written out: a released
 * migration never changes); test/wire/figures.test.ts checks them against
 * the figure table.
 */
export const kAddedSnapshotColumns: readonly { column: string; type: string }[] = [
  { column: 'heap_used_bytes', type: 'INTEGER' },
  { column: 'heap_total_bytes', type: 'INTEGER' },
  { column: 'external_bytes', type: 'INTEGER' },
  { column: 'array_buffers_bytes', type: 'INTEGER' },
  { column: 'gc_minor_ms', type: 'REAL' },
  { column: 'gc_major_ms', type: 'REAL' },
  { column: 'gc_incremental_ms', type: 'REAL' },
  { column: 'gc_weakcb_ms', type: 'REAL' },
  { column: 'active_resources', type: 'INTEGER' },
];

/** The columns of the public `snapshots` view (the reader uses them too). */
export const kSnapshotSelect = `${kSnapshotSelect1}${kAddedSnapshotColumns.map((c) => `, x.${c.column}`).join('')}`;
/** Snapshots through their segments (t_run r, t_segment g, t_snapshot x, t_component c). */
/** A run's snapshot rows x found through its segments g (the rowid ranges; see t_segment). */
export const kSegmentRows = 'CROSS JOIN t_snapshot x ON x.rowid BETWEEN g.first_rowid AND g.last_rowid AND +x.run = g.run';
export const kSnapshotFrom = `FROM t_run r
  CROSS JOIN t_segment g ON g.run = r.id
  ${kSegmentRows}
  JOIN t_component c ON c.id = x.comp`;

const kSeverity = `CASE x.severity ${Object.entries(kSeverityNames).map(([n, name]) => `WHEN ${n} THEN '${name}'`).join(' ')} ELSE 'unspecified' END`;
const kAlertState = `CASE x.state WHEN 1 THEN 'firing' WHEN 2 THEN 'resolved' ELSE 'unspecified' END`;

// The rollup views as migrations 1 and 3 made them; migration 5 re-creates
// them word for word over the rebuilt tables.
const kRollupsView = `CREATE VIEW rollups_1m AS
SELECT r.run_id, c.name AS component, x.minute_ms, x.samples,
  ${statView(kResourceRollupFigures)}
FROM t_rollup x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp;`;
const kMetricRollupsView = `CREATE VIEW metric_rollups_1m AS
SELECT r.run_id, c.name AS component, n.name, x.minute_ms, x.value_n AS count, x.value_sum AS sum,
  x.value_sum / NULLIF(x.value_n, 0) AS avg, x.value_min AS min, x.value_max AS max
FROM t_metric_rollup x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp JOIN t_name n ON n.id = x.name;`;
const kContainerRollupsView = `CREATE VIEW container_rollups_1m AS
SELECT r.run_id, x.container_id, x.minute_ms, x.samples,
  ${statView(kContainerRollupFigures)}
FROM t_container_rollup x JOIN t_run r ON r.id = x.run;`;

const kMigration1 = `
CREATE TABLE t_run (
  id INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  started_at_ms INTEGER, ended_at_ms INTEGER, command TEXT, exit_code INTEGER, signal TEXT, host TEXT,
  first_ts_ms INTEGER, last_ts_ms INTEGER
);
CREATE TABLE t_component (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE t_name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);

CREATE TABLE t_snapshot (
  run INTEGER NOT NULL, comp INTEGER NOT NULL, pid INTEGER NOT NULL, ts_ms INTEGER NOT NULL,
  cpu_percent REAL, rss_bytes INTEGER, uss_bytes INTEGER, threads INTEGER, open_fds INTEGER,
  gpu_util_percent REAL, gpu_mem_bytes INTEGER, loop_lag_p99_ms REAL,
  cpu_user_ms REAL, cpu_system_ms REAL, pss_bytes INTEGER, vms_bytes INTEGER,
  io_read_bytes INTEGER, io_write_bytes INTEGER, ctx_switches_voluntary INTEGER, ctx_switches_involuntary INTEGER,
  state TEXT, loop_lag_p50_ms REAL, loop_lag_max_ms REAL, loop_utilization REAL, ppid INTEGER, command TEXT,
  errors TEXT
);
-- No secondary index on t_snapshot (it would cost a third of the insert
-- time): rows are found through t_segment, one row per (batch, run) giving
-- the rowid range that batch's rows of that run occupy, like a block-range
-- index. Invariant: every t_snapshot row lies in exactly one segment of its run.
CREATE TABLE t_segment (
  run INTEGER NOT NULL, first_rowid INTEGER NOT NULL, last_rowid INTEGER NOT NULL,
  min_ts INTEGER NOT NULL, max_ts INTEGER NOT NULL, rows INTEGER NOT NULL
);
CREATE INDEX t_segment_run ON t_segment (run, min_ts);
CREATE INDEX t_segment_max_ts ON t_segment (max_ts);

CREATE TABLE t_host_snapshot (
  run INTEGER NOT NULL, ts_ms INTEGER NOT NULL, host TEXT,
  cpu_percent REAL, mem_total_bytes INTEGER, mem_available_bytes INTEGER, mem_percent REAL,
  disk_mount TEXT, disk_percent REAL, disk_free_bytes INTEGER, disks TEXT,
  load1 REAL, load5 REAL, load15 REAL, cpu_count INTEGER, swap_total_bytes INTEGER, swap_used_bytes INTEGER,
  errors TEXT
);
CREATE INDEX t_host_snapshot_run_ts ON t_host_snapshot (run, ts_ms);

CREATE TABLE t_gpu (
  run INTEGER NOT NULL, ts_ms INTEGER NOT NULL, host TEXT,
  device_index INTEGER, uuid TEXT, name TEXT, util_percent REAL, mem_used_bytes INTEGER, mem_total_bytes INTEGER,
  temperature_c REAL, power_w REAL, processes TEXT
);
CREATE INDEX t_gpu_run_ts ON t_gpu (run, ts_ms);

CREATE TABLE t_metric (
  run INTEGER NOT NULL, comp INTEGER NOT NULL, pid INTEGER, name INTEGER NOT NULL, ts_ms INTEGER NOT NULL,
  value REAL NOT NULL, labels TEXT
);
CREATE INDEX t_metric_run_ts ON t_metric (run, ts_ms);

CREATE TABLE t_heartbeat (
  run INTEGER NOT NULL, ts_ms INTEGER NOT NULL, comp INTEGER NOT NULL, pid INTEGER,
  uptime_ms INTEGER, rows_written INTEGER, dropped_total INTEGER, flush_p50_ms REAL, flush_p99_ms REAL,
  wal_bytes INTEGER, last_batch_size INTEGER, ticks_skipped INTEGER, connections INTEGER, queues TEXT
);
CREATE INDEX t_heartbeat_run_ts ON t_heartbeat (run, ts_ms);

CREATE TABLE t_alert (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL, rule TEXT NOT NULL, comp INTEGER NOT NULL, pid INTEGER,
  severity INTEGER, state INTEGER NOT NULL, value REAL, threshold REAL, message TEXT,
  fired_at_ms INTEGER NOT NULL, resolved_at_ms INTEGER, ts_ms INTEGER NOT NULL, labels TEXT,
  UNIQUE (run, rule, comp, fired_at_ms)
);

CREATE TABLE t_process (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL, comp INTEGER NOT NULL, pid INTEGER NOT NULL, ppid INTEGER, command TEXT, host TEXT,
  started_at_ms INTEGER, exited_at_ms INTEGER, exit_code INTEGER, signal TEXT
);
CREATE INDEX t_process_run_pid ON t_process (run, pid);

CREATE TABLE t_rollup (
  run INTEGER NOT NULL, comp INTEGER NOT NULL, minute_ms INTEGER NOT NULL, samples INTEGER NOT NULL,
  ${statColumns(kResourceRollupFigures)},
  PRIMARY KEY (run, comp, minute_ms)
) WITHOUT ROWID;

CREATE TABLE t_host_rollup (
  run INTEGER NOT NULL, minute_ms INTEGER NOT NULL, samples INTEGER NOT NULL,
  ${statColumns(kHostRollupFigures)},
  PRIMARY KEY (run, minute_ms)
) WITHOUT ROWID;

CREATE TABLE t_metric_rollup (
  run INTEGER NOT NULL, comp INTEGER NOT NULL, name INTEGER NOT NULL, minute_ms INTEGER NOT NULL,
  value_n INTEGER NOT NULL, value_sum REAL, value_min REAL, value_max REAL,
  PRIMARY KEY (run, comp, name, minute_ms)
) WITHOUT ROWID;

CREATE VIEW runs AS
SELECT x.run_id, coalesce(x.started_at_ms, x.first_ts_ms) AS started_at_ms, x.ended_at_ms, x.command, x.exit_code, x.host,
  x.signal, x.first_ts_ms, x.last_ts_ms
FROM t_run x
-- Rows that name no run (a hub's own heartbeats, say) are kept under the
-- empty run id, which is not a run.
WHERE x.run_id <> '';

-- CROSS JOIN fixes the join order: run, its segments, their rowid ranges.
CREATE VIEW snapshots AS
${kSnapshotSelect1}
${kSnapshotFrom};

CREATE VIEW host_snapshots AS
SELECT r.run_id, x.ts_ms, x.cpu_percent, x.mem_percent, x.mem_available_bytes, x.disk_percent, x.disk_free_bytes,
  x.host, x.mem_total_bytes, x.disk_mount, x.disks, x.load1, x.load5, x.load15, x.cpu_count,
  x.swap_total_bytes, x.swap_used_bytes, x.errors
FROM t_host_snapshot x JOIN t_run r ON r.id = x.run;

CREATE VIEW gpu_snapshots AS
SELECT r.run_id, x.ts_ms, x.host, x.device_index, x.uuid, x.name, x.util_percent, x.mem_used_bytes, x.mem_total_bytes,
  x.temperature_c, x.power_w, x.processes
FROM t_gpu x JOIN t_run r ON r.id = x.run;

CREATE VIEW metrics AS
SELECT r.run_id, c.name AS component, n.name, x.ts_ms, x.value, x.pid, x.labels
FROM t_metric x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp JOIN t_name n ON n.id = x.name;

CREATE VIEW heartbeats AS
SELECT r.run_id, c.name AS component, x.pid, x.ts_ms, x.uptime_ms, x.rows_written, x.dropped_total, x.flush_p50_ms,
  x.flush_p99_ms, x.wal_bytes, x.last_batch_size, x.ticks_skipped, x.connections, x.queues
FROM t_heartbeat x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp;

CREATE VIEW alerts AS
SELECT r.run_id, x.rule, ${kSeverity} AS severity, ${kAlertState} AS state, x.value, x.threshold, x.fired_at_ms,
  x.resolved_at_ms, x.message, c.name AS component, x.pid, x.ts_ms, x.labels
FROM t_alert x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp;

CREATE VIEW processes AS
SELECT r.run_id, c.name AS component, x.pid, x.ppid, x.command, x.host, x.started_at_ms, x.exited_at_ms, x.exit_code, x.signal
FROM t_process x JOIN t_run r ON r.id = x.run JOIN t_component c ON c.id = x.comp;

${kRollupsView}

CREATE VIEW host_rollups_1m AS
SELECT r.run_id, x.minute_ms, x.samples,
  ${statView(kHostRollupFigures)}
FROM t_host_rollup x JOIN t_run r ON r.id = x.run;

${kMetricRollupsView}
`;

// ─── remote write and host identity (src/remote-write) ───────────────────
// t_remote_cursor: how far each remote-write target has read each table
// (rowid), and the rowid a request in flight reaches (NULL when none), so a
// restart resends exactly that request first. t_host: the host inventory a
// hub records once at start; t_meta: small settings such as a generated host id.
const kMigrationRemoteWrite = `
CREATE TABLE t_remote_cursor (
  target TEXT NOT NULL, source TEXT NOT NULL, last_rowid INTEGER NOT NULL, inflight_to INTEGER, updated_at_ms INTEGER,
  PRIMARY KEY (target, source)
) WITHOUT ROWID;
CREATE TABLE t_host (
  host_id TEXT PRIMARY KEY, hostname TEXT, cpu_model TEXT, cpu_cores INTEGER, cpu_physical_cores INTEGER,
  mem_total_bytes INTEGER, os TEXT, os_release TEXT, kernel TEXT, arch TEXT, gpus TEXT,
  first_seen_ms INTEGER, last_seen_ms INTEGER
);
CREATE TABLE t_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE VIEW remote_write_cursors AS
SELECT target, source, last_rowid, inflight_to, updated_at_ms FROM t_remote_cursor;
CREATE VIEW hosts AS
SELECT host_id, hostname, cpu_model, cpu_cores, cpu_physical_cores, mem_total_bytes, os, os_release, kernel, arch, gpus,
  first_seen_ms, last_seen_ms
FROM t_host;
`;

// Containers (docs/containers.md): one row per container per run, its
// snapshots, and per-minute rollups. Raw rows and rollups follow the same
// retention as processes.
const kMigrationContainers = `
CREATE TABLE t_container (
  id INTEGER PRIMARY KEY,
  run INTEGER NOT NULL, container_id TEXT NOT NULL, name TEXT, image TEXT, labels TEXT,
  created_at_ms INTEGER, started_at_ms INTEGER, exited_at_ms INTEGER, exit_code INTEGER,
  orphan INTEGER NOT NULL DEFAULT 0, cleaned_up INTEGER NOT NULL DEFAULT 0,
  UNIQUE (run, container_id)
);

CREATE TABLE t_container_snapshot (
  run INTEGER NOT NULL, container_id TEXT NOT NULL, name TEXT, ts_ms INTEGER NOT NULL, pid INTEGER,
  cpu_percent REAL, mem_bytes INTEGER, mem_limit_bytes INTEGER, pids INTEGER, io_read_bytes INTEGER, io_write_bytes INTEGER,
  cpu_ms REAL, source TEXT, stale INTEGER, errors TEXT
);
CREATE INDEX t_container_snapshot_run_ts ON t_container_snapshot (run, ts_ms);

CREATE TABLE t_container_rollup (
  run INTEGER NOT NULL, container_id TEXT NOT NULL, minute_ms INTEGER NOT NULL, samples INTEGER NOT NULL,
  ${statColumns(kContainerRollupFigures)},
  PRIMARY KEY (run, container_id, minute_ms)
) WITHOUT ROWID;

CREATE VIEW containers AS
SELECT r.run_id, x.container_id, x.name, x.image, x.created_at_ms, x.exited_at_ms, x.exit_code, x.cleaned_up,
  x.labels, x.started_at_ms, x.orphan
FROM t_container x JOIN t_run r ON r.id = x.run;

CREATE VIEW container_snapshots AS
SELECT r.run_id, x.container_id, x.name, x.ts_ms, x.cpu_percent, x.mem_bytes, x.mem_limit_bytes, x.pids,
  x.io_read_bytes, x.io_write_bytes, x.cpu_ms, x.pid, x.source, x.stale, x.errors
FROM t_container_snapshot x JOIN t_run r ON r.id = x.run;

${kContainerRollupsView}
`;

/**
 * Forward-only migrations: entry i takes the file from user_version i to i+1.
 * Never edit a released entry; append a new one.
 */
// Runtime figures of Node.js processes (heap, external memory, GC pauses,
// active resources): new t_snapshot columns and the view with them; and the
// run summaries (store/run-summary.ts).
const kMigrationRuntimeAndSummary = `
${kAddedSnapshotColumns.map((c) => `ALTER TABLE t_snapshot ADD COLUMN ${c.column} ${c.type};`).join('\n')}
DROP VIEW snapshots;
CREATE VIEW snapshots AS
${kSnapshotSelect}
${kSnapshotFrom};
${kMigrationRunSummary}`;

// Rollup tables keyed by minute first: (run, minute_ms, comp) and so on,
// not (run, comp, minute_ms). A batch's upserts all fall in the current
// minute, so they touch neighbouring rows of one or two leaf pages instead
// of one page per component or container, and a retention delete by run and
// minute is an index range. Each table is rebuilt (SQLite cannot change a
// primary key) with its rows in the new order; the views that read them are
// dropped first (a table rename checks every view) and re-created unchanged.
// t_host_rollup is (run, minute_ms) already.
function rebuild(table: string, columns: string, key: string): string {
  return `CREATE TABLE ${table}_v5 (
  ${columns},
  PRIMARY KEY (${key})
) WITHOUT ROWID;
INSERT INTO ${table}_v5 SELECT * FROM ${table} ORDER BY ${key};
DROP TABLE ${table};
ALTER TABLE ${table}_v5 RENAME TO ${table};`;
}

const kMigrationMinuteFirst = `
DROP VIEW rollups_1m;
DROP VIEW metric_rollups_1m;
DROP VIEW container_rollups_1m;
${rebuild(
  't_rollup',
  `run INTEGER NOT NULL, comp INTEGER NOT NULL, minute_ms INTEGER NOT NULL, samples INTEGER NOT NULL,
  ${statColumns(kResourceRollupFigures)}`,
  'run, minute_ms, comp',
)}
${rebuild(
  't_metric_rollup',
  `run INTEGER NOT NULL, comp INTEGER NOT NULL, name INTEGER NOT NULL, minute_ms INTEGER NOT NULL,
  value_n INTEGER NOT NULL, value_sum REAL, value_min REAL, value_max REAL`,
  'run, minute_ms, comp, name',
)}
${rebuild(
  't_container_rollup',
  `run INTEGER NOT NULL, container_id TEXT NOT NULL, minute_ms INTEGER NOT NULL, samples INTEGER NOT NULL,
  ${statColumns(kContainerRollupFigures)}`,
  'run, minute_ms, container_id',
)}
${kRollupsView}
${kMetricRollupsView}
${kContainerRollupsView}
`;

export const kMigrations: readonly string[] = [
  kMigration1,
  kMigrationRemoteWrite,
  kMigrationContainers,
  kMigrationRuntimeAndSummary,
  kMigrationMinuteFirst,
];

/** The schema version this code writes (`PRAGMA user_version`). */
export const kSchemaVersion = kMigrations.length;
