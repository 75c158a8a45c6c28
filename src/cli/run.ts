import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { socketPathOf } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import { createHub } from '../hub/index.js';
import type { Hub } from '../hub/index.js';
import { openReader, StoreError } from '../store/index.js';
import { alertStateName, AlertState, Severity, severityName, Topic } from '../wire/index.js';
import type { Alert, HostSnapshot, ResourceSnapshot } from '../wire/index.js';
import { CliError } from './errors.js';
import { checkExportDir } from './export-dir.js';
import { announceDashboard, checkMetricsPort, exporterFailure, hubExportOptions } from './exporters.js';
import { fmtBytes, fmtDuration, fmtPercent, inert, inertJson, shellQuote } from './format.js';
import { HighWaterMarks } from './hwm.js';
import { checkWritable, JsonLog, toJsonObject } from './log-json.js';
import { findOrphans, killOrphans, kMarkerEnv, readProcStat } from './orphans.js';
import type { OrphanFate, ProcStat } from './orphans.js';
import { StatusLine } from './status-line.js';
import { formatSummary, summarizeRun } from './summary.js';
import type { RunSummary } from './summary.js';
import { remoteWriteFromConfig } from './remote-write.js';

/** Longest wait for the sampler's first tick before the command starts, ms. */
const kFirstTickWaitMs = 3000;

/** What `runbus run` needs beyond the resolved config. */
export interface RunCommandOptions {
  config: RunbusConfig;
  argv: string[];
  /** --component; default: basename of argv[0]. */
  component?: string;
  /** Print the summary as JSON on stderr. */
  summaryJson: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Finds the command the way execvp would; throws 127/126 CliErrors naming it. */
export function resolveExecutable(cmd: string, env: NodeJS.ProcessEnv, cwd: string): string {
  const candidates = cmd.includes('/')
    ? [isAbsolute(cmd) ? cmd : resolve(cwd, cmd)]
    : (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).map((d) => join(d === '' ? cwd : resolve(cwd, d), cmd));
  let denied: string | undefined;
  for (const p of candidates) {
    let isFile: boolean;
    try {
      isFile = statSync(p).isFile();
    } catch {
      continue;
    }
    try {
      if (!isFile) throw new Error('not a file');
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      denied ??= p;
    }
  }
  if (denied !== undefined) {
    throw new CliError('ERR_CLI_COMMAND_NOT_EXECUTABLE', `runbus run: ${JSON.stringify(cmd)} cannot be executed (${denied} is not an executable file)`);
  }
  throw new CliError(
    'ERR_CLI_COMMAND_NOT_FOUND',
    cmd.includes('/') ? `runbus run: ${JSON.stringify(cmd)}: no such file` : `runbus run: ${JSON.stringify(cmd)}: command not found (searched PATH)`,
  );
}

/** Whether `cmd` resolves to an executable. */
export function hasCommand(cmd: string, env: NodeJS.ProcessEnv, cwd: string): boolean {
  try {
    resolveExecutable(cmd, env, cwd);
    return true;
  } catch {
    return false;
  }
}

function signalNumber(sig: string): number {
  return (osConstants.signals as Record<string, number | undefined>)[sig] ?? 0;
}

/** Live figures of the latest tick, from the bus. */
class LiveView {
  readonly latest = new Map<number, ResourceSnapshot>();
  lastTs = 0;
  host: HostSnapshot | undefined;
  alertsFiring = 0;
  dropped = 0;
  /** Pids seen in the command's tree (for orphan detection). */
  readonly seen = new Set<number>();
  firstOfCommand: ResourceSnapshot | undefined;

  onResource(s: ResourceSnapshot, component: string): void {
    if (s.tsMs > this.lastTs) this.lastTs = s.tsMs;
    this.latest.set(s.pid, s);
    // Descendants are tagged "<component>/<comm>" by the sampler.
    if (s.component === component || s.component.startsWith(`${component}/`)) this.seen.add(s.pid);
  }

