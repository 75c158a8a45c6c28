import { RemoteErrorCode, connectBus } from '../bus/remote/index.js';
import { socketPathOf } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import type { RunbusError } from '../errors.js';
import { existsSync } from 'node:fs';
import { openReader } from '../store/index.js';
import type { AlertRow } from '../store/index.js';
import { AlertState, kSeverityNames, LifecycleKind, Severity, Topic } from '../wire/index.js';
import type { Alert, ContainerSnapshot, Heartbeat, HostSnapshot, Lifecycle, MetricSample, ResourceSnapshot } from '../wire/index.js';
import { CliError } from './errors.js';
import { inert } from './format.js';
import { WatchModel } from './watch-view.js';

export interface WatchOptions {
  config: RunbusConfig;
  cwd: string;
  runId: string | undefined;
  /** Exit after this many redraws. */
  frames: number | undefined;
  refreshMs: number;
}

// Terminal control: the alternate screen keeps the user's scrollback; the
// cursor is hidden while drawing. Both are undone on every way out.
const kEnter = '\x1b[?1049h\x1b[?25l';
const kLeave = '\x1b[?25h\x1b[?1049l';
const kHome = '\x1b[H';
const kClearBelow = '\x1b[J';

const kSeverityOf = new Map(Object.entries(kSeverityNames).map(([n, name]) => [name as string, Number(n) as Severity]));

function alertOfRow(r: AlertRow): Alert {
  return {
    tsMs: r.ts_ms,
    runId: r.run_id,
    rule: r.rule,
    // 0: unspecified, as on the wire.
    severity: kSeverityOf.get(r.severity) ?? (0 as Severity),
    state: r.state === 'firing' ? AlertState.FIRING : r.state === 'resolved' ? AlertState.RESOLVED : (0 as AlertState),
    value: r.value ?? 0,
    message: r.message ?? '',
    component: r.component,
    pid: r.pid ?? 0,
    firedAtMs: r.fired_at_ms,
    ...(r.threshold === null ? {} : { threshold: r.threshold }),
    ...(r.resolved_at_ms === null ? {} : { resolvedAtMs: r.resolved_at_ms }),
  };
}

/**
 * Alerts the hub recorded before watch attached (the bus only carries new
 * ones): those of `runId`, or of the newest run still going, from the
 * database at `db`. None when it cannot be read.
 */
export function storedAlerts(db: string, runId: string | undefined): Alert[] {
  if (!existsSync(db)) return [];
  try {
    const reader = openReader(db);
    try {
      const run = runId === undefined ? reader.lastRun() : reader.run(runId);
      if (run === undefined || (runId === undefined && run.ended_at_ms !== null)) return [];
      return reader.alerts({ runId: run.run_id }).sort((a, b) => a.ts_ms - b.ts_ms).map(alertOfRow);
    } finally {
      reader.close();
    }
  } catch {
    // Another runbus's newer file, a damaged one: the live alerts still show.
    return [];
  }
}

/** `runbus watch`: resolves with the exit status. */
export function watchCommand(o: WatchOptions): Promise<number> {
  const socket = socketPathOf(o.config.socket || true, o.cwd);
  const out = process.stdout;
  const tty = out.isTTY;
  const model = new WatchModel();
  const bus = connectBus({
    socket,
    component: 'runbus-watch',
    // pid 0: the hub must not sample the viewer as part of the run.
    pid: 0,
    ...(o.config.token === undefined ? {} : { token: o.config.token }),
    logger: { warn: () => undefined },
  });
  const filter = o.runId === undefined ? {} : { runId: o.runId };
  bus.subscribe(Topic.RESOURCE, (s: ResourceSnapshot) => { model.onResource(s); }, { ...filter, name: 'watch-resource' });
  bus.subscribe(Topic.HOST, (h: HostSnapshot) => { model.onHost(h); }, { ...filter, name: 'watch-host' });
  bus.subscribe(Topic.ALERT, (a: Alert) => { model.onAlert(a); }, { ...filter, name: 'watch-alert' });
  bus.subscribe(Topic.HEARTBEAT, (hb: Heartbeat) => { model.onHeartbeat(hb); }, { name: 'watch-heartbeat' });
  bus.subscribe(Topic.METRIC, (m: MetricSample) => { model.onMetric(m); }, { ...filter, name: 'watch-metric', overflow: 'drop-oldest' });
  // Containers: their latest figures, gone when they exit or are cleaned up.
  bus.subscribe(Topic.CONTAINER, (c: ContainerSnapshot) => { model.onContainer(c); }, { ...filter, name: 'watch-container' });
  bus.subscribe(Topic.LIFECYCLE, (l: Lifecycle) => {
    const k = l.kind as number;
    const id = (l as { containerId?: string | null }).containerId;
    if ((k === LifecycleKind.CONTAINER_EXITED || k === LifecycleKind.CONTAINER_CLEANED) && id != null) model.onContainerGone(id);
  }, { ...filter, name: 'watch-lifecycle' });

  return new Promise<number>((resolveExit) => {
    let frames = 0;
    let done = false;
    let fatal: RunbusError | undefined;
    // On each (re)connect: what the hub recorded meanwhile (the model drops repeats).
    bus.on('connect', () => {
      for (const a of storedAlerts(o.config.db, o.runId)) model.onAlert(a);
    });
    bus.on('error', (err) => {
      if (err.code === RemoteErrorCode.UNAUTHORIZED || err.code === RemoteErrorCode.PROTOCOL_VERSION) {
        fatal = err;
        finish(1);
      }
    });
    const draw = (): void => {
      const state = bus.connected ? `connected to ${socket}` : `waiting for a hub at ${socket} (${bus.state})`;
      const header = `runbus watch — ${state}${o.runId === undefined ? '' : ` — run ${o.runId}`}${tty ? '   q to quit' : ''}`;
      const lines = model.render(tty ? out.columns || 80 : 120, tty ? out.rows || 24 : 40, header);
      if (tty) out.write(`${kHome}${lines.map((l) => `${l}\x1b[K`).join('\n')}\n${kClearBelow}`);
      else out.write(`${lines.join('\n')}\n\n`);
      frames++;
      if (o.frames !== undefined && frames >= o.frames) finish(0);
    };
    const timer = setInterval(draw, o.refreshMs);
    const stdin = process.stdin;
    const onKey = (b: Buffer): void => {
      const k = b.toString();
      if (k === 'q' || k === 'Q' || k === '\x03') finish(0);
    };
    const onSignal = (): void => { finish(0); };
    function finish(code: number): void {
      if (done) return;
      done = true;
      clearInterval(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      if (tty) {
        out.write(kLeave);
        if (stdin.isTTY) {
          stdin.off('data', onKey);
          stdin.setRawMode(false);
          stdin.pause();
        }
      }
      void bus.close().then(() => {
        if (fatal !== undefined) {
          process.stderr.write(`${inert(new CliError('ERR_CLI_HUB', `runbus watch: the hub at ${socket} refused the connection: ${fatal.message}`).message)}\n`);
        }
        resolveExit(code);
      });
    }
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    if (tty) {
      out.write(kEnter);
      if (stdin.isTTY) {
        stdin.setRawMode(true);
        stdin.resume();
        stdin.on('data', onKey);
      }
      // Restore the terminal even on an unexpected exit.
      process.once('exit', () => { if (!done) out.write(kLeave); });
    }
    draw();
  });
}
