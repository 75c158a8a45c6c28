// `runbus run`, step 2 of 3: supervise. Watches the bus (live view, status
// line, JSON log lines), forwards signals, spawns the command, waits for it,
// and deals with the orphans it left. Steps 1 and 3: run-preflight.ts,
// run-report.ts.
import { constants as osConstants } from 'node:os';
import { performance } from 'node:perf_hooks';
import { kRunLabel } from '../containers/index.js';
import type { Hub } from '../hub/index.js';
import { alertStateName, AlertState, Severity, severityName, Topic } from '../wire/index.js';
import type { Alert, HostSnapshot, ResourceSnapshot } from '../wire/index.js';
import { startCommand } from './command-process.js';
import type { CommandProcess, CommandUsage } from './command-process.js';
import { fmtBytes, fmtDuration, fmtPercent, inert, shellQuote } from './format.js';
import { HighWaterMarks, kEstimateBudget, kExactUsageBudget } from './hwm.js';
import { toJsonObject } from './log-json.js';
import type { JsonLog } from './log-json.js';
import { findOrphans, killOrphans, kMarkerEnv, readProcStat } from './orphans.js';
import type { OrphanFate, ProcStat } from './orphans.js';
import { resolveExecutable } from './run-preflight.js';
import type { Preflight, RunCommandOptions } from './run-preflight.js';
import type { StatusLine } from './status-line.js';

/** Longest wait for the sampler's first tick before the command starts, ms. */
const kFirstTickWaitMs = 3000;

export function signalNumber(sig: string): number {
  return (osConstants.signals as Record<string, number | undefined>)[sig] ?? 0;
}

export /** Live figures of the latest tick, from the bus. */
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

  /**
   * Pids of the processes in the newest tick (one array, reused: read it
   * before the next call). A process not in it has gone or was not read.
   */
  sampledLast(): readonly number[] {
    const out = this.#pids;
    const rss = this.#rss;
    out.length = 0;
    rss.length = 0;
    for (const [pid, s] of this.latest) {
      if (s.tsMs !== this.lastTs) continue;
      out.push(pid);
      rss.push(s.rssBytes);
    }
    return out;
  }

  /** The sampled rss of each pid of the last sampledLast(), in its order (reused likewise). */
  sampledRss(): readonly (number | null | undefined)[] {
    return this.#rss;
  }

  readonly #pids: number[] = [];
  readonly #rss: (number | null | undefined)[] = [];

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

/** How the command ended, and what it left. */
export interface Supervised {
  readonly started: true;
  readonly exitStatus: number;
  readonly end: { code: number | null; signal: NodeJS.Signals | null };
  readonly wallMs: number;
  /** The kernel's rusage of the command's tree; absent without the addon. */
  readonly usage: CommandUsage | undefined;
  readonly orphans: readonly ProcStat[];
  readonly fates: ReadonlyMap<number, OrphanFate>;
  readonly hwm: HighWaterMarks;
  readonly view: LiveView;
  /** Writes resources_initial if it has not been written (at the end: with what there is). */
  readonly writeInitial: (force: boolean) => void;
  /** Stops forwarding signals (after the hub has closed). */
  readonly releaseSignals: () => void;
}

/**
 * Runs the command under `hub` and returns how it ended; or, when a signal
 * came before it started, closes the hub and returns the status to exit with.
 */
export async function supervise(
  hub: Hub,
  o: RunCommandOptions,
  pre: Preflight,
  ui: { status: StatusLine; live: boolean },
  log: JsonLog | undefined,
): Promise<Supervised | { started: false; exitStatus: number }> {
  const cfg = o.config;
  const { cmd, component } = pre;
  const { status, live } = ui;
  const runId = hub.runId;
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
  const running: { child?: CommandProcess } = {};
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
  const releaseSignals = (): void => {
    for (const s of signals) process.off(s, onSignal);
  };
  if (earlySignal !== undefined) {
    await hub.close({ signal: earlySignal });
    releaseSignals();
    process.stderr.write(`runbus run: ${earlySignal} before the command started; it was not started\n`);
    return { started: false, exitStatus: 128 + signalNumber(earlySignal) };
  }

  // ── the command ──────────────────────────────────────────────────────
  const marker = `${runId}/${process.pid}`;
  const env: NodeJS.ProcessEnv = { ...o.env, [kMarkerEnv]: marker };
  if (hub.socketPath !== undefined) env.RUNBUS_SOCKET = hub.socketPath;
  // Containers: a ready-made `docker run --label` value tying a container to this run.
  if (o.config.containers !== undefined) env.RUNBUS_CONTAINER_LABEL = `${kRunLabel}=${runId}`;
  let file = cmd;
  try {
    file = resolveExecutable(cmd, env, o.cwd);
  } catch {
    // Gone since preflight: starting it reports ENOENT/EACCES below.
  }
  const t0 = performance.now();
  const proc = startCommand(file, o.argv, { env, cwd: o.cwd, ...(o.nativeWait === undefined ? {} : { nativeWait: o.nativeWait }) });
  running.child = proc;
  const ended = proc.ended;
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
  // (at most 32 small /proc reads per interval in runbus's own process, 4
  // when wait4() will give the exact maxrss; see hwm.ts), read at each
  // sampler tick: no timer, no wake-up of their own.
  const hwm = new HighWaterMarks('/proc', proc.exactUsage ? kExactUsageBudget : kEstimateBudget);
  const stopHwm = hub.onTick(() => {
    hwm.read(view.sampledLast(), view.sampledRss());
  });

  const end = await ended;
  exited = true;
  const wallMs = performance.now() - t0;
  if (timer !== null) clearInterval(timer);
  stopHwm();
  hwm.close();
  status.close();

  let exitStatus: number;
  if (end.error !== undefined) {
    const notFound = end.error.code === 'ENOENT';
    exitStatus = notFound ? 127 : 126;
    process.stderr.write(`${inert(`runbus run: ${JSON.stringify(cmd)} could not be started: ${end.error.message}`)}\n`);
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

  return {
    started: true, exitStatus, end: { code: end.code, signal: end.signal }, wallMs, usage: end.usage, orphans, fates, hwm, view, writeInitial, releaseSignals,
  };
}