  /** Totals over the processes of the newest tick. */
  totals(): { cpu: number | null; rss: number | null; processes: number } {
    let cpu: number | null = null;
    let rss: number | null = null;
    let n = 0;
    for (const [pid, s] of this.latest) {
      if (s.tsMs !== this.lastTs) {
        if (s.tsMs < this.lastTs - 60_000) this.latest.delete(pid);
        continue;
      }
      n++;
      if (s.cpuPercent != null) cpu = (cpu ?? 0) + s.cpuPercent;
      if (s.rssBytes != null) rss = (rss ?? 0) + s.rssBytes;
    }
    return { cpu, rss, processes: n };
  }
}

function orphanAlert(runId: string, component: string, orphans: readonly ProcStat[], fates: ReadonlyMap<number, OrphanFate>, state: AlertState, firedAtMs: number, pending: 'left running' | 'to be terminated'): Alert {
  // Before --kill-orphans acts, an orphan's fate is "to be terminated", not "left running".
  const list = orphans.map((o) => `${o.pid} (${o.comm}): ${fates.get(o.pid) ?? pending}`).join(', ');
  return {
    tsMs: Date.now(),
    runId,
    rule: 'orphans_at_exit',
    severity: Severity.WARNING,
    state,
    value: orphans.length,
    message: `${orphans.length} process${orphans.length === 1 ? '' : 'es'} outlived the command: ${list}`,
    component,
    pid: orphans[0]?.pid ?? 0,
    firedAtMs,
    ...(state === AlertState.RESOLVED ? { resolvedAtMs: Date.now() } : {}),
    labels: { pids: orphans.map((o) => String(o.pid)).join(',') },
  };
}

/**
 * `runbus run`: checks everything it can before the command starts (the
 * command exists, the JSON log and the database can be written), runs the
 * command under a hub, and returns the exit status to use.
 */
export async function runCommand(o: RunCommandOptions): Promise<number> {
  const cfg = o.config;
  const stderr = process.stderr;
  const cmd = o.argv[0]!;
  resolveExecutable(cmd, o.env, o.cwd);
  const component = o.component ?? (basename(cmd) || 'command');
  if (cfg.logJson !== undefined) checkWritable(cfg.logJson, 'JSON log');
  const exportDir = cfg.exportDir === undefined ? undefined : checkExportDir(cfg.exportDir, o.cwd);
  await checkMetricsPort(cfg);

  const live = !cfg.quiet && stderr.isTTY && process.stdout.isTTY;
  const status = new StatusLine(stderr, live);
  const warn = (m: string): void => {
    status.clear();
    // Hub warnings can name clients and processes.
    stderr.write(`${inert(m)}\n`);
  };

  let hub: Hub;
  try {
    hub = await createHub({
      db: cfg.db,
      self: false,
      // --metrics-port and --dashboard: the hub's own exporter.
      ...hubExportOptions(cfg),
      handleSignals: false,
      command: shellQuote(o.argv),
      intervalMs: cfg.intervalMs,
      socket: socketPathOf(cfg.socket, o.cwd),
      // Without nvidia-smi on PATH the GPU sampler would only say so: skip it.
      gpu: cfg.gpu && hasCommand('nvidia-smi', o.env, o.cwd),
      logger: { warn },
      // The built-in rules (unless the config says `defaults: false`) and the config file's.
      alerts: { rules: cfg.alerts.rules, defaults: cfg.alerts.defaults },
      // Written by hub.close(), after the last flush.
      ...(exportDir === undefined ? {} : { exportDir }),
      ...(cfg.token === undefined ? {} : { token: cfg.token }),
      ...(cfg.retentionMs === undefined ? {} : { retentionMs: cfg.retentionMs }),
      remoteWrite: remoteWriteFromConfig(cfg, o.cwd),
    });
  } catch (err) {
    if (err instanceof StoreError) {
      throw new CliError('ERR_CLI_OUTPUT', `runbus run: the database cannot be used, so the command was not started: ${err.message}`, { cause: err });
    }
    throw exporterFailure(err, cfg);
  }
  const runId = hub.runId;
  let log: JsonLog | undefined;
  try {
    if (cfg.logJson !== undefined) log = new JsonLog(cfg.logJson, runId, warn);
  } catch (err) {
    await hub.close({ exitCode: 1 });
    throw err;
  }
  announceDashboard(hub, warn);
  if (hub.metricsUrl !== undefined && !cfg.quiet) warn(`runbus: Prometheus metrics on ${hub.metricsUrl}`);

  const view = new LiveView();
  let tickSeen: () => void = () => undefined;
  const firstTick = new Promise<void>((r) => {
    tickSeen = r;
    setTimeout(r, kFirstTickWaitMs).unref();
  });
  let initialWritten = false;
  const writeInitial = (force: boolean): void => {
    if (initialWritten || log === undefined) return;
    const first = view.firstOfCommand;
    if (!force && (first === undefined || view.host === undefined || view.host.tsMs < first.tsMs)) return;
    initialWritten = true;
    log.write('resources_initial', { command: shellQuote(o.argv), component, host: toJsonObject(view.host), process: toJsonObject(first) });
  };
  let childPid = 0;
  hub.bus.subscribe(
    [Topic.RESOURCE, Topic.HOST, Topic.ALERT, Topic.HEARTBEAT],
    (payload, topic) => {
      switch (topic) {
        case Topic.RESOURCE: {
          const s = payload as ResourceSnapshot;
          view.onResource(s, component);
          if (s.pid === childPid && view.firstOfCommand === undefined) view.firstOfCommand = s;
          writeInitial(false);
          break;
        }
        case Topic.HOST:
          tickSeen();
          view.host = payload as HostSnapshot;
          writeInitial(false);
          break;
        case Topic.ALERT: {
          const a = payload as Alert;
          if (a.state === AlertState.FIRING) view.alertsFiring++;
          // Words, not enum numbers, as in the alerts view.
          log?.write('alert', { ...(toJsonObject(a) as Record<string, unknown>), severity: severityName(a.severity), state: alertStateName(a.state) });
          break;
        }
        case Topic.HEARTBEAT: {
          const hb = payload as { droppedTotal?: number | null };
          view.dropped = hb.droppedTotal ?? 0;
          break;
        }
        default:
          break;
      }
    },
    { name: 'runbus-cli' },
  );

  // Signals: forwarded to the command once it runs; before that, one stops
  // runbus without starting it.
  // Set once the command is spawned (read by the signal handler).
  const running: { child?: ChildProcess } = {};
  let exited = false;
  let earlySignal: NodeJS.Signals | undefined;
  const sigCount = new Map<string, number>();
  const onSignal = (sig: NodeJS.Signals): void => {
    const n = (sigCount.get(sig) ?? 0) + 1;
    sigCount.set(sig, n);
    const child = running.child;
    if (child === undefined) {
      earlySignal ??= sig;
      tickSeen();
      return;
    }
    if (exited || child.pid === undefined) return;
    // A terminal's ^C already went to the whole foreground group, the
    // command included; forwarding the first one would deliver it twice.
    if (sig === 'SIGINT' && process.stdin.isTTY && n === 1) return;
    child.kill(sig);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const s of signals) process.on(s, onSignal);

  // The sampler pool starts with a tick of its own (host only). Waiting for
  // it means the command's first sample comes one interval after it starts,
  // instead of after the worker thread has loaded: short commands get
  // sampled too.
  await firstTick;
  if (earlySignal !== undefined) {
    await hub.close({ signal: earlySignal });
    for (const s of signals) process.off(s, onSignal);
    stderr.write(`runbus run: ${earlySignal} before the command started; it was not started\n`);
    return 128 + signalNumber(earlySignal);
  }

  // ── the command ──────────────────────────────────────────────────────
  const marker = `${runId}/${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...o.env, [kMarkerEnv]: marker };
  if (hub.socketPath !== undefined) env.RUNBUS_SOCKET = hub.socketPath;
  const t0 = performance.now();
  const proc = spawn(cmd, o.argv.slice(1), { stdio: 'inherit', env, cwd: o.cwd });
  running.child = proc;
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: NodeJS.ErrnoException }>((resolveEnd) => {
    proc.once('error', (error: NodeJS.ErrnoException) => {
      resolveEnd({ code: null, signal: null, error });
    });
    proc.once('exit', (code, signal) => {
      resolveEnd({ code, signal });
    });
  });
  let startTicks = 0;
  if (proc.pid !== undefined) {
    childPid = proc.pid;
    startTicks = readProcStat(childPid)?.startTicks ?? 0;
    hub.track(childPid, component);
    // A first sample now: a command shorter than one interval is still seen.
    void hub.sampleNow();
  }


  const redraw = (): void => {
    const t = view.totals();
    const el = performance.now() - t0;
    status.draw(
      `runbus ${fmtDuration(el)} │ cpu ${fmtPercent(t.cpu)} │ rss ${fmtBytes(t.rss)} │ procs ${t.processes} │ alerts ${view.alertsFiring}${view.dropped > 0 ? ` │ dropped ${view.dropped}` : ''}`,
    );
  };
  const timer = live ? setInterval(redraw, Math.min(cfg.intervalMs, 1000)) : null;
  timer?.unref();
  // The kernel's high-water marks of the processes sampled in the last tick
  // (a few small /proc reads per interval, in runbus's own process).
  const hwm = new HighWaterMarks();
  const hwmTimer = setInterval(() => {
    hwm.read(view.latest.keys());
  }, cfg.intervalMs);
  hwmTimer.unref();

  const end = await ended;
  exited = true;
  const wallMs = performance.now() - t0;
  if (timer !== null) clearInterval(timer);
  clearInterval(hwmTimer);
  status.close();

  let exitStatus: number;
  if (end.error !== undefined) {
    const notFound = end.error.code === 'ENOENT';
    exitStatus = notFound ? 127 : 126;
    stderr.write(`${inert(`runbus run: ${JSON.stringify(cmd)} could not be started: ${end.error.message}`)}\n`);
  } else if (end.signal !== null) {
    exitStatus = 128 + signalNumber(end.signal);
  } else {
    exitStatus = end.code ?? 1;
  }
  if (childPid !== 0) hub.noteExit(childPid, { code: end.code, signal: end.signal });

  // ── orphans ──────────────────────────────────────────────────────────
  const orphans = childPid === 0 ? [] : findOrphans({ marker, seen: view.seen, exclude: new Set([process.pid, childPid]), notBeforeTicks: startTicks });
  let fates = new Map<number, OrphanFate>();
  if (orphans.length > 0) {
    const firedAt = Date.now();
    const pending = cfg.killOrphans ? 'to be terminated' : 'left running';
    hub.bus.publish(Topic.ALERT, orphanAlert(runId, component, orphans, fates, AlertState.FIRING, firedAt, pending));
    if (cfg.killOrphans) {
      fates = await killOrphans(orphans, cfg.orphanGraceMs);
      const all = orphans.every((p) => fates.get(p.pid) !== 'survived SIGKILL');
      if (all) hub.bus.publish(Topic.ALERT, orphanAlert(runId, component, orphans, fates, AlertState.RESOLVED, firedAt, pending));
    } else {
      for (const p of orphans) fates.set(p.pid, 'left running');
    }
    log?.write('orphans', {
      orphans: orphans.map((p) => ({ pid: p.pid, ppid: p.ppid, comm: p.comm, fate: fates.get(p.pid) ?? 'left running' })),
      killed: cfg.killOrphans,
    });
  }

  // ── record, then read back ───────────────────────────────────────────
  // One last look, so the processes that ended since the last tick (the
  // command, its children, killed orphans) get PROCESS_EXITED, and with it
  // processes.exited_at_ms and the command's exit code. The first call may
  // join a tick that started before they ended; the second is a fresh one.
  await hub.sampleNow();
  await hub.sampleNow();
  try {
    await hub.close({ ...(end.code === null ? {} : { exitCode: end.code }), ...(end.signal === null ? {} : { signal: end.signal }) });
  } catch (err) {
    warn(`runbus run: closing the hub failed: ${(err as Error).message}`);
  }
  for (const s of signals) process.off(s, onSignal);

  let summary: RunSummary | undefined;
  try {
    const reader = openReader(cfg.db);
    try {
      const run = reader.run(runId);
      if (run !== undefined) summary = summarizeRun(reader, run);
    } finally {
      reader.close();
    }
  } catch (err) {
    warn(`runbus run: the summary cannot be read back from ${JSON.stringify(cfg.db)}: ${(err as Error).message}`);
  }
  writeInitial(true);
  if (log !== undefined && summary !== undefined) {
    for (const p of summary.process_list) log.write('process_resources', { ...p });
    log.write('resources_final', {
      ...summary,
      process_list: undefined,
      alerts: summary.alerts.length,
      wall_ms: wallMs,
      exit_status: exitStatus,
      kernel_peak_rss_bytes: hwm.maxBytes ?? null,
      host: toJsonObject(view.host),
      orphans: orphans.map((p) => ({ pid: p.pid, comm: p.comm, fate: fates.get(p.pid) ?? 'left running' })),
    });
  }
  const orphanList = orphans.map((p) => ({ pid: p.pid, comm: p.comm, fate: fates.get(p.pid) ?? 'left running' }));
  if (!cfg.quiet && summary !== undefined) {
    if (o.summaryJson) {
      stderr.write(`${inertJson({ ...summary, wall_ms: wallMs, exit_status: exitStatus, kernel_peak_rss_bytes: hwm.maxBytes ?? null, orphans: orphanList })}\n`);
    } else {
      stderr.write(`${formatSummary(summary, { wallMs, exitStatus, orphans: orphanList, kernelPeakRssBytes: hwm.maxBytes }).join('\n')}\n`);
    }
  } else if (orphans.length > 0 && !cfg.killOrphans) {
    // Even quiet, say that something is left behind.
    stderr.write(`${inert(`runbus run: ${orphans.length} orphan process(es) still running: ${orphanList.map((p) => `${p.pid} (${p.comm})`).join(', ')}`)}\n`);
  }
  return exitStatus;
}
