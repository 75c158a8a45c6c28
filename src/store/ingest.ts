import type { Database as Db, Statement } from 'better-sqlite3';
import { AlertState, BatchScanner, LifecycleKind, Topic, decodeBatch, kCol, kSnapshotColumns, publishOf } from '../wire/index.js';
import type { Alert, ContainerSnapshot, GpuSnapshot, Heartbeat, HostSnapshot, MetricSample, ResourceSnapshot } from '../wire/index.js';

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
}
import { kContainerRollupFigures, kHostRollupFigures, kResourceRollupFigures } from './schema.js';
import type { RollupFigure } from './schema.js';

// Turns decoded envelopes into rows: one IMMEDIATE transaction per batch,
// statements prepared once, ids for runs/components/metric names cached.
// Rollups are aggregated in memory per batch and UPSERTed once per
// (run, component, minute), so a batch of 1000 snapshots of 20 processes
// costs 1000 inserts and about 20 upserts.

const kMinuteMs = 60_000;
/** Snapshots per multi-row INSERT: fewer statement steps and JS→C++ calls per row. */
const kMultiRows = 16;
const kRowParams = `(${new Array<string>(kSnapshotColumns).fill('?').join(', ')})`;

/** Rows one retention statement deletes at most, so the write lock is short. */
export const kRetentionStepRows = 500;

type Nullable<T> = T | null | undefined;

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

/** count/sum/min/max of several figures, for one rollup key. */
class Agg {
  readonly n: number[];
  readonly sum: number[];
  readonly min: (number | null)[];
  readonly max: (number | null)[];
  samples = 0;

  constructor(readonly keys: readonly (number | string)[], figures: number) {
    this.n = new Array<number>(figures).fill(0);
    this.sum = new Array<number>(figures).fill(0);
    this.min = new Array<number | null>(figures).fill(null);
    this.max = new Array<number | null>(figures).fill(null);
  }

  add(i: number, v: Nullable<number>): void {
    if (v === null || v === undefined) return;
    this.n[i]! += 1;
    this.sum[i]! += v;
    const lo = this.min[i]!;
    if (lo === null || v < lo) this.min[i] = v;
    const hi = this.max[i]!;
    if (hi === null || v > hi) this.max[i] = v;
  }

  params(): (number | string | null)[] {
    const out: (number | string | null)[] = [...this.keys, this.samples];
    for (let i = 0; i < this.n.length; ++i) out.push(this.n[i]!, this.sum[i]!, this.min[i]!, this.max[i]!);
    return out;
  }
}

