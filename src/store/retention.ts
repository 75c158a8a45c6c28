import type { Database as Db, Statement } from 'better-sqlite3';
import { kMinuteMs } from './rollups.js';

// Retention: raw rows older than retentionMs (by the newest row written, not
// the wall clock), rollups older than rollupRetentionMs, and a run's oldest
// snapshots past maxSamplesPerRun. Work goes in steps of at most
// kRetentionStepRows rows, each its own short transaction, so the write lock
// is never held long. In-memory lower bounds (oldest row per run, smallest
// segment end) make "nothing to do" cost no query.

/** Rows one retention statement deletes at most, so the write lock is short. */
export const kRetentionStepRows = 500;

/** Raw tables pruned by (run, ts_ms); t_snapshot goes by segment. */
export const kRawTables = ['t_host_snapshot', 't_gpu', 't_metric', 't_heartbeat', 't_container_snapshot'] as const;
export type RawTable = (typeof kRawTables)[number];
const kRollupTables = ['t_rollup', 't_host_rollup', 't_metric_rollup', 't_container_rollup'] as const;

export interface IngestLimits {
  retentionMs: number;
  rollupRetentionMs: number;
  maxSamplesPerRun: number | undefined;
}

/** One batch's snapshots of one run: a rowid range of t_snapshot (a row of t_segment). */
export interface Segment {
  first: number;
  last: number;
  min: number;
  max: number;
  rows: number;
}

interface SegmentRow {
  id: number;
  run: number;
  first: number;
  last: number;
  rows: number;
}

type Stmt = 'segmentOldest' | 'segmentMinMax' | 'segmentOfRun' | 'segmentDel' | 'segmentLeft' | 'segmentUncount' | 'segmentTrim' | 'pruneSegment'
  | 'capSegment' | 'oldest:rollup' | `oldest:${RawTable}` | `prune:${RawTable | (typeof kRollupTables)[number]}`;

