import type { AlertRow, RunRow, SnapshotRow, StoreReader } from '../store/index.js';
import { fmtBytes, fmtDuration, fmtPercent, fmtTime, inert, table } from './format.js';

// A run's summary, computed from the database (so `runbus run` at exit and
// `runbus report` later print the same figures, and tests can check them
// against the rows).
//
// CPU time. Node cannot wait4() a child, so the kernel's rusage of the
// command (and RUSAGE_CHILDREN) is out of reach; the figures are the
// cumulative utime/stime the sampler read from /proc/<pid>/stat, summed over
// every process of the run at its last sample. CPU spent after a process's
// last sample (at most one interval) is missing.
//
// Peak rss. For the same reason the kernel's maxrss of the children is not
// available; the peak is the largest rss sampled. A spike shorter than the
// interval can be missed.

/** One process of the run, from its snapshots. */
export interface ProcessSummary {
  pid: number;
  ppid: number | null;
  component: string;
  command: string | null;
  samples: number;
  first_ts_ms: number;
  last_ts_ms: number;
  cpu_avg_percent: number | null;
  cpu_peak_percent: number | null;
  peak_rss_bytes: number | null;
  cpu_user_ms: number | null;
  cpu_system_ms: number | null;
  /** Threads at the process's last sample that read them. */
  threads: number | null;
  /** Most threads seen at once. */
  peak_threads: number | null;
}

/** One component (the command's tree, or a remote bus) of the run. */
export interface ComponentSummary {
  component: string;
  processes: number;
  samples: number;
  /** Summed over the component's processes at each tick, then averaged over ticks. */
  cpu_avg_percent: number | null;
  cpu_peak_percent: number | null;
  /** Largest total rss of the component's processes at one tick. */
  peak_rss_bytes: number | null;
  /** Largest rss of one of its processes. */
  peak_process_rss_bytes: number | null;
  cpu_user_ms: number | null;
  cpu_system_ms: number | null;
}

export interface RunSummary {
  run_id: string;
  command: string | null;
  host: string | null;
  started_at_ms: number | null;
  ended_at_ms: number | null;
  /** ended - started, from the runs row (the hub's lifetime). */
  duration_ms: number | null;
  exit_code: number | null;
  signal: string | null;
  /** Snapshot rows of the run in the database. */
  samples: number;
  /** Distinct sampling instants. */
  ticks: number;
  /** Distinct pids sampled. */
  processes: number;
  cpu_user_ms: number | null;
  cpu_system_ms: number | null;
  /** Total over every process at each tick (100 = one core), averaged over ticks. */
  cpu_avg_percent: number | null;
  cpu_peak_percent: number | null;
  /** Largest total rss of all processes at one tick. */
  peak_rss_bytes: number | null;
  /** Largest rss of a single process (raw rows and per-minute rollups). */
  peak_process_rss_bytes: number | null;
  host_cpu_peak_percent: number | null;
  host_mem_peak_percent: number | null;
  /** Firing alerts recorded for the run. */
  alerts_fired: number;
  alerts: AlertRow[];
  /** Envelopes the hub dropped (its last heartbeat). */
  dropped: number;
  components: ComponentSummary[];
  process_list: ProcessSummary[];
}

function maxOf(a: number | null, b: number | null | undefined): number | null {
  if (b === null || b === undefined) return a;
  return a === null || b > a ? b : a;
}

interface TickAgg {
  cpu: number;
  cpuSeen: boolean;
  rss: number;
  rssSeen: boolean;
}

function perTick(rows: readonly SnapshotRow[]): { cpuAvg: number | null; cpuPeak: number | null; rssPeak: number | null; ticks: number } {
  const ticks = new Map<number, TickAgg>();
  for (const r of rows) {
    let t = ticks.get(r.ts_ms);
    if (t === undefined) {
      t = { cpu: 0, cpuSeen: false, rss: 0, rssSeen: false };
      ticks.set(r.ts_ms, t);
    }
    if (r.cpu_percent !== null) {
      t.cpu += r.cpu_percent;
      t.cpuSeen = true;
    }
    if (r.rss_bytes !== null) {
      t.rss += r.rss_bytes;
      t.rssSeen = true;
    }
  }
  let cpuSum = 0;
  let cpuN = 0;
  let cpuPeak: number | null = null;
  let rssPeak: number | null = null;
  for (const t of ticks.values()) {
    if (t.cpuSeen) {
      cpuSum += t.cpu;
      cpuN++;
      cpuPeak = maxOf(cpuPeak, t.cpu);
    }
    if (t.rssSeen) rssPeak = maxOf(rssPeak, t.rss);
  }
  return { cpuAvg: cpuN === 0 ? null : cpuSum / cpuN, cpuPeak, rssPeak, ticks: ticks.size };
}

