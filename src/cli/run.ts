// `runbus run`: preflight → supervise → report, one file each.
//
//   run-preflight.ts  check the command, the outputs and the port; start the hub
//   run-supervise.ts  live view, signals, spawn, wait, orphans
//   run-report.ts     last look, close (flush, export), read back, summary
import { announceDashboard } from './exporters.js';
import { inert } from './format.js';
import { preflight, startRunHub } from './run-preflight.js';
import type { RunCommandOptions } from './run-preflight.js';
import { report } from './run-report.js';
import { supervise } from './run-supervise.js';
import { StatusLine } from './status-line.js';

export { resolveExecutable, hasCommand } from './run-preflight.js';
export type { RunCommandOptions } from './run-preflight.js';

/**
 * `runbus run`: checks everything it can before the command starts (the
 * command exists, the JSON log and the database can be written), runs the
 * command under a hub, and returns the exit status to use.
 */
export async function runCommand(o: RunCommandOptions): Promise<number> {
  const cfg = o.config;
  const pre = await preflight(o);
  const stderr = process.stderr;
  const live = !cfg.quiet && stderr.isTTY && process.stdout.isTTY;
  const status = new StatusLine(stderr, live);
  // The status line keeps to the bottom row, so a warning needs no clearing first.
  const warn = (m: string): void => {
    // Hub warnings can name clients and processes.
    stderr.write(`${inert(m)}\n`);
  };
  const { hub, log } = await startRunHub(o, pre, warn);
  announceDashboard(hub, warn);
  if (hub.metricsUrl !== undefined && !cfg.quiet) warn(`runbus: Prometheus metrics on ${hub.metricsUrl}`);
  const s = await supervise(hub, o, pre, { status, live }, log);
  if (!s.started) return s.exitStatus;
  return report(hub, o, s, log, warn);
}
