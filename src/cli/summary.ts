import type { AlertRow, RunRow, RunSummaryRow, SnapshotRow, StoreReader } from '../store/index.js';
import type { CommandUsage } from './command-process.js';
import { fmtBytes, fmtDuration, fmtPercent, fmtTime, inert, table } from './format.js';

// A run's summary, computed from the database (so `runbus run` at exit and
// `runbus report` later print the same figures, and tests can check them
// against the rows), and recorded there when the run ends (t_run_summary),
// so the headline survives the raw rows' retention.
//
// Exact figures. `runbus run` starts the command with the native addon's
// spawnWait() (command-process.ts), whose wait4() gives the kernel's rusage
// of the command and every descendant it reaped — what /usr/bin/time -v
// reports: user and system CPU time, ru_maxrss (the largest peak rss of one
// process of the tree), page faults, context switches, block I/O. Processes
// the command left running (orphans, daemons) are not in it.
//
// Estimated figures, without the addon (source 'sampled'): CPU time is the
// cumulative utime/stime the sampler read from /proc/<pid>/stat, summed over
// every process at its last sample (CPU spent after a process's last sample,
// at most one interval, is missing); the peak rss is the largest rss sampled
// (and the VmHWM read while the processes ran); context switches are the
// sampled counters; page faults and block I/O are unknown.

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
  /** Cumulative counters at the last sample that read them. */
  ctx_switches_voluntary: number | null;
  ctx_switches_involuntary: number | null;
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
  /**
   * 'rusage': cpu_user_ms, cpu_system_ms, max_rss_bytes, the faults, the
   * context switches and the block I/O are the kernel's for the command's
   * tree; 'sampled': estimated from the samples (see above).
   */
  source: 'rusage' | 'sampled';
  /** Whether the headline came from the summary recorded when the run ended. */
  recorded: boolean;
  /** The command, spawn to exit (runbus run), else null. */
  wall_ms: number | null;
  /** What runbus exited with, when recorded. */
  exit_status: number | null;
  /** Largest peak rss of one process of the tree: ru_maxrss, or the sampled/VmHWM estimate. */
  max_rss_bytes: number | null;
  minor_faults: number | null;
  major_faults: number | null;
  ctx_switches_voluntary: number | null;
  ctx_switches_involuntary: number | null;
  block_inputs: number | null;
  block_outputs: number | null;
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
          threads: null, peak_threads: null, ctx_switches_voluntary: null, ctx_switches_involuntary: null,
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
    p.ctx_switches_voluntary = maxOf(p.ctx_switches_voluntary, r.ctx_switches_voluntary);
    p.ctx_switches_involuntary = maxOf(p.ctx_switches_involuntary, r.ctx_switches_involuntary);
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
  const computed: RunSummary = {
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
    source: 'sampled',
    recorded: false,
    wall_ms: null,
    exit_status: null,
    max_rss_bytes: peakProcess,
    minor_faults: null,
    major_faults: null,
    ctx_switches_voluntary: sumOf(procs, (p) => p.ctx_switches_voluntary),
    ctx_switches_involuntary: sumOf(procs, (p) => p.ctx_switches_involuntary),
    block_inputs: null,
    block_outputs: null,
    alerts_fired: alerts.length,
    alerts,
    dropped,
    components,
    process_list: procs,
  };
  const recorded = reader.runSummary(runId);
  return recorded === undefined ? computed : withRecorded(computed, recorded);
}

/** The headline as recorded when the run ended; the raw rows may be gone since. */
function withRecorded(s: RunSummary, r: RunSummaryRow): RunSummary {
  let components = s.components;
  if (r.components !== null && s.samples < (r.samples ?? 0)) {
    try {
      components = JSON.parse(r.components) as ComponentSummary[];
    } catch {
      // A damaged column: keep what the rows give.
    }
  }
  return {
    ...s,
    source: r.source,
    recorded: true,
    wall_ms: r.wall_ms,
    exit_status: r.exit_status,
    cpu_user_ms: r.cpu_user_ms,
    cpu_system_ms: r.cpu_system_ms,
    max_rss_bytes: r.max_rss_bytes,
    minor_faults: r.minor_faults,
    major_faults: r.major_faults,
    ctx_switches_voluntary: r.ctx_switches_voluntary,
    ctx_switches_involuntary: r.ctx_switches_involuntary,
    block_inputs: r.block_inputs,
    block_outputs: r.block_outputs,
    cpu_avg_percent: r.cpu_avg_percent,
    cpu_peak_percent: r.cpu_peak_percent,
    peak_rss_bytes: r.peak_rss_bytes,
    peak_process_rss_bytes: r.peak_process_rss_bytes,
    samples: r.samples ?? s.samples,
    ticks: r.ticks ?? s.ticks,
    processes: r.processes ?? s.processes,
    host_cpu_peak_percent: r.host_cpu_peak_percent,
    host_mem_peak_percent: r.host_mem_peak_percent,
    components,
  };
}

/** What `runbus run` knows when the command has ended. */
export interface RunEnd {
  wallMs: number;
  exitStatus: number;
  /** The kernel's rusage of the command's tree; undefined without the addon. */
  usage: CommandUsage | undefined;
  /** Largest VmHWM of one process, read while they ran (the estimate without the addon). */
  kernelPeakRssBytes: number | undefined;
}

