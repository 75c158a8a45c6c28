// `runbus run`, step 1 of 3: preflight. Everything that can be checked
// before the command starts is checked here (the command exists, the JSON
// log, the export directory and the metrics port can be used, the database
// opens), so a problem stops runbus with nothing started and nothing
// recorded. Then the hub starts. Steps 2 and 3: run-supervise.ts,
// run-report.ts; runCommand (run.ts) calls the three.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, resolve } from 'node:path';
import { socketPathOf } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import { createHub } from '../hub/index.js';
import type { Hub, HubOptions } from '../hub/index.js';
import { StoreError } from '../store/index.js';
import { containersOption } from './containers.js';
import { CliError } from './errors.js';
import { checkExportDir } from './export-dir.js';
import { checkMetricsPort, exporterFailure, hubExportOptions } from './exporters.js';
import { shellQuote } from './format.js';
import { checkWritable, JsonLog } from './log-json.js';
import { remoteWriteFromConfig } from './remote-write.js';

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
  /** false: start the command with child_process (no kernel rusage), as without the addon. */
  nativeWait?: boolean;
}

/** What preflight found: the command, its component tag and the export directory. */
export interface Preflight {
  readonly cmd: string;
  readonly component: string;
  readonly exportDir: string | undefined;
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

/**
 * Checks what can be checked before anything starts; throws CliError (or
 * ConfigError) naming the problem.
 */
export async function preflight(o: RunCommandOptions): Promise<Preflight> {
  const cfg = o.config;
  const cmd = o.argv[0]!;
  resolveExecutable(cmd, o.env, o.cwd);
  const component = o.component ?? (basename(cmd) || 'command');
  if (cfg.logJson !== undefined) checkWritable(cfg.logJson, 'JSON log');
  const exportDir = cfg.exportDir === undefined ? undefined : checkExportDir(cfg.exportDir, o.cwd);
  await checkMetricsPort(cfg);
  return { cmd, component, exportDir };
}

/**
 * The options `runbus run` and `runbus hub` both give createHub, from the
 * layered settings: the CLI handles signals itself and samples no process
 * of its own.
 */
export function commandHubOptions(
  cfg: RunbusConfig,
  at: { cwd: string; env: NodeJS.ProcessEnv; exportDir: string | undefined; warn: (m: string) => void },
): HubOptions {
  return {
    db: cfg.db,
    self: false,
    // --metrics-port and --dashboard: the hub's own exporter.
    ...hubExportOptions(cfg),
    handleSignals: false,
    intervalMs: cfg.intervalMs,
    // Without nvidia-smi on PATH the GPU sampler would only say so: skip it.
    gpu: cfg.gpu && hasCommand('nvidia-smi', at.env, at.cwd),
    logger: { warn: at.warn },
    // The built-in rules (unless the config says `defaults: false`) and the config file's.
    alerts: { rules: cfg.alerts.rules, defaults: cfg.alerts.defaults },
    // Written by hub.close(), after the last flush.
    ...(at.exportDir === undefined ? {} : { exportDir: at.exportDir }),
    ...(cfg.token === undefined ? {} : { token: cfg.token }),
    ...(cfg.retentionMs === undefined ? {} : { retentionMs: cfg.retentionMs }),
    remoteWrite: remoteWriteFromConfig(cfg, at.cwd),
    // A malformed --containers filter is a usage error here, before the hub starts.
    ...containersOption(cfg, at.env),
  };
}

/**
 * Starts the hub of the run (store, samplers, exporter, alerts) and opens the
 * JSON log; a database that cannot be used stops the run before the command.
 */
export async function startRunHub(o: RunCommandOptions, pre: Preflight, warn: (m: string) => void): Promise<{ hub: Hub; log: JsonLog | undefined }> {
  const cfg = o.config;
  const { exportDir } = pre;
  let hub: Hub;
  try {
    hub = await createHub({
      ...commandHubOptions(cfg, { cwd: o.cwd, env: o.env, exportDir, warn }),
      command: shellQuote(o.argv),
      socket: socketPathOf(cfg.socket, o.cwd),
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
  return { hub, log };
}