function upsertSql(table: string, keys: readonly string[], figures: readonly string[], samples: string | null): string {
  const cols = [...keys, ...(samples === null ? [] : [samples])];
  const set: string[] = samples === null ? [] : [`${samples} = ${samples} + excluded.${samples}`];
  for (const f of figures) {
    cols.push(`${f}_n`, `${f}_sum`, `${f}_min`, `${f}_max`);
    set.push(
      `${f}_n = ${f}_n + excluded.${f}_n`,
      `${f}_sum = ${f}_sum + excluded.${f}_sum`,
      // NULL (no value yet) loses to any value; a NULL newcomer keeps the old.
      `${f}_min = CASE WHEN ${f}_min IS NULL OR excluded.${f}_min < ${f}_min THEN excluded.${f}_min ELSE ${f}_min END`,
      `${f}_max = CASE WHEN ${f}_max IS NULL OR excluded.${f}_max > ${f}_max THEN excluded.${f}_max ELSE ${f}_max END`,
    );
  }
  return (
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set.join(', ')}`
  );
}

const names = (figs: readonly RollupFigure[]): string[] => figs.map((f) => f.name);

/** Per-batch bookkeeping, applied to the in-memory state only after commit. */
interface BatchNotes {
  /** run id → [min ts, max ts] of raw rows in this batch. */
  runTs: Map<number, [number, number]>;
  /** run id → the segment (rowid range) of this batch's snapshots of that run. */
  segments: Map<number, Segment>;
  /** Ids cached during the transaction, forgotten if it rolls back. */
  newIds: [Map<string, number>, string][];
}

interface SegmentRow {
  id: number;
  run: number;
  first: number;
  last: number;
  rows: number;
}

interface Segment {
  first: number;
  last: number;
  min: number;
  max: number;
  rows: number;
}

/** Raw tables pruned by (run, ts_ms); t_snapshot goes by segment. */
const kRawTables = ['t_host_snapshot', 't_gpu', 't_metric', 't_heartbeat', 't_container_snapshot'] as const;
const kRollupTables = ['t_rollup', 't_host_rollup', 't_metric_rollup', 't_container_rollup'] as const;

export interface IngestLimits {
  retentionMs: number;
  rollupRetentionMs: number;
  maxSamplesPerRun: number | undefined;
}

/** The writer's row logic; one instance per connection. */
export class Ingestor {
  readonly #db: Db;
  readonly #limits: IngestLimits;
  readonly #runs = new Map<string, number>();
  readonly #comps = new Map<string, number>();
  readonly #names = new Map<string, number>();
  readonly #s: Record<string, Statement>;
  readonly #txn: (bytes: Uint8Array, notes: BatchNotes) => number;

  /** Newest raw timestamp written: the retention clock. */
  #maxTs = 0;
  /** run → a lower bound of its oldest raw timestamp still stored. */
  readonly #oldestRaw = new Map<number, number>();
  /** run → a lower bound of its oldest rollup minute still stored. */
  readonly #oldestRollup = new Map<number, number>();
  /** run → raw snapshot count (only kept when maxSamplesPerRun is set). */
  readonly #counts = new Map<number, number>();
  /** A lower bound of the smallest t_segment.max_ts (Infinity: none). */
  #minSegmentMaxTs = Infinity;

  constructor(db: Db, limits: IngestLimits) {
    this.#db = db;
    this.#limits = limits;
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
      snapshotMulti: p(`INSERT INTO t_snapshot VALUES ${new Array<string>(kMultiRows).fill(kRowParams).join(', ')}`),
      host: p(`INSERT INTO t_host_snapshot VALUES (${new Array(18).fill('?').join(', ')})`),
      gpu: p(`INSERT INTO t_gpu VALUES (${new Array(12).fill('?').join(', ')})`),
      metric: p('INSERT INTO t_metric VALUES (?, ?, ?, ?, ?, ?, ?)'),
      heartbeat: p(`INSERT INTO t_heartbeat VALUES (${new Array(14).fill('?').join(', ')})`),
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
      procExitIns: p(
        'INSERT INTO t_process (run, comp, pid, ppid, command, host, exited_at_ms, exit_code, signal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      rollup: p(upsertSql('t_rollup', ['run', 'comp', 'minute_ms'], names(kResourceRollupFigures), 'samples')),
      hostRollup: p(upsertSql('t_host_rollup', ['run', 'minute_ms'], names(kHostRollupFigures), 'samples')),
      metricRollup: p(upsertSql('t_metric_rollup', ['run', 'comp', 'name', 'minute_ms'], ['value'], null)),
      // Containers: snapshots, rollups, and one row per container per run.
      container: p(`INSERT INTO t_container_snapshot VALUES (${new Array(15).fill('?').join(', ')})`),
      containerRollup: p(upsertSql('t_container_rollup', ['run', 'container_id', 'minute_ms'], names(kContainerRollupFigures), 'samples')),
      containerRow: p(
        `INSERT INTO t_container (run, container_id, name, image, labels, created_at_ms, started_at_ms, exited_at_ms, exit_code, orphan, cleaned_up)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run, container_id) DO UPDATE SET name = coalesce(excluded.name, name), image = coalesce(excluded.image, image),
           labels = coalesce(excluded.labels, labels), created_at_ms = coalesce(excluded.created_at_ms, created_at_ms),
           started_at_ms = coalesce(excluded.started_at_ms, started_at_ms), exited_at_ms = coalesce(excluded.exited_at_ms, exited_at_ms),
           exit_code = coalesce(excluded.exit_code, exit_code), orphan = max(orphan, excluded.orphan), cleaned_up = max(cleaned_up, excluded.cleaned_up)`,
      ),
      ...Object.fromEntries(
        kRawTables.map((t) => [`prune:${t}`, p(`DELETE FROM ${t} WHERE run = ? AND ts_ms < ? LIMIT ${kRetentionStepRows}`)]),
      ),
      ...Object.fromEntries(
        kRollupTables.map((t) => [`prune:${t}`, p(`DELETE FROM ${t} WHERE run = ? AND minute_ms < ? LIMIT ${kRetentionStepRows}`)]),
      ),
      'oldest:raw': p(`SELECT min(ts) AS ts FROM (${kRawTables.map((t) => `SELECT min(ts_ms) AS ts FROM ${t} WHERE run = :run`).join(' UNION ALL ')})`),
      'oldest:rollup': p(`SELECT min(ts) AS ts FROM (${kRollupTables.map((t) => `SELECT min(minute_ms) AS ts FROM ${t} WHERE run = :run`).join(' UNION ALL ')})`),
      segmentIns: p('INSERT INTO t_segment VALUES (?, ?, ?, ?, ?, ?)'),
      segmentOldest: p('SELECT rowid AS id, run, first_rowid AS first, last_rowid AS last, rows FROM t_segment WHERE max_ts < ? ORDER BY max_ts LIMIT 1'),
      segmentMinMax: p('SELECT min(max_ts) AS ts FROM t_segment'),
      segmentOfRun: p('SELECT rowid AS id, run, first_rowid AS first, last_rowid AS last, rows FROM t_segment WHERE run = ? ORDER BY min_ts LIMIT 1'),
      segmentDel: p('DELETE FROM t_segment WHERE rowid = ?'),
      segmentLeft: p('SELECT 1 FROM t_snapshot WHERE rowid BETWEEN ? AND ? AND run = ? LIMIT 1'),
      segmentUncount: p('UPDATE t_segment SET rows = max(0, rows - ?) WHERE rowid = ?'),
      segmentTrim: p(
        `UPDATE t_segment SET rows = rows - ?, first_rowid = coalesce(
           (SELECT min(rowid) FROM t_snapshot WHERE rowid BETWEEN first_rowid AND last_rowid AND run = t_segment.run), first_rowid)
         WHERE rowid = ?`,
      ),
      pruneSegment: p(`DELETE FROM t_snapshot WHERE rowid BETWEEN ? AND ? AND run = ? LIMIT ${kRetentionStepRows}`),
      capSegment: p('DELETE FROM t_snapshot WHERE rowid IN (SELECT rowid FROM t_snapshot WHERE rowid BETWEEN ? AND ? AND run = ? ORDER BY rowid LIMIT ?)'),
    };
    const txn = db.transaction((bytes: Uint8Array, notes: BatchNotes) => this.#apply(bytes, notes));
    this.#txn = (bytes, notes) => txn.immediate(bytes, notes);
    this.#loadState();
  }

  #loadState(): void {
    const rows = this.#db.prepare('SELECT id, first_ts_ms AS first, last_ts_ms AS last FROM t_run').all() as {
      id: number;
      first: number | null;
      last: number | null;
    }[];
    for (const r of rows) {
      if (r.last !== null && r.last > this.#maxTs) this.#maxTs = r.last;
      if (r.first !== null) {
        this.#oldestRaw.set(r.id, r.first);
        this.#oldestRollup.set(r.id, r.first);
      }
    }
    if (this.#limits.maxSamplesPerRun !== undefined) {
      const counts = this.#db.prepare('SELECT run, sum(rows) AS n FROM t_segment GROUP BY run').all() as { run: number; n: number }[];
      for (const c of counts) this.#counts.set(c.run, c.n);
    }
    this.#minSegmentMaxTs = (this.#s.segmentMinMax!.get() as { ts: number | null }).ts ?? Infinity;
  }

  /**
   * Decodes and writes one encoded `Publish` batch in one transaction;
   * returns the envelopes stored. A batch that does not decode or validate
   * throws WireError and writes nothing.
   */
  write(bytes: Uint8Array): number {
    const notes: BatchNotes = { runTs: new Map(), segments: new Map(), newIds: [] };
    let rows: number;
    try {
      rows = this.#txn(bytes, notes);
    } catch (err) {
      for (const [map, key] of notes.newIds) map.delete(key);
      throw err;
    }
    for (const [run, [lo, hi]] of notes.runTs) {
      if (hi > this.#maxTs) this.#maxTs = hi;
      const old = this.#oldestRaw.get(run);
      if (old === undefined || lo < old) this.#oldestRaw.set(run, lo);
      const oldR = this.#oldestRollup.get(run);
      if (oldR === undefined || lo < oldR) this.#oldestRollup.set(run, lo);
    }
    if (this.#limits.maxSamplesPerRun !== undefined) {
      for (const [run, g] of notes.segments) this.#counts.set(run, (this.#counts.get(run) ?? 0) + g.rows);
    }
    for (const g of notes.segments.values()) if (g.max < this.#minSegmentMaxTs) this.#minSegmentMaxTs = g.max;
    return rows;
  }

  #id(map: Map<string, number>, sel: Statement, ins: Statement, key: string, notes: BatchNotes): number {
    let id = map.get(key);
    if (id !== undefined) return id;
    const row = sel.get(key) as { id: number } | undefined;
    id = row === undefined ? Number(ins.run(key).lastInsertRowid) : row.id;
    map.set(key, id);
    notes.newIds.push([map, key]);
    return id;
  }

  #apply(bytes: Uint8Array, notes: BatchNotes): number {
    const s = this.#s;
    const runOf = (runId: Nullable<string>): number => this.#id(this.#runs, s.runSel!, s.runIns!, runId ?? '', notes);
    const compOf = (name: Nullable<string>): number => this.#id(this.#comps, s.compSel!, s.compIns!, name ?? '', notes);
    const seen = (run: number, ts: number): void => {
      const r = notes.runTs.get(run);
      if (r === undefined) notes.runTs.set(run, [ts, ts]);
      else {
        if (ts < r[0]) r[0] = ts;
        if (ts > r[1]) r[1] = ts;
      }
    };
    // (run, component) → minute → aggregate; numeric keys, no strings per row.
    const rollups = new Map<number, Map<number, Agg>>();
    const hostRollups = new Map<string, Agg>();
    const metricRollups = new Map<string, Agg>();
    const containerRollups = new Map<string, Agg>();
    // Consecutive snapshots usually share run and component: skip the lookups.
    let lastRunId: string | undefined;
    let lastCompName: string | undefined;
    let run = 0;
    let comp = 0;
    let seg: Segment | undefined;
    const segmentOf = (r: number): Segment => {
      let g = notes.segments.get(r);
      if (g === undefined) {
        g = { first: 0, last: 0, min: 0, max: 0, rows: 0 };
        notes.segments.set(r, g);
      }
      return g;
    };
    const addRow = (g: Segment, rowid: number, ts: number): void => {
      if (g.rows === 0) {
        g.first = rowid;
        g.min = ts;
        g.max = ts;
      } else {
        if (ts < g.min) g.min = ts;
        if (ts > g.max) g.max = ts;
      }
      g.last = rowid;
      g.rows++;
    };
    const snap = s.snapshot!;
    const multi = s.snapshotMulti!;
    // Rows wait here until kMultiRows are ready for one INSERT; the rowids
    // of one statement's rows are consecutive (single writer, rowid table),
    // so the last rowid gives every row's rowid for its segment.
    const params = new Array<number | string | null>(kSnapshotColumns * kMultiRows);
    const pendingSeg = new Array<Segment>(kMultiRows);
    const pendingTs = new Array<number>(kMultiRows);
    let pending = 0;
    const flushMulti = (): void => {
      const last = Number(multi.run(...params).lastInsertRowid);
      for (let i = 0; i < kMultiRows; ++i) addRow(pendingSeg[i]!, last - kMultiRows + 1 + i, pendingTs[i]!);
      pending = 0;
    };
    const flushSingles = (): void => {
      for (let i = 0; i < pending; ++i) {
        const info = snap.run(...params.slice(i * kSnapshotColumns, (i + 1) * kSnapshotColumns));
        addRow(pendingSeg[i]!, Number(info.lastInsertRowid), pendingTs[i]!);
      }
      pending = 0;
    };
    const scanner = new BatchScanner(bytes, Date.now());
    const row = scanner.row;
    const v = row.values;
    const others: [number, number][] = [];
    let rows = 0;
    for (let kind = scanner.next(); kind !== 'done'; kind = scanner.next()) {
      rows++;
      if (kind === 'other') {
        others.push([scanner.otherStart, scanner.otherEnd]);
        continue;
      }
      if (row.runId !== lastRunId) {
        run = runOf(row.runId);
        lastRunId = row.runId;
        seg = segmentOf(run);
      }
      if (row.component !== lastCompName) {
        comp = compOf(row.component);
        lastCompName = row.component;
      }
      v[kCol.run] = run;
      v[kCol.comp] = comp;
      const ts = v[kCol.ts] as number;
      const base = pending * kSnapshotColumns;
      for (let c = 0; c < kSnapshotColumns; ++c) params[base + c] = v[c]!;
      pendingSeg[pending] = seg!;
      pendingTs[pending] = ts;
      if (++pending === kMultiRows) flushMulti();
      const minute = ts - (ts % kMinuteMs);
      const k1 = run * 2097152 + comp;
      let byMinute = rollups.get(k1);
      if (byMinute === undefined) {
        byMinute = new Map();
        rollups.set(k1, byMinute);
      }
      let agg = byMinute.get(minute);
      if (agg === undefined) {
        agg = new Agg([run, comp, minute], kResourceRollupFigures.length);
        byMinute.set(minute, agg);
      }
      agg.samples += 1;
      // Order matches kResourceRollupFigures.
      agg.add(0, v[kCol.cpu] as number | null);
      agg.add(1, v[kCol.rss] as number | null);
      agg.add(2, v[kCol.uss] as number | null);
      agg.add(3, v[kCol.gpuUtil] as number | null);
      agg.add(4, v[kCol.gpuMem] as number | null);
      agg.add(5, v[kCol.lagP99] as number | null);
      agg.add(6, v[kCol.elu] as number | null);
    }
    flushSingles();
    const envs = others.length === 0 ? [] : decodeBatch(publishOf(bytes, others));
    for (const e of envs) {
      switch (e.topic) {
        case Topic.RESOURCE:
          // Only an unusual encoding (e.g. a payload given twice) lands here.
          this.#resourceSlow(e.payload, runOf(e.payload.runId), compOf(e.payload.component), (r, rowid) => {
            addRow(segmentOf(r), rowid, e.payload.tsMs);
          }, (r, c, ts, p) => {
            const minute = ts - (ts % kMinuteMs);
            let byMinute = rollups.get(r * 2097152 + c);
            if (byMinute === undefined) {
              byMinute = new Map();
              rollups.set(r * 2097152 + c, byMinute);
            }
            let agg = byMinute.get(minute);
            if (agg === undefined) {
              agg = new Agg([r, c, minute], kResourceRollupFigures.length);
              byMinute.set(minute, agg);
            }
            agg.samples += 1;
            agg.add(0, p.cpuPercent);
            agg.add(1, p.rssBytes);
            agg.add(2, p.ussBytes);
            agg.add(3, p.gpuUtilPercent);
            agg.add(4, p.gpuMemBytes);
            agg.add(5, p.loopLagP99Ms);
            agg.add(6, p.loopUtilization);
          });
          break;
        case Topic.HOST: {
          const p: HostSnapshot = e.payload;
          const r = runOf(p.runId);
          const disk = p.disks?.[0];
          s.host!.run(
            r, p.tsMs, nonEmpty(p.host), nn(p.cpuPercent), nn(p.memTotalBytes), nn(p.memAvailableBytes), nn(p.memPercent),
            nonEmpty(disk?.mount), nn(disk?.usedPercent), nn(disk?.freeBytes), json(p.disks), nn(p.load1), nn(p.load5),
            nn(p.load15), nn(p.cpuCount), nn(p.swapTotalBytes), nn(p.swapUsedBytes), json(p.errors),
          );
          seen(r, p.tsMs);
          const minute = p.tsMs - (p.tsMs % kMinuteMs);
          const key = `${r}:${minute}`;
          let a = hostRollups.get(key);
          if (a === undefined) {
            a = new Agg([r, minute], kHostRollupFigures.length);
            hostRollups.set(key, a);
          }
          a.samples += 1;
          // Order matches kHostRollupFigures.
          a.add(0, p.cpuPercent);
          a.add(1, p.memPercent);
          a.add(2, p.memAvailableBytes);
          a.add(3, disk?.usedPercent);
          a.add(4, p.load1);
          break;
        }
        case Topic.GPU: {
          const p: GpuSnapshot = e.payload;
          const r = runOf(p.runId);
          for (const d of p.devices ?? []) {
            s.gpu!.run(
              r, p.tsMs, nonEmpty(p.host), nn(d.index), nonEmpty(d.uuid), nonEmpty(d.name), nn(d.utilPercent),
              nn(d.memUsedBytes), nn(d.memTotalBytes), nn(d.temperatureC), nn(d.powerW), json(d.processes),
            );
          }
          seen(r, p.tsMs);
          break;
        }
        case Topic.METRIC: {
          const p: MetricSample = e.payload;
          const r = runOf(p.runId);
          const c = compOf(p.component);
          const name = this.#id(this.#names, s.nameSel!, s.nameIns!, p.name, notes);
          s.metric!.run(r, c, nn(p.pid), name, p.tsMs, p.value, json(p.labels));
          seen(r, p.tsMs);
          const minute = p.tsMs - (p.tsMs % kMinuteMs);
          const key = `${r}:${c}:${name}:${minute}`;
          let a = metricRollups.get(key);
          if (a === undefined) {
            a = new Agg([r, c, name, minute], 1);
            metricRollups.set(key, a);
          }
          a.add(0, p.value);
          break;
        }
        case Topic.ALERT:
          this.#alert(e.payload, runOf(e.payload.runId), compOf(e.payload.component));
          break;
        case Topic.HEARTBEAT: {
          const p: Heartbeat = e.payload;
          const r = runOf(p.runId);
          s.heartbeat!.run(
            r, p.tsMs, compOf(p.component), nn(p.pid), nn(p.uptimeMs), nn(p.rowsWritten), nn(p.droppedTotal), nn(p.flushP50Ms),
            nn(p.flushP99Ms), nn(p.walBytes), nn(p.lastBatchSize), nn(p.ticksSkipped), nn(p.connections), json(p.queues),
          );
          seen(r, p.tsMs);
          break;
        }
        case Topic.CONTAINER: {
          const p: ContainerSnapshot = e.payload;
          const r = runOf(p.runId);
          s.container!.run(
            r, p.containerId, nonEmpty(p.name), p.tsMs, nn(p.pid), nn(p.cpuPercent), nn(p.memBytes), nn(p.memLimitBytes), nn(p.pids),
            nn(p.ioReadBytes), nn(p.ioWriteBytes), nn(p.cpuMs), nonEmpty(p.source), p.stale === true ? 1 : 0, json(p.errors),
          );
          seen(r, p.tsMs);
          const minute = p.tsMs - (p.tsMs % kMinuteMs);
          const key = `${r}:${p.containerId}:${minute}`;
          let a = containerRollups.get(key);
          if (a === undefined) {
            a = new Agg([r, p.containerId, minute], kContainerRollupFigures.length);
            containerRollups.set(key, a);
          }
          a.samples += 1;
          // Order matches kContainerRollupFigures.
          a.add(0, p.cpuPercent);
          a.add(1, p.memBytes);
          a.add(2, p.pids);
          break;
        }
        case Topic.LIFECYCLE: {
          // The wire's Lifecycle type reduces to never (its generated `kind`
          // enum intersected with LifecycleKind), so read it through its fields.
          const p = (e as { payload: unknown }).payload as LifecycleFields;
          this.#lifecycle(p, runOf(p.runId), compOf(p.component));
          break;
        }
        default:
          throw new TypeError(`unknown topic ${String((e as { topic: unknown }).topic)}`);
      }
    }
    for (const [r, g] of notes.segments) {
      s.segmentIns!.run(r, g.first, g.last, g.min, g.max, g.rows);
      seen(r, g.min);
      seen(r, g.max);
    }
    for (const byMinute of rollups.values()) for (const a of byMinute.values()) s.rollup!.run(a.params());
    for (const a of hostRollups.values()) s.hostRollup!.run(a.params());
    for (const a of containerRollups.values()) s.containerRollup!.run(a.params());
    for (const a of metricRollups.values()) {
      // Metric rollups have no separate sample count: value_n is the count.
      s.metricRollup!.run([...a.keys, a.n[0]!, a.sum[0]!, a.min[0]!, a.max[0]!]);
    }
    for (const [id, [lo, hi]] of notes.runTs) s.runTs!.run({ lo, hi, id });
    return rows;
  }

  #resourceSlow(
    p: ResourceSnapshot,
    run: number,
    comp: number,
    inserted: (run: number, rowid: number) => void,
    rollup: (run: number, comp: number, ts: number, p: ResourceSnapshot) => void,
  ): void {
    const info = this.#s.snapshot!.run(
      run, comp, p.pid, p.tsMs, nn(p.cpuPercent), nn(p.rssBytes), nn(p.ussBytes), nn(p.threads), nn(p.openFds), nn(p.gpuUtilPercent),
      nn(p.gpuMemBytes), nn(p.loopLagP99Ms), nn(p.cpuUserMs), nn(p.cpuSystemMs), nn(p.pssBytes), nn(p.vmsBytes), nn(p.ioReadBytes),
      nn(p.ioWriteBytes), nn(p.ctxSwitchesVoluntary), nn(p.ctxSwitchesInvoluntary), nonEmpty(p.state), nn(p.loopLagP50Ms),
      nn(p.loopLagMaxMs), nn(p.loopUtilization), p.ppid ?? 0, nonEmpty(p.command), json(p.errors),
    );
    inserted(run, Number(info.lastInsertRowid));
    rollup(run, comp, p.tsMs, p);
  }

  #alert(p: Alert, run: number, comp: number): void {
    const s = this.#s;
    const firedAt = p.firedAtMs || p.tsMs;
    if ((p.state as number | null | undefined) === AlertState.RESOLVED) {
      const resolvedAt = p.resolvedAtMs ?? p.tsMs;
      const changed = s.alertResolve!.run(resolvedAt, p.tsMs, nn(p.value), run, p.rule, comp, firedAt).changes;
      if (changed > 0) return;
      // The firing row was never stored (lost, or pruned): keep the resolution.
      s.alertFire!.run(run, p.rule, comp, nn(p.pid), nn(p.severity), AlertState.RESOLVED, nn(p.value), nn(p.threshold),
        nonEmpty(p.message), firedAt, resolvedAt, p.tsMs, json(p.labels));
      return;
    }
    s.alertFire!.run(run, p.rule, comp, nn(p.pid), nn(p.severity), nn(p.state) ?? 0, nn(p.value), nn(p.threshold),
      nonEmpty(p.message), firedAt, null, p.tsMs, json(p.labels));
  }

  #lifecycle(p: LifecycleFields, run: number, comp: number): void {
    const s = this.#s;
    switch (p.kind) {
      case LifecycleKind.RUN_STARTED:
        s.runStarted!.run(p.tsMs, nonEmpty(p.command), nonEmpty(p.host), run);
        break;
      case LifecycleKind.RUN_ENDED:
        s.runEnded!.run(p.tsMs, nn(p.exitCode), nonEmpty(p.signal), run);
        break;
      case LifecycleKind.PROCESS_STARTED:
        s.procStart!.run(run, comp, nn(p.pid), nn(p.ppid), nonEmpty(p.command), nonEmpty(p.host), p.tsMs);
        break;
      case LifecycleKind.PROCESS_EXITED: {
        const changed = s.procExit!.run(p.tsMs, nn(p.exitCode), nonEmpty(p.signal), run, nn(p.pid)).changes;
        if (changed === 0) {
          s.procExitIns!.run(run, comp, nn(p.pid), nn(p.ppid), nonEmpty(p.command), nonEmpty(p.host), p.tsMs, nn(p.exitCode),
            nonEmpty(p.signal));
        }
        break;
      }
      case LifecycleKind.CONTAINER_STARTED:
      case LifecycleKind.CONTAINER_EXITED:
      case LifecycleKind.CONTAINER_CLEANED:
      case LifecycleKind.CONTAINER_ORPHANED: {
        const k = p.kind;
        s.containerRow!.run(
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

  /** Whether a retention step has work to do. */
  needsMaintenance(): boolean {
    return this.#nextStep() !== undefined;
  }

  #nextStep(): (() => number) | undefined {
    const s = this.#s;
    const rawCut = this.#maxTs - this.#limits.retentionMs;
    if (this.#minSegmentMaxTs < rawCut) {
      // Snapshots go a segment at a time, once its newest row is out of the window.
      return () => {
        const g = s.segmentOldest!.get(rawCut) as SegmentRow | undefined;
        if (g === undefined) {
          this.#minSegmentMaxTs = (s.segmentMinMax!.get() as { ts: number | null }).ts ?? Infinity;
          return 0;
        }
        // One short transaction, so a segment never outlives its rows (a
        // stale segment could cover rowids reused after the table empties).
        const n = this.#pruneSegment(g);
        this.#uncount(g.run, n);
        return n;
      };
    }
    for (const [run, oldest] of this.#oldestRaw) {
      if (oldest < rawCut) {
        return () => {
          let deleted = 0;
          for (const t of kRawTables) {
            const n = s[`prune:${t}`]!.run(run, rawCut).changes;
            deleted += n;
            // Full step: there may be more in this table; come back later.
            if (n === kRetentionStepRows) return deleted;
          }
          this.#rearm(this.#oldestRaw, run, 'oldest:raw');
          return deleted;
        };
      }
    }
    const rollupCut = this.#maxTs - this.#limits.rollupRetentionMs;
    // A minute goes once all of it is older than the cut.
    const minute = rollupCut - (rollupCut % kMinuteMs);
    for (const [run, oldest] of this.#oldestRollup) {
      if (oldest < minute) {
        return () => {
          let deleted = 0;
          for (const t of kRollupTables) {
            const n = s[`prune:${t}`]!.run(run, minute).changes;
            deleted += n;
            if (n === kRetentionStepRows) return deleted;
          }
          this.#rearm(this.#oldestRollup, run, 'oldest:rollup');
          return deleted;
        };
      }
    }
    const cap = this.#limits.maxSamplesPerRun;
    if (cap !== undefined) {
      for (const [run, n] of this.#counts) {
        if (n > cap) {
          return () => this.#capStep(run, Math.min(kRetentionStepRows, n - cap));
        }
      }
    }
    return undefined;
  }

  readonly #pruneSegment = (g: SegmentRow): number =>
    this.#db
      .transaction(() => {
        const s = this.#s;
        const n = s.pruneSegment!.run(g.first, g.last, g.run).changes;
        // Fewer than a full step: the segment is empty now. A full step may
        // have taken its last rows too (a batch of 1000 is two steps, not
        // three): one rowid seek says whether any are left.
        if (n < kRetentionStepRows || s.segmentLeft!.get(g.first, g.last, g.run) === undefined) s.segmentDel!.run(g.id);
        else s.segmentUncount!.run(n, g.id);
        return n;
      })
      .immediate();

  /** Deletes up to `max` of the run's oldest snapshots (from its oldest segment). */
  #capStep(run: number, max: number): number {
    const s = this.#s;
    const g = s.segmentOfRun!.get(run) as SegmentRow | undefined;
    if (g === undefined) {
      // The count drifted from the file: nothing left to cap.
      this.#counts.set(run, 0);
      return 0;
    }
    const deleted = this.#db.transaction(() => {
      const n = s.capSegment!.run(g.first, g.last, g.run, max).changes;
      if (n >= g.rows) s.segmentDel!.run(g.id);
      else s.segmentTrim!.run(n, g.id);
      return n;
    }).immediate();
    this.#uncount(run, deleted === 0 ? g.rows : deleted);
    if (deleted === 0) s.segmentDel!.run(g.id);
    return deleted;
  }

  /**
   * After a run's tables are pruned: remember its oldest remaining row, or
   * forget the run when it has none, so idle runs cost nothing per write.
   */
  #rearm(map: Map<number, number>, run: number, stmt: 'oldest:raw' | 'oldest:rollup'): void {
    const oldest = (this.#s[stmt]!.get({ run }) as { ts: number | null }).ts;
    if (oldest === null) map.delete(run);
    else map.set(run, oldest);
  }

  #uncount(run: number, n: number): void {
    const c = this.#counts.get(run);
    if (c !== undefined) this.#counts.set(run, Math.max(0, c - n));
  }

  /**
   * One retention step: a single DELETE of at most kRetentionStepRows rows
   * per statement, each in its own short transaction. Returns whether more
   * work may remain.
   */
  maintainStep(): boolean {
    const step = this.#nextStep();
    if (step === undefined) return false;
    step();
    return true;
  }

  /**
   * Retention steps until at least `rows` rows are deleted, nothing is left
   * to delete, or `maxSteps` steps have run. The writer calls it after each
   * batch with the rows it just wrote, so under a sustained load retention
   * keeps pace with ingest instead of waiting for idle time that never
   * comes. Returns whether more work may remain.
   */
  keepPace(rows: number, maxSteps: number): boolean {
    let deleted = 0;
    for (let i = 0; i < maxSteps && deleted < rows; ++i) {
      const step = this.#nextStep();
      if (step === undefined) return false;
      deleted += step();
    }
    return this.needsMaintenance();
  }
}