export class Retention {
  readonly #db: Db;
  readonly #limits: IngestLimits;
  readonly #s: Record<Stmt, Statement>;
  /** Newest raw timestamp written: the retention clock. */
  #maxTs = 0;
  /** Raw table → run → a lower bound of the run's oldest timestamp still stored there. */
  readonly #oldestRaw = new Map<RawTable, Map<number, number>>(kRawTables.map((t) => [t, new Map()]));
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
    const prune = (tables: readonly string[], ts: string): [string, Statement][] =>
      tables.map((t) => [`prune:${t}`, p(`DELETE FROM ${t} WHERE run = ? AND ${ts} < ? LIMIT ${kRetentionStepRows}`)]);
    const oldest = (tables: readonly string[], ts: string): Statement =>
      p(`SELECT min(ts) AS ts FROM (${tables.map((t) => `SELECT min(${ts}) AS ts FROM ${t} WHERE run = :run`).join(' UNION ALL ')})`);
    this.#s = {
      ...(Object.fromEntries([...prune(kRawTables, 'ts_ms'), ...prune(kRollupTables, 'minute_ms')]) as Record<`prune:${RawTable | (typeof kRollupTables)[number]}`, Statement>),
      ...(Object.fromEntries(kRawTables.map((t) => [`oldest:${t}`, oldest([t], 'ts_ms')])) as Record<`oldest:${RawTable}`, Statement>),
      'oldest:rollup': oldest(kRollupTables, 'minute_ms'),
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
        for (const m of this.#oldestRaw.values()) m.set(r.id, r.first);
        this.#oldestRollup.set(r.id, r.first);
      }
    }
    if (this.#limits.maxSamplesPerRun !== undefined) {
      const counts = this.#db.prepare('SELECT run, sum(rows) AS n FROM t_segment GROUP BY run').all() as { run: number; n: number }[];
      for (const c of counts) this.#counts.set(c.run, c.n);
    }
    this.#minSegmentMaxTs = (this.#s.segmentMinMax.get() as { ts: number | null }).ts ?? Infinity;
  }

  /**
   * After a batch committed: its rows' time range per run, the oldest row it
   * added per raw table and run, and its segments.
   */
  written(
    runTs: ReadonlyMap<number, readonly [number, number]>,
    rawTs: ReadonlyMap<RawTable, ReadonlyMap<number, number>>,
    segments: ReadonlyMap<number, Segment>,
  ): void {
    for (const [table, runs] of rawTs) {
      const bounds = this.#oldestRaw.get(table)!;
      for (const [run, lo] of runs) {
        const old = bounds.get(run);
        if (old === undefined || lo < old) bounds.set(run, lo);
      }
    }
    for (const [run, [lo, hi]] of runTs) {
      if (hi > this.#maxTs) this.#maxTs = hi;
      const oldR = this.#oldestRollup.get(run);
      if (oldR === undefined || lo < oldR) this.#oldestRollup.set(run, lo);
    }
    if (this.#limits.maxSamplesPerRun !== undefined) {
      for (const [run, g] of segments) this.#counts.set(run, (this.#counts.get(run) ?? 0) + g.rows);
    }
    for (const g of segments.values()) if (g.max < this.#minSegmentMaxTs) this.#minSegmentMaxTs = g.max;
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
        const g = s.segmentOldest.get(rawCut) as SegmentRow | undefined;
        if (g === undefined) {
          this.#minSegmentMaxTs = (s.segmentMinMax.get() as { ts: number | null }).ts ?? Infinity;
          return 0;
        }
        // One short transaction, so a segment never outlives its rows (a
        // stale segment could cover rowids reused after the table empties).
        const n = this.#pruneSegment(g);
        this.#uncount(g.run, n);
        return n;
      };
    }
    for (const [table, bounds] of this.#oldestRaw) {
      for (const [run, oldest] of bounds) {
        if (oldest < rawCut) return () => this.#pruneRaw(table, bounds, run, rawCut);
      }
    }
    const rollupCut = this.#maxTs - this.#limits.rollupRetentionMs;
    // A minute goes once all of it is older than the cut.
    const minute = rollupCut - (rollupCut % kMinuteMs);
    for (const [run, oldest] of this.#oldestRollup) {
      if (oldest < minute) return () => this.#pruneTables(kRollupTables, run, minute, this.#oldestRollup, 'oldest:rollup');
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

  /**
   * One DELETE of a run's rows older than `cut` from one raw table (each
   * table keeps its own bounds, so a run's empty tables cost no DELETE).
   */
  #pruneRaw(table: RawTable, bounds: Map<number, number>, run: number, cut: number): number {
    const n = this.#s[`prune:${table}`].run(run, cut).changes;
    // Full step: there may be more; come back later.
    if (n < kRetentionStepRows) this.#rearm(bounds, run, `oldest:${table}`);
    return n;
  }

  #pruneTables(
    tables: readonly (typeof kRollupTables)[number][],
    run: number,
    cut: number,
    oldest: Map<number, number>,
    stmt: 'oldest:rollup',
  ): number {
    let deleted = 0;
    for (const t of tables) {
      const n = this.#s[`prune:${t}`].run(run, cut).changes;
      deleted += n;
      // Full step: there may be more in this table; come back later.
      if (n === kRetentionStepRows) return deleted;
    }
    this.#rearm(oldest, run, stmt);
    return deleted;
  }

  readonly #pruneSegment = (g: SegmentRow): number =>
    this.#db
      .transaction(() => {
        const s = this.#s;
        const n = s.pruneSegment.run(g.first, g.last, g.run).changes;
        // Fewer than a full step: the segment is empty now. A full step may
        // have taken its last rows too (a batch of 1000 is two steps, not
        // three): one rowid seek says whether any are left.
        if (n < kRetentionStepRows || s.segmentLeft.get(g.first, g.last, g.run) === undefined) s.segmentDel.run(g.id);
        else s.segmentUncount.run(n, g.id);
        return n;
      })
      .immediate();

  /** Deletes up to `max` of the run's oldest snapshots (from its oldest segment). */
  #capStep(run: number, max: number): number {
    const s = this.#s;
    const g = s.segmentOfRun.get(run) as SegmentRow | undefined;
    if (g === undefined) {
      // The count drifted from the file: nothing left to cap.
      this.#counts.set(run, 0);
      return 0;
    }
    const deleted = this.#db.transaction(() => {
      const n = s.capSegment.run(g.first, g.last, g.run, max).changes;
      if (n >= g.rows) s.segmentDel.run(g.id);
      else s.segmentTrim.run(n, g.id);
      return n;
    }).immediate();
    this.#uncount(run, deleted === 0 ? g.rows : deleted);
    if (deleted === 0) s.segmentDel.run(g.id);
    return deleted;
  }

  /**
   * After a run's tables are pruned: remember its oldest remaining row, or
   * forget the run when it has none, so idle runs cost nothing per write.
   */
  #rearm(map: Map<number, number>, run: number, stmt: 'oldest:rollup' | `oldest:${RawTable}`): void {
    const oldest = (this.#s[stmt].get({ run }) as { ts: number | null }).ts;
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