function summarizeProcesses(rows: readonly SnapshotRow[]): ProcessSummary[] {
  const by = new Map<string, { p: ProcessSummary; cpuSum: number; cpuN: number }>();
  for (const r of rows) {
    const key = `${r.component}\0${r.pid}`;
    let e = by.get(key);
    if (e === undefined) {
      e = {
        p: {
          pid: r.pid, ppid: r.ppid, component: r.component, command: r.command, samples: 0, first_ts_ms: r.ts_ms, last_ts_ms: r.ts_ms,
          cpu_avg_percent: null, cpu_peak_percent: null, peak_rss_bytes: null, cpu_user_ms: null, cpu_system_ms: null,
          threads: null, peak_threads: null,
        },
        cpuSum: 0,
        cpuN: 0,
      };
      by.set(key, e);
    }
    const p = e.p;
    p.samples++;
    p.last_ts_ms = r.ts_ms;
    if (r.command !== null && r.command !== '') p.command = r.command;
    if (r.ppid !== null) p.ppid = r.ppid;
    if (r.cpu_percent !== null) {
      e.cpuSum += r.cpu_percent;
      e.cpuN++;
      p.cpu_peak_percent = maxOf(p.cpu_peak_percent, r.cpu_percent);
    }
    p.peak_rss_bytes = maxOf(p.peak_rss_bytes, r.rss_bytes);
    if (r.threads !== null) p.threads = r.threads;
    p.peak_threads = maxOf(p.peak_threads, r.threads);
    // Cumulative counters: the last reading is the total so far.
    p.cpu_user_ms = maxOf(p.cpu_user_ms, r.cpu_user_ms);
    p.cpu_system_ms = maxOf(p.cpu_system_ms, r.cpu_system_ms);
  }
  for (const e of by.values()) e.p.cpu_avg_percent = e.cpuN === 0 ? null : e.cpuSum / e.cpuN;
  return [...by.values()].map((e) => e.p).sort((a, b) => a.first_ts_ms - b.first_ts_ms || a.pid - b.pid);
}

function sumOf(list: readonly ProcessSummary[], f: (p: ProcessSummary) => number | null): number | null {
  let s: number | null = null;
  for (const p of list) {
    const v = f(p);
    if (v !== null) s = (s ?? 0) + v;
  }
  return s;
}

/** Computes a run's summary from the database. */
export function summarizeRun(reader: StoreReader, run: RunRow): RunSummary {
  const runId = run.run_id;
  const rows = reader.snapshots({ runId });
  const all = perTick(rows);
  const procs = summarizeProcesses(rows);
  const rollups = reader.rollups({ runId });
  const components: ComponentSummary[] = [];
  const names = [...new Set([...rows.map((r) => r.component), ...rollups.map((r) => r.component)])].sort();
  for (const component of names) {
    const cr = rows.filter((r) => r.component === component);
    const t = perTick(cr);
    const cp = procs.filter((p) => p.component === component);
    let peakProc: number | null = null;
    for (const p of cp) peakProc = maxOf(peakProc, p.peak_rss_bytes);
    for (const r of rollups) if (r.component === component) peakProc = maxOf(peakProc, r.rss_max);
    components.push({
      component,
      processes: new Set(cr.map((r) => r.pid)).size,
      samples: cr.length,
      cpu_avg_percent: t.cpuAvg,
      cpu_peak_percent: t.cpuPeak,
      peak_rss_bytes: t.rssPeak,
      peak_process_rss_bytes: peakProc,
      cpu_user_ms: sumOf(cp, (p) => p.cpu_user_ms),
      cpu_system_ms: sumOf(cp, (p) => p.cpu_system_ms),
    });
  }
  let peakProcess: number | null = null;
  for (const c of components) peakProcess = maxOf(peakProcess, c.peak_process_rss_bytes);
  let hostCpu: number | null = null;
  let hostMem: number | null = null;
  for (const h of reader.hostSnapshots({ runId })) {
    hostCpu = maxOf(hostCpu, h.cpu_percent);
    hostMem = maxOf(hostMem, h.mem_percent);
  }
  const alerts = reader.alerts({ runId });
  const hb = reader.heartbeats({ runId });
  let dropped = 0;
  for (const h of hb) dropped = Math.max(dropped, h.dropped_total ?? 0);
  return {
    run_id: runId,
    command: run.command,
    host: run.host,
    started_at_ms: run.started_at_ms,
    ended_at_ms: run.ended_at_ms,
    duration_ms: run.started_at_ms !== null && run.ended_at_ms !== null ? run.ended_at_ms - run.started_at_ms : null,
    exit_code: run.exit_code,
    signal: run.signal,
    samples: rows.length,
    ticks: all.ticks,
    processes: new Set(rows.map((r) => r.pid)).size,
    cpu_user_ms: sumOf(procs, (p) => p.cpu_user_ms),
    cpu_system_ms: sumOf(procs, (p) => p.cpu_system_ms),
    cpu_avg_percent: all.cpuAvg,
    cpu_peak_percent: all.cpuPeak,
    peak_rss_bytes: all.rssPeak,
    peak_process_rss_bytes: peakProcess,
    host_cpu_peak_percent: hostCpu,
    host_mem_peak_percent: hostMem,
    alerts_fired: alerts.length,
    alerts,
    dropped,
    components,
    process_list: procs,
  };
}