/** The summary with the command's end: exact figures where the kernel gave them. */
export function withRunEnd(s: RunSummary, end: RunEnd): RunSummary {
  const u = end.usage;
  if (u === undefined) {
    return { ...s, wall_ms: end.wallMs, exit_status: end.exitStatus, max_rss_bytes: maxOf(s.max_rss_bytes, end.kernelPeakRssBytes) };
  }
  return {
    ...s,
    source: 'rusage',
    wall_ms: end.wallMs,
    exit_status: end.exitStatus,
    cpu_user_ms: u.userMs,
    cpu_system_ms: u.systemMs,
    max_rss_bytes: u.maxRssBytes,
    minor_faults: u.minorFaults,
    major_faults: u.majorFaults,
    ctx_switches_voluntary: u.voluntaryCtxSwitches,
    ctx_switches_involuntary: u.involuntaryCtxSwitches,
    block_inputs: u.blockInputs,
    block_outputs: u.blockOutputs,
  };
}

/** The row that records `s` (see t_run_summary). */
export function summaryRow(s: RunSummary, nowMs: number): RunSummaryRow {
  return {
    run_id: s.run_id,
    written_at_ms: nowMs,
    source: s.source,
    wall_ms: s.wall_ms,
    exit_status: s.exit_status,
    cpu_user_ms: s.cpu_user_ms,
    cpu_system_ms: s.cpu_system_ms,
    max_rss_bytes: s.max_rss_bytes,
    minor_faults: s.minor_faults,
    major_faults: s.major_faults,
    ctx_switches_voluntary: s.ctx_switches_voluntary,
    ctx_switches_involuntary: s.ctx_switches_involuntary,
    block_inputs: s.block_inputs,
    block_outputs: s.block_outputs,
    cpu_avg_percent: s.cpu_avg_percent,
    cpu_peak_percent: s.cpu_peak_percent,
    peak_rss_bytes: s.peak_rss_bytes,
    peak_process_rss_bytes: s.peak_process_rss_bytes,
    samples: s.samples,
    ticks: s.ticks,
    processes: s.processes,
    host_cpu_peak_percent: s.host_cpu_peak_percent,
    host_mem_peak_percent: s.host_mem_peak_percent,
    components: JSON.stringify(s.components),
  };
}

/** Extra facts `runbus run` knows at exit that the database does not hold as such. */
export interface RunExtras {
  orphans: readonly { pid: number; comm: string; fate: string }[];
  /** Why the kernel's figures are missing (the summary says which are estimated). */
  estimatedBecause?: string;
}

/**
 * Orphans listed by name in the text summary and the quiet one-line report;
 * past it, a count. Every one is in --summary-json (not written with
 * --quiet) and --log-json.
 */
const kOrphansListed = 20;

/**
 * The first kOrphansListed orphans as `show` writes them, then, if there are
 * more, a count of the rest that points at `where`, which lists them all.
 */
export function orphanEntries<T>(orphans: readonly T[], show: (o: T) => string, where: string): string[] {
  const out = orphans.slice(0, kOrphansListed).map(show);
  const more = orphans.length - out.length;
  if (more > 0) out.push(`… and ${more} more (every one in ${where})`);
  return out;
}

function fmtCount(n: number | null): string {
  return n === null ? '-' : String(n);
}

/** The summary as text lines (no trailing newline). */
export function formatSummary(s: RunSummary, extras?: RunExtras): string[] {
  const out: string[] = [];
  const status = s.signal !== null && s.signal !== '' ? `killed by ${s.signal}` : s.exit_code === null ? 'unknown' : `exit ${s.exit_code}`;
  out.push(`runbus: run ${s.run_id} — ${s.command ?? '?'}`);
  const wall = s.wall_ms ?? s.duration_ms;
  out.push(`  status     ${status}${s.exit_status === null ? '' : ` (runbus exits ${s.exit_status})`}   wall ${fmtDuration(wall)}   started ${fmtTime(s.started_at_ms)}`);
  const exact = s.source === 'rusage';
  out.push(`  cpu time   user ${fmtDuration(s.cpu_user_ms)}   system ${fmtDuration(s.cpu_system_ms)}   ${exact ? '(kernel: the command and the children it waited for)' : '(estimated: sampled from /proc; the last interval may be missing)'}`);
  out.push(`  cpu        avg ${fmtPercent(s.cpu_avg_percent)}   peak ${fmtPercent(s.cpu_peak_percent)}   (sampled; 100% = one core, all processes)`);
  out.push(`  max rss    ${fmtBytes(s.max_rss_bytes)} one process   ${exact ? '(kernel maxrss)' : '(estimated: sampled rss and VmHWM)'}   sampled peak ${fmtBytes(s.peak_rss_bytes)} total`);
  if (exact) {
    out.push(`  faults     ${fmtCount(s.major_faults)} major, ${fmtCount(s.minor_faults)} minor   block I/O ${fmtCount(s.block_inputs)} in, ${fmtCount(s.block_outputs)} out`);
  }
  out.push(`  switches   ${fmtCount(s.ctx_switches_voluntary)} voluntary, ${fmtCount(s.ctx_switches_involuntary)} involuntary${exact ? '' : '   (estimated: sampled counters)'}`);
  if (!exact && s.wall_ms !== null) {
    out.push(`  estimated  cpu time, max rss and context switches${extras?.estimatedBecause === undefined || extras.estimatedBecause === '' ? '' : `: ${extras.estimatedBecause}`}`);
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
    for (const e of orphanEntries(extras.orphans, (o) => `${String(o.pid).padStart(7)}  ${o.comm}  ${o.fate}`, '--summary-json and --log-json')) out.push(`    ${e}`);
  }
  // Run ids, commands, component and process names and alert text come from outside.
  return out.map(inert);
}
