import type { Database as Db, Statement } from 'better-sqlite3';
import { kCol, kHostFigures, kResourceFigures } from '../wire/index.js';
import type { ContainerSnapshot, DiskUsage, HostSnapshot } from '../wire/index.js';
import { kContainerRollupFigures, kHostRollupFigures, kResourceRollupFigures } from './schema.js';
import type { RollupFigure } from './schema.js';

// Exact per-minute rollups. A batch's rows are aggregated in memory per
// (run, component, minute) and UPSERTed once per key when the batch is
// written, so a batch of 1000 snapshots of 20 processes costs about 20
// upserts; count, sum, min and max merge exactly with what is stored.

export const kMinuteMs = 60_000;

/** Components per run in the numeric (run, component) key: ids stay far below 2^21. */
const kCompIdSpan = 2_097_152;

/** t_snapshot columns of the rolled-up figures, in kResourceRollupFigures order. */
const kResourceRollupCols: readonly number[] = kResourceFigures.flatMap((f) => ('rollup' in f ? [kCol[f.col]] : []));
/** How to read each rolled-up host figure, in kHostRollupFigures order. */
const kHostRollupReads: readonly ((p: HostSnapshot, disk: DiskUsage | undefined) => number | null | undefined)[] = kHostFigures.flatMap((f) => {
  if (!('rollup' in f)) return [];
  // The store keeps the first disk's figures.
  if ('disk' in f) return [(_p: HostSnapshot, d: DiskUsage | undefined): number | null | undefined => d?.[f.disk]];
  return [(p: HostSnapshot): number | null | undefined => p[f.key]];
});

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

  add(i: number, v: number | null | undefined): void {
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

/** The map under `key` in `outer`, added empty when absent. */
function inner<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let m = outer.get(key);
  if (m === undefined) {
    m = new Map();
    outer.set(key, m);
  }
  return m;
}

/** One batch's rollups, written inside the batch's transaction. */
export class RollupBatch {
  readonly #resourceStmt: Statement;
  readonly #hostStmt: Statement;
  readonly #metricStmt: Statement;
  // (run, component) → minute → aggregate; numeric keys, no strings per row.
  readonly #resource = new Map<number, Map<number, Agg>>();
  readonly #host = new Map<string, Agg>();
  readonly #metric = new Map<string, Agg>();
  // Containers: run → minute → container id → aggregate; no key string per row.
  readonly #containerStmt: Statement;
  readonly #container = new Map<number, Map<number, Map<string, Agg>>>();

  constructor(db: Db) {
    this.#resourceStmt = db.prepare(upsertSql('t_rollup', ['run', 'comp', 'minute_ms'], names(kResourceRollupFigures), 'samples'));
    this.#hostStmt = db.prepare(upsertSql('t_host_rollup', ['run', 'minute_ms'], names(kHostRollupFigures), 'samples'));
    this.#metricStmt = db.prepare(upsertSql('t_metric_rollup', ['run', 'comp', 'name', 'minute_ms'], ['value'], null));
    this.#containerStmt = db.prepare(upsertSql('t_container_rollup', ['run', 'container_id', 'minute_ms'], names(kContainerRollupFigures), 'samples'));
  }

  /** Forgets anything left by a batch that rolled back. */
  begin(): void {
    this.#resource.clear();
    this.#host.clear();
    this.#metric.clear();
    this.#container.clear();
  }

  /** A container snapshot (figures in kContainerRollupFigures order). */
  container(run: number, p: ContainerSnapshot): void {
    const minute = p.tsMs - (p.tsMs % kMinuteMs);
    const byId = inner(inner(this.#container, run), minute);
    let a = byId.get(p.containerId);
    if (a === undefined) {
      a = new Agg([run, p.containerId, minute], kContainerRollupFigures.length);
      byId.set(p.containerId, a);
    }
    a.samples += 1;
    a.add(0, p.cpuPercent);
    a.add(1, p.memBytes);
    a.add(2, p.pids);
  }

  /** A process snapshot, as its t_snapshot row. */
  resource(run: number, comp: number, ts: number, row: readonly (number | string | null)[]): void {
    const minute = ts - (ts % kMinuteMs);
    const byMinute = inner(this.#resource, run * kCompIdSpan + comp);
    let agg = byMinute.get(minute);
    if (agg === undefined) {
      agg = new Agg([run, comp, minute], kResourceRollupCols.length);
      byMinute.set(minute, agg);
    }
    agg.samples += 1;
    for (let i = 0; i < kResourceRollupCols.length; ++i) agg.add(i, row[kResourceRollupCols[i]!] as number | null);
  }

  host(run: number, p: HostSnapshot): void {
    const minute = p.tsMs - (p.tsMs % kMinuteMs);
    const key = `${run}:${minute}`;
    let a = this.#host.get(key);
    if (a === undefined) {
      a = new Agg([run, minute], kHostRollupReads.length);
      this.#host.set(key, a);
    }
    a.samples += 1;
    const disk = p.disks?.[0];
    for (const [i, read] of kHostRollupReads.entries()) a.add(i, read(p, disk));
  }

  metric(run: number, comp: number, name: number, ts: number, value: number): void {
    const minute = ts - (ts % kMinuteMs);
    const key = `${run}:${comp}:${name}:${minute}`;
    let a = this.#metric.get(key);
    if (a === undefined) {
      a = new Agg([run, comp, name, minute], 1);
      this.#metric.set(key, a);
    }
    a.add(0, value);
  }

  /** UPSERTs every aggregate of the batch. */
  write(): void {
    for (const byMinute of this.#resource.values()) for (const a of byMinute.values()) this.#resourceStmt.run(a.params());
    for (const a of this.#host.values()) this.#hostStmt.run(a.params());
    for (const byMinute of this.#container.values()) for (const byId of byMinute.values()) for (const a of byId.values()) this.#containerStmt.run(a.params());
    for (const a of this.#metric.values()) {
      // Metric rollups have no separate sample count: value_n is the count.
      this.#metricStmt.run([...a.keys, a.n[0]!, a.sum[0]!, a.min[0]!, a.max[0]!]);
    }
    this.begin();
  }
}
