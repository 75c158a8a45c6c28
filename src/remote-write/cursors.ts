// The writer's state that outlives a request: cursors kept in the store
// (t_remote_cursor), and the cardinality caps over recently seen series.
import type { Database, Statement } from 'better-sqlite3';
import { kSources } from './sources.js';
import type { RemoteWriterSettings } from './writer.js';

export interface Cursor { last: number; inflight: number | null }

export class Cursors {
  readonly #get: Statement;
  readonly #set: Statement;
  readonly #max = new Map<string, Statement>();

  constructor(db: Database) {
    this.#get = db.prepare('SELECT last_rowid AS last, inflight_to AS inflight FROM t_remote_cursor WHERE target = ? AND source = ?');
    this.#set = db.prepare(`INSERT INTO t_remote_cursor (target, source, last_rowid, inflight_to, updated_at_ms) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (target, source) DO UPDATE SET last_rowid = excluded.last_rowid, inflight_to = excluded.inflight_to, updated_at_ms = excluded.updated_at_ms`);
    for (const s of kSources) this.#max.set(s.table, db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${s.table}`).pluck());
  }

  get(target: string, source: string): Cursor {
    return (this.#get.get(target, source) as Cursor | undefined) ?? { last: 0, inflight: null };
  }

  set(target: string, source: string, c: Cursor, now: number): void {
    this.#set.run(target, source, c.last, c.inflight, now);
  }

  maxRowid(source: string): number {
    return this.#max.get(source)!.get() as number;
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
