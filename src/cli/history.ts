import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { AlertsConfig } from '../config/index.js';
import { promRulesYaml } from '../export/prom-rules.js';
import { kExportTables, openReader } from '../store/index.js';
import type { ExportTable, RunRow, StoreReader } from '../store/index.js';
import { CliError, usageError } from './errors.js';
import { fmtBytes, fmtDuration, fmtPercent, fmtTime, inert, inertJson, inertJsonText, table } from './format.js';
import { checkWritable } from './log-json.js';
import { formatSummary, summarizeRun } from './summary.js';

// The commands that read the history: runs, report, export (and export's
// prom-rules format, which reads the config's alert rules instead).

function withReader<T>(db: string, fn: (r: StoreReader) => T): T {
  const reader = openReader(db);
  try {
    return fn(reader);
  } finally {
    reader.close();
  }
}

function pickRun(reader: StoreReader, runId: string | undefined, what: string): RunRow {
  if (runId !== undefined) {
    const run = reader.run(runId);
    if (run === undefined) {
      const ids = reader.runs().slice(-5).map((r) => r.run_id);
      throw new CliError('ERR_CLI_NO_RUN', `runbus ${what}: no run ${JSON.stringify(runId)} in ${reader.path}${ids.length === 0 ? '' : ` (latest: ${ids.join(', ')})`}`);
    }
    return run;
  }
  const last = reader.lastRun();
  if (last === undefined) throw new CliError('ERR_CLI_NO_RUN', `runbus ${what}: ${reader.path} holds no run yet`);
  return last;
}

function status(r: RunRow): string {
  if (r.signal !== null && r.signal !== '') return r.signal;
  if (r.exit_code !== null) return String(r.exit_code);
  return r.ended_at_ms === null ? 'running?' : '-';
}

/** `runbus runs`: lines to print. */
export function runsCommand(db: string, json: boolean): string {
  // No database yet is not an error: nothing has been run here.
  if (!existsSync(db)) return json ? '[]\n' : `no runs yet (${db} does not exist)\n`;
  return withReader(db, (reader) => {
    const runs = reader.runs();
    // The summaries recorded when runs ended: they outlive the raw rows.
    const summaries = new Map(reader.runSummaries().map((x) => [x.run_id, x]));
    if (json) return `${inertJson(runs.map((r) => ({ ...r, summary: summaries.get(r.run_id) ?? null })))}\n`;
    if (runs.length === 0) return `no runs in ${db}\n`;
    const rows = runs.map((r) => {
      const x = summaries.get(r.run_id);
      const cpu = x === undefined || x.cpu_user_ms === null || x.cpu_system_ms === null ? null : x.cpu_user_ms + x.cpu_system_ms;
      return [
        r.run_id,
        fmtTime(r.started_at_ms),
        r.started_at_ms !== null && r.ended_at_ms !== null ? fmtDuration(r.ended_at_ms - r.started_at_ms) : '-',
        status(r),
        `${fmtDuration(cpu)}${x?.source === 'sampled' ? '~' : ''}`,
        `${fmtBytes(x?.max_rss_bytes ?? null)}${x?.source === 'sampled' ? '~' : ''}`,
        r.command ?? '',
      ];
    });
    const lines = table(['run', 'started', 'duration', 'exit', 'cpu time', 'max rss', 'command'], rows, [false, false, true, true, true, true, false]);
    const note = rows.some((row) => row[4]!.endsWith('~')) ? ['(~: estimated from samples; the native addon was not built)'] : [];
    return `${[...lines, ...note].join('\n')}\n`;
  });
}

