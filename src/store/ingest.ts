import type { Database as Db, Statement } from 'better-sqlite3';
import {
  AlertState, BatchScanner, LifecycleKind, Topic, decodeBatch, kCol, kGpuFigures, kHeartbeatFigures, kHostFigures, kResourceFigures, kSnapshotColumns,
  publishOf,
} from '../wire/index.js';
import type { Alert, ContainerSnapshot, Envelope, GpuSnapshot, Heartbeat, HostSnapshot, MetricSample, ResourceSnapshot } from '../wire/index.js';
import { RollupBatch } from './rollups.js';
import { Renamer } from './rename.js';
import { Retention } from './retention.js';
import { SnapshotInserter, addRow } from './snapshot-insert.js';
import type { IngestLimits, RawTable, Segment } from './retention.js';

// Turns encoded batches into rows: one IMMEDIATE transaction per batch,
// statements prepared once, ids for runs/components/metric names cached.
// RESOURCE envelopes, nearly all of the volume, are read by the wire's
// BatchScanner straight into t_snapshot column order and inserted by
// SnapshotInserter (snapshot-insert.ts); every other envelope is decoded by protobufjs and inserted by
// the figure tables' column lists. Rollups: rollups.ts; retention: retention.ts.

export type { IngestLimits } from './retention.js';

/** The fields of a LIFECYCLE payload the store reads (proto Lifecycle). */
interface LifecycleFields {
  tsMs: number;
  runId: string;
  kind: number;
  component?: string | null;
  pid?: number | null;
  ppid?: number | null;
  command?: string | null;
  exitCode?: number | null;
  signal?: string | null;
  host?: string | null;
  // Containers
  containerId?: string | null;
  image?: string | null;
  labels?: Record<string, string> | null;
  createdAtMs?: number | null;
  previousComponent?: string | null;
}

const kRowParams = `(${new Array<string>(kSnapshotColumns).fill('?').join(', ')})`;

type Nullable<T> = T | null | undefined;
type Value = number | string | null;

function nn<T>(v: Nullable<T>): T | null {
  return v ?? null;
}
function nonEmpty(v: Nullable<string>): string | null {
  return v === undefined || v === null || v === '' ? null : v;
}
/**
 * Decoded protobuf messages serialise 64-bit fields as strings through their
 * toJSON(); copy own fields into plain objects first so numbers stay numbers.
 * (Fields left at their proto3 default live on the prototype and are left out.)
 */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && x !== undefined && typeof x !== 'function') out[k] = plain(x);
  }
  return out;
}

function json(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v) && v.length === 0) return null;
  if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return null;
  return JSON.stringify(plain(v));
}

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

// Columns of the other raw tables: their own keys, then the table's figures.
const kHostColumnFigures = kHostFigures.filter((f) => 'column' in f);
const kHostInsert = insertSql('t_host_snapshot', ['run', 'ts_ms', 'host', 'disk_mount', 'disks', 'errors', ...kHostColumnFigures.map((f) => f.field)]);
const kGpuInsert = insertSql('t_gpu', ['run', 'ts_ms', 'host', 'device_index', 'uuid', 'name', 'processes', ...kGpuFigures.map((f) => f.field)]);
const kHeartbeatInsert = insertSql('t_heartbeat', ['run', 'ts_ms', 'comp', 'pid', 'queues', ...kHeartbeatFigures.map((f) => f.field)]);

/** A snapshot that took the general way, as its t_snapshot row. */
function snapshotRow(p: ResourceSnapshot, run: number, comp: number): Value[] {
  const v = kResourceFigures.map((f): Value => {
    const x = p[f.key];
    if (f.type === 'errors') return json(x);
    if (f.type === 'string') return nonEmpty(x as Nullable<string>);
    return (x as Nullable<number>) ?? ('scalar' in f ? 0 : null);
  });
  v[kCol.run] = run;
  v[kCol.comp] = comp;
  return v;
}

/** Per-batch bookkeeping, applied to the in-memory state only after commit. */
interface BatchNotes {
  /** run id → [min ts, max ts] of raw rows in this batch. */
  runTs: Map<number, [number, number]>;
  /** raw table → run id → min ts of this batch's rows there (for retention). */
  rawTs: Map<RawTable, Map<number, number>>;
  /** run id → the segment (rowid range) of this batch's snapshots of that run. */
  segments: Map<number, Segment>;
  /** Ids cached during the transaction, forgotten if it rolls back. */
  newIds: [Map<string, number>, string][];
  /** Processes named anew: [run, pid, old component id, new component id]. */
  renames?: [number, number, number, number][];
}

