import type { Database as Db, Statement } from 'better-sqlite3';
import { kMinuteMs } from './rollups.js';
import { kResourceRollupFigures, kSegmentRows } from './schema.js';

// A process named anew (LIFECYCLE PROCESS_RENAMED: a child seen as
// `app/node` until its Hello made it `worker-1`) has its history so far
// filed under the new name: its t_process row, its raw snapshots, and the
// per-minute rollups of both names. A rollup mixes the processes of a
// component, so it cannot be split by subtraction (min and max do not
// subtract): each touched minute is recomputed from its raw rows. A minute
// whose raw rows are no longer all there (retention pruned part of it: the
// rollup counts more samples than the rows) keeps its rows under the old
// name, so rows and rollups always agree.

/** What one rename changed. */
export interface RenameResult {
  /** Raw snapshots moved to the new name. */
  rows: number;
  /** Minutes left under the old name because their raw rows were pruned. */
  minutesKept: number;
}

const kFrom = `FROM t_segment g ${kSegmentRows}`;
/** Rows of one component of a run in [lo, hi): segments found by (run, min_ts). */
const kMinuteWhere = 'WHERE g.run = :run AND g.min_ts < :hi AND g.max_ts >= :lo AND x.comp = :comp AND x.ts_ms >= :lo AND x.ts_ms < :hi';
const kAggCols = kResourceRollupFigures.map((f) => `count(x.${f.column}), total(x.${f.column}), min(x.${f.column}), max(x.${f.column})`).join(', ');
const kRollupCols = kResourceRollupFigures.map((f) => `${f.name}_n, ${f.name}_sum, ${f.name}_min, ${f.name}_max`).join(', ');

type Stmt = 'process' | 'processRename' | 'rows' | 'rowRename' | 'rawCount' | 'rollupSamples' | 'rollupDel' | 'rollupIns' | 'aggregate';

export class Renamer {
  readonly #s: Record<Stmt, Statement>;

  constructor(db: Db) {
    const p = (sql: string): Statement => db.prepare(sql);
    this.#s = {
      // The process's current life under the old name: its newest row.
      process: p('SELECT id, started_at_ms AS since FROM t_process WHERE run = ? AND pid = ? AND comp = ? AND exited_at_ms IS NULL ORDER BY id DESC LIMIT 1'),
      processRename: p('UPDATE t_process SET comp = ? WHERE id = ?'),
      rows: p(`SELECT x.rowid AS id, x.ts_ms AS ts ${kFrom} WHERE g.run = ? AND g.max_ts >= ? AND x.pid = ? AND x.comp = ? AND x.ts_ms >= ?`),
      rowRename: p('UPDATE t_snapshot SET comp = ? WHERE rowid = ?'),
      rawCount: p(`SELECT count(*) AS n ${kFrom} ${kMinuteWhere}`),
      rollupSamples: p('SELECT samples FROM t_rollup WHERE run = ? AND comp = ? AND minute_ms = ?'),
      rollupDel: p('DELETE FROM t_rollup WHERE run = ? AND comp = ? AND minute_ms = ?'),
      aggregate: p(`SELECT count(*) AS samples, ${kAggCols} ${kFrom} ${kMinuteWhere}`).raw(),
      rollupIns: p(
        `INSERT INTO t_rollup (run, comp, minute_ms, samples, ${kRollupCols}) VALUES (${new Array(4 + 4 * kResourceRollupFigures.length).fill('?').join(', ')})`,
      ),
    };
  }

  /**
   * Files the history of `pid` in `run` from `from` (component id) under
   * `to`, since the process's start under the old name. Runs inside the
   * caller's transaction, after the batch's own rows and rollups.
   */
  rename(run: number, pid: number, from: number, to: number): RenameResult {
    const s = this.#s;
    const proc = s.process.get(run, pid, from) as { id: number; since: number | null } | undefined;
    const since = proc?.since ?? 0;
    if (proc !== undefined) s.processRename.run(to, proc.id);
    const byMinute = new Map<number, number[]>();
    for (const r of s.rows.iterate(run, since, pid, from, since) as IterableIterator<{ id: number; ts: number }>) {
      const m = r.ts - (r.ts % kMinuteMs);
      let ids = byMinute.get(m);
      if (ids === undefined) byMinute.set(m, (ids = []));
      ids.push(r.id);
    }
    let rows = 0;
    let minutesKept = 0;
    for (const [m, ids] of byMinute) {
      if (!this.#complete(run, from, m) || !this.#complete(run, to, m)) {
        minutesKept++;
        continue;
      }
      for (const id of ids) s.rowRename.run(to, id);
      rows += ids.length;
      this.#recompute(run, from, m);
      this.#recompute(run, to, m);
    }
    return { rows, minutesKept };
  }

  /** Whether every row the minute's rollup counts is still stored. */
  #complete(run: number, comp: number, minute: number): boolean {
    const rolled = (this.#s.rollupSamples.get(run, comp, minute) as { samples: number } | undefined)?.samples ?? 0;
    const raw = (this.#s.rawCount.get({ run, comp, lo: minute, hi: minute + kMinuteMs }) as { n: number }).n;
    return rolled === raw;
  }

  #recompute(run: number, comp: number, minute: number): void {
    const s = this.#s;
    const agg = s.aggregate.get({ run, comp, lo: minute, hi: minute + kMinuteMs }) as (number | null)[];
    s.rollupDel.run(run, comp, minute);
    if ((agg[0] as number) > 0) s.rollupIns.run(run, comp, minute, ...agg);
  }
}