/** Extra facts `runbus run` knows at exit that the database does not hold as such. */
export interface RunExtras {
  wallMs: number;
  exitStatus: number;
  orphans: readonly { pid: number; comm: string; fate: string }[];
  /** Largest VmHWM (kernel rss high-water mark) of one process, read while they ran. */
  kernelPeakRssBytes?: number | undefined;
}

/** The summary as text lines (no trailing newline). */
export function formatSummary(s: RunSummary, extras?: RunExtras): string[] {
  const out: string[] = [];
  const status = s.signal !== null && s.signal !== '' ? `killed by ${s.signal}` : s.exit_code === null ? 'unknown' : `exit ${s.exit_code}`;
  out.push(`runbus: run ${s.run_id} — ${s.command ?? '?'}`);
  const wall = extras?.wallMs ?? s.duration_ms;
  out.push(`  status     ${status}${extras === undefined ? '' : ` (runbus exits ${extras.exitStatus})`}   wall ${fmtDuration(wall)}   started ${fmtTime(s.started_at_ms)}`);
  out.push(`  cpu time   user ${fmtDuration(s.cpu_user_ms)}   system ${fmtDuration(s.cpu_system_ms)}   (sampled from /proc; the last interval may be missing)`);
  out.push(`  cpu        avg ${fmtPercent(s.cpu_avg_percent)}   peak ${fmtPercent(s.cpu_peak_percent)}   (100% = one core, all processes)`);
  out.push(`  rss        peak ${fmtBytes(s.peak_rss_bytes)} total, ${fmtBytes(s.peak_process_rss_bytes)} one process   (sampled every interval)`);
  if (extras?.kernelPeakRssBytes !== undefined) {
    out.push(`             kernel high-water mark ${fmtBytes(extras.kernelPeakRssBytes)} one process   (VmHWM read while running; Node cannot read the children's maxrss at exit)`);
  }
  out.push(`  samples    ${s.samples} from ${s.processes} process${s.processes === 1 ? '' : 'es'} over ${s.ticks} tick${s.ticks === 1 ? '' : 's'}${s.dropped > 0 ? `   dropped ${s.dropped}` : ''}`);
  if (s.host_cpu_peak_percent !== null || s.host_mem_peak_percent !== null) {
    out.push(`  host       peak cpu ${fmtPercent(s.host_cpu_peak_percent)}   peak mem ${fmtPercent(s.host_mem_peak_percent)}`);
  }
  if (s.components.length > 0) {
    out.push('');
    const rows = s.components.map((c) => [
      c.component, String(c.processes), String(c.samples), fmtPercent(c.cpu_avg_percent), fmtPercent(c.cpu_peak_percent), fmtBytes(c.peak_rss_bytes),
      fmtDuration(c.cpu_user_ms), fmtDuration(c.cpu_system_ms),
    ]);
    for (const l of table(['component', 'procs', 'samples', 'cpu avg', 'cpu peak', 'rss peak', 'user', 'system'], rows, [false, true, true, true, true, true, true, true])) {
      out.push(`  ${l}`);
    }
  }
  out.push('');
  out.push(`  alerts     ${s.alerts_fired === 0 ? 'none' : String(s.alerts_fired)}`);
  for (const a of s.alerts.slice(-10)) {
    out.push(`    ${fmtTime(a.fired_at_ms)}  ${a.severity.toUpperCase().padEnd(8)} ${a.rule}  ${a.state}  ${a.message ?? ''}`);
  }
  if (extras !== undefined && extras.orphans.length > 0) {
    out.push(`  orphans    ${extras.orphans.length} process${extras.orphans.length === 1 ? '' : 'es'} outlived the command:`);
    for (const o of extras.orphans) out.push(`    ${String(o.pid).padStart(7)}  ${o.comm}  ${o.fate}`);
  }
  // Run ids, commands, component and process names and alert text come from outside.
  return out.map(inert);
}
