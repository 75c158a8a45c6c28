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
//
// A batch may rename many processes at once (a shell forking a thousand
// children, each seen as `sh` until it exec'd): the batch's renames are
// done together, with one scan for the rows they move and one
// completeness check and one recompute per (component, minute) they touch,
// rather than a scan of the minute per rename (which made a thousand
// renames cost seconds of the writer's time).

/** What the renames of one batch changed. */
export interface RenameResult {
  /** Raw snapshots moved to their new names. */
  rows: number;
  /** (process, minute) pairs left under the old name because their raw rows were pruned. */
  minutesKept: number;
}

/** [run, pid, old component id, new component id] */
export type Rename = readonly [number, number, number, number];

const kFrom = `FROM t_segment g ${kSegmentRows}`;
/** Rows of one component of a run in [lo, hi): segments found by (run, min_ts). */
const kMinuteWhere = 'WHERE g.run = :run AND g.min_ts < :hi AND g.max_ts >= :lo AND x.comp = :comp AND x.ts_ms >= :lo AND x.ts_ms < :hi';
const kAggCols = kResourceRollupFigures.map((f) => `count(x.${f.column}), total(x.${f.column}), min(x.${f.column}), max(x.${f.column})`).join(', ');
const kRollupCols = kResourceRollupFigures.map((f) => `${f.name}_n, ${f.name}_sum, ${f.name}_min, ${f.name}_max`).join(', ');

type Stmt = 'process' | 'processRename' | 'rows' | 'rowRename' | 'rawCount' | 'rollupSamples' | 'rollupDel' | 'rollupIns' | 'aggregate';

/** One process's rename within a group: where its rows are and where they go. */
interface Move {
  from: number;
  to: number;
  since: number;
  /** minute → rowids */
  byMinute: Map<number, number[]>;
}

/** Key of a (component, minute) pair. */
const key = (comp: number, minute: number): string => `${comp}:${minute}`;

export class Renamer {
  readonly #s: Record<Stmt, Statement>;

  constructor(db: Db) {
    const p = (sql: string): Statement => db.prepare(sql);
    this.#s = {
      // The process's current life under the old name: its newest row.
      process: p('SELECT id, started_at_ms AS since FROM t_process WHERE run = ? AND pid = ? AND comp = ? AND exited_at_ms IS NULL ORDER BY id DESC LIMIT 1'),
      processRename: p('UPDATE t_process SET comp = ? WHERE id = ?'),
      // The rows of a run's renamed processes, at or after the earliest
      // start among them, in one scan: pids and old names as JSON arrays.
      rows: p(
        `SELECT x.rowid AS id, x.ts_ms AS ts, x.pid AS pid, x.comp AS comp ${kFrom} WHERE g.run = ? AND g.max_ts >= ? AND x.ts_ms >= ?
          AND x.pid IN (SELECT value FROM json_each(?)) AND x.comp IN (SELECT value FROM json_each(?))`,
      ),
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
   * Files the history of each renamed process (`[run, pid, from, to]`, in
   * the order they happened) under its new name, since the process's start
   * under the old one. Runs inside the caller's transaction, after the
   * batch's own rows and rollups.
   */
  renameAll(renames: readonly Rename[]): RenameResult {
    const out: RenameResult = { rows: 0, minutesKept: 0 };
    // A process renamed twice in one batch (a → b → c): the second rename
    // sees the first one's result, so it goes in a later group.
    let group = new Map<string, Rename>();
    const flush = (): void => {
      const byRun = new Map<number, Rename[]>();
      for (const r of group.values()) {
        let list = byRun.get(r[0]);
        if (list === undefined) byRun.set(r[0], (list = []));
        list.push(r);
      }
      for (const [run, list] of byRun) this.#renameRun(run, list, out);
      group = new Map();
    };
    for (const r of renames) {
      if (r[2] === r[3]) continue;
      const k = `${r[0]}:${r[1]}`;
      if (group.has(k)) flush();
      group.set(k, r);
    }
    flush();
    return out;
  }

  /** Renames of distinct processes of one run. */
  #renameRun(run: number, renames: readonly Rename[], out: RenameResult): void {
    const s = this.#s;
    const moves = new Map<number, Move>();
    let since = Infinity;
    for (const [, pid, from, to] of renames) {
      const proc = s.process.get(run, pid, from) as { id: number; since: number | null } | undefined;
      const m: Move = { from, to, since: proc?.since ?? 0, byMinute: new Map() };
      if (proc !== undefined) s.processRename.run(to, proc.id);
      moves.set(pid, m);
      since = Math.min(since, m.since);
    }
    const pids = JSON.stringify([...moves.keys()]);
    const froms = JSON.stringify([...new Set(renames.map((r) => r[2]))]);
    for (const r of s.rows.iterate(run, since, since, pids, froms) as IterableIterator<{ id: number; ts: number; pid: number; comp: number }>) {
      const m = moves.get(r.pid);
      if (m === undefined || r.comp !== m.from || r.ts < m.since) continue;
      const minute = r.ts - (r.ts % kMinuteMs);
      let ids = m.byMinute.get(minute);
      if (ids === undefined) m.byMinute.set(minute, (ids = []));
      ids.push(r.id);
    }
    // Every (component, minute) checked before any row moves: a pair whose
    // rollup still counts all its raw rows can give or take rows and be
    // recomputed; the others keep their rows where they are.
    const complete = new Map<string, boolean>();
    const isComplete = (comp: number, minute: number): boolean => {
      const k = key(comp, minute);
      let c = complete.get(k);
      if (c === undefined) complete.set(k, (c = this.#complete(run, comp, minute)));
      return c;
    };
    for (const m of moves.values()) {
      for (const minute of m.byMinute.keys()) {
        isComplete(m.from, minute);
        isComplete(m.to, minute);
      }
    }
    const touched = new Map<string, [number, number]>();
    for (const m of moves.values()) {
      for (const [minute, ids] of m.byMinute) {
        if (!isComplete(m.from, minute) || !isComplete(m.to, minute)) {
          out.minutesKept++;
          continue;
        }
        for (const id of ids) s.rowRename.run(m.to, id);
        out.rows += ids.length;
        touched.set(key(m.from, minute), [m.from, minute]);
        touched.set(key(m.to, minute), [m.to, minute]);
      }
    }
    for (const [comp, minute] of touched.values()) this.#recompute(run, comp, minute);
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
