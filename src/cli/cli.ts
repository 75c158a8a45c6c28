import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config/index.js';
import type { RunbusConfig } from '../config/index.js';
import { RunbusError } from '../errors.js';
import { commandHelp, findCommand, kCommands, mainHelp, parseCommandArgs } from './commands.js';
import type { CommandSpec, ParsedArgs } from './commands.js';
import { CliError, usageError } from './errors.js';
import { inert } from './format.js';
import { kMarkerEnv } from './orphans.js';
// The command modules load the hub, the store and the bus: imported when
// their command runs, so --help and --version start fast.
import { suggest } from '../options.js';

/** The package version, from package.json beside dist/ (or src/). */
export function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function out(text: string): void {
  process.stdout.write(text);
}

function resolveConfig(parsed: ParsedArgs, env: NodeJS.ProcessEnv, cwd: string, command: string): RunbusConfig {
  const configFile = parsed.values.config;
  const cfg = loadConfig({ flags: parsed.flags, env, cwd, ...(typeof configFile === 'string' ? { configFile } : {}) });
  for (const w of cfg.warnings) process.stderr.write(`${w}\n`);
  // Inside a `runbus run --socket`, RUNBUS_SOCKET is the outer hub's socket,
  // given so the command's processes can connect. A nested run must not
  // try to serve it too: only a flag or a config file turns its socket on.
  if (command === 'run' && env[kMarkerEnv] !== undefined && cfg.sources.socket === 'env') return { ...cfg.values, socket: false };
  return cfg.values;
}

function intFlag(spec: CommandSpec, parsed: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = parsed.values[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw usageError(spec.name, `--${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(v)})`);
  return n;
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

async function dispatch(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(mainHelp(version()));
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const spec = topic === undefined ? undefined : findCommand(topic);
    out(spec === undefined ? mainHelp(version()) : commandHelp(spec));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    out(`${version()}\n`);
    return 0;
  }
  const spec = findCommand(first);
  if (spec === undefined) {
    const s = suggest(first, kCommands.map((c) => c.name));
    throw usageError('', first.startsWith('-') ? `unknown option ${first}` : `unknown command ${JSON.stringify(first)}${s === undefined ? '' : ` (did you mean "${s}"?)`}`);
  }
  if (spec.name === 'run') return runEntry(spec, rest, env, cwd);

  const parsed = parseCommandArgs(spec, rest, false);
  if (parsed.values.help === true) {
    out(commandHelp(spec));
    return 0;
  }
  const cfg = resolveConfig(parsed, env, cwd, spec.name);
  switch (spec.name) {
    case 'hub': {
      const { hubCommand } = await import('./hub-command.js');
      return hubCommand(cfg, cwd);
    }
    case 'runs': {
      const { runsCommand } = await import('./history.js');
      out(runsCommand(cfg.db, parsed.values.json === true));
      return 0;
    }
    case 'report': {
      const runId = str(parsed.values.run);
      if (runId !== undefined && parsed.values.last === true) throw usageError('report', '--run and --last cannot be used together');
      const { reportCommand } = await import('./history.js');
      out(reportCommand(cfg.db, runId, parsed.values.json === true));
      return 0;
    }
    case 'export': {
      const { exportCommand } = await import('./history.js');
      const text = exportCommand({
        db: cfg.db,
        format: str(parsed.values.format),
        out: str(parsed.values.out),
        runId: str(parsed.values.run),
        last: parsed.values.last === true,
        table: str(parsed.values.table),
        alerts: cfg.alerts,
      });
      if (text !== undefined) out(text);
      return 0;
    }
    case 'watch': {
      const { watchCommand } = await import('./watch.js');
      return watchCommand({
        config: cfg,
        cwd,
        runId: str(parsed.values.run),
        frames: intFlag(spec, parsed, 'frames', 1, Number.MAX_SAFE_INTEGER),
        refreshMs: intFlag(spec, parsed, 'refresh', 50, 3_600_000) ?? 1000,
      });
    }
    default:
      throw new Error(`runbus: command ${spec.name} has no handler`);
  }
}

/**
 * Where runbus's own options end and the command begins, as `time` and
 * `nice` see it: at the first word that is neither an option nor an
 * option's value, or after "--" (for a command that begins with a dash).
 */
export function splitRunArgs(spec: CommandSpec, rest: readonly string[]): { own: string[]; command: string[] } {
  const takesValue = new Set<string>();
  for (const f of spec.flags) {
    if (f.type !== 'string') continue;
    takesValue.add(`--${f.name}`);
    if (f.short !== undefined) takesValue.add(`-${f.short}`);
  }
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') return { own: rest.slice(0, i), command: rest.slice(i + 1) };
    if (!a.startsWith('-') || a === '-') return { own: rest.slice(0, i), command: rest.slice(i) };
    // "--db FILE": the next word is the value, not the command.
    if (takesValue.has(a)) i++;
  }
  return { own: [...rest], command: [] };
}

async function runEntry(spec: CommandSpec, rest: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const { own, command } = splitRunArgs(spec, rest);
  const hint = 'runbus run [options] [--] <command> [args…]; "--" is needed only when the command begins with a dash';
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandArgs(spec, own, false);
  } catch (err) {
    if (err instanceof CliError && err.code === 'ERR_CLI_USAGE' && /unknown option/.test(err.message)) {
      throw usageError('run', err.message, hint);
    }
    throw err;
  }
  if (parsed.values.help === true) {
    out(commandHelp(spec));
    return 0;
  }
  if (command.length === 0 || command[0] === '') {
    throw usageError('run', 'missing the command to run', hint);
  }
  const component = str(parsed.values.component);
  if (component !== undefined && (component === '' || component.length > 512)) throw usageError('run', '--component must be 1 to 512 characters');
  const cfg = resolveConfig(parsed, env, cwd, spec.name);
  const { runCommand } = await import('./run.js');
  return runCommand({
    config: cfg,
    argv: command,
    ...(component === undefined ? {} : { component }),
    summaryJson: parsed.values['summary-json'] === true,
    env,
    cwd,
  });
}

/**
 * The `runbus` command: runs `argv` (without node and the script) and
 * resolves with the exit status. Errors are printed here, on stderr:
 * usage and config errors exit 2, a missing command 127, other failures 1.
 */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  try {
    return await dispatch(argv, env, cwd);
  } catch (err) {
    if (err instanceof CliError) {
      const usage = err.code === 'ERR_CLI_USAGE';
      const where = err.command === undefined || err.command === '' ? 'runbus' : `runbus ${err.command}`;
      const msg = usage ? `${where}: ${err.message}` : err.message;
      const more = err.hint === undefined ? '' : `hint: ${err.hint}\n`;
      const help = usage ? `Try '${where} --help'.\n` : '';
      // Messages can quote run ids and names read from the database.
      process.stderr.write(`${inert(msg)}\n${more}${help}`);
      return err.exitStatus;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`runbus: ${inert(err.message)}\n`);
      return 2;
    }
    if (err instanceof TypeError || err instanceof RangeError) {
      // Option checks below the CLI (createHub, connectBus) name the option.
      process.stderr.write(`runbus: ${inert(err.message)}\n`);
      return 2;
    }
    if (err instanceof RunbusError) {
      // One prefix; the code is for programs (err.code), not for the reader.
      process.stderr.write(`runbus: ${inert(err.message.replace(/^runbus:? /, ''))}\n`);
      return 1;
    }
    process.stderr.write(`runbus: unexpected error: ${inert(err instanceof Error ? (err.stack ?? err.message) : String(err)).replaceAll('\\x0a', '\n')}\n`);
    return 1;
  }
}