type Stmt = 'runSel' | 'runIns' | 'compSel' | 'compIns' | 'nameSel' | 'nameIns' | 'runTs' | 'runStarted' | 'runEnded' | 'snapshot'
  | 'host' | 'gpu' | 'metric' | 'heartbeat' | 'alertFire' | 'alertResolve' | 'procStart' | 'procExit' | 'procExitLate' | 'procExitIns' | 'segmentIns'
  | 'container' | 'containerRow';

/** The writer's row logic; one instance per connection. */
export class Ingestor {
  readonly #runs = new Map<string, number>();
  readonly #comps = new Map<string, number>();
  readonly #names = new Map<string, number>();
  readonly #s: Record<Stmt, Statement>;
  readonly #txn: (bytes: Uint8Array, notes: BatchNotes) => number;
  readonly #rollups: RollupBatch;
  readonly #retention: Retention;
  readonly #renamer: Renamer;
  readonly #inserter: SnapshotInserter;
  /** The batch being written. */
  #notes: BatchNotes = { runTs: new Map(), rawTs: new Map(), segments: new Map(), newIds: [] };

  constructor(db: Db, limits: IngestLimits) {
    const p = (sql: string): Statement => db.prepare(sql);
    this.#s = {
      runSel: p('SELECT id FROM t_run WHERE run_id = ?'),
      runIns: p('INSERT INTO t_run (run_id) VALUES (?)'),
      compSel: p('SELECT id FROM t_component WHERE name = ?'),
      compIns: p('INSERT INTO t_component (name) VALUES (?)'),
      nameSel: p('SELECT id FROM t_name WHERE name = ?'),
      nameIns: p('INSERT INTO t_name (name) VALUES (?)'),
      runTs: p(
        'UPDATE t_run SET first_ts_ms = min(coalesce(first_ts_ms, :lo), :lo), last_ts_ms = max(coalesce(last_ts_ms, :hi), :hi) WHERE id = :id',
      ),
      runStarted: p('UPDATE t_run SET started_at_ms = ?, command = coalesce(?, command), host = coalesce(?, host) WHERE id = ?'),
      runEnded: p('UPDATE t_run SET ended_at_ms = ?, exit_code = ?, signal = ? WHERE id = ?'),
      snapshot: p(`INSERT INTO t_snapshot VALUES ${kRowParams}`),
      host: p(kHostInsert),
      gpu: p(kGpuInsert),
      metric: p('INSERT INTO t_metric VALUES (?, ?, ?, ?, ?, ?, ?)'),
      heartbeat: p(kHeartbeatInsert),
      alertFire: p(
        `INSERT INTO t_alert (run, rule, comp, pid, severity, state, value, threshold, message, fired_at_ms, resolved_at_ms, ts_ms, labels)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run, rule, comp, fired_at_ms) DO UPDATE SET value = excluded.value, message = excluded.message,
           ts_ms = excluded.ts_ms WHERE state = 1`,
      ),
      alertResolve: p(
        `UPDATE t_alert SET state = 2, resolved_at_ms = ?, ts_ms = ?, value = coalesce(?, value)
         WHERE run = ? AND rule = ? AND comp = ? AND fired_at_ms = ?`,
      ),
      procStart: p('INSERT INTO t_process (run, comp, pid, ppid, command, host, started_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      procExit: p(
        `UPDATE t_process SET exited_at_ms = ?, exit_code = ?, signal = ? WHERE id = (
           SELECT id FROM t_process WHERE run = ? AND pid = ? AND exited_at_ms IS NULL ORDER BY id DESC LIMIT 1)`,
      ),
      // A late exit status: the exit was stored before the waiter knew how it ended.
      procExitLate: p(
        `UPDATE t_process SET exit_code = ?, signal = ? WHERE id = (
           SELECT id FROM t_process WHERE run = ? AND pid = ? AND exited_at_ms IS NOT NULL AND exit_code IS NULL AND signal IS NULL
           ORDER BY id DESC LIMIT 1)`,
      ),
      procExitIns: p(
        'INSERT INTO t_process (run, comp, pid, ppid, command, host, exited_at_ms, exit_code, signal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      segmentIns: p('INSERT INTO t_segment VALUES (?, ?, ?, ?, ?, ?)'),
      // Containers: snapshots, and one row per container per run.
      container: p(`INSERT INTO t_container_snapshot VALUES (${new Array(15).fill('?').join(', ')})`),
      containerRow: p(
        `INSERT INTO t_container (run, container_id, name, image, labels, created_at_ms, started_at_ms, exited_at_ms, exit_code, orphan, cleaned_up)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run, container_id) DO UPDATE SET name = coalesce(excluded.name, name), image = coalesce(excluded.image, image),
           labels = coalesce(excluded.labels, labels), created_at_ms = coalesce(excluded.created_at_ms, created_at_ms),
           started_at_ms = coalesce(excluded.started_at_ms, started_at_ms), exited_at_ms = coalesce(excluded.exited_at_ms, exited_at_ms),
           exit_code = coalesce(excluded.exit_code, exit_code), orphan = max(orphan, excluded.orphan), cleaned_up = max(cleaned_up, excluded.cleaned_up)`,
      ),
    };
    this.#rollups = new RollupBatch(db);
    this.#retention = new Retention(db, limits);
    this.#renamer = new Renamer(db);
    this.#inserter = new SnapshotInserter(db);
    const txn = db.transaction((bytes: Uint8Array, notes: BatchNotes) => this.#apply(bytes, notes));
    this.#txn = (bytes, notes) => txn.immediate(bytes, notes);
  }

  /**
   * Decodes and writes one encoded `Publish` batch in one transaction;
   * returns the envelopes stored. A batch that does not decode or validate
   * throws WireError and writes nothing.
   */
  write(bytes: Uint8Array): number {
    const notes: BatchNotes = { runTs: new Map(), rawTs: new Map(), segments: new Map(), newIds: [] };
    let rows: number;
    try {
      rows = this.#txn(bytes, notes);
    } catch (err) {
      for (const [map, key] of notes.newIds) map.delete(key);
      this.#inserter.reset();
      throw err;
    }
    this.#retention.written(notes.runTs, notes.rawTs, notes.segments);
    return rows;
  }

  /** Whether a retention step has work to do. */
  needsMaintenance(): boolean {
    return this.#retention.needsMaintenance();
  }

  /** One retention step (see Retention.maintainStep). */
  maintainStep(): boolean {
    return this.#retention.maintainStep();
  }

  /** Retention steps that keep pace with `rows` just written (see Retention.keepPace). */
  keepPace(rows: number, maxSteps: number): boolean {
    return this.#retention.keepPace(rows, maxSteps);
  }

  #id(map: Map<string, number>, sel: Statement, ins: Statement, key: string): number {
    let id = map.get(key);
    if (id !== undefined) return id;
    const row = sel.get(key) as { id: number } | undefined;
    id = row === undefined ? Number(ins.run(key).lastInsertRowid) : row.id;
    map.set(key, id);
    this.#notes.newIds.push([map, key]);
    return id;
  }

