import type { Database as Db, Statement } from 'better-sqlite3';
import { kSnapshotColumns } from '../wire/index.js';
import type { Segment } from './retention.js';

// The fast path's t_snapshot INSERTs. A row binds only its non-NULL columns
// (the others take their NULL default): a bound NULL costs as much as a value,
// and a sampler leaves a third or more of the columns empty. Rows that leave
// the same columns empty share a statement and go kMultiRows per INSERT; the
// rowids of one statement's rows are consecutive (single writer, rowid
// table), so the last rowid gives every row's rowid for its segment.

/** Snapshots per multi-row INSERT: fewer statement steps and JS→C++ calls per row. */
export const kMultiRows = 16;
/** Column sets whose statements are kept; past this, rows bind every column. */
const kMaxShapes = 32;

type Value = number | string | null;

/** The statements of one set of non-NULL columns. */
interface Shape {
  /** Indices of the bound columns, in t_snapshot order. */
  cols: number[];
  one: Statement;
  multi: Statement;
}

export class SnapshotInserter {
  readonly #db: Db;
  readonly #names: readonly string[];
  /** Column set (a bit per column, as a number: 2^kSnapshotColumns stays exact) → its statements. */
  readonly #shapes = new Map<number, Shape>();
  readonly #all: Shape;
  #shape: Shape | undefined;
  #key = -1;
  readonly #params: Value[] = [];
  readonly #segs = new Array<Segment>(kMultiRows);
  readonly #ts = new Array<number>(kMultiRows);
  #pending = 0;

  constructor(db: Db) {
    this.#db = db;
    this.#names = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('t_snapshot') as string[];
    if (this.#names.length !== kSnapshotColumns) {
      throw new Error(`t_snapshot has ${this.#names.length} columns, the wire ${kSnapshotColumns}`);
    }
    this.#all = this.#prepare(Array.from({ length: kSnapshotColumns }, (_, c) => c));
  }

  #prepare(cols: number[]): Shape {
    const row = `(${cols.map(() => '?').join(', ')})`;
    const head = `INSERT INTO t_snapshot (${cols.map((c) => this.#names[c]!).join(', ')}) VALUES `;
    return { cols, one: this.#db.prepare(head + row), multi: this.#db.prepare(head + new Array<string>(kMultiRows).fill(row).join(', ')) };
  }

  #shapeOf(key: number, v: readonly Value[]): Shape {
    let s = this.#shapes.get(key);
    if (s === undefined) {
      if (this.#shapes.size >= kMaxShapes) return this.#all;
      const cols: number[] = [];
      for (let c = 0; c < kSnapshotColumns; ++c) if (v[c] !== null) cols.push(c);
      s = this.#prepare(cols);
      this.#shapes.set(key, s);
    }
    return s;
  }

  /** Queues one row (`v` in t_snapshot column order, copied) of `seg` at `ts`. */
  add(v: readonly Value[], seg: Segment, ts: number): void {
    let key = 0;
    for (let c = 0; c < kSnapshotColumns; ++c) key = key * 2 + (v[c] === null ? 0 : 1);
    if (key !== this.#key) {
      this.flush();
      this.#key = key;
      this.#shape = this.#shapeOf(key, v);
    }
    const params = this.#params;
    for (const c of this.#shape!.cols) params.push(v[c]!);
    this.#segs[this.#pending] = seg;
    this.#ts[this.#pending] = ts;
    if (++this.#pending === kMultiRows) {
      const last = Number(this.#shape!.multi.run(...params).lastInsertRowid);
      for (let i = 0; i < kMultiRows; ++i) addRow(this.#segs[i]!, last - kMultiRows + 1 + i, this.#ts[i]!);
      this.#pending = 0;
      params.length = 0;
    }
  }

  /** Writes the rows still queued, one per statement. */
  flush(): void {
    const n = this.#shape?.cols.length ?? 0;
    for (let i = 0; i < this.#pending; ++i) {
      const info = this.#shape!.one.run(...this.#params.slice(i * n, (i + 1) * n));
      addRow(this.#segs[i]!, Number(info.lastInsertRowid), this.#ts[i]!);
    }
    this.#pending = 0;
    this.#params.length = 0;
  }

  /** Forgets rows queued by a batch that failed. */
  reset(): void {
    this.#pending = 0;
    this.#params.length = 0;
  }
}

/** Adds the row `rowid` at `ts` to its batch's segment of the run. */
export function addRow(g: Segment, rowid: number, ts: number): void {
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
}
