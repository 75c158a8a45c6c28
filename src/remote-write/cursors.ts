// The writer's state that outlives a request: cursors kept in the store
// (t_remote_cursor), and the cardinality caps over recently seen series.
//
// A target's cursors are read from the store once and kept in memory (the
// writer is the only one that moves them); every change of a pass is
// written in one transaction, the one that marks the pass's request in
// flight (see writer.ts).
import type { Database, Statement, Transaction } from 'better-sqlite3';
import { kSources } from './sources.js';
import type { RemoteWriterSettings } from './writer-types.js';

export interface Cursor { last: number; inflight: number | null }

export class Cursors {
  readonly #get: Statement;
  readonly #set: Statement;
  readonly #maxes: Statement;
  readonly #write: Transaction<(target: string, changes: readonly [string, Cursor][], now: number) => void>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT source, last_rowid AS last, inflight_to AS inflight FROM t_remote_cursor WHERE target = ?');
    this.#set = db.prepare(`INSERT INTO t_remote_cursor (target, source, last_rowid, inflight_to, updated_at_ms) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (target, source) DO UPDATE SET last_rowid = excluded.last_rowid, inflight_to = excluded.inflight_to, updated_at_ms = excluded.updated_at_ms`);
    // One statement for every table's newest rowid: each is a seek to the
    // end of its rowid tree.
    this.#maxes = db.prepare(`SELECT ${kSources.map((s) => `(SELECT coalesce(max(rowid), 0) FROM ${s.table})`).join(', ')}`).raw();
    this.#write = db.transaction((target: string, changes: readonly [string, Cursor][], now: number) => {
      for (const [source, c] of changes) this.#set.run(target, source, c.last, c.inflight, now);
    });
  }

  /** Every table's cursor for `target` as the store has it (absent: from the start). */
  load(target: string): Map<string, Cursor> {
    const m = new Map<string, Cursor>();
    for (const s of kSources) m.set(s.table, { last: 0, inflight: null });
    for (const r of this.#get.all(target) as { source: string; last: number; inflight: number | null }[]) {
      if (m.has(r.source)) m.set(r.source, { last: r.last, inflight: r.inflight });
    }
    return m;
  }

  /** Writes the given cursors in one transaction. */
  write(target: string, changes: readonly [string, Cursor][], now: number): void {
    if (changes.length > 0) this.#write(target, changes, now);
  }

  /** The newest rowid of each followed table, in kSources order. */
  maxRowids(): number[] {
    return this.#maxes.get() as number[];
  }
}

/** Caps like the exporter's, over series seen recently (by sample time). */
export class Limiter {
  readonly #s: RemoteWriterSettings;
  readonly #procs = new Map<string, number>();
  readonly #apps = new Map<string, { labelNames: Set<string>; series: Map<string, number> }>();
  #newest = 0;

  constructor(s: RemoteWriterSettings) {
    this.#s = s;
  }

  seen(ts: number): void {
    if (ts > this.#newest) this.#newest = ts;
  }

  admitProcess(key: string, ts: number): boolean {
    if (!this.#procs.has(key) && this.#procs.size >= this.#s.maxProcesses) return false;
    this.#procs.set(key, ts);
    return true;
  }

  admitApp(name: string, labels: readonly [string, string][], ts: number): string | undefined {
    let fam = this.#apps.get(name);
    if (fam === undefined) {
      if (this.#apps.size >= this.#s.maxAppMetrics) return 'metric_cap';
      fam = { labelNames: new Set(), series: new Map() };
      this.#apps.set(name, fam);
    }
    for (const [k] of labels) {
      if (fam.labelNames.has(k)) continue;
      // run_id, component, host, host_id are the writer's own.
      if (fam.labelNames.size - 4 >= this.#s.maxLabelsPerMetric) return 'label_cap';
      fam.labelNames.add(k);
    }
    const lk = labels.map(([k, v]) => `${k}=${v}`).sort().join('\u0001');
    if (!fam.series.has(lk) && fam.series.size >= this.#s.maxSeriesPerMetric) return 'series_cap';
    fam.series.set(lk, ts);
    return undefined;
  }

  sweep(): void {
    const cut = this.#newest - this.#s.staleAfterMs;
    for (const [k, t] of this.#procs) if (t < cut) this.#procs.delete(k);
    for (const [n, f] of this.#apps) {
      for (const [k, t] of f.series) if (t < cut) f.series.delete(k);
      if (f.series.size === 0) this.#apps.delete(n);
    }
  }
}
