// A run's summary as `runbus run` computed it when the command ended: the
// kernel's rusage of the command's tree (or the sampled estimates) and the
// headline figures from the raw rows. Raw rows go to retention; t_run_summary
// rows stay as long as their run (t_run is never pruned), so `runbus report`
// and `runbus runs` show the same headline before and after retention.
import type { Database as Db } from 'better-sqlite3';
import { openWriterDb } from './db.js';
import { resolveStoreOptions } from './options.js';

/**
 * The columns of t_run_summary and the `run_summaries` view, in order
 * (appended only). The SQL of the migration, the insert and the row type
 * derive from this table.
 */
export const kRunSummaryColumns = [
  { name: 'written_at_ms', type: 'INTEGER', help: 'when it was recorded' },
  { name: 'source', type: 'TEXT', help: "'rusage': CPU time, max rss, faults and context switches are the kernel's (wait4); 'sampled': estimated from the samples" },
  { name: 'wall_ms', type: 'REAL', help: 'the command, spawn to exit' },
  { name: 'exit_status', type: 'INTEGER', help: 'what runbus exited with' },
  { name: 'cpu_user_ms', type: 'REAL', help: 'user CPU time of the command and its reaped descendants' },
  { name: 'cpu_system_ms', type: 'REAL', help: 'system CPU time, likewise' },
  { name: 'max_rss_bytes', type: 'INTEGER', help: 'largest peak rss of one process of the tree (ru_maxrss)' },
  { name: 'minor_faults', type: 'INTEGER', help: 'page faults served without I/O' },
  { name: 'major_faults', type: 'INTEGER', help: 'page faults that needed I/O' },
  { name: 'ctx_switches_voluntary', type: 'INTEGER', help: 'voluntary context switches' },
  { name: 'ctx_switches_involuntary', type: 'INTEGER', help: 'involuntary context switches' },
  { name: 'block_inputs', type: 'INTEGER', help: 'file system inputs (512-byte blocks)' },
  { name: 'block_outputs', type: 'INTEGER', help: 'file system outputs (512-byte blocks)' },
  { name: 'cpu_avg_percent', type: 'REAL', help: 'sampled: total over processes per tick, averaged (100 = one core)' },
  { name: 'cpu_peak_percent', type: 'REAL', help: 'sampled: largest per-tick total' },
  { name: 'peak_rss_bytes', type: 'INTEGER', help: 'sampled: largest total rss at one tick' },
  { name: 'peak_process_rss_bytes', type: 'INTEGER', help: 'sampled: largest rss of one process' },
  { name: 'samples', type: 'INTEGER', help: 'snapshot rows of the run' },
  { name: 'ticks', type: 'INTEGER', help: 'distinct sampling instants' },
  { name: 'processes', type: 'INTEGER', help: 'distinct pids sampled' },
  { name: 'host_cpu_peak_percent', type: 'REAL', help: 'sampled host CPU peak' },
  { name: 'host_mem_peak_percent', type: 'REAL', help: 'sampled host memory peak' },
  { name: 'components', type: 'TEXT', help: 'per-component summary, JSON' },
] as const;

type ColumnName = (typeof kRunSummaryColumns)[number]['name'];
type ColumnValue<N extends ColumnName> = N extends 'source' ? 'rusage' | 'sampled' : N extends 'components' ? string | null : N extends 'written_at_ms' ? number : number | null;

/** A row of the `run_summaries` view. */
export type RunSummaryRow = { run_id: string } & { [N in ColumnName]: ColumnValue<N> };

/** Migration: the table and its view. */
export const kMigrationRunSummary = `
CREATE TABLE t_run_summary (
  run INTEGER PRIMARY KEY,
  ${kRunSummaryColumns.map((c) => `${c.name} ${c.type}`).join(', ')}
);
CREATE VIEW run_summaries AS
SELECT r.run_id, ${kRunSummaryColumns.map((c) => `x.${c.name}`).join(', ')}
FROM t_run_summary x JOIN t_run r ON r.id = x.run;
`;

function insert(db: Db, row: RunSummaryRow): void {
  const run = db.prepare('SELECT id FROM t_run WHERE run_id = ?').get(row.run_id) as { id: number } | undefined;
  if (run === undefined) throw new RangeError(`run ${JSON.stringify(row.run_id)} is not in the store`);
  const names = kRunSummaryColumns.map((c) => c.name);
  db.prepare(`INSERT OR REPLACE INTO t_run_summary (run, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`).run(
    run.id,
    ...names.map((n) => row[n]),
  );
}

/**
 * Records a run's summary in the database at `path` (after its hub has
 * closed: this opens a writer connection of its own).
 */
export function saveRunSummary(path: string, row: RunSummaryRow): void {
  const db = openWriterDb(resolveStoreOptions({ path }));
  try {
    insert(db, row);
  } finally {
    db.close();
  }
}
