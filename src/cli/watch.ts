import { RemoteErrorCode, connectBus } from '../bus/remote/index.js';
import { socketPathOf } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import type { RunbusError } from '../errors.js';
import { LifecycleKind, Topic } from '../wire/index.js';
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