/** `runbus report`: the text (or JSON) to print. */
export function reportCommand(db: string, runId: string | undefined, json: boolean): string {
  return withReader(db, (reader) => {
    const run = pickRun(reader, runId, 'report');
    const summary = summarizeRun(reader, run);
    const rollups = reader.rollups({ runId: run.run_id });
    const hostRollups = reader.hostRollups({ runId: run.run_id });
    const hosts = hostsOf(db);
    const containers = reader.containers(run.run_id);
    if (json) return `${inertJson({ summary, rollups, host_rollups: hostRollups, hosts, containers })}
`;
    const out = formatSummary(summary);
    for (const h of hosts) {
      const gpus = (JSON.parse(h.gpus ?? '[]') as { model?: string }[]).map((g) => g.model ?? '?').join(', ');
      out.push(`  machine    ${[h.hostname, `id ${h.host_id}`, h.cpu_model, h.cpu_cores === null ? null : `${h.cpu_cores} cores`, h.mem_total_bytes === null ? null : fmtBytes(h.mem_total_bytes),
        [h.os, h.os_release].filter(Boolean).join(' ') || null, h.kernel === null ? null : `kernel ${h.kernel}`, gpus === '' ? null : `GPU ${gpus}`].filter((x) => x !== null).map((x) => inert(x)).join(', ')}`);
    }
    out.push('', '  per minute:');
    if (rollups.length === 0) out.push('    (no rollups)');
    else {
      const rows = rollups.map((r) => [
        fmtTime(r.minute_ms).slice(11, 16),
        r.component,
        String(r.samples),
        fmtPercent(r.cpu_avg),
        fmtPercent(r.cpu_max),
        fmtBytes(r.rss_avg),
        fmtBytes(r.rss_max),
      ]);
      for (const l of table(['minute', 'component', 'samples', 'cpu avg', 'cpu max', 'rss avg', 'rss max'], rows, [false, false, true, true, true, true, true])) {
        out.push(`    ${l}`);
      }
    }
    // Containers: one line each, when the run watched any.
    if (containers.length > 0) {
      out.push('', '  containers:');
      const rows = containers.map((c) => [
        c.container_id.slice(0, 12),
        c.name ?? '',
        c.orphan === 1 ? 'orphan' : c.exited_at_ms === null ? 'running' : `exit ${c.exit_code ?? '?'}`,
        c.cleaned_up === 1 ? 'yes' : 'no',
        String(c.samples),
        fmtPercent(c.cpu_avg),
        fmtPercent(c.cpu_max),
        fmtBytes(c.mem_max),
        fmtBytes(c.mem_limit_bytes),
      ]);
      for (const l of table(['id', 'name', 'state', 'cleaned', 'samples', 'cpu avg', 'cpu max', 'mem max', 'limit'], rows, [false, false, false, false, true, true, true, true, true])) {
        out.push(`    ${l}`);
      }
    }
    return `${out.join('\n')}\n`;
  });
}

export interface ExportCommandOptions {
  db: string;
  format: string | undefined;
  out: string | undefined;
  runId: string | undefined;
  last: boolean;
  table: string | undefined;
  /** The config's alert rules, for --format prom-rules. */
  alerts: AlertsConfig;
}

const kFormats = ['json', 'csv', 'prom-rules'] as const;

/** Writes `text` whole: a temp file renamed into place. */
function writeWhole(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new CliError('ERR_CLI_OUTPUT', `runbus export: ${JSON.stringify(path)} cannot be written: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * `runbus export`: writes the file whole (a temp file renamed into place,
 * so it is never half-written), or returns the text for stdout.
 */
export function exportCommand(o: ExportCommandOptions): string | undefined {
  const requested = o.format ?? 'json';
  if (!(kFormats as readonly string[]).includes(requested)) throw usageError('export', `--format must be json, csv or prom-rules (got ${JSON.stringify(requested)})`);
  if (requested === 'prom-rules') {
    const extra = o.runId !== undefined ? '--run' : o.last ? '--last' : o.table !== undefined ? '--table' : undefined;
    if (extra !== undefined) throw usageError('export', `${extra} does not apply to --format prom-rules (it exports the config's alert rules, not a run)`);
    if (o.out !== undefined && o.out !== '-') checkWritable(o.out, 'export file');
    const yaml = promRulesYaml(o.alerts.rules, { defaults: o.alerts.defaults });
    if (o.out === undefined || o.out === '-') return yaml;
    writeWhole(o.out, yaml);
    return undefined;
  }
  const format = requested as 'json' | 'csv';
  if (o.table !== undefined && !(kExportTables as readonly string[]).includes(o.table)) {
    throw usageError('export', `--table must be one of ${kExportTables.join(', ')} (got ${JSON.stringify(o.table)})`);
  }
  if (o.runId !== undefined && o.last) throw usageError('export', '--run and --last cannot be used together');
  if (o.out !== undefined && o.out !== '-') checkWritable(o.out, 'export file');
  const text = withReader(o.db, (reader) => {
    const runId = o.last ? pickRun(reader, undefined, 'export').run_id : o.runId === undefined ? undefined : pickRun(reader, o.runId, 'export').run_id;
    return reader.export(runId, format, o.table === undefined ? {} : { table: o.table as ExportTable });
  });
  const whole = format === 'json' ? `${text}\n` : text;
  // CSV keeps the exact bytes (quoted by RFC 4180); JSON on stdout escapes
  // what a terminal would act on, which parses back to the same strings.
  if (o.out === undefined || o.out === '-') return format === 'json' ? inertJsonText(whole) : whole;
  writeWhole(o.out, whole);
  return undefined;
}

interface HostRow {
  host_id: string; hostname: string | null; cpu_model: string | null; cpu_cores: number | null; mem_total_bytes: number | null;
  os: string | null; os_release: string | null; kernel: string | null; gpus: string | null;
}

/** The `hosts` view (recorded by each hub at start); empty in a file older than it. */
function hostsOf(db: string): HostRow[] {
  let d: Database.Database | undefined;
  try {
    d = new Database(db, { readonly: true, fileMustExist: true });
    return d.prepare('SELECT host_id, hostname, cpu_model, cpu_cores, mem_total_bytes, os, os_release, kernel, gpus FROM hosts ORDER BY last_seen_ms DESC').all() as HostRow[];
  } catch {
    return [];
  } finally {
    d?.close();
  }
}