  #run(runId: Nullable<string>): number {
    return this.#id(this.#runs, this.#s.runSel, this.#s.runIns, runId ?? '');
  }

  #comp(name: Nullable<string>): number {
    return this.#id(this.#comps, this.#s.compSel, this.#s.compIns, name ?? '');
  }

  /** A raw row of `run` at `ts` was written (to `table`, unless a snapshot). */
  #seen(run: number, ts: number, table?: RawTable): void {
    if (table !== undefined) {
      let m = this.#notes.rawTs.get(table);
      if (m === undefined) this.#notes.rawTs.set(table, (m = new Map<number, number>()));
      const lo = m.get(run);
      if (lo === undefined || ts < lo) m.set(run, ts);
    }
    const r = this.#notes.runTs.get(run);
    if (r === undefined) this.#notes.runTs.set(run, [ts, ts]);
    else {
      if (ts < r[0]) r[0] = ts;
      if (ts > r[1]) r[1] = ts;
    }
  }

  #segment(run: number): Segment {
    let g = this.#notes.segments.get(run);
    if (g === undefined) {
      g = { first: 0, last: 0, min: 0, max: 0, rows: 0 };
      this.#notes.segments.set(run, g);
    }
    return g;
  }

  #apply(bytes: Uint8Array, notes: BatchNotes): number {
    this.#notes = notes;
    this.#rollups.begin();
    const others: [number, number][] = [];
    const rows = this.#snapshots(bytes, others);
    if (others.length > 0) for (const e of decodeBatch(publishOf(bytes, others))) this.#other(e);
    const s = this.#s;
    for (const [r, g] of notes.segments) {
      s.segmentIns.run(r, g.first, g.last, g.min, g.max, g.rows);
      this.#seen(r, g.min);
      this.#seen(r, g.max);
    }
    this.#rollups.write();
    if (notes.renames !== undefined) this.#renamer.renameAll(notes.renames);
    for (const [id, [lo, hi]] of notes.runTs) s.runTs.run({ lo, hi, id });
    return rows;
  }

  /**
   * The fast path: RESOURCE envelopes read by the scanner into column order
   * for the SnapshotInserter. Collects the byte ranges of every
   * other envelope in `others`; returns the envelopes read.
   */
  #snapshots(bytes: Uint8Array, others: [number, number][]): number {
    const rollups = this.#rollups;
    // Consecutive snapshots usually share run and component: skip the lookups.
    let lastRunId: string | undefined;
    let lastCompName: string | undefined;
    let run = 0;
    let comp = 0;
    let seg: Segment | undefined;
    const inserter = this.#inserter;
    const scanner = new BatchScanner(bytes, Date.now());
    const row = scanner.row;
    const v = row.values;
    let rows = 0;
    for (let kind = scanner.next(); kind !== 'done'; kind = scanner.next()) {
      rows++;
      if (kind === 'other') {
        others.push([scanner.otherStart, scanner.otherEnd]);
        continue;
      }
      if (row.runId !== lastRunId) {
        run = this.#run(row.runId);
        lastRunId = row.runId;
        seg = this.#segment(run);
      }
      if (row.component !== lastCompName) {
        comp = this.#comp(row.component);
        lastCompName = row.component;
      }
      v[kCol.run] = run;
      v[kCol.comp] = comp;
      const ts = v[kCol.ts] as number;
      inserter.add(v, seg!, ts);
      rollups.resource(run, comp, ts, v);
    }
    inserter.flush();
    return rows;
  }

  /** Every envelope but the usual RESOURCE ones, decoded by protobufjs. */
  #other(e: Envelope): void {
    const s = this.#s;
    switch (e.topic) {
      case Topic.RESOURCE: {
        // Only an unusual encoding (e.g. a payload given twice) lands here.
        const p = e.payload;
        const r = this.#run(p.runId);
        const c = this.#comp(p.component);
        const values = snapshotRow(p, r, c);
        addRow(this.#segment(r), Number(s.snapshot.run(values).lastInsertRowid), p.tsMs);
        this.#rollups.resource(r, c, p.tsMs, values);
        break;
      }
      case Topic.HOST: {
        const p: HostSnapshot = e.payload;
        const r = this.#run(p.runId);
        const disk = p.disks?.[0];
        s.host.run(
          r, p.tsMs, nonEmpty(p.host), nonEmpty(disk?.mount), json(p.disks), json(p.errors),
          ...kHostColumnFigures.map((f) => nn('disk' in f ? disk?.[f.disk] : p[f.key])),
        );
        this.#seen(r, p.tsMs, 't_host_snapshot');
        this.#rollups.host(r, p);
        break;
      }
      case Topic.GPU: {
        const p: GpuSnapshot = e.payload;
        const r = this.#run(p.runId);
        for (const d of p.devices ?? []) {
          s.gpu.run(r, p.tsMs, nonEmpty(p.host), nn(d.index), nonEmpty(d.uuid), nonEmpty(d.name), json(d.processes), ...kGpuFigures.map((f) => nn(d[f.key])));
        }
        this.#seen(r, p.tsMs, 't_gpu');
        break;
      }
      case Topic.METRIC: {
        const p: MetricSample = e.payload;
        const r = this.#run(p.runId);
        const c = this.#comp(p.component);
        const name = this.#id(this.#names, s.nameSel, s.nameIns, p.name);
        s.metric.run(r, c, nn(p.pid), name, p.tsMs, p.value, json(p.labels));
        this.#seen(r, p.tsMs, 't_metric');
        this.#rollups.metric(r, c, name, p.tsMs, p.value);
        break;
      }
      case Topic.ALERT:
        this.#alert(e.payload, this.#run(e.payload.runId), this.#comp(e.payload.component));
        break;
      case Topic.HEARTBEAT: {
        const p: Heartbeat = e.payload;
        const r = this.#run(p.runId);
        s.heartbeat.run(r, p.tsMs, this.#comp(p.component), nn(p.pid), json(p.queues), ...kHeartbeatFigures.map((f) => nn(p[f.key])));
        this.#seen(r, p.tsMs, 't_heartbeat');
        break;
      }
      case Topic.CONTAINER: {
        const p: ContainerSnapshot = e.payload;
        const r = this.#run(p.runId);
        s.container.run(
          r, p.containerId, nonEmpty(p.name), p.tsMs, nn(p.pid), nn(p.cpuPercent), nn(p.memBytes), nn(p.memLimitBytes), nn(p.pids),
          nn(p.ioReadBytes), nn(p.ioWriteBytes), nn(p.cpuMs), nonEmpty(p.source), p.stale === true ? 1 : 0, json(p.errors),
        );
        this.#seen(r, p.tsMs, 't_container_snapshot');
        this.#rollups.container(r, p);
        break;
      }
      case Topic.LIFECYCLE: {
        // The wire's Lifecycle type reduces to never (its generated `kind`
        // enum intersected with LifecycleKind), so read it through its fields.
        const p = (e as { payload: unknown }).payload as LifecycleFields;
        this.#lifecycle(p, this.#run(p.runId), this.#comp(p.component));
        break;
      }
      default:
        throw new TypeError(`unknown topic ${String((e as { topic: unknown }).topic)}`);
    }
  }

  #alert(p: Alert, run: number, comp: number): void {
    const s = this.#s;
    const firedAt = p.firedAtMs || p.tsMs;
    if ((p.state as number | null | undefined) === AlertState.RESOLVED) {
      const resolvedAt = p.resolvedAtMs ?? p.tsMs;
      const changed = s.alertResolve.run(resolvedAt, p.tsMs, nn(p.value), run, p.rule, comp, firedAt).changes;
      if (changed > 0) return;
      // The firing row was never stored (lost, or pruned): keep the resolution.
      s.alertFire.run(run, p.rule, comp, nn(p.pid), nn(p.severity), AlertState.RESOLVED, nn(p.value), nn(p.threshold),
        nonEmpty(p.message), firedAt, resolvedAt, p.tsMs, json(p.labels));
      return;
    }
    s.alertFire.run(run, p.rule, comp, nn(p.pid), nn(p.severity), nn(p.state) ?? 0, nn(p.value), nn(p.threshold),
      nonEmpty(p.message), firedAt, null, p.tsMs, json(p.labels));
  }

  #lifecycle(p: LifecycleFields, run: number, comp: number): void {
    const s = this.#s;
    switch (p.kind) {
      case LifecycleKind.RUN_STARTED:
        s.runStarted.run(p.tsMs, nonEmpty(p.command), nonEmpty(p.host), run);
        break;
      case LifecycleKind.RUN_ENDED:
        s.runEnded.run(p.tsMs, nn(p.exitCode), nonEmpty(p.signal), run);
        break;
      case LifecycleKind.PROCESS_STARTED:
        s.procStart.run(run, comp, nn(p.pid), nn(p.ppid), nonEmpty(p.command), nonEmpty(p.host), p.tsMs);
        break;
      case LifecycleKind.PROCESS_EXITED: {
        let changed = s.procExit.run(p.tsMs, nn(p.exitCode), nonEmpty(p.signal), run, nn(p.pid)).changes;
        if (changed === 0 && (p.exitCode != null || nonEmpty(p.signal) !== null)) {
          changed = s.procExitLate.run(nn(p.exitCode), nonEmpty(p.signal), run, nn(p.pid)).changes;
        }
        if (changed === 0) {
          s.procExitIns.run(run, comp, nn(p.pid), nn(p.ppid), nonEmpty(p.command), nonEmpty(p.host), p.tsMs, nn(p.exitCode),
            nonEmpty(p.signal));
        }
        break;
      }
      case LifecycleKind.PROCESS_RENAMED:
        // After the batch's rows and rollups (see Renamer).
        if (p.pid && nonEmpty(p.previousComponent) !== null && p.previousComponent !== p.component) {
          (this.#notes.renames ??= []).push([run, p.pid, this.#comp(p.previousComponent), comp]);
        }
        break;
      case LifecycleKind.CONTAINER_STARTED:
      case LifecycleKind.CONTAINER_EXITED:
      case LifecycleKind.CONTAINER_CLEANED:
      case LifecycleKind.CONTAINER_ORPHANED: {
        const k = p.kind;
        s.containerRow.run(
          run, nonEmpty(p.containerId) ?? '', nonEmpty(p.component), nonEmpty(p.image),
          p.labels != null && Object.keys(p.labels).length > 0 ? json(p.labels) : null, p.createdAtMs || null,
          k === LifecycleKind.CONTAINER_STARTED ? p.tsMs : null, k === LifecycleKind.CONTAINER_EXITED ? p.tsMs : null,
          k === LifecycleKind.CONTAINER_EXITED ? nn(p.exitCode) : null, k === LifecycleKind.CONTAINER_ORPHANED ? 1 : 0,
          k === LifecycleKind.CONTAINER_CLEANED ? 1 : 0,
        );
        break;
      }
      default:
        throw new TypeError(`unknown lifecycle kind ${String(p.kind)}`);
    }
  }
}
